/** Whether a media query matches now (e.g. a small window), updating its host when that changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class MediaQueryController implements ReactiveController {
  private readonly query: MediaQueryList;
  matches: boolean;

  constructor(
    private readonly host: ReactiveControllerHost,
    media: string,
  ) {
    this.query = window.matchMedia(media);
    this.matches = this.query.matches;
    host.addController(this);
  }

  hostConnected(): void {
    this.matches = this.query.matches;
    this.query.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.query.removeEventListener('change', this.onChange);
  }

  private readonly onChange = (event: MediaQueryListEvent): void => {
    this.matches = event.matches;
    this.host.requestUpdate();
  };
}
