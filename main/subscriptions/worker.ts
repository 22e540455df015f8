/**
 * The refresh worker: the background refresh loop (scheduler.ts) on its own thread, with its own
 * connection to the library, so fetching, parsing, sanitizing and indexing never hold up the main
 * process; OPML imports run here too, for the same reason. The library is in WAL mode: this connection writes one feed's items per transaction
 * while the main thread's keeps serving reads.
 *
 * Bundled to out/main/refresh-worker.cjs and .mjs by scripts/build.mjs; tests run it from this
 * source through worker-source.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Library } from '../library/library';
import { runThisThreadInBackground } from './background-priority';
import { importOpmlFeeds, OpmlError } from './opml';
import { defaultFeedParseThreads } from './parse-pool';
import { RefreshScheduler } from './scheduler';
import type { RefreshCommand, RefreshMessage, RefreshWorkerInput } from './worker-protocol';

function post(message: RefreshMessage): void {
  parentPort?.postMessage(message);
}

function run(input: RefreshWorkerInput): void {
  runThisThreadInBackground();
  let library: Library;
  try {
    library = Library.open(input.libraryFile, input.nativeBinding ? { nativeBinding: input.nativeBinding } : {});
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const scheduler = new RefreshScheduler(library, {
    parallel: input.parallel,
    perHost: input.perHost,
    parseThreads: input.parseThreads ?? defaultFeedParseThreads(),
    onFeed: (outcome) => post({ type: 'feed', outcome }),
    onRun: (summary) => post({ type: 'run', summary }),
  });
  parentPort?.on('message', (command: RefreshCommand) => {
    if (command.type === 'refresh-now') scheduler.refreshNow(command.feeds);
    else if (command.type === 'import-opml') {
      try {
        const { ids, ...report } = importOpmlFeeds(library.feeds(), command.bytes, command.name);
        post({ type: 'opml-imported', request: command.request, report });
        if (ids.length > 0) scheduler.refreshNow(ids);
      } catch (error) {
        post({ type: 'opml-failed', request: command.request, message: error instanceof Error ? error.message : String(error), opml: error instanceof OpmlError });
      }
    }
    else if (command.type === 'stop') {
      void scheduler.stop().then(() => {
        library.close();
        post({ type: 'stopped' });
        parentPort?.close();
      });
    }
  });
  scheduler.start();
}

run(workerData as RefreshWorkerInput);
