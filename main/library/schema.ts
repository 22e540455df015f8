import type { Database } from 'better-sqlite3';
import { queueMixedWordArticles } from './reindex';

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
        -- The columns hold analyzed words (letters and digits, lower-cased) separated by spaces, so
        -- the ascii tokenizer splits them exactly as unicode61 would, 40% faster. No prefix index:
        -- it halved the import rate, and word* queries are fast without it.
        tokenize = 'ascii'
      );
    `);
  },
  // 2: reading state, tags (collections), the reader's settings, and indexes for the list's sorts.
  (db) => {
    db.exec(`
      -- Apart from articles: a scroll position saved every few seconds must not rewrite a row
      -- that carries the whole text.
      CREATE TABLE reading (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        -- fraction 0..1 of the article scrolled
        position   REAL NOT NULL DEFAULT 0 CHECK (position >= 0 AND position <= 1),
        read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
        updated    TEXT NOT NULL
      );
      CREATE INDEX reading_read ON reading (read, article_id);

      CREATE TABLE tags (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

      -- One row per setting, its value as JSON; what values are allowed is the API's business.
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE INDEX articles_by_title ON articles (title, id);
      -- Articles without a source sort last: the same expression as the ORDER BY in library.ts.
      CREATE INDEX articles_by_source ON articles (ifnull(source, char(1114111)), sort_date DESC, id DESC);
    `);
  },
  // Words mixing digits and letters (1436هـ) get their digit and letter runs in the stem columns:
  // queue the articles holding one; Library.open re-indexes them (reindex.ts).
  (db) => queueMixedWordArticles(db),
];

export const SCHEMA_VERSION = migrations.length;
