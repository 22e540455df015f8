import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeSnippet } from '../text/snippet';
import { tokenize } from '../text/tokenize';
import { DamagedLibraryError, LibraryError, NotFoundError } from './errors';
import { findMatches } from './highlight';
import { indexColumns, prepareArticle, type PreparedArticle } from './prepare';
import { compileQuery, parseQuery, type ParsedQuery } from './query';
import { mergeRankings, RangeRanker, WHOLE_LIBRARY, type RangeRanking, type Ranked, type RankFilter, type RankRequest } from './rank';
import { RankHelper } from './rank-helper';
import { reindexQueued } from './reindex';
import { rerankWindow, titlesFirst } from './title-first';
import { migrations, SCHEMA_VERSION } from './schema';
import type {
  Article,
  ArticleAnnotations,
  ArticleSummary,
  Direction,
  LibraryStats,
  ListSort,
  NewArticle,
  Page,
  Range,
  SearchHit,
  SourceCount,
  TagCount,
} from './types';

export { DamagedLibraryError, LibraryError, NotFoundError } from './errors';

export interface OpenOptions {
  /** Path of the better-sqlite3 native module built for this runtime (Electron needs its own). */
  nativeBinding?: string;
  /**
   * Run SQLite's quick_check before anything else (the app does at start-up). It reads the whole
   * file, so the command line skips it; SQLite still refuses to read damaged pages there.
   */
  verify?: boolean;
  /**
   * Rank searches of a large library on two threads (rank-helper.ts). The app does; a command
   * line that runs one search and exits would spend more starting the thread than it saves.
   */
  parallelSearch?: boolean;
  /** Fewest ids (last minus first) worth splitting a search over two threads; tests lower it. */
  splitSearchAbove?: number;
}

export interface ListOptions {
  bookmarked?: boolean;
  /** Only articles not marked read. */
  unread?: boolean;
  /** Only articles with this tag (its exact name). */
  tag?: string;
  /** Only articles from this source (its exact name). */
  source?: string;
  sort?: ListSort;
  offset?: number;
  limit?: number;
}

export interface SearchFilters {
  bookmarked?: boolean;
  /** Only articles not marked read. */
  unread?: boolean;
  /** Only articles with this tag (its exact name). */
  tag?: string;
  /** Exact source name, as listed. */
  source?: string;
  /** Language tag; "ar" also matches "ar-SA". */
  lang?: string;
  /** Inclusive date bounds, YYYY-MM-DD, on the published date (else the import date). */
  from?: string;
  to?: string;
}

export interface SearchOptions extends SearchFilters {
  offset?: number;
  limit?: number;
}

/** SQL conditions on `a` (articles) for the filters, with their parameters. */
function filterClause(filters: SearchFilters): RankFilter {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filters.source) {
    conditions.push('a.source = ?');
    params.push(filters.source);
  }
  if (filters.lang) {
    conditions.push("(a.lang = ? OR a.lang LIKE ? || '-%')");
    params.push(filters.lang, filters.lang);
  }
  if (filters.from) {
    conditions.push('a.sort_date >= ?');
    params.push(filters.from);
  }
  if (filters.to) {
    // Dates sort as text; every time on the `to` day is before the next character after it.
    conditions.push('a.sort_date < ?');
    params.push(`${filters.to}\uffff`);
  }
  if (filters.unread) {
    conditions.push('NOT EXISTS (SELECT 1 FROM reading rf WHERE rf.article_id = a.id AND rf.read = 1)');
  }
  if (filters.tag) {
    conditions.push('EXISTS (SELECT 1 FROM article_tags tf JOIN tags t ON t.id = tf.tag_id WHERE tf.article_id = a.id AND t.name = ?)');
    params.push(filters.tag);
  }
  return {
    joins: filters.bookmarked ? 'JOIN bookmarks b ON b.article_id = a.id' : '',
    where: conditions.map((c) => ` AND ${c}`).join(''),
    params,
  };
}

export interface AddResult {
  imported: number;
  duplicates: number;
  ids: number[];
}

// Rows ranked beyond a page, so that equal scores at its edge are still ordered newest first.
export const TIE_MARGIN = 50;
/**
 * Below this many ids a search is quick on one thread; above it, the rank helper ranks the upper
 * half of the ids (about 7 ms saved at 100k articles for words a third of the library holds).
 */
const SPLIT_SEARCH_ABOVE = 20_000;

