/**
 * Subscriptions as the renderer sees them: each feed with its counts, state and settings, and the
 * folders (nested) with the unread articles of every feed inside them.
 */

/**
 * Why fetching a feed (or subscribing to an address) failed, as a stable code the window words in
 * its own language; the English detail stays beside it for the command line and the logs.
 */
export const FEED_ERROR_CODES = [
  /** No complete answer in time, or no connection in time. */
  'timeout',
  /** 404. */
  'not-found',
  /** 410: the site says the feed will not come back (refreshing it stops). */
  'gone',
  /** 401, 403: the site refuses to give it. */
  'forbidden',
  /** 429 or 503 with Retry-After: the server asks to wait. */
  'rate-limited',
  /** 5xx. */
  'server-error',
  /** Another status, or an answer Sahifa cannot read (an unknown Content-Encoding). */
  'http-error',
  /** Over the size cap. */
  'too-large',
  /** The answer is not a feed (a web page with no feed found from it, or unreadable XML). */
  'not-a-feed',
  /** Too many redirects, or a redirect that says nowhere. */
  'redirects',
  /** The server refused the connection. */
  'refused',
  /** The host name does not resolve. */
  'dns',
  /** The secure connection failed (certificate, protocol). */
  'tls',
  /** Any other network failure: reset, unreachable, cut off. */
  'network',
  /** Not an http or https address (also after a redirect). */
  'unsupported-scheme',
  /** Not a web address at all. */
  'bad-address',
  /** The refresh stopped (the app closing) before the answer came. */
  'cancelled',
  /** Anything else; the English detail says what. */
  'unknown',
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

/** A subscription that did not happen: why, as a code and in English. */
export interface SubscribeFailure {
  reason: FeedErrorCode;
  message: string;
}

export interface FeedInfo {
  id: number;
  title: string;
  url: string;
  /** The site the feed belongs to, when it says. */
  site: string | null;
  /** The folder it sits in (its id), null at the top. */
  folder: number | null;
  articles: number;
  unread: number;
  /** When it was last fetched (ISO), null before the first fetch. */
  lastChecked: string | null;
  /** Why the last fetch failed, in English, null when it did not. */
  lastError: string | null;
  /** The same as a code (also why the site paused it, when it said "gone"), null when it did not fail. */
  errorCode: FeedErrorCode | null;
  /** Why refreshing stopped (the reader paused it, or the site said the feed is gone), null when it runs. */
  paused: string | null;
  /** Paused by the reader (rather than by the site, which said the feed is gone). */
  pausedByReader: boolean;
  intervalMinutes: number;
  fullText: boolean;
  images: boolean;
  /** Keep items this many days (bookmarked, tagged, noted and highlighted ones always stay); null keeps all. */
  retentionDays: number | null;
  /** Its items are short: Sahifa suggests reading it in full text (until the reader turns it on or dismisses that). */
  suggestFullText: boolean;
}

export interface FolderInfo {
  id: number;
  name: string;
  /** The folder it sits in, null at the top. */
  parent: number | null;
  /** Unread articles of every feed in it and in the folders inside it. */
  unread: number;
}

export interface FeedList {
  feeds: FeedInfo[];
  folders: FolderInfo[];
  /** Unread articles of all feeds (an article two feeds share counts once per feed). */
  unread: number;
}

/** How far back "mark all read" reaches: everything, or only what is older than a day or a week. */
export const MARK_READ_AGES = ['day', 'week'] as const;
export type MarkReadAge = (typeof MARK_READ_AGES)[number];

/** What a feed's refresh did, as the window hears it. */
export interface FeedRefreshed {
  feed: number;
  status: 'fetched' | 'not-modified' | 'failed';
  new: number;
  updated: number;
  error: string | null;
  errorCode: FeedErrorCode | null;
}

/** What deleting a folder moved up to its parent: what an undo (restoreFolder) puts back. */
export interface FolderMoves {
  /** The feeds that were in it. */
  feeds: number[];
  /**
   * The folders that were in it: the name each had, and the one it was given in the parent ("name
   * (2)" when a sibling there had its name). Undoing restores the first unless the reader has
   * renamed the folder since.
   */
  folders: { id: number; name: string; movedAs: string }[];
}

/** A deleted folder: what moved up, or how many feeds were unsubscribed and articles deleted with them. */
export interface DeletedFolder extends FolderMoves {
  id: number;
  unsubscribed: number;
  deleted: number;
}
