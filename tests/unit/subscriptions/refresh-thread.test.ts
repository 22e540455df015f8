/**
 * The background refresh runs on its own thread with its own connection: the main thread asks
 * it to refresh now, hears about each feed, and stopping it ends the thread cleanly (its last
 * write done, its connection closed), while the library stays usable here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import type { FeedOutcome, RefreshSummary } from '../../../main/subscriptions/refresh';
import { RefreshThread } from '../../../main/subscriptions/refresh-thread';
import { arabicFeed, FeedServer } from '../../fixtures/feed-server';

let server: FeedServer;
beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(() => server.close());

it('refreshes due feeds on a worker thread, refreshes now on request, and stops cleanly', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-thread-'));
  const file = path.join(dir, 'library.sqlite');
  const library = Library.open(file);
  try {
    server.serve('/a.xml', { body: arabicFeed({ count: 4 }), type: 'application/rss+xml', etag: '"a"' });
    server.serve('/b.xml', { body: arabicFeed({ count: 3, from: 10 }), type: 'application/rss+xml', etag: '"b"' });
    const a = library.feeds().add({ url: server.url('/a.xml'), title: 'أ' }).feed;
    library.feeds().add({ url: server.url('/b.xml'), title: 'ب' });
    const outcomes: FeedOutcome[] = [];
    const runs: RefreshSummary[] = [];
    let notify: () => void = () => undefined;
    const thread = new RefreshThread(file, {
      onFeed: (o) => outcomes.push(o),
      onRun: (s) => {
        runs.push(s);
        notify();
      },
    });
    const nextRun = () => new Promise<void>((resolve) => (notify = resolve));
    await nextRun();
    expect(runs[0]).toMatchObject({ feeds: 2, new: 7, failed: [] });
    // Written by the thread, read here.
    expect(library.feeds().get(a.id)).toMatchObject({ articles: 4, unread: 4, etag: '"a"' });
    const again = nextRun();
    thread.refreshNow([a.id]);
    await again;
    expect(runs[1]).toMatchObject({ feeds: 1, not_modified: 1 });
    await thread.stop();
    expect(outcomes.map((o) => o.status)).toEqual(['fetched', 'fetched', 'not-modified']);
    // The thread's connection is closed: the file can be written here without waiting.
    library.saveReading(library.list().items[0]!.id, { read: true });
  } finally {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
