/**
 * The counts the sidebar and the list show (every article, each source) come from a small table
 * kept by triggers (main/library/counts.ts): they must equal counting the articles themselves after
 * every kind of change, and come back when a rebuilt table lost its triggers.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { prepareArticle } from '../../../main/library/prepare';
import { article, openTemporaryLibrary, removeTemporaryLibrary, sourcedNews } from './helpers';

let dir: string;
let library: Library;

beforeEach(() => ({ dir, library } = openTemporaryLibrary('sahifa-counts-')));
afterEach(() => removeTemporaryLibrary({ dir, library }));

/** The counts as a full scan gives them. */
function counted(file: string): { articles: number; sources: { source: string; count: number }[] } {
  const db = new Database(file, { readonly: true });
  try {
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const sources = db.prepare('SELECT source, count(*) AS count FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY source').all() as {
      source: string;
      count: number;
    }[];
    return { articles, sources };
  } finally {
    db.close();
  }
}

const shown = (lib: Library) => ({ articles: lib.stats().articles, sources: lib.sources() });

describe('article counts', () => {
  it('follow imports, deletions, undos and a changed source exactly', () => {
    const news = sourcedNews(60);
    const ids = library.addArticles([...news, article({ title: 'بلا مصدر', text: 'نص بلا مصدر' })]).ids;
    expect(shown(library)).toEqual(counted(library.file));
    expect(library.stats().articles).toBe(61);

    for (const id of ids.slice(0, 10)) library.deleteArticle(id);
    expect(shown(library)).toEqual(counted(library.file));
    library.restoreArticle(ids[3]!);
    expect(shown(library)).toEqual(counted(library.file));

    // The same article rewritten under its id (a file imported again).
    library.rewriteArticle(ids[20]!, prepareArticle({ ...news[20]!, text: `${news[20]!.text}\n\nتحديث` }));
    expect(shown(library)).toEqual(counted(library.file));
    // A source changed in place, and one taken away.
    const db = new Database(library.file);
    db.prepare("UPDATE articles SET source = 'مصدر جديد' WHERE id = ?").run(ids[21]!);
    db.prepare('UPDATE articles SET source = NULL WHERE id = ?').run(ids[22]!);
    db.close();
    expect(shown(library)).toEqual(counted(library.file));
    expect(library.sources().find((s) => s.source === 'مصدر جديد')?.count).toBe(1);
    expect(library.stats().articles).toBe(52);
  });

  it('count the unread articles as a scan does, after reading, unreading and deleting', () => {
    const ids = library.addArticles(sourcedNews(30)).ids;
    const unreadByScan = () => {
      const db = new Database(library.file, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM reading r WHERE r.article_id = a.id AND r.read = 1)').get() as { n: number }).n;
      db.close();
      return n;
    };
    for (const id of ids.slice(0, 8)) library.saveReading(id, { read: true });
    library.saveReading(ids[9]!, { position: 0.5 });
    library.saveReading(ids[2]!, { read: false });
    library.deleteArticle(ids[4]!);
    expect(library.list({ unread: true, limit: 5 }).total).toBe(unreadByScan());
    expect(unreadByScan()).toBe(29 - 6);
    // Narrowed further, it is counted as before.
    expect(library.list({ unread: true, bookmarked: true }).total).toBe(0);
  });

  it('drops a source once its last article is gone', () => {
    const [only] = library.addArticles([article({ title: 'وحيد', text: 'مقال وحيد', source: 'مصدر وحيد' })]).ids;
    expect(library.sources().map((s) => s.source)).toContain('مصدر وحيد');
    library.deleteArticle(only!);
    expect(library.sources().map((s) => s.source)).not.toContain('مصدر وحيد');
    expect(library.stats().articles).toBe(0);
  });

  it('are counted afresh when the triggers are missing (a migration that rebuilt the articles table)', () => {
    library.addArticles(sourcedNews(40));
    const file = library.file;
    library.close();
    const db = new Database(file);
    db.exec('DROP TRIGGER article_counts_insert; DROP TRIGGER article_counts_delete; DROP TRIGGER article_counts_source; DELETE FROM source_counts;');
    db.close();
    library = Library.open(file);
    expect(shown(library)).toEqual(counted(file));
    library.addArticles(sourcedNews(45).slice(40));
    expect(shown(library)).toEqual(counted(file));
    expect(library.stats().articles).toBe(45);
  });
});

