/**
 * The subscription methods of the contract, called as the window calls them (invokeMethod, so the
 * schemas run too), against feeds served by the local test server and the refresh thread the
 * shells start with the library: subscribing by a site's address, counts that follow reading and
 * marking, mark-all-read and its undo, refresh in the background with its events, settings,
 * unsubscribing with and without the articles, OPML both ways, and saving a page by its address.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult, FeedInfo, FeedList, SahifaEvent } from '../../../common';
import { ThreadRefresher } from '../../../main/feed-refresher';
import { createHandlers, invokeMethod, type Handlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { arabicFeed, FeedServer, news } from '../../fixtures/feed-server';

let server: FeedServer;
let dir: string;
let library: Library;
let refresher: ThreadRefresher;
let handlers: Handlers;
let events: SahifaEvent[];

beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(() => server.close());

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-subs-handlers-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  events = [];
  refresher = new ThreadRefresher(library.file, { notify: (event) => events.push(event) });
  handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false }, refresher });
  server.serve('/gulf.xml', { body: arabicFeed({ count: 6 }), type: 'application/rss+xml', etag: '"g1"' });
  server.serve('/site', { body: '<html><head><link rel="alternate" type="application/rss+xml" href="/gulf.xml"></head><body>موقع</body></html>', type: 'text/html' });
  server.serve('/short.xml', { body: arabicFeed({ count: 5, from: 20, summaryChars: 80, title: 'موجز' }), type: 'application/rss+xml' });
});

afterEach(async () => {
  await refresher.stop();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const outcome = await invokeMethod(handlers, method, input);
  if ('error' in outcome) throw new Error(`${method}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
}

async function failure(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const outcome = await invokeMethod(handlers, method, input);
  if (!('error' in outcome)) throw new Error(`${method} did not fail`);
  return outcome.error;
}

const feedList = () => call<FeedList>('listFeeds', {});
const feedOf = async (id: number): Promise<FeedInfo> => (await feedList()).feeds.find((f) => f.id === id)!;

/** Resolves with the first feeds-refreshed event for this feed from now on. */
function nextRefresh(feed: number): Promise<Extract<SahifaEvent, { type: 'feeds-refreshed' }>['outcome']> {
  const seen = events.length;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const look = () => {
      const found = events.slice(seen).find((e): e is Extract<SahifaEvent, { type: 'feeds-refreshed' }> => e.type === 'feeds-refreshed' && e.outcome.feed === feed);
      if (found) resolve(found.outcome);
      else if (Date.now() - started > 15_000) reject(new Error(`feed ${feed} was not refreshed`));
      else setTimeout(look, 20);
    };
    look();
  });
}

