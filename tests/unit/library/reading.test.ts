/**
 * The library's reading features (migration 2): a v1 library upgrades with its articles and
 * bookmarks intact; settings, reading state, notes and tags round-trip; the list sorts and narrows;
 * a deleted article leaves the search index and comes back whole with an undo.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { migrations, SCHEMA_VERSION } from '../../../main/library/schema';
import type { NewArticle } from '../../../main/library/types';
import type { Settings } from '../../../preload/api';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;
let library: Library;

function article(fields: Partial<NewArticle> & { title: string; text: string }): NewArticle {
  return { byline: null, source: null, url: null, lang: 'ar', dir: 'rtl', published: null, html: null, origin: null, ...fields };
}

/** Real news, with the corpus's newspaper as the source and its date as the publication date. */
function news(count: number): NewArticle[] {
  return newsArticles(count).map((a) =>
    article({ title: a.title.trim() || 'بلا عنوان', text: a.content, source: a.source, url: a.url, published: a.date_extracted.replace(' ', 'T') }),
  );
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-reading-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 2', () => {
  it('upgrades a version 1 library, keeping its articles, bookmarks and search', () => {
    const file = path.join(dir, 'v1.sqlite');
    // A library as the first Sahifa left it: migration 1 only, with an article and a bookmark.
    const db = new Database(file);
    db.transaction(() => {
      migrations[0]!(db);
      db.pragma('user_version = 1');
    })();
    db.prepare(
      `INSERT INTO articles (id, identity, title, dir, imported, sort_date, excerpt, text)
       VALUES (7, 'hash:1', 'الأمن الغذائي', 'rtl', '2015-07-21T10:00:00Z', '2015-07-21T10:00:00Z', '', 'نص عن الأمن الغذائي')`,
    ).run();
    db.prepare("INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (7, 'الامن الغذايي', 'امن غذاي', 'نص عن الامن', 'نص عن امن')").run();
    db.prepare("INSERT INTO bookmarks (article_id, created, note) VALUES (7, '2015-07-22', 'للمراجعة')").run();
    db.close();

    const upgraded = Library.open(file);
    try {
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
      const [item] = upgraded.list().items;
      expect(item).toMatchObject({ id: 7, title: 'الأمن الغذائي', bookmarked: true, read: false });
      expect(upgraded.annotations(7)).toEqual({ note: 'للمراجعة', tags: [], position: 0 });
      expect(upgraded.search('الامن').items.map((hit) => hit.id)).toEqual([7]);
      upgraded.saveReading(7, { position: 0.5, read: true });
      upgraded.setTags(7, ['غذاء']);
      expect(upgraded.list({ unread: true }).total).toBe(0);
      expect(upgraded.tags()).toEqual([{ name: 'غذاء', count: 1 }]);
    } finally {
      upgraded.close();
    }
    // The copy made before the upgrade is still a version 1 library.
    const backups = fs.readdirSync(dir).filter((name) => name.startsWith('v1.sqlite.v1-before-upgrade'));
    expect(backups).toHaveLength(1);
  });
});

describe('settings', () => {
  it('round-trip through the library and survive reopening', async () => {
    const handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const defaults = (await invokeMethod(handlers, 'getSettings', {})) as { result: Settings };
    expect(defaults.result).toMatchObject({ textFace: 'naskh', theme: 'system', language: 'ar', digits: 'auto', justify: false });

    const changed = (await invokeMethod(handlers, 'updateSettings', { settings: { textFace: 'amiri', fontSize: 24, theme: 'sepia', language: 'en' } })) as {
      result: Settings;
    };
    expect(changed.result).toMatchObject({ textFace: 'amiri', fontSize: 24, theme: 'sepia', language: 'en', hijri: false });

    const refused = await invokeMethod(handlers, 'updateSettings', { settings: { fontSize: 200 } });
    expect(refused).toMatchObject({ error: { code: 'invalid-input' } });

    library.close();
    library = Library.open(path.join(dir, 'library.sqlite'));
    const reopened = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    expect(((await invokeMethod(reopened, 'getSettings', {})) as { result: Settings }).result).toMatchObject({
      textFace: 'amiri',
      fontSize: 24,
      theme: 'sepia',
      language: 'en',
    });
  });

  it('fall back to the default for a stored value that is no longer allowed', async () => {
    library.updateSettings({ theme: 'neon', fontSize: 22 });
    const handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const settings = ((await invokeMethod(handlers, 'getSettings', {})) as { result: Settings }).result;
    expect(settings.theme).toBe('system');
    expect(settings.fontSize).toBe(22);
  });
});

describe('reading state', () => {
  it('remembers the position and read state per article, and the list can show unread only', () => {
    const { ids } = library.addArticles(news(5));
    const [first, second] = ids as [number, number];
    expect(library.list({ unread: true }).total).toBe(5);

    library.saveReading(first, { position: 0.42 });
    expect(library.annotations(first).position).toBeCloseTo(0.42);
    expect(library.get(first).read).toBe(false);

    library.saveReading(first, { read: true });
    // Marking read keeps the position; saving a position keeps the read state.
    expect(library.annotations(first).position).toBeCloseTo(0.42);
    library.saveReading(first, { position: 1 });
    expect(library.get(first).read).toBe(true);

    library.saveReading(second, { read: true });
    const unread = library.list({ unread: true });
    expect(unread.total).toBe(3);
    expect(unread.items.map((item) => item.id)).not.toContain(first);
    expect(unread.items.every((item) => !item.read)).toBe(true);

    library.saveReading(second, { read: false });
    expect(library.list({ unread: true }).total).toBe(4);
    expect(() => library.saveReading(99_999, { read: true })).toThrow(/no article 99999/);
  });

  it('narrows search to unread articles too', () => {
    const { ids } = library.addArticles([
      article({ title: 'اجتماع الحكومة', text: 'عقد مجلس الوزراء اجتماعه' }),
      article({ title: 'اجتماع اللجنة', text: 'اجتمعت اللجنة أمس' }),
    ]);
    expect(library.search('اجتماع').total).toBe(2);
    library.saveReading(ids[0]!, { read: true });
    const hits = library.search('اجتماع', { unread: true });
    expect(hits.items.map((hit) => hit.id)).toEqual([ids[1]]);
    expect(library.search('اجتماع').items.find((hit) => hit.id === ids[0])?.read).toBe(true);
  });
});

