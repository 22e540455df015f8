/**
 * Renaming and deleting subscription folders, in the library and through the contract the window
 * calls: Arabic names unique among siblings, a deleted folder tombstoned with its feeds and folders
 * moved up (and put back by the undo), or its feeds unsubscribed with the "keep the articles?"
 * rule, where what the reader kept always stays.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeletedFolder, FeedList } from '../../../common';
import { createHandlers, invokeMethod, type Handlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { prepareArticle } from '../../../main/library/prepare';
import { sourcedNews } from '../library/helpers';

let dir: string;
let library: Library;
let handlers: Handlers;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-folder-edits-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const news = sourcedNews(8);

/** A feed in this folder path with these news articles as its items. */
function feedWith(name: string, folder: string | null, from: number, count: number): { id: number; articles: number[] } {
  const store = library.feeds();
  const { feed } = store.add({ url: `https://example.com/${name}.xml`, title: name, folderId: folder === null ? null : store.ensureFolder(folder) });
  const items = news.slice(from, from + count).map((article, i) => ({ key: `id:${name}-${i}`, hash: `${name}-${i}`, article }));
  const plans = store.items.plan(feed.id, items).filter((p) => p.kind !== 'same');
  return { id: feed.id, articles: store.items.apply(feed.id, plans.map((plan) => ({ plan, prepared: prepareArticle(plan.item.article) }))).ids };
}

async function call<T>(method: Parameters<typeof invokeMethod>[1], input: unknown): Promise<T> {
  const outcome = await invokeMethod(handlers, method, input);
  if ('error' in outcome) throw new Error(outcome.error.message);
  return outcome.result as T;
}

async function failure(method: Parameters<typeof invokeMethod>[1], input: unknown): Promise<string> {
  const outcome = await invokeMethod(handlers, method, input);
  if (!('error' in outcome)) throw new Error(`${method} did not fail`);
  return outcome.error.message;
}

const folderId = (p: string): number => library.feeds().findFolder(p)!;

describe('renaming a folder', () => {
  it('takes an Arabic name, tidied to one line, and the feeds inside follow it', async () => {
    const gulf = feedWith('gulf', 'أخبار / الخليج', 0, 2);
    const renamed = await call<{ id: number; name: string }>('renameFolder', { id: folderId('أخبار / الخليج'), name: '  أخبار   الخليج العربي ' });
    expect(renamed.name).toBe('أخبار الخليج العربي');
    expect(library.feeds().get(gulf.id).folder).toBe('أخبار / أخبار الخليج العربي');
    expect(library.feeds().findFolder('أخبار / الخليج')).toBeNull();
  });

  it('refuses a name a sibling has (Latin in any case), an empty name and a "/"; the same name under another parent is fine', async () => {
    const store = library.feeds();
    store.ensureFolder('أخبار / الخليج');
    store.ensureFolder('أخبار / World');
    store.ensureFolder('رياضة / مصر');
    const egypt = store.ensureFolder('أخبار / مصر')!;
    expect(await failure('renameFolder', { id: egypt, name: 'الخليج' })).toMatch(/already a folder named "الخليج"/);
    expect(await failure('renameFolder', { id: egypt, name: 'world' })).toMatch(/already a folder named "World"/);
    expect(await failure('renameFolder', { id: egypt, name: '   ' })).toMatch(/needs a name/);
    expect(await failure('renameFolder', { id: egypt, name: 'مصر / السودان' })).toMatch(/cannot hold "\/"/);
    expect(await failure('renameFolder', { id: 999, name: 'س' })).toMatch(/no folder 999/);
    // A folder may keep its own name, and another parent's child may share it.
    expect((await call<{ name: string }>('renameFolder', { id: egypt, name: 'مصر' })).name).toBe('مصر');
    expect((await call<{ name: string }>('renameFolder', { id: folderId('رياضة / مصر'), name: 'الخليج' })).name).toBe('الخليج');
  });
});

