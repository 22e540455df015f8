/**
 * A feed parse thread (parse-pool.ts starts it): reads fetched feeds, sanitizes and analyses their
 * items, and sends back articles the refresh thread only has to plan and write. No library
 * connection here, no network. Requests are answered one at a time, in the order they arrive.
 *
 * Bundled to out/main/feed-parse-worker.cjs and .mjs by scripts/build.mjs; from source, it is
 * started through parse-worker-source.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { runThisThreadInBackground } from './background-priority';
import { NotAFeedError } from './feed-document';
import { parseForRefresh } from './feed-parse';
import type { FeedParseMessage, FeedParseReply } from './parse-protocol';

function reply(message: FeedParseReply): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', ({ seq, request }: FeedParseMessage) => {
  try {
    reply({ type: 'parsed', seq, result: parseForRefresh(request) });
  } catch (error) {
    reply({ type: 'failed', seq, message: error instanceof Error ? error.message : String(error), notAFeed: error instanceof NotAFeedError });
  }
});

runThisThreadInBackground();
reply({ type: 'ready' });