describe('subscriptions through the contract', () => {
  it('subscribes by a site’s address into a nested folder; the counts follow reading, marking all read and its undo', async () => {
    const { feed, existing, imported } = await call<{ feed: FeedInfo; existing: boolean; imported: number }>('subscribe', {
      url: server.url('/site'),
      folder: 'أخبار / الخليج',
    });
    expect(existing).toBe(false);
    expect(imported).toBe(6);
    expect(feed).toMatchObject({ url: server.url('/gulf.xml'), title: 'أخبار السعودية', articles: 6, unread: 6, lastError: null, paused: null, suggestFullText: false });

    let list = await feedList();
    const inner = list.folders.find((f) => f.name === 'الخليج')!;
    const outer = list.folders.find((f) => f.name === 'أخبار')!;
    expect(inner.parent).toBe(outer.id);
    expect(feed.folder).toBe(inner.id);
    expect([inner.unread, outer.unread, list.unread]).toEqual([6, 6, 6]);

    // The list narrows to the folder; reading one article takes one off every count.
    const page = await call<{ items: { id: number }[] }>('listArticles', { folder: outer.id });
    expect(page.items).toHaveLength(6);
    await call('saveReading', { id: page.items[0]!.id, read: true });
    list = await feedList();
    expect([list.feeds[0]!.unread, list.folders.find((f) => f.id === outer.id)!.unread]).toEqual([5, 5]);

    const { ids } = await call<{ ids: number[] }>('markAllRead', { folder: outer.id });
    expect(ids).toHaveLength(5);
    expect((await feedOf(feed.id)).unread).toBe(0);
    // Marking again finds nothing to mark: never a negative count, never a second undo of the same ids.
    expect((await call<{ ids: number[] }>('markAllRead', { feed: feed.id })).ids).toEqual([]);
    expect(await call('markUnread', { ids })).toEqual({ marked: 5 });
    expect((await feedOf(feed.id)).unread).toBe(5);

    // The same address again is the same subscription.
    const again = await call<{ existing: boolean; feed: FeedInfo }>('subscribe', { url: server.url('/gulf.xml') });
    expect(again).toMatchObject({ existing: true, feed: { id: feed.id } });
    expect((await feedList()).feeds).toHaveLength(1);
  });

  it('marks only what is older than a day or a week when asked', async () => {
    const now = Date.now();
    const item = (n: number, daysAgo: number) =>
      `<item><title>${news(40)[n]!.title}</title><guid>age-${n}</guid><link>https://news.example.sa/age/${n}</link><pubDate>${new Date(now - daysAgo * 86_400_000).toUTCString()}</pubDate><description>${news(40)[n]!.content.slice(0, 300)}</description></item>`;
    server.serve('/ages.xml', { body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أعمار</title>${item(30, 0.1)}${item(31, 3)}${item(32, 10)}</channel></rss>`, type: 'application/rss+xml' });
    const { feed } = await call<{ feed: FeedInfo }>('subscribe', { url: server.url('/ages.xml') });
    expect((await call<{ ids: number[] }>('markAllRead', { feed: feed.id, olderThan: 'week' })).ids).toHaveLength(1);
    expect((await call<{ ids: number[] }>('markAllRead', { feed: feed.id, olderThan: 'day' })).ids).toHaveLength(1);
    expect((await feedOf(feed.id)).unread).toBe(1);
    expect((await call<{ ids: number[] }>('markAllRead', {})).ids).toHaveLength(1);
    expect((await feedList()).unread).toBe(0);
  });

  it('says why an address gives no feed, as a code the window words and in one English line', async () => {
    const missing = await call('subscribe', { url: server.url('/missing.xml') });
    expect(missing).toEqual({ failed: { reason: 'not-found', message: `cannot subscribe to ${server.url('/missing.xml')}: not found (404)` } });
    const notWeb = await call<{ failed: { reason: string; message: string } }>('subscribe', { url: 'file:///etc/passwd' });
    expect(notWeb.failed.reason).toBe('unsupported-scheme');
    expect(notWeb.failed.message).toMatch(/^cannot subscribe to file:\/\/\/etc\/passwd: only http and https/);
    server.serve('/page.html', { body: '<!doctype html><html><head><title>صفحة</title></head><body><p>لا خلاصة هنا</p></body></html>', type: 'text/html; charset=utf-8' });
    expect(await call('subscribe', { url: server.url('/page.html') })).toMatchObject({ failed: { reason: 'not-a-feed' } });
    expect((await feedList()).feeds).toEqual([]);
  });

  it('refreshes now in the background: the window hears of each feed, and new items are counted', async () => {
    const { feed } = await call<{ feed: FeedInfo }>('subscribe', { url: server.url('/gulf.xml') });
    server.serve('/gulf.xml', { body: arabicFeed({ count: 8 }), type: 'application/rss+xml', etag: '"g2"' });
    const refreshed = nextRefresh(feed.id);
    expect(await call('refreshFeeds', { feed: feed.id })).toEqual({ feeds: 1 });
    expect(await refreshed).toEqual({ feed: feed.id, status: 'fetched', new: 2, updated: 0, error: null, errorCode: null });
    expect((await feedOf(feed.id)).unread).toBe(8);

    // A failure is kept on the feed and shown with it.
    server.serve('/gulf.xml', { body: 'down', type: 'text/plain', status: 500 });
    const failed = nextRefresh(feed.id);
    await call('refreshFeeds', {});
    expect(await failed).toMatchObject({ status: 'failed', errorCode: 'server-error' });
    expect(await feedOf(feed.id)).toMatchObject({ lastError: 'the server answered 500 Internal Server Error', errorCode: 'server-error' });
    // Gone (410): the feed pauses, and says why as a code too.
    server.serve('/gulf.xml', { body: 'gone', type: 'text/plain', status: 410 });
    const gone = nextRefresh(feed.id);
    await call('refreshFeeds', { feed: feed.id });
    expect(await gone).toMatchObject({ status: 'failed', errorCode: 'gone' });
    expect(await feedOf(feed.id)).toMatchObject({ errorCode: 'gone', pausedByReader: false, paused: expect.stringMatching(/410/) });
    // Resumed, it is fetched at once; a good answer clears the error.
    server.serve('/gulf.xml', { body: arabicFeed({ count: 8 }), type: 'application/rss+xml', etag: '"g3"' });
    const back = nextRefresh(feed.id);
    await call('updateFeed', { id: feed.id, paused: false });
    expect(await back).toMatchObject({ status: 'fetched', errorCode: null });
    expect(await feedOf(feed.id)).toMatchObject({ lastError: null, errorCode: null, paused: null });

    // Paused feeds are left out of "refresh all" and of a folder's refresh.
    await call('updateFeed', { id: feed.id, paused: true });
    expect(await call('refreshFeeds', { folder: 999 })).toEqual({ feeds: 0 });
    expect(await feedOf(feed.id)).toMatchObject({ paused: 'paused by the reader', pausedByReader: true });
  });

  it('changes a feed’s settings, and suggests full text for a feed of short items', async () => {
    const { feed } = await call<{ feed: FeedInfo }>('subscribe', { url: server.url('/short.xml') });
    expect(feed.suggestFullText).toBe(true);
    // Dismissed: remembered in the library, whatever a later refresh finds.
    expect(await call('updateFeed', { id: feed.id, dismissSuggestion: true })).toMatchObject({ suggestFullText: false });
    const refreshed = nextRefresh(feed.id);
    await call('refreshFeeds', { feed: feed.id });
    await refreshed;
    expect((await feedOf(feed.id)).suggestFullText).toBe(false);
    const changed = await call<FeedInfo>('updateFeed', {
      id: feed.id,
      title: 'موجز الأخبار',
      folder: 'عاجل',
      intervalMinutes: 30,
      fullText: true,
      images: false,
      retentionDays: 7,
    });
    const list = await feedList();
    expect(changed).toMatchObject({ title: 'موجز الأخبار', intervalMinutes: 30, fullText: true, images: false, retentionDays: 7, suggestFullText: false });
    expect(list.folders.find((f) => f.id === changed.folder)?.name).toBe('عاجل');
    // Items from 2015, a retention of a week: they go, unread or not.
    expect(changed.articles).toBe(0);
    const back = await call<FeedInfo>('updateFeed', { id: feed.id, folder: '', retentionDays: null });
    expect(back).toMatchObject({ folder: null, retentionDays: null });
    expect((await failure('updateFeed', { id: 4242, title: 'x' })).code).toBe('not-found');
  });

  it('unsubscribes keeping the articles, or deleting them except those the reader kept', async () => {
    const kept = (await call<{ feed: FeedInfo }>('subscribe', { url: server.url('/gulf.xml') })).feed;
    const dropped = (await call<{ feed: FeedInfo }>('subscribe', { url: server.url('/short.xml') })).feed;
    expect((await call<{ total: number }>('listArticles', {})).total).toBe(11);

    expect(await call('unsubscribe', { id: kept.id, keepArticles: true })).toEqual({ id: kept.id, deleted: 0 });
    const ofDropped = (await call<{ items: { id: number }[] }>('listArticles', { feed: dropped.id })).items.map((i) => i.id);
    await call('setBookmark', { id: ofDropped[0], bookmarked: true });
    await call('setTags', { id: ofDropped[1], tags: ['مهم'] });
    await call('addHighlight', { article: ofDropped[2], start: 0, end: 10 });
    expect(await call('unsubscribe', { id: dropped.id, keepArticles: false })).toEqual({ id: dropped.id, deleted: 2 });

    expect((await feedList()).feeds).toEqual([]);
    const left = (await call<{ items: { id: number }[] }>('listArticles', {})).items.map((i) => i.id);
    expect(left).toHaveLength(9);
    expect(left).toEqual(expect.arrayContaining(ofDropped.slice(0, 3)));
  });

  it('exports OPML and imports it into another library: folders and feeds, and nothing twice', async () => {
    await call('subscribe', { url: server.url('/gulf.xml'), folder: 'أخبار / الخليج' });
    await call('subscribe', { url: server.url('/short.xml') });
    const exported = await call<ExportResult>('exportOpml', {});
    expect(exported).toMatchObject({ kind: 'content', fileName: 'sahifa-subscriptions.opml' });
    const opml = (exported as { content: string }).content;
    expect(opml).toContain(`xmlUrl="${server.url('/gulf.xml')}"`);

    for (const feed of (await feedList()).feeds) await call('unsubscribe', { id: feed.id, keepArticles: true });
    const base64 = Buffer.from(opml).toString('base64');
    expect(await call('importOpml', { name: 'subs.opml', base64 })).toEqual({ added: 2, existing: 0, folders: 0 });
    expect(await call('importOpml', { name: 'subs.opml', base64 })).toEqual({ added: 0, existing: 2, folders: 0 });
    const list = await feedList();
    expect(list.feeds.map((f) => f.title).sort()).toEqual(['أخبار السعودية', 'موجز'].sort());
    expect(list.folders.map((f) => f.name).sort()).toEqual(['أخبار', 'الخليج'].sort());

    // The desktop app saves through its own dialog instead of handing the file back.
    const saved: { defaultName: string; content: string; extensions: string[] }[] = [];
    const desktop = createHandlers({
      library,
      platform: { pickFiles: () => null, openExternal: async () => false, saveFile: async (file) => (saved.push(file), true) },
      refresher,
    });
    expect(await desktop.exportOpml({})).toEqual({ kind: 'saved' });
    expect(saved).toMatchObject([{ defaultName: 'sahifa-subscriptions.opml', extensions: ['opml'] }]);
    expect(saved[0]!.content).toContain('<outline text="الخليج" title="الخليج">');

    const bad = await failure('importOpml', { name: 'notes.opml', base64: Buffer.from('<html><body>not opml</body></html>').toString('base64') });
    expect(bad).toEqual({ code: 'failed', message: 'notes.opml is not an OPML file (its root element is <html>)' });
  });

  it('saves a page by its address, once', async () => {
    const a = news(60)[55]!;
    server.serve('/page.html', { type: 'text/html; charset=utf-8', body: `<html lang="ar"><head><title>${a.title}</title></head><body><article><h1>${a.title}</h1>${a.content.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>` });
    const saved = await call<{ id: number; imported: boolean; title: string }>('savePage', { url: server.url('/page.html') });
    expect(saved).toMatchObject({ imported: true, title: a.title.trim() });
    expect(await call('savePage', { url: server.url('/page.html') })).toMatchObject({ id: saved.id, imported: false });
    expect((await failure('savePage', { url: server.url('/nothing.html') })).message).toBe(`cannot save ${server.url('/nothing.html')}: not found (404)`);
  });
});
