/** Delete and undo (main/library/trash.ts): a deleted article leaves the list and search, and comes back whole. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { article, sourcedNews as news, openTemporaryLibrary, removeTemporaryLibrary } from './helpers';

let dir: string;
let library: Library;

beforeEach(() => ({ dir, library } = openTemporaryLibrary('sahifa-reading-')));
afterEach(() => removeTemporaryLibrary({ dir, library }));

describe('delete and undo', () => {
  it('takes a deleted article out of the list and the search index, and an undo puts it all back', () => {
    const ids = library.addArticles([
      article({ title: 'مستشفى الملك فهد', text: 'افتتح مستشفى جديد في جدة', url: 'https://example.com/a' }),
      article({ title: 'مدرسة جديدة', text: 'افتتحت مدرسة في الرياض' }),
    ]).ids as [number, number];
    const [id] = ids;
    library.setBookmarked(id, true);
    library.setNote(id, 'ملاحظتي');
    library.setTags(id, ['صحة']);
    library.saveReading(id, { position: 0.3, read: true });
    expect(library.search('مستشفي').total).toBe(1);

    library.deleteArticle(id);
    expect(library.list().total).toBe(1);
    expect(library.search('مستشفي').total).toBe(0);
    expect(library.search('افتتح*').items.map((hit) => hit.id)).toEqual([ids[1]]);
    expect(library.tags()).toEqual([]);
    expect(library.stats()).toEqual({ articles: 1, bookmarks: 0 });
    expect(() => library.get(id)).toThrow(/no article/);

    const restored = library.restoreArticle(id);
    expect(restored).toBe(id);
    expect(library.get(id)).toMatchObject({ title: 'مستشفى الملك فهد', bookmarked: true, read: true, url: 'https://example.com/a' });
    expect(library.annotations(id)).toEqual({ note: 'ملاحظتي', tags: ['صحة'], position: 0.3 });
    expect(library.search('مستشفي').items.map((hit) => hit.id)).toEqual([id]);
    expect(library.tags()).toEqual([{ name: 'صحة', count: 1 }]);
  });

  it('restores through the API only what was deleted, and only once', async () => {
    const handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const [id] = library.addArticles(news(1)).ids as [number];
    expect(await invokeMethod(handlers, 'restoreArticle', { id })).toMatchObject({ error: { code: 'not-found' } });
    expect(await invokeMethod(handlers, 'deleteArticle', { id })).toMatchObject({ result: { id } });
    expect(await invokeMethod(handlers, 'getArticle', { id })).toMatchObject({ error: { code: 'not-found' } });
    expect(await invokeMethod(handlers, 'restoreArticle', { id })).toEqual({ result: { id } });
    // Once: a second undo has nothing left to restore.
    expect(await invokeMethod(handlers, 'restoreArticle', { id })).toMatchObject({ error: { code: 'not-found' } });
  });

  it('gives the annotations back to the same article imported again meanwhile', () => {
    const original = article({ title: 'خبر', text: 'نص الخبر', url: 'https://example.com/x' });
    const [id] = library.addArticles([original]).ids as [number];
    library.setTags(id, ['أرشيف']);
    library.deleteArticle(id);
    const [again] = library.addArticles([original]).ids as [number];
    expect(library.restoreArticle(id)).toBe(again);
    expect(library.list().total).toBe(1);
    expect(library.annotations(again).tags).toEqual(['أرشيف']);
  });

  it('keeps the undo in the library: delete, close, reopen, and the undo puts the article back', async () => {
    const file = library.file;
    const [id, other] = library.addArticles(news(2)).ids as [number, number];
    library.setBookmarked(id, true);
    library.setTags(id, ['أرشيف']);
    const title = library.get(id).title;
    const handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    expect(await invokeMethod(handlers, 'deleteArticle', { id })).toEqual({ result: { id, title } });
    library.close();

    // Another run of the app (or a crash in between): the deletion is in the file, hidden everywhere.
    library = Library.open(file);
    expect(library.stats()).toEqual({ articles: 1, bookmarks: 0 });
    expect(library.list().items.map((item) => item.id)).toEqual([other]);
    expect([...library.articles()].map((item) => item.id)).toEqual([other]);
    expect(library.tags()).toEqual([]);
    const reopened = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    expect(await invokeMethod(reopened, 'restoreArticle', { id })).toEqual({ result: { id } });
    expect(library.get(id)).toMatchObject({ title, bookmarked: true });
    expect(library.annotations(id).tags).toEqual(['أرشيف']);
    expect(library.search(title).items.map((hit) => hit.id)).toContain(id);
  });

  it('makes a deletion final after a day, or once more than twenty are waiting; a tombstone stays', () => {
    const ids = library.addArticles(news(25)).ids;
    const first = ids[0]!;
    library.deleteArticle(first);
    expect(library.purgeDeleted(new Date(Date.now() + 23 * 3600 * 1000))).toBe(0);
    expect(library.purgeDeleted(new Date(Date.now() + 25 * 3600 * 1000))).toBe(1);
    expect(() => library.restoreArticle(first)).toThrow(/can no longer be restored/);

    for (const id of ids.slice(1, 23)) library.deleteArticle(id);
    // 22 deleted since: the two oldest of them are final, the newest twenty can be undone.
    expect(() => library.restoreArticle(ids[1]!)).toThrow(/can no longer be restored/);
    expect(() => library.restoreArticle(ids[2]!)).toThrow(/can no longer be restored/);
    expect(library.restoreArticle(ids[3]!)).toBe(ids[3]);
    expect(library.restoreArticle(ids[22]!)).toBe(ids[22]);

    // What sync will need: every deletion not undone is remembered, with a stable id.
    const db = new Database(library.file, { readonly: true });
    const tombstones = db.prepare('SELECT uuid, article_id AS id, snapshot FROM deleted_articles ORDER BY id').all() as {
      uuid: string;
      id: number;
      snapshot: string | null;
    }[];
    db.close();
    expect(tombstones.map((row) => row.id)).toEqual([first, ...ids.slice(1, 3), ...ids.slice(4, 22)]);
    expect(new Set(tombstones.map((row) => row.uuid)).size).toBe(tombstones.length);
    expect(tombstones.filter((row) => row.snapshot === null).map((row) => row.id)).toEqual([first, ids[1], ids[2]]);
  });
});