describe('feed counts', () => {
  /** Each feed's articles and unread articles as listFeeds counted them before: every item walked. */
  function scanned(file: string): { id: number; articles: number; unread: number }[] {
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare(
          `SELECT f.id,
             (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id AND fi.article_id IS NOT NULL) AS articles,
             (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id AND fi.article_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM reading r WHERE r.article_id = fi.article_id AND r.read = 1)) AS unread
           FROM feeds f WHERE f.deleted IS NULL ORDER BY f.id`,
        )
        .all() as { id: number; articles: number; unread: number }[];
    } finally {
      db.close();
    }
  }
  const listed = (lib: Library) =>
    lib
      .feeds()
      .list()
      .map(({ id, articles, unread }) => ({ id, articles, unread }))
      .sort((a, b) => a.id - b.id);

  /** Three feeds whose items carry `ids`: A the first 20, B 10–29 (ten shared with A), C 30–34 with one article twice and an item whose article is gone. */
  function subscribe(file: string, ids: number[]): void {
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const feed = db.prepare("INSERT INTO feeds (uid, url, url_key, title, created) VALUES (?, ?, ?, ?, '2026-11-30T00:00:00Z')");
    const item = db.prepare("INSERT INTO feed_items (feed_id, item_key, article_id, created, content_hash, first_seen) VALUES (?, ?, ?, 1, 'h', '2026-11-30T00:00:00Z')");
    const [a, b, c] = ['a', 'b', 'c'].map((name) => Number(feed.run(name, `http://127.0.0.1/${name}.xml`, `127.0.0.1/${name}.xml`, name).lastInsertRowid));
    ids.slice(0, 20).forEach((id, i) => item.run(a, `a${i}`, id));
    ids.slice(10, 30).forEach((id, i) => item.run(b, `b${i}`, id));
    ids.slice(30, 35).forEach((id, i) => item.run(c, `c${i}`, id));
    item.run(c, 'c-again', ids[30]);
    item.run(c, 'c-gone', null);
    db.close();
  }

  it('follow items, reading, unreading, deleting, undoing and marking a feed read exactly', () => {
    const ids = library.addArticles(sourcedNews(40)).ids;
    subscribe(library.file, ids);
    expect(listed(library)).toEqual(scanned(library.file));
    expect(listed(library).map((f) => f.articles)).toEqual([20, 20, 6]);

    for (const id of [...ids.slice(0, 6), ids[12]!, ids[30]!]) library.saveReading(id, { read: true });
    library.saveReading(ids[3]!, { read: false });
    library.saveReading(ids[7]!, { position: 0.5 });
    expect(listed(library)).toEqual(scanned(library.file));
    expect(listed(library).map((f) => f.unread)).toEqual([20 - 6, 20 - 1, 6 - 2]);

    // Deleting an article: its reading row goes (cascade) and its items let go of it (set NULL).
    for (const id of [ids[1]!, ids[15]!, ids[30]!]) library.deleteArticle(id);
    expect(listed(library)).toEqual(scanned(library.file));
    library.restoreArticle(ids[1]!);
    expect(listed(library)).toEqual(scanned(library.file));

    const store = library.feeds();
    const marked = store.markRead(null);
    expect(listed(library).every((f) => f.unread === 0)).toBe(true);
    store.markUnread(marked);
    expect(listed(library)).toEqual(scanned(library.file));

    // An item pointed at another article (a feed's item found again as a saved page).
    const db = new Database(library.file);
    db.prepare("UPDATE feed_items SET article_id = ? WHERE item_key = 'c-gone'").run(ids[36]!);
    db.prepare("UPDATE feed_items SET article_id = ? WHERE item_key = 'a0'").run(ids[37]!);
    db.close();
    expect(listed(library)).toEqual(scanned(library.file));
  });

  it('are counted afresh when a trigger is missing', () => {
    const ids = library.addArticles(sourcedNews(40)).ids;
    subscribe(library.file, ids);
    for (const id of ids.slice(0, 5)) library.saveReading(id, { read: true });
    const file = library.file;
    library.close();
    const db = new Database(file);
    db.exec('DROP TRIGGER feed_counts_read_update; DELETE FROM feed_counts;');
    db.close();
    library = Library.open(file);
    expect(listed(library)).toEqual(scanned(file));
    library.saveReading(ids[0]!, { read: false });
    expect(listed(library)).toEqual(scanned(file));
  });
});
