/**
 * Renders its host again when the interface's language or digits change. The string tables and
 * formatters are read at render time (strings.ts, locale.ts), so a new render is all a component
 * needs; every component that shows text adds one of these.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onSettingsChange } from '../settings-store';

export class LocaleController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onSettingsChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
