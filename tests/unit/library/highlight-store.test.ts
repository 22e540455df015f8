/**
 * Highlights in the library, on real news articles: kept where they are through re-imports that
 * change the text, found by search through their notes, carried by backups, undo and exports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsArticle } from '../../../bench/corpora';
import { importPaths } from '../../../main/import/importer';
import { exportArticles } from '../../../main/library/export';
import { HighlightRangeError } from '../../../main/library/highlight-store';
import { Library, NotFoundError } from '../../../main/library/library';
import { migrations } from '../../../main/library/schema';
import type { NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';

const articles = newsArticles(300).map(newsArticle);
const long = articles.filter((a) => a.text.length > 2500 && a.url);
const [first, second, third] = long as [NewArticle, NewArticle, NewArticle];

let dir: string;
let library: Library;
let ids: number[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-highlights-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  ids = library.addArticles([first, second, third]).ids;
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The offsets of a passage of the article's text. */
function passage(article: NewArticle, from: number, length: number): { start: number; end: number; quote: string } {
  return { start: from, end: from + length, quote: article.text.slice(from, from + length) };
}

describe('adding, listing, changing and removing highlights', () => {
  it('stores the passage as written with its context, and lists it with its article title, source and dates', () => {
    const { start, end, quote } = passage(first, 400, 80);
    const highlight = library.highlights.add(ids[0]!, { start, end, color: 'green', note: 'ملاحظة مهمة' });
    expect(highlight).toMatchObject({ article: ids[0], start, end, quote, color: 'green', note: 'ملاحظة مهمة', orphaned: false });
    expect(highlight.prefix).toBe(first.text.slice(start - 32, start));
    expect(highlight.suffix).toBe(first.text.slice(end, end + 32));
    expect(highlight.id).toMatch(/^[0-9a-f-]{36}$/);
    const { published, imported } = library.get(ids[0]!);
    expect(published).toBe(first.published);
    expect(library.highlights.list().items).toEqual([{ ...highlight, title: first.title, source: first.source, published, imported }]);
  });

  it('lists newest first and filters by article, colour, tag and source', () => {
    const a = library.highlights.add(ids[0]!, { start: 10, end: 30 });
    const b = library.highlights.add(ids[1]!, { start: 10, end: 30, color: 'pink' });
    const c = library.highlights.add(ids[2]!, { start: 50, end: 90, color: 'pink' });
    library.setTags(ids[2]!, ['اقتصاد']);
    expect(library.highlights.list().items.map((h) => h.id)).toEqual([c.id, b.id, a.id]);
    expect(library.highlights.list({ color: 'pink' }).items.map((h) => h.id)).toEqual([c.id, b.id]);
    expect(library.highlights.list({ article: ids[0] }).items.map((h) => h.id)).toEqual([a.id]);
    expect(library.highlights.list({ tag: 'اقتصاد' }).items.map((h) => h.id)).toEqual([c.id]);
    expect(library.highlights.list({ source: first.source! }).total).toBe(long.slice(0, 3).filter((x) => x.source === first.source).length);
    expect(a.color).toBe('yellow');
  });

  it('changes colour and note, and a removal leaves a tombstone, not nothing', () => {
    const h = library.highlights.add(ids[0]!, { start: 100, end: 140 });
    expect(library.highlights.update(h.id, { color: 'blue', note: '  رأي  ' })).toMatchObject({ color: 'blue', note: 'رأي' });
    expect(library.highlights.update(h.id, { note: '' }).note).toBeNull();
    library.highlights.remove(h.id);
    expect(library.highlights.ofArticle(ids[0]!)).toEqual([]);
    expect(() => library.highlights.get(h.id)).toThrow(NotFoundError);
    const db = new Database(library.file, { readonly: true });
    const row = db.prepare('SELECT uid, deleted FROM highlights').get() as { uid: string; deleted: string | null };
    db.close();
    expect(row.uid).toBe(h.id);
    expect(row.deleted).not.toBeNull();
  });

  it('refuses offsets outside the text and empty ranges with the reason, and unknown articles', () => {
    expect(() => library.highlights.add(ids[0]!, { start: 10, end: first.text.length + 1 })).toThrow(HighlightRangeError);
    expect(() => library.highlights.add(ids[0]!, { start: 10, end: 10 })).toThrow(/empty/);
    expect(() => library.highlights.add(ids[0]!, { start: -3, end: 10 })).toThrow(/outside the text/);
    expect(() => library.highlights.add(999_999, { start: 0, end: 10 })).toThrow(NotFoundError);
    expect(library.highlights.list().total).toBe(0);
  });
});

describe('when an article is imported again with a changed text', () => {
  it('takes the new text, moves its highlights with their quotes and orphans the one whose passage went', () => {
    const kept = library.highlights.add(ids[0]!, passage(first, 1500, 60));
    const lost = library.highlights.add(ids[0]!, passage(first, 300, 70));
    const editedText = `تحديث: ${first.text.slice(0, 250)}${first.text.slice(450)}`;
    const result = library.addArticles([{ ...first, text: editedText }]);
    expect(result).toMatchObject({ imported: 0, duplicates: 1 });
    expect(library.get(ids[0]!).text).toBe(editedText);
    const [moved, orphaned] = [library.highlights.get(kept.id), library.highlights.get(lost.id)];
    expect(moved.orphaned).toBe(false);
    expect(editedText.slice(moved.start, moved.end)).toBe(kept.quote);
    expect(moved.start).toBe(kept.start - 200 + 'تحديث: '.length);
    expect(orphaned).toMatchObject({ orphaned: true, quote: lost.quote });
    // The index follows the new text: a word only in the update is found.
    expect(library.search('تحديث').items.map((h) => h.id)).toContain(ids[0]);
  });

  it('keeps the text when another file brings the same article (a feed summary of a saved page)', () => {
    const h = library.highlights.add(ids[0]!, passage(first, 500, 40));
    const summary = { ...first, text: first.text.slice(0, 200), origin: 'elsewhere/feed.xml' };
    expect(library.addArticles([summary])).toMatchObject({ imported: 0, duplicates: 1 });
    expect(library.get(ids[0]!).text).toBe(first.text);
    expect(library.highlights.get(h.id)).toEqual(h);
  });

  it('changes nothing when the text is the same', () => {
    const h = library.highlights.add(ids[0]!, passage(first, 500, 40));
    library.addArticles([first]);
    expect(library.highlights.get(h.id)).toEqual(h);
  });

  it('places an orphaned highlight again when its passage comes back', () => {
    const h = library.highlights.add(ids[0]!, passage(first, 300, 70));
    library.addArticles([{ ...first, text: first.text.slice(0, 250) + first.text.slice(450) }]);
    expect(library.highlights.get(h.id).orphaned).toBe(true);
    library.addArticles([first]);
    expect(library.highlights.get(h.id)).toMatchObject({ orphaned: false, start: h.start, end: h.end });
  });
});

