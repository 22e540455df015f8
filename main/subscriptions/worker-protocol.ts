/** Messages between the main process and the refresh worker (refresh-thread.ts, worker.ts). */
import type { FeedOutcome, RefreshSummary } from './refresh';

export interface RefreshWorkerInput {
  libraryFile: string;
  nativeBinding?: string;
  parallel?: number;
  perHost?: number;
  /** Threads that read fetched feeds (parse-pool.ts); 0 reads them on the refresh thread. */
  parseThreads?: number;
}

export type RefreshCommand = { type: 'refresh-now'; feeds?: number[] } | { type: 'stop' };

export type RefreshMessage =
  | { type: 'feed'; outcome: FeedOutcome }
  | { type: 'run'; summary: RefreshSummary }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };
