/**
 * The contract between the renderer and the main process: every method's name, what it takes and
 * what it answers, the events main pushes, and the channels they travel on.
 *
 * Plain types and values, importable from every process. The schemas that check each input live
 * on the trusted side (main/contract.ts) and are type-checked against the inputs declared here, so
 * the two cannot drift apart; the preload bridge and the browser mode's client are derived from the
 * method list below. Adding a method is one entry here, its schema and its handler.
 */
import type {
  ArticleExportFormat,
  ArticleSummary,
  ArticleView,
  Highlight,
  HighlightColor,
  HighlightExportFormat,
  HighlightListItem,
  LibraryStats,
  ListFilter,
  ListSort,
  SearchSort,
  Page,
  SearchHit,
  SourceCount,
  TagCount,
} from './domain';
import type { ImportReport } from './import-report';
import type { Settings } from './settings';
import type { DeletedFolder, FeedInfo, FeedList, FeedRefreshed, FolderMoves, MarkReadAge, SubscribeFailure } from './subscriptions';

/** No input. */
export type NoInput = Record<string, never>;

/** How the list and search narrow what they show. */
export interface Narrowing {
  /** Only articles not marked read. */
  unread?: boolean;
  /** Only articles with this tag (its exact name). */
  tag?: string;
  /** Only articles from this source (its exact name). */
  source?: string;
  /** Only articles that came from this subscription (its id). */
  feed?: number;
  /** Only articles from the feeds in this folder or any folder inside it (its id). */
  folder?: number;
}

/**
 * An export: saved by the desktop app's save dialog ('saved', or 'cancelled'), or handed back to a
 * shell without one (the browser mode) to download itself.
 */
export type ExportResult =
  | { kind: 'saved' | 'cancelled' }
  | { kind: 'content'; fileName: string; mimeType: string; content: string };

export type PickFilesResult = { supported: false } | { supported: true; report: ImportReport | null };

/** Every method: what the renderer passes (fields with defaults may be left out) and what it gets. */
export interface Methods {
  listArticles: {
    input: Narrowing & { filter?: ListFilter; sort?: ListSort; offset?: number; limit?: number };
    result: Page<ArticleSummary>;
  };
  /** One article; with a query, the ranges its words match in the text and title. */
  getArticle: { input: { id: number; query?: string }; result: ArticleView };
  search: {
    input: Narrowing & { query: string; offset?: number; limit?: number; bookmarked?: boolean; highlighted?: boolean; sort?: SearchSort };
    result: Page<SearchHit>;
  };
  setBookmark: { input: { id: number; bookmarked: boolean }; result: { id: number; bookmarked: boolean } };
  stats: { input: NoInput; result: LibraryStats };

  /** Import files or folders by path (the Electron file dialog and drops give paths). */
  importPaths: { input: { paths: string[] }; result: ImportReport };
  /** Import file contents the renderer read itself (drops and uploads in the browser mode). */
  importFileData: { input: { files: { name: string; base64: string }[] }; result: ImportReport };
  /** Opens the system file dialog and imports what the user picks (Electron only). */
  pickAndImport: { input: NoInput; result: PickFilesResult };
  /**
   * Stops a running import (its id comes with its import-progress events) between two files; what
   * it imported so far stays and its report says cancelled. False when no such import is running.
   */
  cancelImport: { input: { id: number }; result: { cancelled: boolean } };

  /** Opens an http(s) link in the system browser, after a user's click. */
  openExternal: { input: { url: string }; result: { opened: boolean } };

  /** The reader's settings (stored in the library), defaults filled in. */
  getSettings: { input: NoInput; result: Settings };
  /** Changes some settings; answers all of them. */
  updateSettings: { input: { settings: Partial<Settings> }; result: Settings };

