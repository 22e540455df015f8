/**
 * A parse thread (parse-pool.ts starts it): reads, sniffs, parses and analyses files, and sends
 * back articles the library only has to write. No library connection here, so no better-sqlite3.
 *
 * Files are parsed one at a time, in the order they arrive, and answered in that order: when the
 * thread dies, the importer knows the file it died on is the oldest one it has not answered.
 * Reading may run ahead of parsing (the importer bounds how many files are sent ahead).
 *
 * Bundled to out/main/parse-worker.cjs and .mjs by scripts/build.mjs; from source, it is started
 * through parse-worker-source.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { parseAndPrepare, readSource } from './parse-file';
import type { ParseReply, ParseRequest } from './parse-protocol';

function reply(message: ParseReply): void {
  parentPort?.postMessage(message);
}

let parsing: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ seq, file }: ParseRequest) => {
  const reading = readSource(file);
  parsing = parsing.then(async () => {
    const { articles, failures, notes } = await parseAndPrepare(await reading);
    reply({ type: 'parsed', seq, articles, failures, notes });
  });
});

reply({ type: 'ready' });
