import type { Database } from 'better-sqlite3';
import { ensureArticleCounts } from './counts';
import { queueUncompressedArticles } from './compress-stored';
import { analyzedColumns } from './prepare';
import { queueMixedWordArticles, queueWholeIndex } from './reindex';

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
  // 3: the Markdown source of articles imported from Markdown. Their text and html are what it
  // renders to (what search and the reader see); export writes the source back as it was.
  (db) => {
    db.exec('ALTER TABLE articles ADD COLUMN markdown TEXT');
  },
  // 4: deleted articles, with what an undo needs, so that "undo" means the same after a restart.
  (db) => {
    db.exec(`
      -- A deleted article leaves articles, its index and its annotations at once (so nothing else
      -- has to skip it); its snapshot waits here for an undo until it is purged (trash.ts), and the
      -- row stays as the deletion's tombstone.
      CREATE TABLE deleted_articles (
        id         INTEGER PRIMARY KEY,
        uuid       TEXT NOT NULL UNIQUE,
        -- the id the article had, and its identity (canonical URL or text hash)
        article_id INTEGER NOT NULL,
        identity   TEXT NOT NULL,
        -- when it was deleted, ISO 8601
        deleted    TEXT NOT NULL,
        -- JSON: its row, bookmark, reading state and tags; NULL once purged
        snapshot   TEXT
      );
      CREATE INDEX deleted_articles_by_article ON deleted_articles (article_id);
    `);
  },
  // 5: subscriptions: folders (nested), feeds, and which article each feed item became. Feeds and
  // folders carry a stable text id for sync and are tombstoned (`deleted`), never removed.
  (db) => {
    db.exec(`
      CREATE TABLE folders (
        id        INTEGER PRIMARY KEY,
        uid       TEXT NOT NULL UNIQUE,
        name      TEXT NOT NULL,
        parent_id INTEGER REFERENCES folders (id),
        created   TEXT NOT NULL,
        deleted   TEXT
      );
      CREATE INDEX folders_by_parent ON folders (parent_id, name);

      CREATE TABLE feeds (
        id               INTEGER PRIMARY KEY,
        uid              TEXT NOT NULL UNIQUE,
        -- where it is fetched from (a permanent redirect rewrites it), and its canonical form,
        -- which is what makes two subscriptions (or two OPML outlines) the same feed
        url              TEXT NOT NULL,
        url_key          TEXT NOT NULL,
        title            TEXT NOT NULL,
        site             TEXT,
        folder_id        INTEGER REFERENCES folders (id),
        interval_minutes INTEGER NOT NULL DEFAULT 60 CHECK (interval_minutes > 0),
        full_text        INTEGER NOT NULL DEFAULT 0 CHECK (full_text IN (0, 1)),
        images           INTEGER NOT NULL DEFAULT 1 CHECK (images IN (0, 1)),
        keep_days        INTEGER CHECK (keep_days IS NULL OR keep_days > 0),
        -- why refreshing stopped (410 Gone, or the reader's pause), else NULL
        paused           TEXT,
        etag             TEXT,
        last_modified    TEXT,
        last_checked     TEXT,
        last_error       TEXT,
        failures         INTEGER NOT NULL DEFAULT 0,
        -- the RSS ttl the feed last gave, in minutes: it still holds when later answers are 304s
        ttl_minutes      INTEGER,
        -- the earliest the feed may be fetched again (its ttl, max-age, Retry-After, backoff)
        next_check       TEXT,
        created          TEXT NOT NULL,
        deleted          TEXT
      );
      CREATE UNIQUE INDEX feeds_by_url ON feeds (url_key) WHERE deleted IS NULL;

      -- One row per item a feed ever carried, kept after its article is gone so that a removed
      -- item never comes back. item_key: the item's id/guid, else its link, else its content.
      CREATE TABLE feed_items (
        feed_id      INTEGER NOT NULL REFERENCES feeds (id),
        item_key     TEXT NOT NULL,
        article_id   INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        -- 1 when this feed added the article; 0 when it was in the library already (a file, another feed)
        created      INTEGER NOT NULL CHECK (created IN (0, 1)),
        content_hash TEXT NOT NULL,
        first_seen   TEXT NOT NULL,
        -- when retention, an unsubscribe or the reader removed its article: it is not added again
        removed      TEXT,
        -- the full-text fetch of its link: NULL (never tried), 'done' or 'failed'; tried once only
        full_text    TEXT,
        PRIMARY KEY (feed_id, item_key)
      ) WITHOUT ROWID;
      CREATE INDEX feed_items_by_article ON feed_items (article_id, feed_id);
      CREATE INDEX feed_items_by_feed ON feed_items (feed_id, article_id);
    `);
  },
  // 6: highlights inside an article's text, and a full-text index of the reader's notes.
  (db) => {
    db.exec(`
      CREATE TABLE highlights (
        id         INTEGER PRIMARY KEY,
        -- stable across libraries (sync, exports that import back)
        uid        TEXT NOT NULL UNIQUE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        -- [start_at, end_at) UTF-16 offsets into articles.text, and what was there (main/text/anchor.ts)
        start_at   INTEGER NOT NULL,
        end_at     INTEGER NOT NULL CHECK (end_at > start_at AND start_at >= 0),
        quote      TEXT NOT NULL,
        prefix     TEXT NOT NULL,
        suffix     TEXT NOT NULL,
        color      TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
        note       TEXT,
        -- 1 when the article's text changed and the quote could not be found again: kept, not drawn
        orphaned   INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL,
        -- a removed highlight stays as a tombstone, so that a sync can tell removed from never seen
        deleted    TEXT
      );
      CREATE INDEX highlights_by_article ON highlights (article_id, start_at) WHERE deleted IS NULL;
      CREATE INDEX highlights_by_created ON highlights (created DESC, id DESC) WHERE deleted IS NULL;

      -- The notes of an article (its bookmark note and its highlights' notes), analyzed as article
      -- text is: one row per article that has notes, its rowid the article's id.
      CREATE VIRTUAL TABLE note_index USING fts5 (
        note_surface, note_stem,
        content = '', contentless_delete = 1,
        tokenize = 'ascii'
      );
    `);
    const insert = db.prepare('INSERT INTO note_index (rowid, note_surface, note_stem) VALUES (?, ?, ?)');
    const notes = db.prepare("SELECT article_id AS id, note FROM bookmarks WHERE note IS NOT NULL AND note != ''").all() as {
      id: number;
      note: string;
    }[];
    for (const { id, note } of notes) insert.run(id, ...analyzedColumns(note));
  },
  // 7: words mixing digits and letters (1436هـ) get their digit and letter runs in the stem columns:
  // queue the articles holding one; Library.open re-indexes them (reindex.ts).
  (db) => queueMixedWordArticles(db),
  // 8: offline images stored once each, by the SHA-256 of their bytes (images.ts); articles refer
  // to them. uid: a stable id for sync; a deleted image keeps its row (bytes NULL, deleted set).
  (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS images (
        id      INTEGER PRIMARY KEY,
        uid     TEXT NOT NULL UNIQUE,
        sha256  TEXT NOT NULL UNIQUE,
        type    TEXT NOT NULL,
        size    INTEGER NOT NULL,
        bytes   BLOB,
        created TEXT NOT NULL,
        deleted TEXT
      );
      -- Which article shows which image: kept while the article is in the library or waits in
      -- the trash for an undo, so an image is tombstoned only when nothing can show it again.
      CREATE TABLE IF NOT EXISTS article_images (
        article_id INTEGER NOT NULL,
        image_id   INTEGER NOT NULL REFERENCES images (id),
        PRIMARY KEY (article_id, image_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS article_images_by_image ON article_images (image_id);
    `);
  },
  // 9: each article's date beside its id, small enough to read for every match of a search sorted
  // newest first (date-order.ts): the articles table's own rows carry the whole text.
  (db) => db.exec('CREATE INDEX IF NOT EXISTS articles_date_by_id ON articles (id, sort_date)'),
  // 10: how many articles each source has, kept by triggers (counts.ts): the sidebar's and the list's
  // counts read a few rows instead of counting a million.
  (db) => ensureArticleCounts(db),
  // 11: articles' text, HTML and Markdown are stored compressed (stored-text.ts): queue the articles
  // an older Sahifa stored as plain text; Library.open compresses them (compress-stored.ts).
  queueUncompressedArticles,
  // 12: deleting an article leaves its highlights as tombstones (for sync), as removing one does: the
  // rows stay, marked deleted by a trigger and let go of the article (article_id NULL), instead of
  // going with the article's row. Undoing the deletion (trash.ts) takes them back.
  (db) => {
    db.exec(`
      -- (so that running this again, as a test of a later migration may, does the same)
      DROP TRIGGER IF EXISTS articles_tombstone_highlights;
      CREATE TABLE highlights_next (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        -- NULL once the article is deleted (the row is then a tombstone)
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        start_at   INTEGER NOT NULL,
        end_at     INTEGER NOT NULL CHECK (end_at > start_at AND start_at >= 0),
        quote      TEXT NOT NULL,
        prefix     TEXT NOT NULL,
        suffix     TEXT NOT NULL,
        color      TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
        note       TEXT,
        orphaned   INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL,
        deleted    TEXT
      );
      INSERT INTO highlights_next (id, uid, article_id, start_at, end_at, quote, prefix, suffix, color, note, orphaned, created, updated, deleted)
        SELECT id, uid, article_id, start_at, end_at, quote, prefix, suffix, color, note, orphaned, created, updated, deleted FROM highlights;
      DROP TABLE highlights;
      ALTER TABLE highlights_next RENAME TO highlights;
      CREATE INDEX highlights_by_article ON highlights (article_id, start_at) WHERE deleted IS NULL;
      CREATE INDEX highlights_by_created ON highlights (created DESC, id DESC) WHERE deleted IS NULL;

      -- Whatever deletes an article (the trash, or any other way), its highlights become tombstones
      -- first, at the same ISO 8601 UTC moment format the library writes.
      CREATE TRIGGER articles_tombstone_highlights BEFORE DELETE ON articles BEGIN
        UPDATE highlights SET deleted = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE article_id = OLD.id AND deleted IS NULL;
      END;
    `);
  },
  // 13: feeds keep why their last fetch failed as a stable code beside the English detail (the
  // window words it in its own language), and whether Sahifa suggests full text for them — or
  // the reader dismissed that — so the suggestion outlives a restart. Errors recorded before get
  // their code from the English line a refresh of the time wrote; the next fetch writes its own.
  (db) => {
    // (Only the columns missing: running this again, as a test of an earlier migration may, does the same.)
    const columns = new Set((db.prepare('PRAGMA table_info(feeds)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('error_code')) db.exec('ALTER TABLE feeds ADD COLUMN error_code TEXT');
    // NULL: nothing to suggest (yet); 'suggested': its items are short; 'dismissed': not again.
    if (!columns.has('full_text_suggestion')) {
      db.exec("ALTER TABLE feeds ADD COLUMN full_text_suggestion TEXT CHECK (full_text_suggestion IN ('suggested', 'dismissed'))");
    }
    db.exec(`
      UPDATE feeds SET error_code = CASE
          WHEN last_error LIKE '%(404)%' THEN 'not-found'
          WHEN last_error LIKE '%(410)%' OR paused LIKE '%(410)%' THEN 'gone'
          WHEN last_error LIKE 'the server asks to wait%' THEN 'rate-limited'
          WHEN last_error LIKE 'the server answered 5%' THEN 'server-error'
          WHEN last_error LIKE 'no complete answer within%' OR last_error LIKE 'could not connect to % within %' THEN 'timeout'
          WHEN last_error LIKE 'larger than %' THEN 'too-large'
          WHEN last_error LIKE 'more than % redirects' THEN 'redirects'
          WHEN last_error LIKE '%(ECONNREFUSED)' THEN 'refused'
          WHEN last_error LIKE '%(ENOTFOUND)' OR last_error LIKE '%(EAI_AGAIN)' THEN 'dns'
          WHEN last_error LIKE 'could not reach %' THEN 'network'
          WHEN last_error LIKE '%not a feed%' THEN 'not-a-feed'
          ELSE 'unknown'
        END
        WHERE error_code IS NULL AND (last_error IS NOT NULL OR paused LIKE '%(410)%');
    `);
  },
  // 14: stems are stored marked as such (index-terms.ts), so that queries need no column filters:
  // both full-text indexes are written again, the article index by Library.open (reindex.ts).
  (db) => queueWholeIndex(db),
];

export const SCHEMA_VERSION = migrations.length;