describe('notes and tags', () => {
  it('keeps a note on a bookmark, bookmarking the article when needed', () => {
    const [id] = library.addArticles(news(1)).ids as [number];
    library.setNote(id, '  اقتباس مهم للتقرير  ');
    expect(library.get(id).bookmarked).toBe(true);
    expect(library.annotations(id).note).toBe('اقتباس مهم للتقرير');
    library.setNote(id, '');
    expect(library.annotations(id).note).toBeNull();
    expect(library.get(id).bookmarked).toBe(true);
    library.setNote(id, 'ملاحظة');
    library.setBookmarked(id, false);
    expect(library.annotations(id).note).toBeNull();
  });

  it('groups articles under tags, counts them, and narrows the list and search to one', () => {
    const ids = library.addArticles(news(6)).ids;
    library.setTags(ids[0]!, ['اقتصاد', ' سياسة  محلية ', 'اقتصاد', '']);
    library.setTags(ids[1]!, ['اقتصاد']);
    expect(library.annotations(ids[0]!).tags).toEqual(['اقتصاد', 'سياسة محلية']);
    expect(library.tags()).toEqual([
      { name: 'اقتصاد', count: 2 },
      { name: 'سياسة محلية', count: 1 },
    ]);
    const tagged = library.list({ tag: 'اقتصاد' });
    expect(tagged.total).toBe(2);
    expect(tagged.items.map((item) => item.id).sort()).toEqual([ids[0], ids[1]].sort());
    const word = library.get(ids[1]!).title.split(/\s+/).find((w) => w.length > 3)!;
    expect(library.search(word, { tag: 'اقتصاد' }).items.map((hit) => hit.id)).toContain(ids[1]);
    expect(library.search(word, { tag: 'سياسة محلية' }).items.map((hit) => hit.id)).not.toContain(ids[1]);

    // A tag no article carries any more is gone from the sidebar.
    library.setTags(ids[0]!, ['اقتصاد']);
    expect(library.tags()).toEqual([{ name: 'اقتصاد', count: 2 }]);
  });
});

describe('the list', () => {
  it('sorts by date, title or source, and narrows to one source with counts', () => {
    library.addArticles(news(40));
    const byDate = library.list({ limit: 40 }).items;
    const byTitle = library.list({ sort: 'title', limit: 40 }).items;
    const bySource = library.list({ sort: 'source', limit: 40 }).items;
    const dates = byDate.map((item) => item.published ?? item.imported);
    expect(dates).toEqual([...dates].sort().reverse());
    const titles = byTitle.map((item) => item.title);
    expect(titles).toEqual([...titles].sort());
    const sources = bySource.map((item) => item.source ?? '');
    expect(sources).toEqual([...sources].sort());

    const counts = library.sources();
    expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(40);
    const { source, count } = counts[0]!;
    const narrowed = library.list({ source: source!, sort: 'title' });
    expect(narrowed.total).toBe(count);
    expect(narrowed.items.every((item) => item.source === source)).toBe(true);
  });

  it('pages through a sort without repeating or skipping an article', () => {
    library.addArticles(news(30));
    const seen = [0, 10, 20].flatMap((offset) => library.list({ sort: 'source', offset, limit: 10 }).items.map((item) => item.id));
    expect(new Set(seen).size).toBe(30);
  });

  it('uses an index for each sort, not a sort of the whole library', () => {
    const db = new Database(library.file, { readonly: true });
    const plan = (order: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM articles a ORDER BY ${order} LIMIT 50`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' / ');
    expect(plan('a.title, a.id')).not.toMatch(/TEMP B-TREE/);
    expect(plan('ifnull(a.source, char(1114111)), a.sort_date DESC, a.id DESC')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
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

describe('export of one article', () => {
  it('hands the Markdown to a shell without a save dialog, and saves through one that has it', async () => {
    const [id] = library.addArticles([article({ title: 'عنوان المقال', text: 'الفقرة الأولى\nالفقرة الثانية' })]).ids as [number];
    const browser = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const md = (await invokeMethod(browser, 'exportArticle', { id, format: 'md' })) as {
      result: { kind: string; fileName: string; content: string; mimeType: string };
    };
    expect(md.result.kind).toBe('content');
    expect(md.result.fileName).toMatch(/عنوان-المقال\.md$/);
    expect(md.result.content).toContain('title: "عنوان المقال"');
    expect(md.result.content).toContain('الفقرة الأولى\nالفقرة الثانية');

    const saved: { defaultName: string; content: string }[] = [];
    const desktop = createHandlers({
      library,
      platform: {
        pickFiles: () => null,
        openExternal: async () => false,
        saveFile: async (file) => {
          saved.push(file);
          return true;
        },
      },
    });
    expect(await invokeMethod(desktop, 'exportArticle', { id, format: 'html' })).toEqual({ result: { kind: 'saved' } });
    expect(saved[0]!.defaultName).toMatch(/\.html$/);
    expect(saved[0]!.content).toContain('<h1>عنوان المقال</h1>');
  });
});
