/**
 * The window's keyboard shortcuts (shortcuts.ts decides which key does what): listens on the
 * window, works out where the focus really is (through shadow roots), and hands the action over.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { shortcutFor, type ShortcutAction } from '../shortcuts';

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** The element that really has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export interface ShortcutHandlers {
  /** A dialog has the keyboard to itself (Esc closes it natively). */
  paused(): boolean;
  /** `target`: what had the focus. */
  run(action: ShortcutAction, target: Element | null): void;
}

export class ShortcutController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly handlers: ShortcutHandlers,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.handlers.paused()) return;
    const target = deepActiveElement();
    const action = shortcutFor(event, {
      direction: document.documentElement.dir === 'ltr' ? 'ltr' : 'rtl',
      inList: target instanceof HTMLElement && target.matches('button.row'),
      editing: isEditable(target),
      onControl: target instanceof HTMLElement && !target.matches('button.row') && target.matches('button, a[href], summary, [role=menuitem], input[type=checkbox], input[type=radio]'),
    });
    if (action === null) return;
    // Esc on the reader's own controls (the export menu) was theirs; Delete in the note is typing.
    if (action === 'back' && event.defaultPrevented) return;
    event.preventDefault();
    this.handlers.run(action, target);
  };
}
