/**
 * The import worker: runs one import (main/import/jobs.ts starts it) on its own thread, with its
 * own connection to the library file, so that reading, parsing, analysing and writing thousands of
 * articles never holds up the main process's event loop. The library is in WAL mode: this
 * connection writes while the main thread's keeps serving reads, and each batch is one
 * transaction, so cancelling or dying mid-way leaves whole batches behind.
 *
 * Bundled to out/main/import-worker.cjs (Electron) and .mjs (browser mode) by scripts/build.mjs;
 * tests run it from this source through worker-source.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Library, LibraryError } from '../library/library';
import { importBuffers, importPaths, type ImportOptions, type ImportProgress } from './importer';
import { throttle } from './throttle';
import type { WorkerCommand, WorkerInput, WorkerMessage } from './worker-protocol';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

async function run(input: WorkerInput): Promise<void> {
  const controller = new AbortController();
  // The importer yields to the event loop between files, which is when a cancel is read.
  parentPort?.on('message', (command: WorkerCommand) => {
    if (command.type === 'cancel') controller.abort();
  });
  // Once the import is over, nothing but this port would keep the thread alive.
  parentPort?.unref();

  let library: Library | undefined;
  try {
    library = Library.open(input.libraryFile, input.nativeBinding ? { nativeBinding: input.nativeBinding } : {});
    const progress = throttle<ImportProgress>(
      (value) => post({ type: 'progress', progress: value }),
      input.progressIntervalMs,
      Date.now,
      // After the last file, the next update would be the report: the index's turn is said at once.
      (value) => value.stage !== 'files',
    );
    const options: ImportOptions = { signal: controller.signal, batchSize: input.batchSize, onProgress: (value) => progress.push(value) };
    const { request } = input;
    const report =
      'paths' in request
        ? await importPaths(library, request.paths, options)
        : await importBuffers(
            library,
            request.files.map(({ name, base64 }) => {
              // Decoded here rather than in main: a drop of 30 MB is 30 MB of work off the main thread.
              const buffer = Buffer.from(base64, 'base64');
              return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
            }),
            options,
          );
    progress.flush();
    post({ type: 'done', report });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', message, libraryError: error instanceof LibraryError });
  } finally {
    library?.close();
  }
}

void run(workerData as WorkerInput);