  /** Where reading stopped (fraction 0..1 of the scroll) and/or whether the article is read. */
  saveReading: { input: { id: number; position?: number; read?: boolean }; result: { id: number; read?: boolean } };
  /** A note on the article's bookmark (bookmarks it); null or blank clears the note. */
  setNote: { input: { id: number; note: string | null }; result: { id: number; note: string | null; bookmarked: boolean } };
  /** Replaces the article's tags; answers the tags it now has. */
  setTags: { input: { id: number; tags: string[] }; result: { id: number; tags: string[] } };
  listTags: { input: NoInput; result: TagCount[] };
  listSources: { input: NoInput; result: SourceCount[] };

  exportArticle: { input: { id: number; format: ArticleExportFormat }; result: ExportResult };
  /** Deletes an article; restoreArticle undoes it for a while. */
  deleteArticle: { input: { id: number }; result: { id: number; title: string } };
  restoreArticle: { input: { id: number }; result: { id: number } };

  /** An article's highlights in text order; the renderer draws those not orphaned. */
  articleHighlights: { input: { id: number }; result: Highlight[] };
  /** Highlights [start, end) of the article's text (UTF-16 offsets; widened to whole letters). */
  addHighlight: {
    input: { article: number; start: number; end: number; color?: HighlightColor; note?: string | null };
    result: Highlight;
  };
  /** Changes a highlight's colour and/or note (null or blank removes the note). */
  updateHighlight: { input: { id: string; color?: HighlightColor; note?: string | null }; result: Highlight };
  removeHighlight: { input: { id: string }; result: { id: string; article: number } };
  /** Every highlight in the library, newest first, narrowed by article, colour, tag or source. */
  listHighlights: {
    input: Omit<Narrowing, 'unread'> & { article?: number; color?: HighlightColor; offset?: number; limit?: number };
    result: Page<HighlightListItem>;
  };
  /** One article's highlights (or all of them) as a Markdown note or W3C Web Annotations. */
  exportHighlights: { input: { article?: number; format: HighlightExportFormat }; result: ExportResult };

  /** The subscriptions and their folders, with unread counts. */
  listFeeds: { input: NoInput; result: FeedList };
  /**
   * Subscribes to a feed's address, or to the feed a site's page announces, in a folder (its path,
   * "World / Gulf", created when missing); the feed is read at once. An address that gives no feed
   * (not found, not a feed, timed out…) is an answer, not an error: `failed` says why, as a code.
   */
  subscribe: { input: { url: string; folder?: string }; result: { feed: FeedInfo; existing: boolean; imported: number } | { failed: SubscribeFailure } };
  /**
   * Unsubscribes. Without keepArticles the feed's articles go too, except those the reader kept
   * (bookmarked, tagged, noted or highlighted) and those another source brought.
   */
  unsubscribe: { input: { id: number; keepArticles: boolean }; result: { id: number; deleted: number } };
  /** Changes a subscription; folder is a path ('' for the top); retentionDays null keeps everything. */
  updateFeed: {
    input: {
      id: number;
      title?: string;
      folder?: string;
      intervalMinutes?: number;
      fullText?: boolean;
      images?: boolean;
      retentionDays?: number | null;
      paused?: boolean;
      /** The reader does not want the full-text suggestion for this feed (remembered). */
      dismissSuggestion?: boolean;
    };
    result: FeedInfo;
  };
  /** Refreshes one feed, a folder's feeds, or every feed not paused, in the background; feeds-refreshed events follow. */
  refreshFeeds: { input: { feed?: number; folder?: number }; result: { feeds: number } };
  /** Marks a feed's, a folder's or every feed's unread articles read (optionally only older ones); the ids undo it. */
  markAllRead: { input: { feed?: number; folder?: number; olderThan?: MarkReadAge }; result: { ids: number[] } };
  /** Undoes markAllRead: these articles are unread again. */
  markUnread: { input: { ids: number[] }; result: { marked: number } };
  /** Fetches a web page by its address and imports it like a saved page. */
  savePage: { input: { url: string }; result: { id: number; imported: boolean; title: string } };
  /** Subscribes to every feed of an OPML file the renderer read (nested outlines become folders). */
  importOpml: { input: { name: string; base64: string }; result: { added: number; existing: number; folders: number } };
  /** Every subscription as OPML 2.0: saved by the desktop app's dialog, or handed back to download. */
  exportOpml: { input: NoInput; result: ExportResult };
  /** Renames a folder; its name is unique among the folders beside it, and holds no "/". */
  renameFolder: { input: { id: number; name: string }; result: { id: number; name: string } };
  /**
   * Deletes a folder (tombstoned). Its feeds and folders move to its parent; or, with unsubscribe,
   * every feed in it is unsubscribed with the rule of unsubscribe (keepArticles).
   */
  deleteFolder: { input: { id: number; unsubscribe: boolean; keepArticles: boolean }; result: DeletedFolder };
  /** Undoes a deleteFolder that moved the folder's contents up (what it returned). */
  restoreFolder: { input: { id: number } & FolderMoves; result: { id: number; name: string } };
}

export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = Methods[M]['input'];
export type MethodResult<M extends MethodName> = Methods[M]['result'];

/**
 * Every method, listed as values for the two bridges (the preload, and the browser mode's client);
 * `satisfies` makes a method missing here, or one the contract does not have, a type error.
 */
const METHODS = {
  listArticles: true,
  getArticle: true,
  search: true,
  setBookmark: true,
  stats: true,
  importPaths: true,
  importFileData: true,
  pickAndImport: true,
  cancelImport: true,
  openExternal: true,
  getSettings: true,
  updateSettings: true,
  saveReading: true,
  setNote: true,
  setTags: true,
  listTags: true,
  listSources: true,
  exportArticle: true,
  deleteArticle: true,
  restoreArticle: true,
  articleHighlights: true,
  addHighlight: true,
  updateHighlight: true,
  removeHighlight: true,
  listHighlights: true,
  exportHighlights: true,
  listFeeds: true,
  subscribe: true,
  unsubscribe: true,
  updateFeed: true,
  refreshFeeds: true,
  markAllRead: true,
  markUnread: true,
  savePage: true,
  importOpml: true,
  exportOpml: true,
  renameFolder: true,
  deleteFolder: true,
  restoreFolder: true,
} as const satisfies Record<MethodName, true>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

/** The IPC channel of a method. Unknown channels have no handler and are unreachable. */
export const channelOf = (name: MethodName): string => `sahifa:${name}`;
export const EVENT_CHANNEL = 'sahifa:event';

/**
 * What a running import is doing: reading its files, or, once they are all in, putting the search
 * index in order (a large import only: at a million articles that takes about 40 s).
 */
export type ImportStage = 'files' | 'index';

/** Events main pushes to the renderer (menu actions, imports started outside the window). */
export type SahifaEvent =
  | { type: 'library-changed'; report: ImportReport | null }
  | { type: 'focus-search' }
  /** A running import, at most ten times a second: files done of total, and the last file done. */
  | { type: 'import-progress'; id: number; done: number; total: number; current: string; stage: ImportStage }
  /** A feed was refreshed in the background (its counts, error or articles may have changed). */
  | { type: 'feeds-refreshed'; outcome: FeedRefreshed }
  /** The desktop menu asks the window for one of its subscription commands. */
  | { type: 'menu-command'; command: MenuCommand };

/** What the desktop menu asks the window to do, as its own buttons would. */
export const MENU_COMMANDS = ['subscribe', 'refresh-feeds', 'export-opml'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the renderer sees as `window.sahifa`. */
export type SahifaApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResult<M>>;
} & {
  onEvent(listener: (event: SahifaEvent) => void): () => void;
  /** Which shell the renderer runs in: the desktop app or the browser mode. */
  readonly shell: 'electron' | 'browser';
  /** Electron only: the path of a dropped File (folders can be imported by path only). */
  getPathForFile?(file: DroppedFile): string;
};

/** The part of the DOM's File this contract needs (common/ has no DOM types). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** Errors cross the boundary as this shape, never as stack traces. */
export interface ApiError {
  error: { code: 'invalid-input' | 'not-found' | 'failed' | 'forbidden'; message: string };
}
