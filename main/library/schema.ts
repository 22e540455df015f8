import type { Database } from 'better-sqlite3';

/**
 * Migrations, in order. The library's `user_version` is the number of migrations applied; each
 * one runs in its own transaction, so a crash leaves the library at the previous version.
 * Never edit a migration that has shipped: add a new one.
 */
export const migrations: ReadonlyArray<(db: Database) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE articles (
        id        INTEGER PRIMARY KEY,
        -- canonical URL when there is one, else a hash of the analyzed title and body
        identity  TEXT NOT NULL UNIQUE,
        title     TEXT NOT NULL,
        byline    TEXT,
        source    TEXT,
        url       TEXT,
        lang      TEXT,
        dir       TEXT NOT NULL CHECK (dir IN ('rtl', 'ltr')),
        published TEXT,
        imported  TEXT NOT NULL,
        -- published date, else import time: what "newest first" sorts by
        sort_date TEXT NOT NULL,
        excerpt   TEXT NOT NULL,
        text      TEXT NOT NULL,
        html      TEXT,
        origin    TEXT
      );
      CREATE INDEX articles_by_date ON articles (sort_date DESC, id DESC);

      CREATE TABLE bookmarks (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        created    TEXT NOT NULL,
        note       TEXT
      );

      -- The index sees analyzed words only (see main/text): surface forms for exact and phrase
      -- matches, Light-10 stems for recall. Contentless: the original text lives in articles.
      CREATE VIRTUAL TABLE article_index USING fts5 (
        title_surface, title_stem, body_surface, body_stem,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3'
      );
    `);
  },
];

export const SCHEMA_VERSION = migrations.length;
