/**
 * The background refresh of an open library, as the shells run it: the refresh thread
 * (subscriptions/refresh-thread.ts) started with the library and stopped before it closes, each
 * feed it refreshed told to the window (a `feeds-refreshed` event), and OPML imports run there too.
 * No Electron here.
 */
import type { SahifaEvent } from '../common';
import type { OpmlReport } from './subscriptions/opml';
import type { FeedOutcome } from './subscriptions/refresh';
import { RefreshThread } from './subscriptions/refresh-thread';

/** What the handlers need of the background refresh. */
export interface FeedRefresher {
  /** Fetch these feeds (every one not paused when omitted) now, in the background. */
  refreshNow(feeds?: number[]): void;
  /**
   * Subscribes to the feeds of an OPML file on the refresh thread, which then fetches them: the
   * app's main thread stays free however large the file.
   */
  importOpml(name: string, bytes: Uint8Array): Promise<OpmlReport>;
  /** Stops refreshing; resolves once the thread finished its last write and closed its connection. */
  stop(): Promise<void>;
}

export interface ThreadRefresherOptions {
  nativeBinding?: string;
  notify?: (event: SahifaEvent) => void;
  /** The thread's script (tests run it from source). */
  script?: string;
}

export class ThreadRefresher implements FeedRefresher {
  private readonly thread: RefreshThread;
  private stopping: Promise<void> | null = null;

  constructor(libraryFile: string, options: ThreadRefresherOptions = {}) {
    this.thread = new RefreshThread(libraryFile, {
      nativeBinding: options.nativeBinding,
      script: options.script,
      onFeed: (outcome: FeedOutcome) => {
        options.notify?.({
          type: 'feeds-refreshed',
          outcome: { feed: outcome.feed, status: outcome.status, new: outcome.new, updated: outcome.updated, error: outcome.error, errorCode: outcome.errorCode },
        });
      },
      // The refresh goes on without the thread's report; the feeds keep their own last errors.
      onError: (message) => console.error(`sahifa: background refresh: ${message}`),
    });
  }

  refreshNow(feeds?: number[]): void {
    if (this.stopping === null) this.thread.refreshNow(feeds);
  }

  importOpml(name: string, bytes: Uint8Array): Promise<OpmlReport> {
    if (this.stopping !== null) return Promise.reject(new Error('the refresh has stopped'));
    return this.thread.importOpml(name, bytes);
  }

  stop(): Promise<void> {
    this.stopping ??= this.thread.stop();
    return this.stopping;
  }
}
