/**
 * The library: one SQLite file of articles, their full-text index and what the reader added to
 * them. This class is the one door to it for the shells, the importer and the command line; the
 * work is done by one module per table or concern, each with its own prepared statements:
 *
 *   database.ts   opening, checking and migrating the file     articles.ts  adding, reading, bookmarks
 *   list.ts       the sorted, filtered list and its counts     search.ts    ranked search and highlights
 *   reading.ts    reading position, read state, notes          tags.ts      tags and their counts
 *   settings.ts   the reader's settings                        trash.ts     delete and undo
 *   backup.ts     online copies of the open file             highlight-store.ts  highlights, note index
 */
import type Database from 'better-sqlite3';
import { Articles, type AddResult } from './articles';
import { backupDatabase } from './backup';
import { compressQueued } from './compress-stored';
import { openDatabase, type OpenOptions } from './database';
import { FeedStore } from './feeds';
import { ImageStore, internImages } from './images';
import { restoreSegmentRules, startBulkWrites, type BulkWrites } from './index-upkeep';
import { HighlightStore } from './highlight-store';
import { ArticleList, type ListOptions } from './list';
import { prepareArticle, type PreparedArticle } from './prepare';
import { Reading } from './reading';
import { reindexQueued } from './reindex';
import { findRankExtension } from './rank-extension';
import { Search, type SearchOptions } from './search';
import { StoredSettings } from './settings';
import { Tags } from './tags';
import { Trash, type DeletedArticle } from './trash';
import type {
  Article,
  ArticleAnnotations,
  ArticleSummary,
  LibraryStats,
  NewArticle,
  Page,
  Range,
  SearchHit,
  SourceCount,
  TagCount,
} from '../../common';

export { DamagedLibraryError, LibraryError, NotFoundError } from './errors';
export type { AddResult } from './articles';
export { premigrationBackupPath, type OpenOptions } from './database';
export type { SearchFilters } from './filters';
export type { ListOptions } from './list';
export { RANK_ALL_UP_TO, RELEVANCE_WINDOW, TIE_MARGIN, type SearchOptions } from './search';
export type { DeletedArticle } from './trash';

export class Library {
  readonly file: string;
  private readonly db: Database.Database;
  /** Highlights and the index of the reader's notes (highlight-store.ts). */
  readonly highlights: HighlightStore;
  private readonly nativeBinding: string | undefined;
  private readonly afterClose: (() => void) | undefined;
  private readonly articleTable: Articles;
  private readonly articleList: ArticleList;
  private readonly tagTable: Tags;
  private readonly reading: Reading;
  private readonly storedSettings: StoredSettings;
  private readonly trash: Trash;
  private readonly searcher: Search;
  private feedStore: FeedStore | null = null;
  private imageStore: ImageStore | null = null;

  private constructor(file: string, db: Database.Database, options: OpenOptions) {
    this.file = file;
    this.db = db;
    this.nativeBinding = options.nativeBinding;
    this.afterClose = options.afterClose;
    this.highlights = new HighlightStore(db);
    this.articleTable = new Articles(db, this.highlights);
    this.articleList = new ArticleList(db);
    this.tagTable = new Tags(db);
    this.reading = new Reading(db, this.tagTable);
    this.storedSettings = new StoredSettings(db);
    this.trash = new Trash(db, this.articleTable, this.tagTable, this.highlights);
    this.searcher = new Search(db, {
      file,
      nativeBinding: options.nativeBinding,
      rankExtension: options.rankExtension === undefined ? findRankExtension() : options.rankExtension,
      parallel: options.parallelSearch ?? false,
      splitAbove: options.splitSearchAbove,
      rankAllUpTo: options.rankAllUpTo,
      relevanceWindow: options.relevanceWindow,
    }, this.highlights, this.articleTable);
  }

  static open(file: string, options: OpenOptions = {}): Library {
    const db = openDatabase(file, options);
    // An import that ended without finishing may have left the index merging for its speed, and a
    // library written before 8 MB segments has FTS5's 1 MB: the usual rules, either way.
    restoreSegmentRules(db);
    const library = new Library(file, db, options);
    // Articles a migration queued for re-indexing (reindex.ts), in batches that each commit.
    const reindexed = reindexQueued(
      db,
      (id) => library.articleTable.titleAndText(id),
      () => library.articleCount(),
    );
    // Text an older Sahifa stored plain, compressed (compress-stored.ts), likewise.
    const compressed = compressQueued(db);
    if (reindexed + compressed > 0) library.releaseMemory();
    return library;
  }

  /**
   * Gives back the memory that large work (an import, a re-index) left in the process: this
   * connection's page cache is emptied (it fills again as pages are read), and the C library hands
   * what was freed back to the system (release_memory.c, with the ranking extension; without it,
   * only the cache). After a million articles imported, about 200 MB. Not for a path a reader waits on.
   */
  releaseMemory(): void {
    if (!this.db.open) return;
    this.db.pragma('shrink_memory');
    if (this.searcher.scorer === 'sahifa_rank') this.db.prepare('SELECT sahifa_release_memory()').get();
  }

  /** Offline images, stored once each (images.ts). */
  images(): ImageStore {
    this.imageStore ??= new ImageStore(this.db);
    return this.imageStore;
  }

  /** An article as read: the images its HTML refers to put back in as data: URIs. */
  private withImages(article: Article): Article {
    const html = this.images().resolve(article.html);
    return html === article.html ? article : { ...article, html };
  }

  /** Subscriptions: folders, feeds and their items (feeds.ts), on this connection. */
  feeds(): FeedStore {
    this.feedStore ??= new FeedStore(this.db, this, this.images());
    return this.feedStore;
  }

  close(): void {
    this.searcher.close();
    if (!this.db.open) return;
    this.db.close();
    this.afterClose?.();
  }

  /**
   * Resolves once nothing holds the file open any more: the rank helper's thread closes its own
   * connection a moment after close(). Await it before moving or replacing the file (a restore).
   */
  whenClosed(): Promise<void> {
    return this.searcher.whenClosed();
  }

  /**
   * How long a write on this connection may wait, blocking its thread, for another connection's
   * transaction (an import worker committing a batch) before failing with SQLITE_BUSY. Opened with
   * 5 s; the app's main thread keeps it short and retries without blocking (main/handlers.ts).
   */
  setLockWait(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  // ---------------------------------------------------------------- articles

  /**
   * A large import starts (importer.ts): the index merges its segments sixteen at a time until the
   * import ends, then is tidied in steps (index-upkeep.ts).
   */
  startBulkImport(): BulkWrites {
    return startBulkWrites(this.db, () => this.articleCount());
  }

  /** How many articles the library holds (kept by triggers: no scan). */
  private articleCount(): number {
    return this.articleList.count(false);
  }

  /** Adds articles in one transaction; an article already in the library is a duplicate and changes nothing. */
  addArticles(articles: NewArticle[]): AddResult {
    // Analysis is the expensive part: do it before the transaction so the write lock is short.
    return this.addPrepared(articles.map(prepareArticle));
  }

  /**
   * Adds articles whose HTML embeds downloaded images as data: URIs (a page saved by its address),
   * as addArticles does, with each image stored once in the library and referred to from the
   * article (images.ts), as a feed's items are: the same picture saved with two pages is one row.
   */
  addArticlesWithImages(articles: NewArticle[]): AddResult {
    const interned = articles.map((article) => {
      const { html, images } = internImages(article.html);
      return { prepared: prepareArticle(html === article.html ? article : { ...article, html }), images };
    });
    return this.db.transaction(() => {
      const result = this.addPrepared(interned.map((i) => i.prepared));
      for (const { prepared, images } of interned) {
        const id = this.articleTable.idOf(prepared.identity);
        // The images the row shows now: this version's, or, for a duplicate kept as it was, its own.
        if (id !== null) this.images().keep(id, images, this.articleTable.get(id).html);
      }
      return result;
    })();
  }

  /**
   * Adds articles analysed beforehand (prepare.ts; an import does it on a parse thread) in one
   * transaction, as addArticles does. The import time is decided here, at the write.
   */
  addPrepared(articles: PreparedArticle[]): AddResult {
    return this.articleTable.addPrepared(articles);
  }

  /** A newer version of an article under its id: row, index and highlights follow (articles.ts). */
  rewriteArticle(id: number, prepared: PreparedArticle): void {
    this.articleTable.rewrite(id, prepared);
  }

  /** An article's title and text, or null when there is no such article. */
  titleAndText(id: number): { title: string; text: string } | null {
    return this.articleTable.titleAndText(id);
  }

  /** The article's words in the index, replaced by these. */
  reindexArticle(id: number, columns: PreparedArticle['index']): void {
    this.articleTable.reindex(id, columns);
  }

  get(id: number): Article {
    return this.withImages(this.articleTable.get(id));
  }

  setBookmarked(id: number, bookmarked: boolean): void {
    this.articleTable.setBookmarked(id, bookmarked);
  }

  /** Every article, oldest id first, one at a time (exports walk 100k articles without holding them). */
  *articles(): IterableIterator<Article> {
    for (const article of this.articleTable.all()) yield this.withImages(article);
  }

  list(options: ListOptions = {}): Page<ArticleSummary> {
    return this.articleList.list(options);
  }

  stats(): LibraryStats {
    return { articles: this.articleCount(), bookmarks: this.articleList.count(true) };
  }

  /** Every source with how many articles came from it, by name. */
  sources(): SourceCount[] {
    return this.articleList.sources();
  }

  // ---------------------------------------------------------------- reading state, notes and tags

  /** Saves where reading stopped (a fraction 0..1) and/or whether the article is read. */
  saveReading(id: number, state: { position?: number; read?: boolean }): void {
    this.articleTable.assertExists(id);
    this.reading.save(id, state);
  }

  /** The reader's own additions to an article: bookmark note, tags, reading position. */
  annotations(id: number): ArticleAnnotations {
    return this.reading.annotations(id);
  }

  /** A note on the article's bookmark; writing one bookmarks the article. null or blank clears it. */
  setNote(id: number, note: string | null): void {
    this.articleTable.assertExists(id);
    // The note index follows the note in the same transaction (highlight-store.ts).
    this.db.transaction(() => {
      this.reading.setNote(id, note);
      this.highlights.refreshNotes(id);
    })();
  }

  /** Replaces the article's tags; tags no article has any more are forgotten. Returns the names kept. */
  setTags(id: number, names: readonly string[]): string[] {
    this.articleTable.assertExists(id);
    return this.tagTable.set(id, names);
  }

  /** Every tag with how many articles carry it, by name. */
  tags(): TagCount[] {
    return this.tagTable.counts();
  }

  // ---------------------------------------------------------------- settings

  /** The stored settings, each value parsed from its JSON (values that do not parse are skipped). */
  settings(): Record<string, unknown> {
    return this.storedSettings.all();
  }

  updateSettings(values: Record<string, unknown>): void {
    this.storedSettings.update(values);
  }

  // ---------------------------------------------------------------- delete and undo

  /**
   * Deletes an article (its row, bookmark, tags, reading state and its words in the index) and
   * returns everything it was; restoreArticle() can undo it until it is purged, across restarts.
   */
  deleteArticle(id: number): DeletedArticle {
    return this.trash.delete(id);
  }

  /**
   * Undoes the latest deletion of article `id`: it comes back under its old id when it is still
   * free, indexed again. If the same article was imported again meanwhile, that one gets the
   * bookmark, tags and reading state back instead. Returns the article's id.
   */
  restoreArticle(id: number): number {
    return this.trash.restore(id);
  }

  /** Makes final the deletions kept for undo longer than a day (a start-up step). */
  purgeDeleted(now = new Date()): number {
    return this.trash.purge(now);
  }

  // ---------------------------------------------------------------- search

  /** One page of results, ranked on this thread (the command line's one-off searches). */
  search(query: string, options: SearchOptions = {}): Page<SearchHit> {
    return this.searcher.search(query, options);
  }

  /**
   * The same page as search(), with the rank helper's thread ranking the newest part of a large
   * library's matches while this thread ranks the rest (opened with `parallelSearch`; the app's searches).
   */
  searchInParallel(query: string, options: SearchOptions = {}): Promise<Page<SearchHit>> {
    return this.searcher.searchInParallel(query, options);
  }

  /**
   * Starts the rank helper if it is not running; true once it is ready, false if the library was
   * opened without `parallelSearch` or the thread could not start.
   */
  parallelSearchReady(): Promise<boolean> {
    return this.searcher.parallelSearchReady();
  }

  /** Where a query matches in one article's full text and title, for the reading view. */
  matchRanges(id: number, query: string): { highlights: Range[]; titleHighlights: Range[] } {
    return this.searcher.matchRanges(id, query);
  }

  // ---------------------------------------------------------------- backup

  /**
   * A consistent copy of the library, made with SQLite's online backup while it stays in use.
   * Written next to the destination first and renamed, so a failed backup never leaves half a file.
   */
  backup(destination: string): Promise<void> {
    return backupDatabase(this.db, this.file, destination, this.nativeBinding);
  }
}
