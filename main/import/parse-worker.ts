/**
 * A parse thread (parse-pool.ts starts it): reads, sniffs, parses and analyses files, and sends
 * back articles the library only has to write. No library connection here, so no better-sqlite3.
 *
 * Files are parsed one at a time, in the order they arrive, and answered in that order: when the
 * thread dies, the importer knows the file it died on is the oldest one it has not answered.
 * Each file is read when its turn comes, blocking: this thread has nothing else to do meanwhile,
 * and reading through libuv's pool cost more CPU than the read itself (the importer keeps enough
 * files in flight that the next one is always here).
 *
 * Bundled to out/main/parse-worker.cjs and .mjs by scripts/build.mjs; from source, it is started
 * through parse-worker-source.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { parseAndPrepare, readSourceSync } from './parse-file';
import type { ParseReply, ParseRequest } from './parse-protocol';

function reply(message: ParseReply): void {
  parentPort?.postMessage(message);
}

let parsing: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ seq, file }: ParseRequest) => {
  parsing = parsing.then(async () => {
    const { articles, failures, notes } = await parseAndPrepare(readSourceSync(file));
    reply({ type: 'parsed', seq, articles, failures, notes });
  });
});

reply({ type: 'ready' });