describe('search in notes', () => {
  it('finds highlight notes and article notes with the Arabic analysis of article text', () => {
    const word = 'المستشرقين';
    expect([first, second, third].some((a) => a.text.includes('مستشرق') || a.title.includes('مستشرق'))).toBe(false);
    library.highlights.add(ids[1]!, { start: 0, end: 20, note: `رأي ${word} في الخبر` });
    library.setNote(ids[2]!, 'كتب عنه مستشرقون');
    // A different spelling: the stem meets (مستشرق), as in article text.
    const page = library.search('مستشرق');
    expect(page.total).toBe(2);
    expect(page.items.map((h) => h.id).sort()).toEqual([ids[1], ids[2]].sort());
    const hit = page.items.find((h) => h.id === ids[1])!;
    expect(hit.snippet).toContain(word);
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual([word]);
  });

  it('counts an article matched by its text and its notes once', () => {
    const word = first.text.split(/\s+/).find((w) => w.length > 6 && !second.text.includes(w) && !third.text.includes(w))!;
    const before = library.search(word).total;
    library.setNote(ids[0]!, word);
    expect(library.search(word).total).toBe(before);
  });

  it('forgets a note when it is removed or its highlight is', () => {
    const h = library.highlights.add(ids[1]!, { start: 0, end: 20, note: 'مستشرقون' });
    expect(library.search('مستشرق').total).toBe(1);
    library.highlights.remove(h.id);
    expect(library.search('مستشرق').total).toBe(0);
    library.setNote(ids[1]!, 'مستشرقون');
    expect(library.search('مستشرق').total).toBe(1);
    library.setNote(ids[1]!, null);
    expect(library.search('مستشرق').total).toBe(0);
  });

  it('is limited to highlighted articles with `highlighted`', () => {
    const word = 'في';
    const all = library.search(word).total;
    expect(all).toBe(3);
    library.highlights.add(ids[2]!, { start: 0, end: 10 });
    expect(library.search(word, { highlighted: true }).items.map((h) => h.id)).toEqual([ids[2]]);
  });

  it('indexes the article notes a library had before highlights existed', () => {
    const file = path.join(dir, 'old.sqlite');
    const db = new Database(file);
    for (const migration of migrations.slice(0, 2)) migration(db);
    db.pragma('user_version = 2');
    db.prepare(
      `INSERT INTO articles (id, identity, title, dir, imported, sort_date, excerpt, text) VALUES (1, 'x', 'عنوان', 'rtl', '2020', '2020', '', 'نص')`,
    ).run();
    db.prepare("INSERT INTO bookmarks (article_id, created, note) VALUES (1, '2020', 'المستشرقون')").run();
    db.close();
    const old = Library.open(file);
    expect(old.search('مستشرق').items.map((h) => h.id)).toEqual([1]);
    old.close();
  });
});

interface StoredRow {
  uid: string;
  article_id: number | null;
  deleted: string | null;
  updated: string;
}

/** Every row of the highlights table, tombstones included, read beside the library's own connection. */
function storedRows(): StoredRow[] {
  const db = new Database(path.join(dir, 'library.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT uid, article_id, deleted, updated FROM highlights ORDER BY id').all() as StoredRow[];
  } finally {
    db.close();
  }
}

