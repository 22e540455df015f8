/**
 * Imports as jobs on a worker thread (main/import/worker.ts): the caller gets an id, the report
 * when it is over, progress on the way, and a way to cancel. The main thread only relays a few
 * small messages a second, so the window stays responsive during an import of thousands of files.
 *
 * No Electron here: the desktop app and the browser mode both run imports through this module.
 * The command line does not: it imports in its own process (it has no window to keep responsive).
 */
import { Worker } from 'node:worker_threads';
import { LibraryError } from '../library/errors';
import type { ImportReport } from '../../common';
import { workerScript as locateWorkerScript } from '../worker-script';
import type { ImportProgress } from './importer';
import type { ImportRequest, WorkerCommand, WorkerInput, WorkerMessage } from './worker-protocol';

export type { EncodedFile, ImportRequest } from './worker-protocol';

export interface ImportJob {
  readonly id: number;
  /** The report (cancelled: true after a cancel); rejects when the import could not run at all. */
  readonly done: Promise<ImportReport>;
  /** Resolves once the worker thread is gone, its connection closed and its memory freed. */
  readonly ended: Promise<void>;
  /** Stops between two files; what was imported before stays, and the report says cancelled. */
  cancel(): void;
}

export interface StartImportOptions {
  /** The better-sqlite3 native module the main process uses (Electron's own build). */
  nativeBinding?: string;
  /** Called at most once per `progressIntervalMs`, and once with the last file. */
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
  progressIntervalMs?: number;
}

/** Ten progress updates a second: a bar that moves smoothly, for almost no work on the main thread. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Articles per transaction on the worker. Writing an article into the full-text index holds the
 * library's write lock for about a millisecond, and the main thread's own writes (a bookmark, a
 * setting) wait for that lock synchronously: small transactions keep that wait short, and the
 * progress bar moving. Measured: no slower than batches of 500 (bench/import-responsiveness.ts).
 */
export const WORKER_BATCH_SIZE = 25;

/**
 * Where the import worker's code is (see main/worker-script.ts): out/main/import-worker.cjs next to
 * the Electron bundle, .mjs next to the browser mode's, or worker-source.mjs from source.
 */
export function workerScript(moduleUrl: string = import.meta.url): string {
  return locateWorkerScript({ bundle: 'import-worker', source: './worker-source.mjs' }, moduleUrl);
}

let nextId = 1;
const running = new Set<Worker>();

export function startImport(libraryFile: string, request: ImportRequest, options: StartImportOptions = {}): ImportJob {
  const id = nextId++;
  const input: WorkerInput = {
    libraryFile,
    nativeBinding: options.nativeBinding,
    request,
    batchSize: options.batchSize ?? WORKER_BATCH_SIZE,
    progressIntervalMs: options.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
  };
  const worker = new Worker(workerScript(), { workerData: input });
  running.add(worker);
  let settled = false;
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const done = new Promise<ImportReport>((resolve, reject) => {
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        if (!settled) options.onProgress?.(message.progress);
      } else if (message.type === 'done') {
        settle(() => resolve(message.report));
      } else {
        const Failure = message.libraryError ? LibraryError : Error;
        settle(() => reject(new Failure(message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => {
      running.delete(worker);
      settle(() => reject(new Error(`the import stopped unexpectedly (worker exit code ${code})`)));
    });
  });

  return {
    id,
    done,
    ended,
    cancel() {
      if (!settled) worker.postMessage({ type: 'cancel' } satisfies WorkerCommand);
    },
  };
}

/**
 * Stops every running import at once (the process is shutting down). A batch being written is
 * rolled back by SQLite; the batches before it stay.
 */
export async function stopAllImports(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.terminate()));
}