/** A parsed query and the ranking it asks for (null when it asks for nothing searchable). */
interface SearchPlan {
  parsed: ParsedQuery;
  offset: number;
  limit: number;
  request: RankRequest | null;
}

const emptyPage = ({ offset }: SearchPlan): Page<SearchHit> => ({ total: 0, offset, items: [] });

interface SummaryRow {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  imported: string;
  bookmarked: number;
  read: number;
  dir: Direction;
  lang: string | null;
  excerpt: string;
}

interface ArticleRow extends SummaryRow {
  byline: string | null;
  url: string | null;
  text: string;
  html: string | null;
  origin: string | null;
}

const SUMMARY_COLUMNS = `a.id, a.title, a.source, a.published, a.imported, a.dir, a.lang, a.excerpt,
  (b.article_id IS NOT NULL) AS bookmarked,
  coalesce((SELECT r.read FROM reading r WHERE r.article_id = a.id), 0) AS read`;

/** ORDER BY for each sort; each one has an index (schema.ts, migration 2), so a page is a range scan. */
const ORDER_BY: Record<ListSort, string> = {
  date: 'a.sort_date DESC, a.id DESC',
  title: 'a.title, a.id',
  // Articles without a source go last (the index is on the same expression).
  source: 'ifnull(a.source, char(1114111)), a.sort_date DESC, a.id DESC',
};

/** Tag names: trimmed, inner runs of spaces made one, at most 60 characters; empty ones dropped. */
export function cleanTagName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** Everything a deleted article was, so that an undo can put it back as it was. */
export interface DeletedArticle {
  row: Record<string, unknown> & { id: number; identity: string; title: string; text: string };
  bookmark: { created: string; note: string | null } | null;
  reading: { position: number; read: number; updated: string } | null;
  tags: string[];
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    published: row.published,
    imported: row.imported,
    bookmarked: row.bookmarked === 1,
    read: row.read === 1,
    dir: row.dir,
    lang: row.lang,
    excerpt: row.excerpt,
  };
}

function openDatabase(file: string, options: OpenOptions): Database.Database {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new LibraryError(`cannot open the library ${file}: ${(error as Error).message}`);
  }
}

// SQLite's words for a database file it can no longer trust ("not a database" is another file).
const DAMAGED = /malformed|corrupt/i;

/** Refuses files that are not Sahifa libraries, or are from a newer Sahifa, before changing anything. */
function checkSchema(db: Database.Database, file: string): number {
  let version: number;
  let objects: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (error) {
    const message = (error as Error).message;
    if (DAMAGED.test(message)) throw new DamagedLibraryError(file, message);
    throw new LibraryError(`${file} is not a Sahifa library (${message})`);
  }
  if (version > SCHEMA_VERSION) {
    throw new LibraryError(
      `${file} was written by a newer version of Sahifa (library version ${version}, this one knows up to ${SCHEMA_VERSION}); it was left unchanged`,
    );
  }
  if (version === 0 && objects > 0) {
    throw new LibraryError(`${file} is an SQLite database but not a Sahifa library; it was left unchanged`);
  }
  return version;
}

function verifyIntegrity(db: Database.Database, file: string): void {
  let result: string;
  try {
    result = (db.pragma('quick_check', { simple: true }) as string) ?? 'no answer';
  } catch (error) {
    throw new DamagedLibraryError(file, (error as Error).message);
  }
  if (result !== 'ok') throw new DamagedLibraryError(file, result.split('\n')[0]!);
}

