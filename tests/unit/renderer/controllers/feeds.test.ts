/**
 * The subscriptions in the window, against the fake library (feed 1 in the folder "أخبار", feed 2
 * at the top): counts that follow reading, marking all read and its undo (never below zero), the
 * list narrowed to a feed or a folder, Space's "next unread" across feeds, background refreshes
 * that bring new items, subscribing with its one-line failure, and unsubscribing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleController } from '../../../../renderer/controllers/article';
import { ARTICLES_RELOAD_MS, FEEDS_RELOAD_MS, FeedsController } from '../../../../renderer/controllers/feeds';
import { LibraryFacetsController } from '../../../../renderer/controllers/library-facets';
import { webAddressIn } from '../../../../renderer/controllers/link-drop';
import { ListQueryController } from '../../../../renderer/controllers/list-query';
import { NoticeController } from '../../../../renderer/controllers/notices';
import { UndoController } from '../../../../renderer/controllers/undo';
import { ar } from '../../../../renderer/i18n/ar';
import { shortcutFor } from '../../../../renderer/shortcuts';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

describe('subscriptions', () => {
  let api: FakeApi;
  let host: FakeHost;
  let list: ListQueryController;
  let facets: LibraryFacetsController;
  let notices: NoticeController;
  let feeds: FeedsController;
  let reading: ArticleController;
  let undo: UndoController;
  let articlesChanged: number;

  beforeEach(async () => {
    vi.useFakeTimers();
    api = fakeApi(30);
    host = new FakeHost();
    articlesChanged = 0;
    list = new ListQueryController(host, api);
    facets = new LibraryFacetsController(host, api);
    notices = new NoticeController(host, () => undo.forget());
    feeds = new FeedsController(host, { api, notices, onArticlesChanged: () => articlesChanged++ });
    reading = new ArticleController(host, { api, list, facets, notices, onReadChanged: () => feeds.countsChanged() });
    undo = new UndoController({ api, article: reading, list, facets, notices, onCountsChanged: () => feeds.countsChanged() });
    host.connect();
    await list.ready;
    await settle();
  });

  afterEach(() => {
    host.disconnect();
    vi.useRealTimers();
  });

  /** Lets the counts' reload run. */
  const reloaded = async () => {
    vi.advanceTimersByTime(FEEDS_RELOAD_MS);
    await settle();
  };

  it('counts each feed’s and each folder’s unread articles, and follows reading', async () => {
    expect(feeds.feeds.map((f) => [f.id, f.unread])).toEqual([
      [1, 10],
      [2, 10],
    ]);
    expect(feeds.folders).toEqual([{ id: 1, name: 'أخبار', parent: null, unread: 10 }]);
    expect(feeds.unread).toBe(20);
    const ofFeed1 = api.articles.filter((a) => a.feed === 1);
    await reading.open(ofFeed1[0]!.id);
    await reading.setRead(ofFeed1[0]!.id, true);
    expect(feeds.feed(1)?.unread).toBe(10);
    await reloaded();
    expect(feeds.feed(1)?.unread).toBe(9);
    expect(feeds.folders[0]?.unread).toBe(9);
    // Several changes close together: one listFeeds.
    const before = api.inputs('listFeeds').length;
    feeds.countsChanged();
    feeds.countsChanged();
    await reloaded();
    expect(api.inputs('listFeeds').length).toBe(before + 1);
  });

  it('narrows the list to a feed or a folder, and the library view lifts it', async () => {
    list.setScope({ kind: 'feed', id: 2 });
    await list.ready;
    expect(list.list?.total).toBe(10);
    expect(api.inputs('listArticles').at(-1)).toMatchObject({ feed: 2 });
    list.setScope({ kind: 'folder', id: 1 });
    await list.ready;
    expect(api.inputs('listArticles').at(-1)).toMatchObject({ folder: 1 });
    expect(list.list?.total).toBe(10);
    expect(list.showView('library')).toBe(true);
    await list.ready;
    expect(list.scope).toBeNull();
    expect(list.list?.total).toBe(30);
  });

  it('marks a feed read with an undo that makes exactly those unread again; counts never go below zero', async () => {
    const one = api.articles.find((a) => a.feed === 1)!;
    one.read = true;
    list.setScope({ kind: 'feed', id: 1 });
    await list.ready;
    expect(await undo.markAllRead({ kind: 'feed', id: 1 })).toBe(9);
    expect(notices.notice?.message).toBe(ar.markedRead(9));
    expect([...Array(10).keys()].map((i) => list.list?.get(i)?.read)).toEqual(Array(10).fill(true));
    await reloaded();
    expect(feeds.feed(1)?.unread).toBe(0);
    // Nothing left to mark: a notice says so, and there is no undo of nothing.
    expect(await undo.markAllRead({ kind: 'feed', id: 1 })).toBe(0);
    expect(notices.notice?.message).toBe(ar.nothingToMark);
    await reloaded();
    expect(feeds.feed(1)?.unread).toBe(0);

    expect(await undo.markAllRead({ kind: 'feed', id: 1 })).toBe(0);
    expect(await undo.markAllRead(null)).toBe(10);
    notices.notice?.action?.run();
    await settle();
    expect(api.inputs('markUnread').at(-1)).toEqual({ ids: api.articles.filter((a) => a.feed === 2).map((a) => a.id) });
    await reloaded();
    expect([feeds.feed(1)?.unread, feeds.feed(2)?.unread]).toEqual([0, 10]);
    // The article read before stays read after an undo of a later marking.
    expect(one.read).toBe(true);
  });

  it('finds the next unread article of the list after the one open, across feeds, loading pages as needed', async () => {
    list.setScope({ kind: 'folder', id: 1 });
    await list.ready;
    expect(await list.nextUnread(null)).toEqual({ index: 0, id: list.list!.get(0)!.id });
    list.showView('library');
    await list.ready;
    const ids = [...Array(30).keys()].map((i) => list.list!.get(i)!.id);
    for (const id of ids.slice(1, 4)) api.articles.find((a) => a.id === id)!.read = true;
    list.reload();
    await list.ready;
    // After the first row: rows 1–3 are read, row 4 is next, whichever feed (or file) it came from.
    expect(await list.nextUnread(ids[0]!)).toEqual({ index: 4, id: ids[4] });
    expect(await list.nextUnread(ids[29]!)).toBeNull();
  });

  it('hears of background refreshes: new items reload the list, at most twice a second, the counts follow', async () => {
    await feeds.refresh({ kind: 'folder', id: 1 });
    expect(api.inputs('refreshFeeds')).toEqual([{ folder: 1 }]);
    expect([...feeds.refreshing]).toEqual([1]);
    feeds.refreshed({ feed: 1, status: 'not-modified', new: 0, updated: 0, error: null, errorCode: null });
    expect(feeds.refreshing.size).toBe(0);
    expect(articlesChanged).toBe(0);
    feeds.refreshed({ feed: 2, status: 'fetched', new: 3, updated: 0, error: null, errorCode: null });
    feeds.refreshed({ feed: 1, status: 'fetched', new: 0, updated: 2, error: null, errorCode: null });
    expect(articlesChanged).toBe(0);
    vi.advanceTimersByTime(ARTICLES_RELOAD_MS);
    // A refresh of many feeds reloads the list once, not once per feed.
    expect(articlesChanged).toBe(1);
    feeds.refreshed({ feed: 2, status: 'fetched', new: 1, updated: 0, error: null, errorCode: null });
    vi.advanceTimersByTime(ARTICLES_RELOAD_MS / 2);
    feeds.refreshed({ feed: 1, status: 'fetched', new: 1, updated: 0, error: null, errorCode: null });
    vi.advanceTimersByTime(ARTICLES_RELOAD_MS / 2);
    // A steady stream of events still shows new items as they come.
    expect(articlesChanged).toBe(2);
    expect(api.inputs('listFeeds').length).toBeGreaterThan(1);
  });

  it('subscribes, or says in one line why not; unsubscribes', async () => {
    api.failNext('subscribe', 'cannot subscribe to https://example.com/: not found (404)');
    expect(await feeds.subscribe('https://example.com/', '')).toBe('cannot subscribe to https://example.com/: not found (404)');
    // An address that gives no feed: the reason in Arabic, from its code.
    expect(await feeds.subscribe('https://example.com/missing.xml', '')).toBe(ar.subscribeFailed(ar.feedErrorReasons['not-found']));
    expect(await feeds.subscribe('https://aljazeera.example/rss', 'أخبار / عربية')).toBeNull();
    expect(api.inputs('subscribe').at(-1)).toEqual({ url: 'https://aljazeera.example/rss', folder: 'أخبار / عربية' });
    expect(feeds.feeds).toHaveLength(3);
    expect(articlesChanged).toBe(1);
    expect(await feeds.unsubscribe(3, true)).toBe(true);
    expect(feeds.feeds).toHaveLength(2);
    expect(notices.notice?.message).toBe(ar.unsubscribed('aljazeera.example'));
    expect(feeds.folderPath(1)).toBe('أخبار');
  });
});