describe('deleting an article', () => {
  it('leaves its highlights as tombstones, and undoing it brings them back newer than their tombstones', () => {
    const h = library.highlights.add(ids[0]!, { start: 10, end: 50, note: 'مستشرقون' });
    const removed = library.highlights.add(ids[0]!, { start: 100, end: 140, color: 'blue' });
    library.highlights.remove(removed.id);
    const other = library.highlights.add(ids[1]!, { start: 0, end: 30 });
    const removedAt = storedRows().find((r) => r.uid === removed.id)!.deleted;

    library.deleteArticle(ids[0]!);
    expect(library.highlights.list().items.map((x) => x.id)).toEqual([other.id]);
    expect(library.search('مستشرق').total).toBe(0);
    const tombstones = storedRows().filter((r) => r.uid !== other.id);
    expect(tombstones.map((r) => r.uid)).toEqual([h.id, removed.id]);
    for (const row of tombstones) expect(row.article_id).toBeNull();
    const deletedAt = tombstones[0]!.deleted!;
    expect(deletedAt >= h.updated).toBe(true);
    expect(deletedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The one removed before keeps its own removal.
    expect(tombstones[1]!.deleted).toBe(removedAt);

    const id = library.restoreArticle(ids[0]!);
    const back = library.highlights.ofArticle(id);
    expect(back).toEqual([{ ...h, article: id, updated: back[0]!.updated }]);
    expect(back[0]!.updated >= deletedAt).toBe(true);
    expect(library.search('مستشرق').total).toBe(1);
    // Removed before the deletion: still removed, and still one row.
    expect(() => library.highlights.get(removed.id)).toThrow(NotFoundError);
    expect(storedRows().filter((r) => r.uid === removed.id)).toEqual([{ uid: removed.id, article_id: id, deleted: removedAt, updated: expect.any(String) }]);
    expect(storedRows()).toHaveLength(3);
  });

  it('any other way leaves tombstones too', () => {
    const h = library.highlights.add(ids[2]!, { start: 5, end: 25 });
    library.close();
    const db = new Database(path.join(dir, 'library.sqlite'));
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM articles WHERE id = ?').run(ids[2]);
    db.close();
    library = Library.open(path.join(dir, 'library.sqlite'));
    expect(storedRows()).toEqual([{ uid: h.id, article_id: null, deleted: expect.any(String), updated: expect.any(String) }]);
    expect(library.highlights.list().total).toBe(0);
  });

  it('then importing the article’s exported file again brings its highlights back', async () => {
    const h = library.highlights.add(ids[0]!, { ...passage(first, 300, 60), color: 'green', note: 'عادت' });
    const folder = path.join(dir, 'exported');
    exportArticles([library.get(ids[0]!)], 'json', folder, (id) => library.highlights.ofArticle(id));
    library.deleteArticle(ids[0]!);
    expect(storedRows()[0]).toMatchObject({ uid: h.id, article_id: null });
    const report = await importPaths(library, [folder]);
    expect(report.failed).toEqual([]);
    const [back] = library.highlights.list().items;
    expect(back).toMatchObject({ id: h.id, quote: h.quote, color: 'green', note: 'عادت', orphaned: false });
    expect(storedRows()).toHaveLength(1);
    expect(storedRows()[0]!.deleted).toBeNull();
  });

  it('keeps the highlights a library had before tombstones for deleted articles (its upgrade)', () => {
    const file = path.join(dir, 'before.sqlite');
    const db = new Database(file);
    // Up to the migration that made highlights, whatever comes after it.
    const withHighlights = migrations.findIndex((migration) => migration.toString().includes('CREATE TABLE highlights (')) + 1;
    for (const migration of migrations.slice(0, withHighlights)) migration(db);
    db.pragma(`user_version = ${withHighlights}`);
    db.prepare(`INSERT INTO articles (id, identity, title, dir, imported, sort_date, excerpt, text) VALUES (1, 'x', 'عنوان', 'rtl', '2020', '2020', '', 'نص المقالة')`).run();
    db.prepare(
      `INSERT INTO highlights (uid, article_id, start_at, end_at, quote, prefix, suffix, color, note, created, updated)
       VALUES ('7b0c3f0e-1111-4222-8333-944455556666', 1, 0, 2, 'نص', '', ' المقالة', 'pink', 'قديمة', '2020', '2020')`,
    ).run();
    db.close();
    const old = Library.open(file);
    try {
      expect(old.highlights.ofArticle(1)).toMatchObject([{ id: '7b0c3f0e-1111-4222-8333-944455556666', quote: 'نص', color: 'pink', note: 'قديمة' }]);
      old.deleteArticle(1);
      expect(old.highlights.list().total).toBe(0);
      old.restoreArticle(1);
      expect(old.highlights.list().items.map((h) => h.note)).toEqual(['قديمة']);
    } finally {
      old.close();
    }
  });
});

describe('highlights are kept by', () => {

  it('a backup', async () => {
    const h = library.highlights.add(ids[0]!, { start: 10, end: 50, color: 'blue' });
    const copy = path.join(dir, 'backup.sqlite');
    await library.backup(copy);
    const restored = Library.open(copy);
    expect(restored.highlights.get(h.id)).toEqual(h);
    restored.close();
  });

  for (const format of ['json', 'md'] as const) {
    it(`export --all as ${format}, imported into an empty library`, async () => {
      const a = library.highlights.add(ids[0]!, { ...passage(first, 700, 90), color: 'pink', note: 'ملاحظة # مع وسم' });
      const b = library.highlights.add(ids[1]!, passage(second, 20, 30));
      const folder = path.join(dir, `export-${format}`);
      exportArticles(library.articles(), format, folder, (id) => library.highlights.ofArticle(id));
      const other = Library.open(path.join(dir, `other-${format}.sqlite`));
      try {
        const report = await importPaths(other, [folder]);
        expect(report.failed).toEqual([]);
        const back = other.highlights.list().items;
        expect(back.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
        const pink = back.find((h) => h.id === a.id)!;
        expect(pink).toMatchObject({ quote: a.quote, color: 'pink', note: 'ملاحظة # مع وسم', created: a.created, orphaned: false });
        const text = other.get(pink.article).text;
        expect(text.slice(pink.start, pink.end)).toBe(a.quote);
        // Importing the same files again adds nothing.
        await importPaths(other, [folder]);
        expect(other.highlights.list().total).toBe(2);
      } finally {
        other.close();
      }
    });
  }
});
