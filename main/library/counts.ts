/**
 * Counts the sidebar shows, kept in small tables by triggers, so that they are a read of a few rows
 * instead of a scan of a million: how many articles each source has (`source_counts`, triggers on
 * `articles`; counting an index of a million entries costs 20–100 ms, this table well under one),
 * and how many articles each feed brought and how many are read (`feed_counts`). Derived data,
 * not the reader's: nothing to sync, rebuilt whenever a trigger is missing.
 */
import type { Database } from 'better-sqlite3';

/** The key of the articles without a source: the same expression articles_by_source sorts by. */
export const NO_SOURCE_KEY = '\u{10FFFF}';

/** Whether every one of these triggers is in the library's schema. */
function hasTriggers(db: Database, names: readonly string[]): boolean {
  const present = db
    .prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`)
    .pluck()
    .get(...names) as number;
  return present === names.length;
}

const KEY = (row: 'NEW' | 'OLD') => `ifnull(${row}.source, char(1114111))`;
const TRIGGERS = ['article_counts_insert', 'article_counts_delete', 'article_counts_source'] as const;

/**
 * Creates the table and its triggers, counting the articles there are, unless all three triggers
 * are in place. Run by migration 10 and at every open: a later migration that rebuilds the articles
 * table (a new table copied and renamed) drops the triggers with the old one, and they come back
 * here, with counts taken afresh.
 */
export function ensureArticleCounts(db: Database): void {
  if (hasTriggers(db, TRIGGERS)) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS source_counts (
        -- the article's source, or char(1114111) for none (sorts last, as in articles_by_source)
        source TEXT PRIMARY KEY,
        count  INTEGER NOT NULL
      ) WITHOUT ROWID;
      DELETE FROM source_counts;
      INSERT INTO source_counts (source, count)
        SELECT ifnull(source, char(1114111)), count(*) FROM articles GROUP BY ifnull(source, char(1114111));
      DROP TRIGGER IF EXISTS article_counts_insert;
      DROP TRIGGER IF EXISTS article_counts_delete;
      DROP TRIGGER IF EXISTS article_counts_source;
      CREATE TRIGGER article_counts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO source_counts (source, count) VALUES (${KEY('NEW')}, 1)
          ON CONFLICT (source) DO UPDATE SET count = count + 1;
      END;
      CREATE TRIGGER article_counts_delete AFTER DELETE ON articles BEGIN
        UPDATE source_counts SET count = count - 1 WHERE source = ${KEY('OLD')};
        DELETE FROM source_counts WHERE source = ${KEY('OLD')} AND count <= 0;
      END;
      CREATE TRIGGER article_counts_source AFTER UPDATE OF source ON articles
        WHEN ${KEY('OLD')} IS NOT ${KEY('NEW')} BEGIN
        UPDATE source_counts SET count = count - 1 WHERE source = ${KEY('OLD')};
        DELETE FROM source_counts WHERE source = ${KEY('OLD')} AND count <= 0;
        INSERT INTO source_counts (source, count) VALUES (${KEY('NEW')}, 1)
          ON CONFLICT (source) DO UPDATE SET count = count + 1;
      END;
    `);
  })();
}

const FEED_TRIGGERS = [
  'feed_counts_item_insert',
  'feed_counts_item_delete',
  'feed_counts_item_article',
  'feed_counts_read_insert',
  'feed_counts_read_update',
  'feed_counts_read_delete',
] as const;

const isRead = (article: string) => `EXISTS (SELECT 1 FROM reading r WHERE r.article_id = ${article} AND r.read = 1)`;
/** How many of this feed_counts row's feed's items carry `article` (an article may come as two items of one feed). */
const itemsOf = (article: string) => `(SELECT count(*) FROM feed_items fi WHERE fi.feed_id = feed_counts.feed_id AND fi.article_id = ${article})`;
const feedsOf = (article: string) => `(SELECT feed_id FROM feed_items WHERE article_id = ${article})`;