describe('links and keys for triage', () => {
  it('takes one http(s) address from pasted or dropped text, nothing else', () => {
    expect(webAddressIn('  https://www.aljazeera.net/news/2026/11/30/خبر  ')).toBe('https://www.aljazeera.net/news/2026/11/30/%D8%AE%D8%A8%D8%B1');
    expect(webAddressIn('# a comment\nhttps://example.com/a')).toBe('https://example.com/a');
    expect(webAddressIn('javascript:alert(1)')).toBeNull();
    expect(webAddressIn('file:///etc/passwd')).toBeNull();
    expect(webAddressIn('اقرأ هذا https://example.com/')).toBeNull();
  });

  it('Space pages forward, Shift+Space back, Shift+A marks the list read; Space presses a focused button', () => {
    const context = { direction: 'rtl' as const, inList: false, editing: false };
    const key = (k: string, extra: object = {}) => ({ key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, ...extra });
    expect(shortcutFor(key(' '), context)).toBe('page-forward');
    expect(shortcutFor(key(' '), { ...context, inList: true })).toBe('page-forward');
    expect(shortcutFor(key(' ', { shiftKey: true }), context)).toBe('page-back');
    expect(shortcutFor(key(' '), { ...context, onControl: true })).toBeNull();
    expect(shortcutFor(key(' '), { ...context, editing: true })).toBeNull();
    expect(shortcutFor(key('A', { shiftKey: true, code: 'KeyA' }), context)).toBe('mark-list-read');
    // On an Arabic layout Shift+A types "ِ": the physical key counts.
    expect(shortcutFor(key('ِ', { shiftKey: true, code: 'KeyA' }), context)).toBe('mark-list-read');
    expect(shortcutFor(key('a', { code: 'KeyA' }), context)).toBeNull();
  });
});
