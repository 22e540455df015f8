/** Delete and undo (main/library/trash.ts): a deleted article leaves the list and search, and comes back whole. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { article, sourcedNews as news } from './helpers';

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-reading-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

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

    const deleted = library.deleteArticle(id);
    expect(library.list().total).toBe(1);
    expect(library.search('مستشفي').total).toBe(0);
    expect(library.search('افتتح*').items.map((hit) => hit.id)).toEqual([ids[1]]);
    expect(library.tags()).toEqual([]);
    expect(library.stats()).toEqual({ articles: 1, bookmarks: 0 });
    expect(() => library.get(id)).toThrow(/no article/);

    const restored = library.restoreArticle(deleted);
    expect(restored).toBe(id);
    expect(library.get(id)).toMatchObject({ title: 'مستشفى الملك فهد', bookmarked: true, read: true, url: 'https://example.com/a' });
    expect(library.annotations(id)).toEqual({ note: 'ملاحظتي', tags: ['صحة'], position: 0.3 });
    expect(library.search('مستشفي').items.map((hit) => hit.id)).toEqual([id]);
    expect(library.tags()).toEqual([{ name: 'صحة', count: 1 }]);
  });

  it('restores through the API only what was deleted in this session', async () => {
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
    const deleted = library.deleteArticle(id);
    const [again] = library.addArticles([original]).ids as [number];
    expect(library.restoreArticle(deleted)).toBe(again);
    expect(library.list().total).toBe(1);
    expect(library.annotations(again).tags).toEqual(['أرشيف']);
  });
});
