/**
 * The library the desktop app has open, the handlers working on it, and what runs in the
 * background while it is open (the refresh of feeds). A restore replaces them all while the
 * window stays: calls go through handlers(), which reaches whichever library is open at the time
 * of the call; the background work stops before its library closes. No Electron here.
 */
import { METHOD_NAMES } from '../common';
import type { Handlers } from './handlers';
import { stopAllImports } from './import/jobs';
import type { Library } from './library/library';

/** The handlers on an open library, and how to stop what they started in the background. */
export interface OpenedLibrary {
  handlers: Handlers;
  /** Stops the background work on the library (resolves when its last write is done). */
  stop?: () => Promise<void>;
}

export class LibrarySession {
  private opened: ({ library: Library } & OpenedLibrary) | null = null;

  constructor(
    /** The library file this session opens, and reopens after a restore. */
    readonly file: string,
    private readonly open: (library: Library) => OpenedLibrary,
  ) {}

  /** The library open now, or null (not open yet, or being replaced). */
  get library(): Library | null {
    return this.opened?.library ?? null;
  }

  use(library: Library): void {
    this.opened = { library, ...this.open(library) };
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
    const opened = this.opened;
    this.opened = null;
    await Promise.all([stopAllImports(), opened?.stop?.()]);
    if (!opened) return;
    opened.library.close();
    await opened.library.whenClosed();
  }

  /** Closes for good (the app quits): the background work stops first, then the library closes. */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    await opened?.stop?.().catch((error: unknown) => console.error('sahifa: stopping the background work:', error));
    opened?.library.close();
  }
}
