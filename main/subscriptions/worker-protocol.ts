/** Messages between the main process and the refresh worker (refresh-thread.ts, worker.ts). */
import type { OpmlReport } from './opml';
import type { FeedOutcome, RefreshSummary } from './refresh';

export interface RefreshWorkerInput {
  libraryFile: string;
  nativeBinding?: string;
  parallel?: number;
  perHost?: number;
  /** Threads that read fetched feeds (parse-pool.ts); 0 reads them on the refresh thread. */
  parseThreads?: number;
}

export type RefreshCommand =
  | { type: 'refresh-now'; feeds?: number[] }
  /** An OPML file to subscribe to (its feeds are then fetched, like any feed that is due). */
  | { type: 'import-opml'; request: number; name: string; bytes: Uint8Array }
  | { type: 'stop' };

export type RefreshMessage =
  | { type: 'feed'; outcome: FeedOutcome }
  | { type: 'run'; summary: RefreshSummary }
  | { type: 'opml-imported'; request: number; report: OpmlReport }
  /** The file was not OPML (`opml`, the reason naming the file), or the import failed. */
  | { type: 'opml-failed'; request: number; message: string; opml: boolean }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };
