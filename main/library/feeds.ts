/**
 * Subscriptions in the library: folders (nested; renaming and deleting in folder-edits.ts), feeds
 * with their settings and what their last fetch said, retention, unsubscribing, and marking a
 * feed's articles read. What became of each feed item is feed-items.ts (`items`).
 *
 * Plain Node on the library's own connection (Library.feeds()).
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { NotFoundError } from './errors';
import { canonicalUrl } from './identity';
import { deleteFolder, renameFolder, restoreFolder, type DeletedFolder, type FolderRow, type MovedOut } from './folder-edits';
import { FeedItems, type ArticleWriter } from './feed-items';
import type { ImageStore } from './images';
import type { FeedErrorCode } from '../../common';

export const DEFAULT_INTERVAL_MINUTES = 60;

export interface Feed {
  id: number;
  uid: string;
  title: string;
  url: string;
  site: string | null;
  folderId: number | null;
  /** The folder's path, names joined with " / ", or null at the top. */
  folder: string | null;
  articles: number;
  unread: number;
  lastChecked: string | null;
  lastError: string | null;
  /** The last failure as a code (common/subscriptions.ts); the site's "gone" stays while paused for it. */
  errorCode: FeedErrorCode | null;
  /** Whether Sahifa suggests full text (its items are short), or the reader said not to. */
  fullTextSuggestion: 'suggested' | 'dismissed' | null;
  intervalMinutes: number;
  fullText: boolean;
  images: boolean;
  keepDays: number | null;
  /** Why refreshing stopped, or null. */
  paused: string | null;
  etag: string | null;
  lastModified: string | null;
  failures: number;
  nextCheck: string | null;
  ttlMinutes: number | null;
}

export interface Folder {
  id: number;
  uid: string;
  name: string;
  parentId: number | null;
  path: string;
}

/** Names of folders in a path: "World / Gulf" and "World/Gulf" are the same two folders. */
export function folderPath(path: string): string[] {
  return path.split('/').map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== '');
}

/** The form two feed addresses are compared in (http/https, www., trailing slash and case aside). */
export function feedUrlKey(url: string): string {
  return canonicalUrl(url) ?? url.trim();
}


interface FeedRow {
  id: number;
  uid: string;
  url: string;
  title: string;
  site: string | null;
  folder_id: number | null;
  interval_minutes: number;
  full_text: number;
  images: number;
  keep_days: number | null;
  paused: string | null;
  etag: string | null;
  last_modified: string | null;
  last_checked: string | null;
  last_error: string | null;
  error_code: FeedErrorCode | null;
  full_text_suggestion: 'suggested' | 'dismissed' | null;
  failures: number;
  next_check: string | null;
  ttl_minutes: number | null;
  articles: number;
  unread: number;
}

const FEED_COLUMNS = `f.id, f.uid, f.url, f.title, f.site, f.folder_id, f.interval_minutes, f.full_text, f.images, f.keep_days,
  f.paused, f.etag, f.last_modified, f.last_checked, f.last_error, f.error_code, f.full_text_suggestion, f.failures, f.next_check, f.ttl_minutes,
  ifnull(c.articles, 0) AS articles, ifnull(c.articles - c.read, 0) AS unread`;
/** The feeds with their counts (counts.ts ensureFeedCounts: kept by triggers, one row a feed). */
const FEEDS_WITH_COUNTS = 'feeds f LEFT JOIN feed_counts c ON c.feed_id = f.id';

/**
 * Every row of a statement as an object, read in better-sqlite3's raw mode and keyed here: for
 * thousands of rows of twenty columns, building the objects in JavaScript (one shape for all rows)
 * is several times faster than the driver's own, and the sidebar lists every feed after each refresh.
 */
function allRows<T>(statement: Statement, ...params: unknown[]): T[] {
  const names = statement.columns().map((column) => column.name);
  return (statement.raw(true).all(...params) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
    return row as T;
  });
}

/** Articles the reader has made their own (bookmarked, noted, tagged, highlighted): never removed by retention or an unsubscribe. */
const KEPT_BY_READER = `(EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id)
  OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)
  OR EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id AND h.deleted IS NULL))`;
/** Articles some other source brought (a file, another feed): a feed only removes what it added. */
const BROUGHT_ELSEWHERE = `EXISTS (SELECT 1 FROM feed_items o WHERE o.article_id = a.id
  AND (o.created = 0 OR (o.feed_id <> fi.feed_id AND EXISTS (SELECT 1 FROM feeds of WHERE of.id = o.feed_id AND of.deleted IS NULL))))`;

/** A feed to subscribe to in a batch (addMany): its folder as a path of names, outermost first. */
export interface NewFeed {
  url: string;
  title: string;
  site?: string | null;
  folder?: readonly string[];
}

/** Feed fields a reader (or the command line, or OPML) may change. */
export interface FeedSettings {
  title?: string;
  folderId?: number | null;
  intervalMinutes?: number;
  fullText?: boolean;
  images?: boolean;
  keepDays?: number | null;
  paused?: string | null;
  /** The reader does not want the full-text suggestion (it is never made again for this feed). */
  dismissSuggestion?: boolean;
}

/** What a fetch left to remember, whatever its outcome. */
export interface FetchRecord {
  url?: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Why it failed, in English, with its code; null (both) when it did not. */
  lastError?: string | null;
  errorCode?: FeedErrorCode | null;
  failures?: number;
  nextCheck?: string | null;
  /** Whether its items were short: suggest full text (unless the reader dismissed that). */
  shortItems?: boolean;
  ttlMinutes?: number | null;
  paused?: string | null;
  title?: string;
  site?: string | null;
}

export class FeedStore {
  private readonly statements: Record<string, Statement>;

  /** What became of each feed item: the refresh's reads and writes. */
  readonly items: FeedItems;

  constructor(
    private readonly db: Database,
    private readonly articles: ArticleWriter,
    images: ImageStore,
  ) {
    this.items = new FeedItems(db, articles, images);
    this.statements = {
      feed: db.prepare(`SELECT ${FEED_COLUMNS} FROM ${FEEDS_WITH_COUNTS} WHERE f.id = ? AND f.deleted IS NULL`),
      feeds: db.prepare(`SELECT ${FEED_COLUMNS} FROM ${FEEDS_WITH_COUNTS} WHERE f.deleted IS NULL ORDER BY f.title COLLATE NOCASE, f.id`),
      feedByKey: db.prepare('SELECT id FROM feeds WHERE url_key = ? AND deleted IS NULL').pluck(),
      insertFeed: db.prepare(
        `INSERT INTO feeds (uid, url, url_key, title, site, folder_id, interval_minutes, created)
         VALUES (@uid, @url, @urlKey, @title, @site, @folderId, @interval, @created)`,
      ),
      folders: db.prepare('SELECT id, uid, name, parent_id AS parentId FROM folders WHERE deleted IS NULL ORDER BY name, id'),
      folderByName: db.prepare('SELECT id FROM folders WHERE name = ? AND parent_id IS ? AND deleted IS NULL').pluck(),
      insertFolder: db.prepare('INSERT INTO folders (uid, name, parent_id, created) VALUES (?, ?, ?, ?)'),
      markRead: db.prepare(
        `INSERT INTO reading (article_id, position, read, updated) VALUES (?, 0, 1, ?)
         ON CONFLICT (article_id) DO UPDATE SET read = 1, updated = excluded.updated`,
      ),
      markUnread: db.prepare('UPDATE reading SET read = 0, updated = ? WHERE article_id = ?'),
    };
  }

  /** Runs several changes as one: all of them are written, or none (an OPML import). */
  inTransaction<T>(run: () => T): T {
    return this.db.transaction(run)();
  }

  // ---------------------------------------------------------------- folders

  folders(): Folder[] {
    const rows = this.statements.folders!.all() as Omit<Folder, 'path'>[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const pathOf = (id: number): string => {
      const names: string[] = [];
      for (let row = byId.get(id); row && names.length < 64; row = row.parentId === null ? undefined : byId.get(row.parentId)) names.unshift(row.name);
      return names.join(' / ');
    };
    return rows.map((row) => ({ ...row, path: pathOf(row.id) }));
  }

  /** The folder at this path ("World / Gulf"), created with its parents when missing. */
  ensureFolder(path: string | string[]): number | null {
    const names = typeof path === 'string' ? folderPath(path) : path;
    let parent: number | null = null;
    for (const name of names) {
      const existing = this.statements.folderByName!.get(name, parent) as number | undefined;
      parent = existing ?? Number(this.statements.insertFolder!.run(randomUUID(), name, parent, new Date().toISOString()).lastInsertRowid);
    }
    return parent;
  }

  /** The folder at this path, or null when there is none. */
  findFolder(path: string): number | null {
    let parent: number | null = null;
    const names = folderPath(path);
    if (names.length === 0) return null;
    for (const name of names) {
      const existing = this.statements.folderByName!.get(name, parent) as number | undefined;
      if (existing === undefined) return null;
      parent = existing;
    }
    return parent;
  }

  /** Renames a folder (unique among its siblings: folder-edits.ts). */
  renameFolder(id: number, name: string): FolderRow {
    return renameFolder(this.db, id, name);
  }

  /** Deletes a folder: its contents move to its parent, or are unsubscribed (folder-edits.ts). */
  deleteFolder(id: number, options: { unsubscribe?: boolean; deleteArticles?: boolean } = {}): DeletedFolder {
    return deleteFolder(this.db, id, options, (feed, deleteArticles) => this.remove(feed, { deleteArticles }).deleted);
  }

  /** Undoes a deleteFolder() that moved the folder's contents up. */
  restoreFolder(id: number, moved: MovedOut): FolderRow {
    return restoreFolder(this.db, id, moved);
  }

  /** The feeds in a folder and in every folder inside it. */
  feedIdsInFolder(folderId: number): number[] {
    return this.db
      .prepare(
        `WITH RECURSIVE tree (id) AS (SELECT ? UNION SELECT f.id FROM folders f JOIN tree ON f.parent_id = tree.id WHERE f.deleted IS NULL)
         SELECT id FROM feeds WHERE deleted IS NULL AND folder_id IN (SELECT id FROM tree) ORDER BY id`,
      )
      .pluck()
      .all(folderId) as number[];
  }

  // ---------------------------------------------------------------- feeds

  private toFeed(row: FeedRow, paths: Map<number, string>): Feed {
    return {
      id: row.id,
      uid: row.uid,
      title: row.title,
      url: row.url,
      site: row.site,
      folderId: row.folder_id,
      folder: row.folder_id === null ? null : paths.get(row.folder_id) ?? null,
      articles: row.articles,
      unread: row.unread,
      lastChecked: row.last_checked,
      lastError: row.last_error,
      errorCode: row.error_code,
      fullTextSuggestion: row.full_text_suggestion,
      intervalMinutes: row.interval_minutes,
      fullText: row.full_text === 1,
      images: row.images === 1,
      keepDays: row.keep_days,
      paused: row.paused,
      etag: row.etag,
      lastModified: row.last_modified,
      failures: row.failures,
      nextCheck: row.next_check,
      ttlMinutes: row.ttl_minutes,
    };
  }

  private folderPaths(): Map<number, string> {
    return new Map(this.folders().map((f) => [f.id, f.path]));
  }

  list(): Feed[] {
    const paths = this.folderPaths();
    return allRows<FeedRow>(this.statements.feeds!).map((row) => this.toFeed(row, paths));
  }

  get(id: number): Feed {
    const row = this.statements.feed!.get(id) as FeedRow | undefined;
    if (!row) throw new NotFoundError(`there is no feed ${id}`);
    return this.toFeed(row, this.folderPaths());
  }

  /** The subscribed feed at this address (compared in canonical form), or null. */
  findByUrl(url: string): Feed | null {
    const id = this.statements.feedByKey!.get(feedUrlKey(url)) as number | undefined;
    return id === undefined ? null : this.get(id);
  }

  /** Subscribes (or returns the existing subscription to the same address, unchanged). */
  add(feed: { url: string; title: string; site?: string | null; folderId?: number | null; intervalMinutes?: number }): { feed: Feed; added: boolean } {
    const existing = this.findByUrl(feed.url);
    if (existing) return { feed: existing, added: false };
    const info = this.statements.insertFeed!.run({
      uid: randomUUID(),
      url: feed.url,
      urlKey: feedUrlKey(feed.url),
      title: feed.title.trim() || feed.url,
      site: feed.site ?? null,
      folderId: feed.folderId ?? null,
      interval: feed.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
      created: new Date().toISOString(),
    });
    return { feed: this.get(Number(info.lastInsertRowid)), added: true };
  }

  /**
   * Subscribes to many feeds at once (an OPML import), in one transaction: the addresses already
   * subscribed and the folders that exist are read once, up front, so thousands of feeds cost
   * thousands of inserts and nothing more. A feed already subscribed (same canonical address, or
   * earlier in the same list) is left as it is, in its folder; a feed's folder path is created
   * with its parents, with its first feed, when missing.
   */
  addMany(feeds: readonly NewFeed[]): { added: number[]; existing: number; folders: number } {
    return this.db.transaction(() => {
      const known = new Set(this.db.prepare('SELECT url_key FROM feeds WHERE deleted IS NULL').pluck().all() as string[]);
      const folders = new Map<string, number>();
      const folderKey = (parent: number | null, name: string): string => `${parent ?? ''}\u0000${name}`;
      for (const f of this.db.prepare('SELECT id, name, parent_id AS parentId FROM folders WHERE deleted IS NULL ORDER BY id').all() as { id: number; name: string; parentId: number | null }[]) {
        if (!folders.has(folderKey(f.parentId, f.name))) folders.set(folderKey(f.parentId, f.name), f.id);
      }
      const now = new Date().toISOString();
      const result = { added: [] as number[], existing: 0, folders: 0 };
      for (const feed of feeds) {
        const urlKey = feedUrlKey(feed.url);
        if (known.has(urlKey)) {
          result.existing++;
          continue;
        }
        known.add(urlKey);
        let folderId: number | null = null;
        for (const name of feed.folder ?? []) {
          const key = folderKey(folderId, name);
          let id = folders.get(key);
          if (id === undefined) {
            id = Number(this.statements.insertFolder!.run(randomUUID(), name, folderId, now).lastInsertRowid);
            folders.set(key, id);
            result.folders++;
          }
          folderId = id;
        }
        const info = this.statements.insertFeed!.run({
          uid: randomUUID(),
          url: feed.url,
          urlKey,
          title: feed.title.trim() || feed.url,
          site: feed.site ?? null,
          folderId,
          interval: DEFAULT_INTERVAL_MINUTES,
          created: now,
        });
        result.added.push(Number(info.lastInsertRowid));
      }
      return result;
    })();
  }

  update(id: number, settings: FeedSettings): Feed {
    this.get(id);
    const columns: Record<string, unknown> = {};
    if (settings.title !== undefined) columns.title = settings.title.trim() || this.get(id).url;
    if (settings.folderId !== undefined) columns.folder_id = settings.folderId;
    if (settings.intervalMinutes !== undefined) columns.interval_minutes = settings.intervalMinutes;
    if (settings.fullText !== undefined) columns.full_text = settings.fullText ? 1 : 0;
    if (settings.images !== undefined) columns.images = settings.images ? 1 : 0;
    if (settings.keepDays !== undefined) columns.keep_days = settings.keepDays;
    if (settings.dismissSuggestion) columns.full_text_suggestion = 'dismissed';
    if (settings.paused !== undefined) {
      columns.paused = settings.paused;
      // Resuming starts afresh: no leftover backoff from before the pause.
      if (settings.paused === null) Object.assign(columns, { failures: 0, next_check: null });
    }
    this.setColumns(id, columns);
    return this.get(id);
  }

  /** Stores what a fetch learnt: validators, the new address, errors, when to come back. */
  recordFetch(id: number, record: FetchRecord): void {
    const columns: Record<string, unknown> = { last_checked: new Date().toISOString() };
    if (record.url !== undefined) Object.assign(columns, { url: record.url, url_key: feedUrlKey(record.url) });
    if (record.etag !== undefined) columns.etag = record.etag;
    if (record.lastModified !== undefined) columns.last_modified = record.lastModified;
    if (record.lastError !== undefined) Object.assign(columns, { last_error: record.lastError, error_code: record.lastError === null ? null : (record.errorCode ?? 'unknown') });
    if (record.failures !== undefined) columns.failures = record.failures;
    if (record.nextCheck !== undefined) columns.next_check = record.nextCheck;
    if (record.ttlMinutes !== undefined) columns.ttl_minutes = record.ttlMinutes;
    if (record.paused !== undefined) columns.paused = record.paused;
    if (record.title !== undefined && record.title.trim() !== '') columns.title = record.title.trim();
    if (record.site !== undefined) columns.site = record.site;
    if (record.shortItems !== undefined && this.get(id).fullTextSuggestion !== 'dismissed') {
      columns.full_text_suggestion = record.shortItems ? 'suggested' : null;
    }
    this.setColumns(id, columns);
  }

  private setColumns(id: number, columns: Record<string, unknown>): void {
    const names = Object.keys(columns);
    if (names.length === 0) return;
    this.db.prepare(`UPDATE feeds SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...columns, id });
  }

  /**
   * Unsubscribes: the feed is tombstoned. Its articles stay unless `deleteArticles`; even then the
   * bookmarked, noted and tagged ones stay, and so do those another source brought.
   */
  remove(id: number, options: { deleteArticles?: boolean } = {}): { deleted: number } {
    this.get(id);
    let deleted = 0;
    this.db.transaction(() => {
      this.setColumns(id, { deleted: new Date().toISOString() });
      if (options.deleteArticles) deleted = this.removeArticles(id, null);
    })();
    return { deleted };
  }

  /** Retention: the feed's own articles older than its keep_days, except what the reader kept. */
  prune(id: number, now = Date.now()): number {
    const feed = this.get(id);
    if (feed.keepDays === null) return 0;
    const cutoff = new Date(now - feed.keepDays * 86_400_000).toISOString();
    return this.db.transaction(() => this.removeArticles(id, cutoff))();
  }

  private removeArticles(feedId: number, olderThan: string | null): number {
    const ids = this.db
      .prepare(
        `SELECT a.id FROM feed_items fi JOIN articles a ON a.id = fi.article_id
         WHERE fi.feed_id = ? AND fi.created = 1 ${olderThan ? 'AND a.sort_date < ?' : ''}
           AND NOT ${KEPT_BY_READER} AND NOT ${BROUGHT_ELSEWHERE}`,
      )
      .pluck()
      .all(...(olderThan ? [feedId, olderThan] : [feedId])) as number[];
    const now = new Date().toISOString();
    const markRemoved = this.db.prepare('UPDATE feed_items SET removed = ? WHERE article_id = ?');
    for (const articleId of ids) {
      markRemoved.run(now, articleId);
      this.articles.deleteArticle(articleId);
    }
    return ids.length;
  }

  // ---------------------------------------------------------------- reading

  /** Ids of the articles of these feeds (every feed when null). */
  articleIds(feedIds: number[] | null): number[] {
    const where = feedIds === null ? 'f.deleted IS NULL' : `fi.feed_id IN (${feedIds.map(() => '?').join(', ') || 'NULL'})`;
    return this.db
      .prepare(`SELECT DISTINCT fi.article_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.article_id IS NOT NULL AND ${where}`)
      .pluck()
      .all(...(feedIds ?? [])) as number[];
  }

  /**
   * Marks the unread articles of these feeds (every feed when null) read, optionally only those
   * dated before a day. Returns the ids it changed: what an undo gives back to markUnread().
   */
  markRead(feedIds: number[] | null, before?: string): number[] {
    const where = feedIds === null ? 'f.deleted IS NULL' : `fi.feed_id IN (${feedIds.map(() => '?').join(', ') || 'NULL'})`;
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      const ids = this.db
        .prepare(
          `SELECT DISTINCT a.id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id JOIN articles a ON a.id = fi.article_id
           WHERE ${where} ${before ? 'AND a.sort_date < ?' : ''}
             AND NOT EXISTS (SELECT 1 FROM reading r WHERE r.article_id = a.id AND r.read = 1)`,
        )
        .pluck()
        .all(...(feedIds ?? []), ...(before ? [before] : [])) as number[];
      for (const id of ids) this.statements.markRead!.run(id, now);
      return ids;
    })();
  }

  /** Undoes markRead(): these articles are unread again. */
  markUnread(ids: readonly number[]): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of ids) this.statements.markUnread!.run(now, id);
    })();
  }
}
