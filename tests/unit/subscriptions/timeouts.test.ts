/**
 * The fetcher's two timeouts, each against a server that breaks them in its own way: a host that
 * never completes the connection (the connect timeout, well before the whole-response one), a
 * socket that accepts and never answers, a server that stalls halfway through a body it announced,
 * and one that trickles a body that would finish, too late (the whole-response timeout). A refresh
 * records the failure on the feed and writes nothing of the half-read feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRefreshLibrary, openRefreshLibrary } from '../../fixtures/refresh-library';
import { fetchUrl, FetchError } from '../../../main/subscriptions/http';
import { refreshFeed } from '../../../main/subscriptions/refresh';
import { arabicFeed, FeedServer } from '../../fixtures/feed-server';
import { mute, unconnectable, type Stalled } from '../../fixtures/stalled-sockets';

let server: FeedServer;
let unreachable: Stalled;
let silent: Stalled;
const feed = Buffer.from(arabicFeed({ count: 5 }));

beforeAll(async () => {
  [server, unreachable, silent] = await Promise.all([FeedServer.start(), unconnectable(), mute()]);
  server
    // Announces the whole feed, sends half of it, and stalls.
    .on('/stalls.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(feed.byteLength) });
      res.write(feed.subarray(0, feed.byteLength >> 1));
    })
    // A byte every 20 ms of a 200-byte body: it would be complete in 4 s.
    .on('/trickles.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '200' });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || ++sent > 200) clearInterval(timer);
        else res.write(' ');
      }, 20);
      res.on('close', () => clearInterval(timer));
    });
});
afterAll(async () => {
  await Promise.all([server.close(), unreachable.close(), silent.close()]);
});

async function failure(promise: Promise<unknown>): Promise<{ error: FetchError; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return { error, ms: Date.now() - started };
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('timeouts', () => {
  it('gives up connecting to a host that never completes the connection, at the connect timeout', async () => {
    const { error, ms } = await failure(fetchUrl(unreachable.url('/feed.xml'), { connectTimeoutMs: 300, totalTimeoutMs: 10_000 }));
    expect(error.code).toBe('connect-timeout');
    expect(error.message).toMatch(/could not connect to 127\.0\.0\.1:\d+ within/);
    expect(ms).toBeLessThan(5_000);
  });

  it('gives up on a socket that accepts and never answers, at the whole-response timeout', async () => {
    const { error } = await failure(fetchUrl(silent.url('/feed.xml'), { connectTimeoutMs: 300, totalTimeoutMs: 600 }));
    // Connected at once: it is the answer that never came.
    expect(error.code).toBe('timeout');
  });

  it('gives up on a body that stalls halfway, and on one that trickles in too slowly to finish in time', async () => {
    expect((await failure(fetchUrl(server.url('/stalls.xml'), { totalTimeoutMs: 500 }))).error.code).toBe('timeout');
    // Every byte comes well within any idle timeout; the whole answer does not.
    expect((await failure(fetchUrl(server.url('/trickles.xml'), { totalTimeoutMs: 500 }))).error.code).toBe('timeout');
  });

  it('a refresh records the timeout on the feed and keeps nothing of the half-read feed', async () => {
    const refreshing = openRefreshLibrary('sahifa-timeouts-');
    const { library, ctx } = refreshing;
    try {
      const { feed } = library.feeds().add({ url: server.url('/stalls.xml'), title: 'متوقف' });
      const outcome = await refreshFeed({ ...ctx, timeouts: { totalMs: 500 } }, feed.id);
      expect(outcome).toMatchObject({ status: 'failed', error: 'no complete answer within 1 s' });
      expect(library.feeds().get(feed.id)).toMatchObject({ failures: 1, lastError: 'no complete answer within 1 s', articles: 0 });
      expect(library.list().total).toBe(0);
    } finally {
      closeRefreshLibrary(refreshing);
    }
  });
});
