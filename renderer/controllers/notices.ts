/**
 * The one short notice at the bottom of the window ("Link copied", "Deleted … — Undo"): a new one
 * replaces the one shown, and each goes away by itself after a while unless dismissed first.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Notice } from '../view-state';
import { messageOf } from '../error-message';

export const NOTICE_MS = 4_000;

export class NoticeController implements ReactiveController {
  notice: Notice | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The notice went away, by its time or by the reader's hand (not when another replaced it). */
    private readonly onDismiss: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  show(notice: Notice, ms = NOTICE_MS): void {
    clearTimeout(this.timer);
    this.notice = notice;
    this.timer = setTimeout(() => this.dismiss(), ms);
    this.host.requestUpdate();
  }

  dismiss(): void {
    this.clear();
    this.onDismiss();
  }

  /** Takes the notice away without telling anyone (its own action ran). */
  clear(): void {
    clearTimeout(this.timer);
    this.notice = null;
    this.host.requestUpdate();
  }

  error(error: unknown): void {
    this.show({ message: messageOf(error), kind: 'error' });
  }
}