describe('deleting a folder', () => {
  it('moves its feeds and folders up to its parent, leaves a tombstone, and the undo puts everything back', async () => {
    const store = library.feeds();
    const top = feedWith('top', 'أخبار', 0, 1);
    const gulf = feedWith('gulf', 'أخبار / الخليج', 1, 2);
    const qatar = feedWith('qatar', 'أخبار / الخليج / قطر', 3, 1);
    // The parent already has a folder named like one that moves up: the moved one is renamed.
    store.ensureFolder('قطر');
    const news = folderId('أخبار');
    const gulfFolder = folderId('أخبار / الخليج');
    const uid = store.folders().find((f) => f.id === gulfFolder)!.uid;

    const deleted = await call<DeletedFolder>('deleteFolder', { id: gulfFolder, unsubscribe: false, keepArticles: true });
    expect(deleted).toMatchObject({ id: gulfFolder, feeds: [gulf.id], unsubscribed: 0, deleted: 0 });
    expect(deleted.folders).toEqual([{ id: folderId('أخبار / قطر'), name: 'قطر', movedAs: 'قطر' }]);
    expect(store.get(gulf.id).folder).toBe('أخبار');
    expect(store.get(qatar.id).folder).toBe('أخبار / قطر');
    expect(store.get(top.id).folder).toBe('أخبار');
    expect(library.stats().articles).toBe(4);
    // The folder's row stays, tombstoned, under its UUID (sync).
    const db = new Database(path.join(dir, 'library.sqlite'), { readonly: true });
    const row = db.prepare('SELECT uid, deleted FROM folders WHERE id = ?').get(gulfFolder) as { uid: string; deleted: string | null };
    db.close();
    expect(row.uid).toBe(uid);
    expect(row.deleted).not.toBeNull();
    const list = await call<FeedList>('listFeeds', {});
    expect(list.folders.map((f) => f.name).sort()).toEqual(['أخبار', 'قطر', 'قطر'].sort());
    expect(list.folders.find((f) => f.id === news)!.unread).toBe(4);

    await call('restoreFolder', { id: gulfFolder, feeds: deleted.feeds, folders: deleted.folders });
    expect(store.get(gulf.id).folder).toBe('أخبار / الخليج');
    expect(store.get(qatar.id).folder).toBe('أخبار / الخليج / قطر');
    expect(store.get(top.id).folder).toBe('أخبار');
    expect(store.folders().find((f) => f.id === gulfFolder)?.uid).toBe(uid);
  });

  it('gives a moved folder a free name when its new siblings have its name', async () => {
    const store = library.feeds();
    feedWith('a', 'أخبار / الخليج / قطر', 0, 1);
    store.ensureFolder('أخبار / قطر');
    const deleted = await call<DeletedFolder>('deleteFolder', { id: folderId('أخبار / الخليج'), unsubscribe: false, keepArticles: true });
    expect(store.folders().map((f) => f.path).sort()).toEqual(['أخبار', 'أخبار / قطر', 'أخبار / قطر (2)'].sort());
    await call('restoreFolder', { id: deleted.id, feeds: deleted.feeds, folders: deleted.folders });
    expect(store.folders().map((f) => f.path).sort()).toEqual(['أخبار', 'أخبار / الخليج', 'أخبار / الخليج / قطر', 'أخبار / قطر'].sort());
  });

  it('keeps the name a reader gave a moved folder before undoing the deletion', async () => {
    const store = library.feeds();
    feedWith('a', 'أخبار / الخليج / قطر', 0, 1);
    feedWith('b', 'أخبار / الخليج / عمان', 1, 1);
    store.ensureFolder('أخبار / قطر');
    const deleted = await call<DeletedFolder>('deleteFolder', { id: folderId('أخبار / الخليج'), unsubscribe: false, keepArticles: true });
    expect(deleted.folders.map(({ name, movedAs }) => [name, movedAs]).sort()).toEqual([['عمان', 'عمان'], ['قطر', 'قطر (2)']].sort());
    // Within the undo's seconds, the reader renames the folder that came up as "قطر (2)".
    await call('renameFolder', { id: folderId('أخبار / قطر (2)'), name: 'الدوحة' });
    await call('restoreFolder', { id: deleted.id, feeds: deleted.feeds, folders: deleted.folders });
    expect(store.folders().map((f) => f.path).sort()).toEqual(['أخبار', 'أخبار / الخليج', 'أخبار / الخليج / الدوحة', 'أخبار / الخليج / عمان', 'أخبار / قطر'].sort());
  });

  it('unsubscribes every feed inside when asked, keeping the articles, or deleting all but those the reader kept', async () => {
    const gulf = feedWith('gulf', 'أخبار / الخليج', 0, 3);
    const qatar = feedWith('qatar', 'أخبار / الخليج / قطر', 3, 3);
    const outside = feedWith('outside', 'أخبار', 6, 2);
    library.setBookmarked(gulf.articles[0]!, true);
    library.setTags(qatar.articles[0]!, ['مهم']);
    library.setNote(qatar.articles[1]!, 'للمتابعة');
    const text = library.get(gulf.articles[1]!).text;
    library.highlights.add(gulf.articles[1]!, { start: 0, end: Math.min(20, text.length) });

    const deleted = await call<DeletedFolder>('deleteFolder', { id: folderId('أخبار / الخليج'), unsubscribe: true, keepArticles: false });
    expect(deleted).toMatchObject({ feeds: [], folders: [], unsubscribed: 2, deleted: 2 });
    expect(library.feeds().list().map((f) => f.id)).toEqual([outside.id]);
    expect(library.feeds().folders().map((f) => f.path)).toEqual(['أخبار']);
    // Kept: the bookmarked, highlighted, tagged and noted ones, and the other feed's two.
    expect(library.stats().articles).toBe(6);
    expect(() => library.get(gulf.articles[2]!)).toThrow();
    // The undo is only for moves.
    expect(await failure('restoreFolder', { id: folderId('أخبار'), feeds: [], folders: [] })).toMatch(/no deleted folder/);
  });

  it('unsubscribing with the articles kept deletes none', async () => {
    feedWith('gulf', 'الخليج', 0, 3);
    const deleted = await call<DeletedFolder>('deleteFolder', { id: folderId('الخليج'), unsubscribe: true, keepArticles: true });
    expect(deleted).toMatchObject({ unsubscribed: 1, deleted: 0 });
    expect(library.stats().articles).toBe(3);
    expect(library.feeds().list()).toEqual([]);
  });

  it('the undo refuses when a folder of the same name was made beside it meanwhile', async () => {
    feedWith('gulf', 'الخليج', 0, 1);
    const id = folderId('الخليج');
    const deleted = await call<DeletedFolder>('deleteFolder', { id, unsubscribe: false, keepArticles: true });
    library.feeds().ensureFolder('الخليج');
    expect(await failure('restoreFolder', { id, feeds: deleted.feeds, folders: deleted.folders })).toMatch(/already a folder named "الخليج"/);
  });
});
