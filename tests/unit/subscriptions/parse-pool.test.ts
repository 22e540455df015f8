/**
 * Feed parse threads: a feed read on a thread gives exactly what reading it in place gives (real
 * Arabic news, windows-1256 with no charset), a feed that is not one fails as such, and a thread
 * that dies costs only the feed it was reading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotAFeedError } from '../../../main/subscriptions/feed-document';
import { FeedParseCrashed, FeedParsePool, inPlaceParser } from '../../../main/subscriptions/parse-pool';
import { arabicFeed } from '../../fixtures/feed-server';

const pools: FeedParsePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(options: ConstructorParameters<typeof FeedParsePool>[0]): FeedParsePool {
  const created = new FeedParsePool(options);
  pools.push(created);
  return created;
}

const request = (bytes: Uint8Array) => ({ bytes, contentType: 'application/rss+xml', charset: null, origin: 'https://news.example.sa/feed', collectImages: true });

describe('feed parse threads', () => {
  it('read a feed on a thread exactly as in place, several at once', async () => {
    const feeds = [arabicFeed({ count: 8, encoding: 'windows-1256', declare: false }), arabicFeed({ from: 8, count: 8, image: 'https://img.example.sa/a.png' })];
    const threads = pool({ threads: 2 });
    const onThreads = await Promise.all(feeds.map((bytes) => threads.parse(request(bytes))));
    const inPlace = await Promise.all(feeds.map((bytes) => inPlaceParser.parse(request(bytes))));
    // What crosses to a thread is a structured clone (stored text's Buffers come back as Uint8Arrays).
    expect(onThreads).toEqual(structuredClone(inPlace));
    const [first, second] = onThreads;
    expect(first!.doc.items).toHaveLength(8);
    expect(first!.prepared.get(0)!.article.text).toMatch(/[\u0600-\u06ff]/);
    expect(first!.imageUrls.size).toBe(0);
    expect([...second!.imageUrls.values()][0]).toEqual(['https://img.example.sa/a.png']);
  });

  it('analyse only the items the library does not have as they are', async () => {
    const first = await inPlaceParser.parse(request(arabicFeed({ count: 4 })));
    const [same, changed, removed] = first.doc.items;
    const known = new Map<string, string | null>([[same!.key, same!.hash], [changed!.key, 'an older version'], [removed!.key, null]]);
    const again = await inPlaceParser.parse({ ...request(arabicFeed({ count: 4 })), known });
    // The fourth item is new.
    expect([...again.prepared.keys()]).toEqual([changed!.position, first.doc.items[3]!.position]);
    expect(again.doc.items).toEqual(first.doc.items);
  });

  it('fail a page that is not a feed as such', async () => {
    const bytes = new TextEncoder().encode('<!doctype html><html><body><p>مرحبا</p></body></html>');
    await expect(pool({ threads: 1 }).parse({ ...request(bytes), contentType: 'text/html' })).rejects.toBeInstanceOf(NotAFeedError);
  });

  it('lose only the feed a dying thread was reading; the next feed is read by a new thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-parse-pool-'));
    const script = path.join(dir, 'dies.mjs');
    // Says it is ready, then dies on its first feed, as a thread out of memory would; a marker
    // file makes only the first thread die.
    const marker = path.join(dir, 'died');
    fs.writeFileSync(script, `
      import fs from 'node:fs';
      import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ type: 'ready' });
      parentPort.on('message', ({ seq }) => {
        if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(7); }
        parentPort.postMessage({ type: 'failed', seq, message: 'read by the second thread', notAFeed: false });
      });`);
    try {
      const threads = pool({ threads: 1, script });
      const bytes = arabicFeed({ count: 2 });
      const [first, second] = await Promise.allSettled([threads.parse(request(bytes)), threads.parse(request(bytes))]);
      expect(first.status === 'rejected' && first.reason).toBeInstanceOf(FeedParseCrashed);
      expect(second.status === 'rejected' && (second.reason as Error).message).toBe('read by the second thread');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('read a feed where they are asked when every thread has left one unanswered for two seconds', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-parse-pool-'));
    const script = path.join(dir, 'busy.mjs');
    // A thread that takes feeds and never gets through them.
    fs.writeFileSync(script, `import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ type: 'ready' }); parentPort.on('message', () => undefined);`);
    try {
      const threads = pool({ threads: 1, script });
      const bytes = arabicFeed({ count: 2 });
      // Never answered: they fail when the pool closes.
      const queued = [threads.parse(request(bytes)), threads.parse(request(bytes))].map((p) => p.catch((error: unknown) => error));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the thread has said it is ready
      // Behind but not stuck: the next feed still goes to the thread, whose queue the refresh
      // thread leaves alone (it has the index to write).
      const queuedBeside = threads.parse(request(bytes)).catch((error: unknown) => error);
      const early = await Promise.race([queuedBeside.then(() => 'read here'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 500))]);
      expect(early).toBe('waiting');
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the oldest has waited two seconds
      const queuedMore = [threads.parse(request(bytes)), threads.parse(request(bytes))];
      const settled = await Promise.race([Promise.all(queuedMore).then(() => 'read here'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 5_000))]);
      expect(settled).toBe('read here');
      await threads.close();
      expect((await Promise.all([...queued, queuedBeside])).map((error) => (error as Error).message)).toEqual(['the refresh has stopped', 'the refresh has stopped', 'the refresh has stopped']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('read in place when no thread can start', async () => {
    const threads = pool({ threads: 1, script: path.join(os.tmpdir(), 'no-such-parse-worker.mjs') });
    const read = await threads.parse(request(arabicFeed({ count: 3 })));
    expect(read.doc.items).toHaveLength(3);
  });
});
