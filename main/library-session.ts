/**
 * The library the desktop app has open, and the handlers working on it. A restore replaces both
 * while the window stays: calls go through handlers(), which reaches whichever library is open
 * at the time of the call. No Electron here.
 */
import { METHOD_NAMES } from '../common';
import type { Handlers } from './handlers';
import { stopAllImports } from './import/jobs';
import type { Library } from './library/library';

export class LibrarySession {
  private opened: { library: Library; handlers: Handlers } | null = null;

  constructor(
    /** The library file this session opens, and reopens after a restore. */
    readonly file: string,
    private readonly makeHandlers: (library: Library) => Handlers,
  ) {}

  /** The library open now, or null (not open yet, or being replaced). */
  get library(): Library | null {
    return this.opened?.library ?? null;
  }

  use(library: Library): void {
    this.opened = { library, handlers: this.makeHandlers(library) };
  }

  /** Handlers that forward each call to the library open at the time of the call. */
  handlers(): Handlers {
    const forwarding: Record<string, (args: unknown) => Promise<unknown>> = {};
    for (const name of METHOD_NAMES) {
      forwarding[name] = (args) => {
        if (!this.opened) return Promise.reject(new Error('The library is being replaced; try again in a moment.'));
        return (this.opened.handlers[name] as (args: unknown) => Promise<unknown>)(args);
      };
    }
    return forwarding as Handlers;
  }

  /**
   * Lets go of the file so it can be replaced: calls are refused from now on, running imports
   * stop (they would go on writing into it), and the library closes, its search thread included.
   */
  async release(): Promise<void> {
    const library = this.opened?.library;
    this.opened = null;
    await stopAllImports();
    if (!library) return;
    library.close();
    await library.whenClosed();
  }

  close(): void {
    this.opened?.library.close();
    this.opened = null;
  }
}
