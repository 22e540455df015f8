/**
 * The library's side of subscriptions: feeds and nested folders with stable ids and tombstones,
 * items deduplicated across refreshes, upstream changes that keep the reader's state, retention
 * that keeps what the reader kept, and removed items that never come back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingItem } from '../../../main/library/feed-items';
import { Library } from '../../../main/library/library';
import { prepareArticle } from '../../../main/library/prepare';
import type { NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-feeds-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const news = newsArticles(6);

function item(i: number, change = ''): IncomingItem {
  const a = news[i]!;
  const article: NewArticle = {
    title: a.title.trim() + change, byline: null, source: 'سعودي نيوز', url: `https://example.com/news/${i}`, lang: 'ar', dir: 'rtl',
    published: '2015-07-21T10:00:00.000Z', text: a.content + change, html: null, origin: 'https://example.com/feed',
  };
  return { key: `id:item-${i}`, hash: `${i}${change}`, article };
}

/** A refresh as the refresher writes it: plan, analyse, apply. */
function refresh(feedId: number, items: IncomingItem[]) {
  const store = library.feeds();
  const plans = store.items.plan(feedId, items).filter((p) => p.kind !== 'same');
  return store.items.apply(feedId, plans.map((plan) => ({ plan, prepared: prepareArticle(plan.item.article) })));
}