/**
 * How many articles each feed brought and how many of them are read, kept in `feed_counts` by
 * triggers on `feed_items` and `reading`: the sidebar's feed counts are a read of one row a feed
 * instead of a walk of every item with a probe of `reading` (100 feeds × 10,000 items took 560 ms).
 * Each trigger reads the other table's state as it is, so deleting an article (its reading row
 * cascades, its items are set NULL, in either order) counts right. Derived data, not the reader's:
 * nothing to sync, and no migration: it is made, and counted afresh, at the first open that lacks a
 * trigger (an older Sahifa keeps it right, since the triggers live in the file).
 */
export function ensureFeedCounts(db: Database): void {
  if (hasTriggers(db, FEED_TRIGGERS)) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS feed_counts (
        feed_id  INTEGER PRIMARY KEY,
        -- items with an article (as listFeeds counted them), and of those, the ones read
        articles INTEGER NOT NULL,
        read     INTEGER NOT NULL
      );
      DELETE FROM feed_counts;
      INSERT INTO feed_counts (feed_id, articles, read)
        SELECT fi.feed_id, count(*), count(r.article_id) FROM feed_items fi
          LEFT JOIN reading r ON r.article_id = fi.article_id AND r.read = 1
        WHERE fi.article_id IS NOT NULL GROUP BY fi.feed_id;
      ${FEED_TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${name};`).join('\n')}
      CREATE TRIGGER feed_counts_item_insert AFTER INSERT ON feed_items WHEN NEW.article_id IS NOT NULL BEGIN
        INSERT INTO feed_counts (feed_id, articles, read) VALUES (NEW.feed_id, 1, ${isRead('NEW.article_id')})
          ON CONFLICT (feed_id) DO UPDATE SET articles = articles + 1, read = read + excluded.read;
      END;
      CREATE TRIGGER feed_counts_item_delete AFTER DELETE ON feed_items WHEN OLD.article_id IS NOT NULL BEGIN
        UPDATE feed_counts SET articles = articles - 1, read = read - ${isRead('OLD.article_id')} WHERE feed_id = OLD.feed_id;
      END;
      CREATE TRIGGER feed_counts_item_article AFTER UPDATE OF article_id ON feed_items
        WHEN OLD.article_id IS NOT NEW.article_id BEGIN
        UPDATE feed_counts SET articles = articles - 1, read = read - ${isRead('OLD.article_id')}
          WHERE OLD.article_id IS NOT NULL AND feed_id = OLD.feed_id;
        INSERT INTO feed_counts (feed_id, articles, read) SELECT NEW.feed_id, 1, ${isRead('NEW.article_id')} WHERE NEW.article_id IS NOT NULL
          ON CONFLICT (feed_id) DO UPDATE SET articles = articles + 1, read = read + excluded.read;
      END;
      CREATE TRIGGER feed_counts_read_insert AFTER INSERT ON reading WHEN NEW.read = 1 BEGIN
        UPDATE feed_counts SET read = read + ${itemsOf('NEW.article_id')} WHERE feed_id IN ${feedsOf('NEW.article_id')};
      END;
      CREATE TRIGGER feed_counts_read_update AFTER UPDATE OF read ON reading WHEN OLD.read IS NOT NEW.read BEGIN
        UPDATE feed_counts SET read = read + (CASE WHEN NEW.read = 1 THEN 1 ELSE -1 END) * ${itemsOf('NEW.article_id')}
          WHERE feed_id IN ${feedsOf('NEW.article_id')};
      END;
      CREATE TRIGGER feed_counts_read_delete AFTER DELETE ON reading WHEN OLD.read = 1 BEGIN
        UPDATE feed_counts SET read = read - ${itemsOf('OLD.article_id')} WHERE feed_id IN ${feedsOf('OLD.article_id')};
      END;
    `);
  })();
}
