/**
 * The imports the window started, running on worker threads (main/import/jobs.ts): each one's
 * progress goes to the window as `import-progress` events, each can be cancelled by its id, and
 * the end of an import by path is announced with `library-changed`, so the window shows the report
 * and refreshes its list even when the import was started from the menu or a script.
 *
 * No Electron here: the shell passes how to reach its window (`notify`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportReport, SahifaEvent } from '../common';
import { startImport, type ImportJob, type ImportRequest } from './import/jobs';

/**
 * How long a write of the main thread (a bookmark, a setting) may wait, blocking, for the lock an
 * import worker holds while it commits a batch. SQLite waits by sleeping its thread, and the main
 * thread must never be blocked for long; a write that does not get the lock in time fails with
 * SQLITE_BUSY and is tried again a little later without blocking (retryWhileLocked).
 */
export const MAIN_LOCK_WAIT_MS = 20;
const LOCKED_RETRY_MS = 10;
const LOCKED_GIVE_UP_MS = 10_000;

function isLocked(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Runs `call` again while the library is locked by an import's transaction, for up to 10 s. */
export async function retryWhileLocked<T>(call: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isLocked(error) || Date.now() - started > LOCKED_GIVE_UP_MS) throw error;
      await sleep(LOCKED_RETRY_MS);
    }
  }
}

export interface RunningImportsOptions {
  libraryFile: string;
  nativeBinding?: string | undefined;
  /** Sends an event to the window; the browser mode's goes to its event stream. */
  notify?: ((event: SahifaEvent) => void) | undefined;
  /**
   * Called when the last running import's thread has ended: the library gives back the memory
   * the import left behind (Library.releaseMemory).
   */
  whenIdle?: (() => void) | undefined;
}

export class RunningImports {
  private readonly jobs = new Map<number, ImportJob>();

  constructor(private readonly options: RunningImportsOptions) {}

  /**
   * Runs an import to its end. `announce`: progress events and a final library-changed; imports
   * of file contents do without, since the window sends those in batches and follows them itself.
   */
  async run(request: ImportRequest, { announce }: { announce: boolean }): Promise<ImportReport> {
    const { libraryFile, nativeBinding, notify } = this.options;
    const job: ImportJob = startImport(libraryFile, request, {
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(announce && notify ? { onProgress: (p) => notify({ type: 'import-progress', id: job.id, ...p }) } : {}),
    });
    this.jobs.set(job.id, job);
    let report: ImportReport | null = null;
    try {
      report = await job.done;
      return report;
    } finally {
      this.jobs.delete(job.id);
      // Failed imports too: the batches written before the failure are in the library.
      if (announce) notify?.({ type: 'library-changed', report });
      void job.ended.then(() => {
        if (this.jobs.size === 0) this.options.whenIdle?.();
      });
    }
  }

  /** False when no import with this id is running (it finished, or never was). */
  cancel(id: number): boolean {
    const job = this.jobs.get(id);
    if (job === undefined) return false;
    job.cancel();
    return true;
  }
}