describe('feeds and folders', () => {
  it('nests folders, gives feeds and folders a UUID, and finds a feed by its address in any spelling', () => {
    const store = library.feeds();
    const gulf = store.ensureFolder('أخبار / الخليج');
    expect(store.ensureFolder(['أخبار', 'الخليج'])).toBe(gulf);
    const { feed } = store.add({ url: 'https://www.example.com/feed/', title: 'مثال', folderId: gulf });
    expect(feed.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(feed.folder).toBe('أخبار / الخليج');
    expect(store.folders().every((f) => /^[0-9a-f-]{36}$/.test(f.uid))).toBe(true);
    expect(store.add({ url: 'http://example.com/feed', title: 'x' }).added).toBe(false);
    expect(store.feedIdsInFolder(store.findFolder('أخبار')!)).toEqual([feed.id]);
  });

  it('tombstones an unsubscribed feed rather than deleting its row', () => {
    const store = library.feeds();
    const { feed } = store.add({ url: 'https://example.com/feed', title: 'مثال' });
    store.remove(feed.id);
    expect(store.list()).toEqual([]);
    expect(() => store.get(feed.id)).toThrow(/no feed/);
    // The address is free again, under a new feed.
    expect(store.add({ url: 'https://example.com/feed', title: 'مثال' }).feed.id).not.toBe(feed.id);
  });
});

describe('items across refreshes', () => {
  it('adds each item once, however often the feed is read', () => {
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    expect(refresh(feed.id, [item(0), item(1)]).new).toBe(2);
    expect(refresh(feed.id, [item(0), item(1), item(2)])).toMatchObject({ new: 1, updated: 0 });
    expect(library.stats().articles).toBe(3);
    expect(library.feeds().get(feed.id)).toMatchObject({ articles: 3, unread: 3 });
  });

  it('an item changed upstream rewrites its article and keeps read, bookmark, note, tags and position', () => {
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    const [id] = refresh(feed.id, [item(0)]).ids as [number];
    library.saveReading(id, { read: true, position: 0.4 });
    library.setNote(id, 'ملاحظة');
    library.setTags(id, ['اقتصاد']);
    expect(refresh(feed.id, [item(0, ' (محدث)')])).toMatchObject({ new: 0, updated: 1 });
    const article = library.get(id);
    expect(article.title).toMatch(/\(محدث\)$/);
    expect(article).toMatchObject({ read: true, bookmarked: true });
    expect(library.annotations(id)).toEqual({ note: 'ملاحظة', tags: ['اقتصاد'], position: 0.4 });
    expect(library.search('محدث').items.map((h) => h.id)).toEqual([id]);
    expect(library.feeds().get(feed.id).unread).toBe(0);
  });

  it('an item whose text changes upstream keeps its highlights, found again in the new text', () => {
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    const [id] = refresh(feed.id, [item(1)]).ids as [number];
    const text = library.get(id).text;
    const highlight = library.highlights.add(id, { start: 200, end: 260, note: 'مهم' });
    // The update puts a line before the text: every offset moves.
    const changed = { ...item(1), hash: 'changed' };
    changed.article = { ...changed.article, text: `تحديث: ${text}` };
    expect(refresh(feed.id, [changed])).toMatchObject({ updated: 1 });
    const moved = library.highlights.get(highlight.id);
    expect(moved).toMatchObject({ orphaned: false, quote: highlight.quote, note: 'مهم' });
    expect(library.get(id).text.slice(moved.start, moved.end)).toBe(highlight.quote);
    expect(moved.start).toBe(highlight.start + 'تحديث: '.length);
  });

  it('links an item to the article already imported from a file, and never removes that article', () => {
    const fromFile = item(0).article;
    const [fileId] = library.addArticles([{ ...fromFile, origin: '/home/reader/news.html' }]).ids as [number];
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    library.feeds().update(feed.id, { keepDays: 1 });
    expect(refresh(feed.id, [item(0)]).new).toBe(0);
    expect(library.feeds().get(feed.id).articles).toBe(1);
    expect(library.feeds().prune(feed.id)).toBe(0);
    expect(library.get(fileId).id).toBe(fileId);
  });
});

describe('retention', () => {
  it('removes old unread items only, keeps bookmarked and tagged ones, and removed items never come back', () => {
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    const ids = refresh(feed.id, [item(0), item(1), item(2)]).ids;
    library.setBookmarked(ids[0]!, true);
    library.setTags(ids[1]!, ['محفوظ']);
    library.feeds().update(feed.id, { keepDays: 30 });
    expect(library.feeds().prune(feed.id)).toBe(1);
    expect(library.stats().articles).toBe(2);
    expect(refresh(feed.id, [item(0), item(1), item(2)])).toMatchObject({ new: 0, updated: 0 });
    // Off by default: nothing goes.
    const other = library.feeds().add({ url: 'https://example.org/feed', title: 'آخر' }).feed;
    refresh(other.id, [item(3)]);
    expect(library.feeds().prune(other.id)).toBe(0);
  });

  it('an article the reader deleted does not come back; one they restored is linked again', () => {
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    const [a, b] = refresh(feed.id, [item(0), item(1)]).ids as [number, number];
    library.deleteArticle(a);
    library.deleteArticle(b);
    library.restoreArticle(b);
    library.feeds().items.settleDeleted(feed.id, [item(0), item(1)]);
    expect(refresh(feed.id, [item(0), item(1)])).toMatchObject({ new: 0 });
    expect(library.feeds().get(feed.id).articles).toBe(1);
  });

  it('unsubscribing with --delete-articles keeps the bookmarked ones', () => {
    const { feed } = library.feeds().add({ url: 'https://example.com/feed', title: 'مثال' });
    const ids = refresh(feed.id, [item(0), item(1)]).ids;
    library.setNote(ids[1]!, 'مهم');
    expect(library.feeds().remove(feed.id, { deleteArticles: true }).deleted).toBe(1);
    expect(library.stats().articles).toBe(1);
  });
});

describe('marking read', () => {
  it('marks a folder read, optionally only older items, and undoes exactly what it marked', () => {
    const store = library.feeds();
    const folder = store.ensureFolder('أخبار');
    const a = store.add({ url: 'https://a.example/feed', title: 'أ', folderId: folder }).feed;
    const b = store.add({ url: 'https://b.example/feed', title: 'ب' }).feed;
    refresh(a.id, [item(0), item(1)]);
    const [bId] = refresh(b.id, [item(2)]).ids as [number];
    library.saveReading(bId, { read: true });
    expect(store.markRead(store.feedIdsInFolder(folder!), '2015-01-01')).toEqual([]);
    const marked = store.markRead(store.feedIdsInFolder(folder!));
    expect(marked).toHaveLength(2);
    expect(store.get(a.id).unread).toBe(0);
    store.markUnread(marked);
    expect(store.get(a.id).unread).toBe(2);
    expect(store.get(b.id).unread).toBe(0);
    expect(library.list({ feeds: [a.id], unread: true }).total).toBe(2);
  });
});
