/**
 * The refresh thread's life cycle in the desktop shell: it starts with the library the session
 * opens, stops before that library closes (a restore's release, and quitting), and a library
 * opened again gets a thread of its own, which refreshes that library's feeds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SahifaEvent } from '../../../common';
import { ThreadRefresher } from '../../../main/feed-refresher';
import { createHandlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { LibrarySession } from '../../../main/library-session';
import { arabicFeed, FeedServer } from '../../fixtures/feed-server';

/** A closed library refuses every call. */
function isOpen(library: Library): boolean {
  try {
    library.stats();
    return true;
  } catch {
    return false;
  }
}

let server: FeedServer;
beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(() => server.close());

it('starts the refresh with the library, stops it before the library closes, and starts it again for the next one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-session-'));
  const file = path.join(dir, 'library.sqlite');
  server.serve('/a.xml', { body: arabicFeed({ count: 3 }), type: 'application/rss+xml' });
  const events: SahifaEvent[] = [];
  const order: string[] = [];
  const session = new LibrarySession(file, (library) => {
    const refresher = new ThreadRefresher(library.file, { notify: (event) => events.push(event) });
    order.push('started');
    return {
      handlers: createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false }, refresher }),
      stop: async () => {
        await refresher.stop();
        order.push(isOpen(library) ? 'stopped while open' : 'stopped after close');
      },
    };
  });
  try {
    const first = Library.open(file);
    first.feeds().add({ url: server.url('/a.xml'), title: 'أ' });
    session.use(first);
    // The thread refreshes the new feed by itself, and the window hears of it.
    await expect.poll(() => events.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ type: 'feeds-refreshed', outcome: { status: 'fetched', new: 3 } });
    await session.release();
    expect(order).toEqual(['started', 'stopped while open']);
    expect(session.library).toBeNull();

    session.use(Library.open(file));
    const handlers = session.handlers();
    expect((await handlers.listFeeds({})).feeds[0]).toMatchObject({ unread: 3 });
    await handlers.refreshFeeds({});
    await expect.poll(() => events.length, { timeout: 15_000 }).toBe(2);
    await session.close();
    expect(order).toEqual(['started', 'stopped while open', 'started', 'stopped while open']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