/** Where the automatic copy made before a migration goes: next to the library, never over a file. */
export function premigrationBackupPath(file: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${file}.v${version}-before-upgrade-${stamp}.sqlite`;
}

function migrate(db: Database.Database, file: string, from: number): void {
  // A library that has data gets a consistent copy of itself before its schema changes.
  if (from > 0 && from < SCHEMA_VERSION) db.prepare('VACUUM INTO ?').run(premigrationBackupPath(file, from));
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      migrations[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export class Library {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements;
  /** list() queries by their shape (filters and sort), prepared once each. */
  private readonly listStatements: Map<string, { rows: Database.Statement; count: Database.Statement }>;
  private readonly ranker: RangeRanker;
  /** Started at the first search of a library large enough to split (see helper()). */
  private rankHelper: RankHelper | null = null;
  private readonly parallelSearch: boolean;
  private readonly nativeBinding: string | undefined;
  private readonly splitSearchAbove: number;
  private helperClosed: Promise<void> = Promise.resolve();

  private constructor(
    file: string,
    db: Database.Database,
    options: OpenOptions,
  ) {
    this.file = file;
    this.db = db;
    this.nativeBinding = options.nativeBinding;
    this.ranker = new RangeRanker(db);
    this.parallelSearch = options.parallelSearch ?? false;
    this.splitSearchAbove = options.splitSearchAbove ?? SPLIT_SEARCH_ABOVE;
    this.statements = {
      insertArticle: db.prepare(
        `INSERT INTO articles (identity, title, byline, source, url, lang, dir, published, imported, sort_date, excerpt, text, html, origin)
         VALUES (@identity, @title, @byline, @source, @url, @lang, @dir, @published, @imported, @sortDate, @excerpt, @text, @html, @origin)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      insertIndex: db.prepare(
        'INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)',
      ),
      countAll: db.prepare('SELECT count(*) AS n FROM articles'),
      countBookmarks: db.prepare('SELECT count(*) AS n FROM bookmarks'),
      listAll: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id
         ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?`,
      ),
      listBookmarked: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM bookmarks b JOIN articles a ON a.id = b.article_id
         ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?`,
      ),
      getArticle: db.prepare(
        `SELECT ${SUMMARY_COLUMNS}, a.byline, a.url, a.text, a.html, a.origin
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
      exists: db.prepare('SELECT 1 FROM articles WHERE id = ?'),
      addBookmark: db.prepare('INSERT INTO bookmarks (article_id, created) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      removeBookmark: db.prepare('DELETE FROM bookmarks WHERE article_id = ?'),
      titleAndText: db.prepare('SELECT title, text FROM articles WHERE id = ?'),
      // Two subqueries: each is one b-tree probe, where min() and max() in one SELECT scan the table.
      idBounds: db.prepare('SELECT (SELECT min(id) FROM articles) AS low, (SELECT max(id) FROM articles) AS high'),
      sortDate: db.prepare('SELECT sort_date AS d FROM articles WHERE id = ?'),
      titles: db.prepare('SELECT a.id, a.title FROM json_each(?) j JOIN articles a ON a.id = j.value'),
      hit: db.prepare(
        `SELECT a.title, a.source, a.published, a.dir, a.text, (b.article_id IS NOT NULL) AS bookmarked,
           coalesce((SELECT r.read FROM reading r WHERE r.article_id = a.id), 0) AS read
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
      saveReading: db.prepare(
        `INSERT INTO reading (article_id, position, read, updated) VALUES (@id, coalesce(@position, 0), coalesce(@read, 0), @updated)
         ON CONFLICT (article_id) DO UPDATE SET position = coalesce(@position, position), read = coalesce(@read, read), updated = @updated`,
      ),
      annotations: db.prepare(
        `SELECT b.note AS note, (SELECT r.position FROM reading r WHERE r.article_id = a.id) AS position
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
      tagsOf: db.prepare('SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY t.name').pluck(),
      setNote: db.prepare(
        `INSERT INTO bookmarks (article_id, created, note) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET note = excluded.note`,
      ),
      insertTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
      tagId: db.prepare('SELECT id FROM tags WHERE name = ?').pluck(),
      clearTags: db.prepare('DELETE FROM article_tags WHERE article_id = ?'),
      addTag: db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      dropUnusedTags: db.prepare('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.tag_id = tags.id)'),
      tagCounts: db.prepare(
        'SELECT t.name AS name, count(*) AS count FROM tags t JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY t.name',
      ),
      // Grouped on the articles_by_source index's own expression: a scan of the index, not the table.
      sourceCounts: db.prepare(
        `SELECT ifnull(source, char(1114111)) AS source, count(*) AS count FROM articles
         GROUP BY ifnull(source, char(1114111)) ORDER BY 1`,
      ),
      allSettings: db.prepare('SELECT key, value FROM settings'),
      putSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      rawArticle: db.prepare('SELECT * FROM articles WHERE id = ?'),
      rawBookmark: db.prepare('SELECT created, note FROM bookmarks WHERE article_id = ?'),
      rawReading: db.prepare('SELECT position, read, updated FROM reading WHERE article_id = ?'),
      deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
      deleteIndex: db.prepare('DELETE FROM article_index WHERE rowid = ?'),
      idOfIdentity: db.prepare('SELECT id FROM articles WHERE identity = ?').pluck(),
      restoreBookmark: db.prepare('INSERT INTO bookmarks (article_id, created, note) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      restoreReading: db.prepare(
        'INSERT INTO reading (article_id, position, read, updated) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    };
    this.listStatements = new Map();
  }

  static open(file: string, options: OpenOptions = {}): Library {
    const db = openDatabase(file, options);
    try {
      const version = checkSchema(db, file);
      if (options.verify) verifyIntegrity(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // 64 MB of page cache: the full-text index's segment merges during imports stay in memory.
      db.pragma('cache_size = -65536');
      db.pragma('busy_timeout = 5000');
      migrate(db, file, version);
      const library = new Library(file, db, options);
      reindexQueued(db, (id) => library.titleAndText(id));
      return library;
    } catch (error) {
      db.close();
      if (error instanceof LibraryError) throw error;
      if (DAMAGED.test((error as Error).message)) throw new DamagedLibraryError(file, (error as Error).message);
      throw new LibraryError(`cannot open the library ${file}: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.helperClosed = this.rankHelper?.close() ?? Promise.resolve();
    if (this.db.open) this.db.close();
  }

  /**
   * Resolves once nothing holds the file open any more: the rank helper's thread closes its own
   * connection a moment after close(). Await it before moving or replacing the file (a restore).
   */
  whenClosed(): Promise<void> {
    return this.helperClosed;
  }

  /**
   * How long a write on this connection may wait, blocking its thread, for another connection's
   * transaction (an import worker committing a batch) before failing with SQLITE_BUSY. Opened with
   * 5 s; the app's main thread keeps it short and retries without blocking (main/handlers.ts).
   */
  setLockWait(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  /** Adds articles in one transaction; an article already in the library is a duplicate and changes nothing. */
  addArticles(articles: NewArticle[]): AddResult {
    // Analysis is the expensive part: do it before the transaction so the write lock is short.
    return this.addPrepared(articles.map(prepareArticle));
  }

  /**
   * Adds articles analysed beforehand (prepare.ts; an import does it on a parse thread) in one
   * transaction, as addArticles does. The import time is decided here, at the write.
   */
  addPrepared(articles: PreparedArticle[]): AddResult {
    const imported = new Date().toISOString();
    const prepared = articles.map(({ article, identity, excerpt, index }) => ({
      row: {
        identity,
        title: article.title,
        byline: article.byline,
        source: article.source,
        url: article.url,
        lang: article.lang,
        dir: article.dir,
        published: article.published,
        imported,
        sortDate: article.published ?? imported,
        excerpt,
        text: article.text,
        html: article.html,
        origin: article.origin,
      },
      bookmarked: article.bookmarked === true,
      index,
    }));
    return this.db.transaction((): AddResult => {
      const result: AddResult = { imported: 0, duplicates: 0, ids: [] };
      for (const { row, index, bookmarked } of prepared) {
        const info = this.statements.insertArticle.run(row);
        if (info.changes === 0) {
          result.duplicates++;
          continue;
        }
        const id = Number(info.lastInsertRowid);
        this.statements.insertIndex.run(id, ...index);
        if (bookmarked) this.statements.addBookmark.run(id, imported);
        result.imported++;
        result.ids.push(id);
      }
      return result;
    })();
  }

  list(options: ListOptions = {}): Page<ArticleSummary> {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 50;
    const sort = options.sort ?? 'date';
    if (sort === 'date' && !options.unread && !options.tag && !options.source) {
      // The common case, on statements prepared up front.
      const statement = options.bookmarked ? this.statements.listBookmarked : this.statements.listAll;
      const total = this.count(options.bookmarked ?? false);
      const rows = statement.all(limit, offset) as SummaryRow[];
      return { total, offset, items: rows.map(toSummary) };
    }
    const filter = filterClause({ bookmarked: options.bookmarked, unread: options.unread, tag: options.tag, source: options.source });
    const key = `${sort}|${filter.joins}|${filter.where}`;
    let statements = this.listStatements.get(key);
    if (statements === undefined) {
      const from = `FROM articles a ${filter.joins || 'LEFT JOIN bookmarks b ON b.article_id = a.id'} WHERE 1${filter.where}`;
      statements = {
        rows: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} ${from} ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`),
        count: this.db.prepare(`SELECT count(*) AS n ${from}`),
      };
      this.listStatements.set(key, statements);
    }
    const total = (statements.count.get(...filter.params) as { n: number }).n;
    const rows = statements.rows.all(...filter.params, limit, offset) as SummaryRow[];
    return { total, offset, items: rows.map(toSummary) };
  }

  // ---------------------------------------------------------------- reading state

  /** Saves where reading stopped (a fraction 0..1) and/or whether the article is read. */
  saveReading(id: number, state: { position?: number; read?: boolean }): void {
    this.assertExists(id);
    const position = state.position === undefined ? null : Math.min(1, Math.max(0, state.position));
    const read = state.read === undefined ? null : state.read ? 1 : 0;
    this.statements.saveReading.run({ id, position, read, updated: new Date().toISOString() });
  }

  /** The reader's own additions to an article: bookmark note, tags, reading position. */
  annotations(id: number): ArticleAnnotations {
    const row = this.statements.annotations.get(id) as { note: string | null; position: number | null } | undefined;
    if (!row) throw new NotFoundError(`there is no article ${id} in the library`);
    return { note: row.note, tags: this.statements.tagsOf.all(id) as string[], position: row.position ?? 0 };
  }

  // ---------------------------------------------------------------- notes and tags

  /** A note on the article's bookmark; writing one bookmarks the article. null or blank clears it. */
  setNote(id: number, note: string | null): void {
    this.assertExists(id);
    const text = note === null || note.trim() === '' ? null : note.trim();
    if (text === null) this.db.prepare('UPDATE bookmarks SET note = NULL WHERE article_id = ?').run(id);
    else this.statements.setNote.run(id, new Date().toISOString(), text);
  }

  /** Replaces the article's tags; tags no article has any more are forgotten. Returns the names kept. */
  setTags(id: number, names: readonly string[]): string[] {
    this.assertExists(id);
    const clean = [...new Set(names.map(cleanTagName).filter((name) => name !== ''))];
    this.db.transaction(() => {
      this.statements.clearTags.run(id);
      for (const name of clean) {
        this.statements.insertTag.run(name);
        this.statements.addTag.run(id, this.statements.tagId.get(name));
      }
      this.statements.dropUnusedTags.run();
    })();
    return this.statements.tagsOf.all(id) as string[];
  }

  /** Every tag with how many articles carry it, by name. */
  tags(): TagCount[] {
    return this.statements.tagCounts.all() as TagCount[];
  }

  /** Every source with how many articles came from it, by name. */
  sources(): SourceCount[] {
    // The articles without a source sort last, under char(1114111); they have no entry.
    return (this.statements.sourceCounts.all() as SourceCount[]).filter(({ source }) => source !== '\u{10FFFF}');
  }

  // ---------------------------------------------------------------- settings

  /** The stored settings, each value parsed from its JSON (values that do not parse are skipped). */
  settings(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const { key, value } of this.statements.allSettings.all() as { key: string; value: string }[]) {
      try {
        result[key] = JSON.parse(value);
      } catch {
        // Written by something else: the defaults stand in for it.
      }
    }
    return result;
  }

  updateSettings(values: Record<string, unknown>): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) this.statements.putSetting.run(key, JSON.stringify(value));
      }
    })();
  }

  // ---------------------------------------------------------------- delete and undo

  /**
   * Deletes an article for good (its row, bookmark, tags, reading state and its words in the index)
   * and returns everything it was, so that restoreArticle() can undo it.
   */
  deleteArticle(id: number): DeletedArticle {
    return this.db.transaction((): DeletedArticle => {
      const row = this.statements.rawArticle.get(id) as DeletedArticle['row'] | undefined;
      if (!row) throw new NotFoundError(`there is no article ${id} in the library`);
      const deleted: DeletedArticle = {
        row,
        bookmark: (this.statements.rawBookmark.get(id) as DeletedArticle['bookmark'] | undefined) ?? null,
        reading: (this.statements.rawReading.get(id) as DeletedArticle['reading'] | undefined) ?? null,
        tags: this.statements.tagsOf.all(id) as string[],
      };
      this.statements.deleteIndex.run(id);
      this.statements.deleteArticle.run(id);
      this.statements.dropUnusedTags.run();
      return deleted;
    })();
  }

  /**
   * Puts a deleted article back, under its old id when it is still free, and indexes it again.
   * If the same article was imported again meanwhile, that one gets the bookmark, tags and
   * reading state back instead. Returns the article's id.
   */
  restoreArticle(deleted: DeletedArticle): number {
    const { columns } = indexColumns(deleted.row.title, deleted.row.text);
    const id = this.db.transaction((): number => {
      const existing = this.statements.idOfIdentity.get(deleted.row.identity) as number | undefined;
      let restoredId: number;
      if (existing !== undefined) {
        restoredId = existing;
      } else {
        const idFree = !this.statements.exists.get(deleted.row.id);
        const row = { ...deleted.row };
        const names = Object.keys(row).filter((name) => /^[a-z_]+$/.test(name) && (name !== 'id' || idFree));
        const info = this.db
          .prepare(`INSERT INTO articles (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`)
          .run(Object.fromEntries(names.map((name) => [name, row[name]])));
        restoredId = Number(info.lastInsertRowid);
        this.statements.insertIndex.run(restoredId, ...columns);
      }
      if (deleted.bookmark) this.statements.restoreBookmark.run(restoredId, deleted.bookmark.created, deleted.bookmark.note);
      if (deleted.reading) {
        this.statements.restoreReading.run(restoredId, deleted.reading.position, deleted.reading.read, deleted.reading.updated);
      }
      for (const name of deleted.tags) {
        this.statements.insertTag.run(name);
        this.statements.addTag.run(restoredId, this.statements.tagId.get(name));
      }
      return restoredId;
    })();
    return id;
  }

  private assertExists(id: number): void {
    if (!this.statements.exists.get(id)) throw new NotFoundError(`there is no article ${id} in the library`);
  }

  get(id: number): Article {
    const row = this.statements.getArticle.get(id) as ArticleRow | undefined;
    if (!row) throw new NotFoundError(`there is no article ${id} in the library`);
    return { ...toSummary(row), byline: row.byline, url: row.url, text: row.text, html: row.html, origin: row.origin };
  }

  setBookmarked(id: number, bookmarked: boolean): void {
    if (!this.statements.exists.get(id)) throw new NotFoundError(`there is no article ${id} in the library`);
    if (bookmarked) this.statements.addBookmark.run(id, new Date().toISOString());
    else this.statements.removeBookmark.run(id);
  }

  stats(): LibraryStats {
    return { articles: this.count(false), bookmarks: this.count(true) };
  }

  /** One page of results, ranked on this thread (the command line's one-off searches). */
  search(query: string, options: SearchOptions = {}): Page<SearchHit> {
    const plan = this.planSearch(query, options);
    if (plan.request === null) return emptyPage(plan);
    return this.resultsPage(plan, this.ranker.rank(plan.request));
  }

  /**
   * The same page as search(), with the rank helper ranking the upper half of a large library's
   * ids while this thread ranks the lower half (opened with `parallelSearch`; the app's searches).
   */
  async searchInParallel(query: string, options: SearchOptions = {}): Promise<Page<SearchHit>> {
    const plan = this.planSearch(query, options);
    if (plan.request === null) return emptyPage(plan);
    const split = this.parallelSearch ? this.splitPoint() : null;
    const helper = split === null ? null : this.helper();
    if (split === null || !helper?.ready) return this.resultsPage(plan, this.ranker.rank(plan.request));
    const upperRange = { from: split, to: WHOLE_LIBRARY.to };
    const upper = helper.rank({ ...plan.request, range: upperRange });
    const lower = this.ranker.rank({ ...plan.request, range: { from: WHOLE_LIBRARY.from, to: split - 1 } });
    const upperRanking = (await upper) ?? this.ranker.rank({ ...plan.request, range: upperRange });
    return this.resultsPage(plan, mergeRankings(lower, upperRanking, plan.request.best));
  }

  /**
   * Starts the rank helper if it is not running; true once it is ready, false if the library was
   * opened without `parallelSearch` or the thread could not start.
   */
  async parallelSearchReady(): Promise<boolean> {
    return (await this.helper()?.whenReady()) ?? false;
  }

  /**
   * The rank helper, started on first use: a small library never splits a search, so it never
   * pays for the thread and its connection (the first large search runs on one thread meanwhile).
   */
  private helper(): RankHelper | null {
    if (!this.parallelSearch || !this.db.open) return null;
    this.rankHelper ??= new RankHelper(this.file, this.nativeBinding);
    return this.rankHelper;
  }

  private planSearch(query: string, options: SearchOptions): SearchPlan {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 20;
    const parsed = parseQuery(query);
    const expression = compileQuery(parsed);
    if (!expression) return { parsed, offset, limit, request: null };
    return { parsed, offset, limit, request: { expression, filter: filterClause(options), range: WHOLE_LIBRARY, best: Math.max(offset + limit, rerankWindow(parsed)) + TIE_MARGIN } };
  }

  /** The page's hits, with snippets and highlights, from the ranking of the whole library. */
  private resultsPage({ parsed, offset, limit }: SearchPlan, ranking: RangeRanking): Page<SearchHit> {
    const ranked = titlesFirst(this.newestFirstOnTies(ranking.ranked), parsed, (ids) => this.titles(ids)).slice(offset, offset + limit);
    const items = ranked.map(({ id, rank }): SearchHit => {
      const row = this.statements.hit.get(id) as Pick<ArticleRow, 'title' | 'source' | 'published' | 'dir' | 'text' | 'bookmarked' | 'read'>;
      const tokens = tokenize(row.text);
      const { snippet, highlights } = makeSnippet(row.text, findMatches(row.text, parsed, tokens), { tokens });
      return {
        id,
        title: row.title,
        source: row.source,
        published: row.published,
        bookmarked: row.bookmarked === 1,
        read: row.read === 1,
        dir: row.dir,
        snippet,
        highlights,
        titleHighlights: findMatches(row.title, parsed),
        score: -rank,
      };
    });
    return { total: ranking.total, offset, items };
  }

  /** The id halfway between the first and the last, when there are enough ids to be worth splitting. */
  private splitPoint(): number | null {
    const { low, high } = this.statements.idBounds.get() as { low: number | null; high: number | null };
    if (low === null || high === null || high - low < this.splitSearchAbove) return null;
    return Math.floor((low + high) / 2) + 1;
  }

  /** The titles of some articles, in one statement. */
  private titles(ids: number[]): Map<number, string> {
    const rows = this.statements.titles.all(JSON.stringify(ids)) as { id: number; title: string }[];
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** Equal scores, newest first: only the candidates' dates are looked up, not every match's. */
  private newestFirstOnTies(candidates: Ranked[]): Ranked[] {
    const dated = candidates.map((c) => ({ ...c, date: (this.statements.sortDate.get(c.id) as { d: string } | undefined)?.d ?? '' }));
    dated.sort((x, y) => x.rank - y.rank || (x.date < y.date ? 1 : x.date > y.date ? -1 : y.id - x.id));
    return dated.map(({ id, rank }) => ({ id, rank }));
  }

  /** An article's title and text, or null when there is no such article. */
  titleAndText(id: number): { title: string; text: string } | null {
    return (this.statements.titleAndText.get(id) as { title: string; text: string } | undefined) ?? null;
  }

  /** Where a query matches in one article's full text and title, for the reading view. */
  matchRanges(id: number, query: string): { highlights: Range[]; titleHighlights: Range[] } {
    const row = this.statements.titleAndText.get(id) as { title: string; text: string } | undefined;
    if (!row) throw new NotFoundError(`there is no article ${id} in the library`);
    const parsed = parseQuery(query);
    return { highlights: findMatches(row.text, parsed), titleHighlights: findMatches(row.title, parsed) };
  }

  /**
   * A consistent copy of the library, made with SQLite's online backup while it stays in use.
   * Written next to the destination first and renamed, so a failed backup never leaves half a file.
   */
  async backup(destination: string): Promise<void> {
    const target = path.resolve(destination);
    if (target === path.resolve(this.file)) throw new LibraryError('a backup cannot overwrite the library itself');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    try {
      await this.db.backup(partial);
      // A backup is one self-contained file: out of WAL mode, so reading it leaves nothing beside it.
      const copy = new Database(partial, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
      copy.pragma('journal_mode = DELETE');
      copy.close();
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw new LibraryError(`cannot write the backup ${target}: ${(error as Error).message}`);
    }
  }

  /** Every article, oldest id first, one at a time (exports walk 100k articles without holding them). */
  *articles(): IterableIterator<Article> {
    const ids = this.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
    for (const id of ids) yield this.get(id);
  }

  private count(bookmarked: boolean): number {
    const statement = bookmarked ? this.statements.countBookmarks : this.statements.countAll;
    return (statement.get() as { n: number }).n;
  }
}
