/**
 * How many articles each source has, kept in a small table by triggers on `articles`, so that the
 * sidebar's and the list's counts (every article, each source) are a read of a few rows instead of
 * a scan of a million: counting an index of a million entries costs 20–100 ms, this table well
 * under one. Derived data, not the reader's: nothing to sync, rebuilt from `articles` whenever its
 * triggers are missing.
 */
import type { Database } from 'better-sqlite3';

/** The key of the articles without a source: the same expression articles_by_source sorts by. */
export const NO_SOURCE_KEY = '\u{10FFFF}';

const KEY = (row: 'NEW' | 'OLD') => `ifnull(${row}.source, char(1114111))`;
const TRIGGERS = ['article_counts_insert', 'article_counts_delete', 'article_counts_source'] as const;

/**
 * Creates the table and its triggers, counting the articles there are, unless all three triggers
 * are in place. Run by migration 10 and at every open: a later migration that rebuilds the articles
 * table (a new table copied and renamed) drops the triggers with the old one, and they come back
 * here, with counts taken afresh.
 */
export function ensureArticleCounts(db: Database): void {
  const present = db
    .prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles' AND name IN (${TRIGGERS.map(() => '?').join(', ')})`)
    .pluck()
    .get(...TRIGGERS) as number;
  if (present === TRIGGERS.length) return;
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
