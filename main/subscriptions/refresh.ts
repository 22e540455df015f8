/**
 * Refreshing feeds: fetch (conditionally), read the items, write what is new or changed, and
 * remember what the server said (validators, a new permanent address, how long to wait, why it
 * failed). A failure of one feed is recorded on that feed and never stops the others.
 *
 * Plain Node: the command line runs it on its own thread; the app runs it on a worker thread
 * (scheduler.ts) so that fetching, parsing, sanitizing and indexing never touch the UI's thread.
 */
import type { FeedErrorCode } from '../../common';
import type { ItemPlan } from '../library/feed-items';
import type { Feed } from '../library/feeds';
import type { Library } from '../library/library';
import { prepareArticle } from '../library/prepare';
import type { FeedDocument, FeedDocumentItem } from './feed-document';
import type { FeedParseResult } from './feed-parse';
import { FEED_ACCEPT } from './discover';
import { feedErrorCode } from './feed-errors';
import { createAgents, fetchUrl, FetchError, type Agents, type FetchResult } from './http';
import { downloadImages, imageFetcher, type ImageFetcher } from './images';
import { FeedParsePool, inPlaceParser, type FeedParser } from './parse-pool';
import { fetchPageArticle } from './pages';
import { WriteBatch } from './write-batch';

/** A feed's own ttl or max-age is honoured up to a day: past that it is a misconfiguration. */
const MAX_ASKED_SECONDS = 24 * 3600;
/** Backoff after failures doubles the interval, up to a day. */
const MAX_BACKOFF_SECONDS = 24 * 3600;
/** Up to this much later than asked, so that feeds added together do not stay in step. */
const JITTER = 0.1;
/** Items shorter than this (median, in characters) make a feed worth reading in full text. */
export const SHORT_ITEM_CHARS = 400;
const FULL_TEXT_PARALLEL = 3;

export const SETTING_IMAGES = 'subscriptions.images';

export interface RefreshContext {
  library: Library;
  agents: Agents;
  images: ImageFetcher;
  /** Reads fetched feeds: on parse threads in the app, in place in tests and one-off commands. */
  parser: FeedParser;
  /** The global offline-images switch (each feed has its own too). */
  imagesEnabled: boolean;
  /** Commits the items of feeds read at about the same time together (write-batch.ts). */
  writes: WriteBatch;
  signal?: AbortSignal;
  /** A feed fetch's timeouts, when not http.ts's defaults. */
  timeouts?: { connectMs?: number; totalMs?: number };
  now?: () => number;
  random?: () => number;
}

export interface FeedOutcome {
  feed: number;
  url: string;
  status: 'fetched' | 'not-modified' | 'failed';
  new: number;
  updated: number;
  error: string | null;
  errorCode: FeedErrorCode | null;
}

export interface RefreshSummary {
  feeds: number;
  new: number;
  updated: number;
  not_modified: number;
  failed: { feed: number; url: string; error: string }[];
}

/** Whether most of a fetch's items are short: Sahifa then suggests full text for the feed. */
export function shortItems(doc: FeedDocument): boolean {
  return doc.items.length > 0 && median(doc.items.map((i) => i.article.text.length)) < SHORT_ITEM_CHARS;
}

/** When the feed may be fetched next, by its interval, what it asked, failures and jitter. */
export function nextCheck(
  feed: Pick<Feed, 'intervalMinutes'>,
  asked: { ttlMinutes?: number | null; maxAgeSeconds?: number | null; retryAfterMs?: number | null; failures?: number },
  now: number,
  random: () => number = Math.random,
): string {
  const interval = feed.intervalMinutes * 60;
  const askedSeconds = Math.min(MAX_ASKED_SECONDS, Math.max((asked.ttlMinutes ?? 0) * 60, asked.maxAgeSeconds ?? 0));
  let seconds = Math.max(interval, askedSeconds);
  const failures = asked.failures ?? 0;
  if (failures > 0) seconds = Math.max(askedSeconds, Math.min(MAX_BACKOFF_SECONDS, interval * 2 ** failures));
  if (asked.retryAfterMs) seconds = Math.max(seconds, asked.retryAfterMs / 1000);
  return new Date(now + seconds * 1000 * (1 + random() * JITTER)).toISOString();
}

/** The context for one run of refreshes: shared sockets and image downloads; close() when done. */
export function refreshContext(
  library: Library,
  options: { signal?: AbortSignal; perHost?: number; parseThreads?: number } = {},
): RefreshContext & { close(): void } {
  const agents = createAgents(options.perHost ?? 2);
  const enabled = library.settings()[SETTING_IMAGES];
  const parser = options.parseThreads ? new FeedParsePool({ threads: options.parseThreads }) : inPlaceParser;
  return {
    library,
    agents,
    images: imageFetcher(agents, options.signal),
    parser,
    imagesEnabled: enabled !== false,
    writes: new WriteBatch((run) => library.feeds().inTransaction(run)),
    signal: options.signal,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
      void parser.close();
    },
  };
}

/** Runs `run` with a fresh refresh context, closed afterwards whatever happens. */
export async function withRefreshContext<T>(
  library: Library,
  run: (ctx: RefreshContext) => Promise<T>,
  options: { parseThreads?: number } = {},
): Promise<T> {
  const ctx = refreshContext(library, options);
  try {
    return await run(ctx);
  } finally {
    ctx.close();
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs `work` over the items with at most `limit` at a time, in order of results. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

type Planned = Exclude<ItemPlan, { kind: 'same' }>;

/**
 * The article each planned item becomes, analysed: with its images (downloaded, then the items
 * that show them read again with them in scope) and its full text.
 */
async function enrich(ctx: RefreshContext, feed: Feed, fetched: FeedFetchBytes, read: FeedParseResult, planned: Planned[], imagesOn: boolean) {
  const prepared = new Map(read.prepared);
  if (imagesOn) {
    const positions = planned.map((p) => (p.item as FeedDocumentItem).position).filter((position) => read.imageUrls.has(position));
    const downloads = await Promise.all(positions.map((position) => downloadImages(read.imageUrls.get(position) ?? [], ctx.images)));
    const all = new Map(downloads.flatMap((images) => [...images]));
    if (all.size > 0) {
      const again = await ctx.parser.parse({ ...fetchedRequest(feed, fetched), collectImages: false, images: all, prepare: positions });
      for (const [position, article] of again.prepared) prepared.set(position, article);
    }
  }
  return inParallel(planned, FULL_TEXT_PARALLEL, async (plan) => {
    const position = (plan.item as FeedDocumentItem).position;
    let ready = prepared.get(position) ?? prepareArticle(plan.item.article);
    let fullText: 'done' | 'failed' | undefined;
    const article = ready.article;
    if (plan.kind === 'new' && feed.fullText && article.url) {
      try {
        const page = await fetchPageArticle(article.url, { agents: ctx.agents, images: imagesOn ? ctx.images : null, signal: ctx.signal });
        // Extraction that found less than the feed had is no improvement: the feed's text stays.
        if (page.text.length > article.text.length) {
          ready = prepareArticle({ ...article, text: page.text, html: page.html, byline: article.byline ?? page.byline, lang: page.lang ?? article.lang, dir: page.dir });
          fullText = 'done';
        } else fullText = 'failed';
      } catch {
        fullText = 'failed';
      }
    }
    return { plan, prepared: ready, fullText };
  });
}

interface FeedFetchBytes {
  bytes: Uint8Array;
  contentType: string | null;
  charset: string | null;
}

function fetchedRequest(feed: Feed, fetched: FeedFetchBytes) {
  return { bytes: fetched.bytes, contentType: fetched.contentType, charset: fetched.charset, origin: feed.url };
}

function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Reads a fetched feed into the library (the first fetch of a subscription comes here too).
 * Returns how many articles were added and updated.
 */
export async function storeFeed(ctx: RefreshContext, feed: Feed, fetched: Extract<FetchResult, { status: 'ok' }>): Promise<{ new: number; updated: number; doc: FeedDocument }> {
  const store = ctx.library.feeds();
  const imagesOn = ctx.imagesEnabled && feed.images;
  const read = await ctx.parser.parse({ ...fetchedRequest(feed, fetched), collectImages: imagesOn, known: store.items.knownItems(feed.id) });
  const { doc } = read;
  const planned = store.items.plan(feed.id, doc.items).filter((p): p is Planned => p.kind !== 'same');
  const ready = planned.length > 0 ? await enrich(ctx, feed, fetched, read, planned, imagesOn) : [];
  const result = await ctx.writes.write(() => {
    const applied = ready.length > 0 ? store.items.apply(feed.id, ready) : { new: 0, updated: 0 };
    store.items.settleDeleted(feed.id, doc.items);
    store.prune(feed.id, ctx.now?.() ?? Date.now());
    return applied;
  });
  return { new: result.new, updated: result.updated, doc };
}

/** The stored address moves with a permanent redirect, unless another subscription already has it. */
function movedUrl(ctx: RefreshContext, feed: Feed, permanentUrl: string | null | undefined): string | undefined {
  if (!permanentUrl) return undefined;
  const other = ctx.library.feeds().findByUrl(permanentUrl);
  return other && other.id !== feed.id ? undefined : permanentUrl;
}

/** Fetches one feed now, whatever its schedule, and records the outcome on it. */
export async function refreshFeed(ctx: RefreshContext, feedId: number): Promise<FeedOutcome> {
  const store = ctx.library.feeds();
  const feed = store.get(feedId);
  const now = ctx.now?.() ?? Date.now();
  const random = ctx.random ?? Math.random;
  const outcome: FeedOutcome = { feed: feed.id, url: feed.url, status: 'failed', new: 0, updated: 0, error: null, errorCode: null };
  let fetched: FetchResult;
  try {
    fetched = await fetchUrl(feed.url, {
      accept: FEED_ACCEPT,
      etag: feed.etag,
      lastModified: feed.lastModified,
      agents: ctx.agents,
      signal: ctx.signal,
      connectTimeoutMs: ctx.timeouts?.connectMs,
      totalTimeoutMs: ctx.timeouts?.totalMs,
    });
  } catch (error) {
    const failures = feed.failures + 1;
    const message = failureMessage(error);
    const code = feedErrorCode(error);
    const details = error instanceof FetchError ? error.details : {};
    store.recordFetch(feed.id, {
      url: movedUrl(ctx, feed, details.permanentUrl),
      lastError: message,
      errorCode: code,
      failures,
      // 410 Gone: the site says the feed will not come back; asking again would be rude and useless.
      paused: code === 'gone' ? message : undefined,
      nextCheck: nextCheck(feed, { ttlMinutes: feed.ttlMinutes, retryAfterMs: details.retryAfterMs, failures }, now, random),
    });
    return { ...outcome, error: message, errorCode: code };
  }
  const url = movedUrl(ctx, feed, fetched.permanentUrl);
  if (fetched.status === 'not-modified') {
    store.recordFetch(feed.id, {
      url,
      // A 304 may carry new validators; when it does, they replace the old ones.
      etag: fetched.etag ?? undefined,
      lastModified: fetched.lastModified ?? undefined,
      lastError: null,
      failures: 0,
      nextCheck: nextCheck(feed, { ttlMinutes: feed.ttlMinutes, maxAgeSeconds: fetched.maxAgeSeconds }, now, random),
    });
    return { ...outcome, url: url ?? feed.url, status: 'not-modified' };
  }
  try {
    const stored = await storeFeed(ctx, feed, fetched);
    const ttl = stored.doc.info.ttl ?? null;
    store.recordFetch(feed.id, {
      url,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastError: null,
      failures: 0,
      ttlMinutes: ttl,
      site: feed.site ?? stored.doc.info.link,
      // Measured on what the feed itself says: with full text on, its articles are long anyway.
      shortItems: feed.fullText ? undefined : shortItems(stored.doc),
      nextCheck: nextCheck(feed, { ttlMinutes: ttl, maxAgeSeconds: fetched.maxAgeSeconds }, now, random),
    });
    return { ...outcome, url: url ?? feed.url, status: 'fetched', new: stored.new, updated: stored.updated };
  } catch (error) {
    const failures = feed.failures + 1;
    const message = failureMessage(error);
    const code = feedErrorCode(error);
    store.recordFetch(feed.id, { url, lastError: message, errorCode: code, failures, nextCheck: nextCheck(feed, { ttlMinutes: feed.ttlMinutes, failures }, now, random) });
    return { ...outcome, error: message, errorCode: code };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export interface RefreshLimits {
  /** Requests in flight at once. */
  parallel?: number;
  /** Requests in flight to one host. */
  perHost?: number;
  onFeed?: (outcome: FeedOutcome) => void;
}

/** Refreshes these feeds within the limits; each feed's failure is its own. */
export async function refreshFeeds(ctx: RefreshContext, feedIds: number[], limits: RefreshLimits = {}): Promise<RefreshSummary> {
  const parallel = limits.parallel ?? 6;
  const perHost = limits.perHost ?? 2;
  const store = ctx.library.feeds();
  const waiting = feedIds.map((id) => ({ id, host: hostOf(store.get(id).url) }));
  const busy = new Map<string, number>();
  const summary: RefreshSummary = { feeds: feedIds.length, new: 0, updated: 0, not_modified: 0, failed: [] };
  await new Promise<void>((resolve) => {
    let running = 0;
    const launch = (): void => {
      while (running < parallel && !ctx.signal?.aborted) {
        const index = waiting.findIndex((w) => (busy.get(w.host) ?? 0) < perHost);
        if (index < 0) break;
        const [next] = waiting.splice(index, 1) as [{ id: number; host: string }];
        running++;
        busy.set(next.host, (busy.get(next.host) ?? 0) + 1);
        void refreshFeed(ctx, next.id)
          .catch((error: unknown): FeedOutcome => ({ feed: next.id, url: '', status: 'failed', new: 0, updated: 0, error: failureMessage(error), errorCode: feedErrorCode(error) }))
          .then((outcome) => {
            running--;
            busy.set(next.host, (busy.get(next.host) ?? 1) - 1);
            summary.new += outcome.new;
            summary.updated += outcome.updated;
            if (outcome.status === 'not-modified') summary.not_modified++;
            if (outcome.status === 'failed') summary.failed.push({ feed: outcome.feed, url: outcome.url, error: outcome.error ?? 'failed' });
            limits.onFeed?.(outcome);
            launch();
          });
      }
      if (running === 0 && (waiting.length === 0 || ctx.signal?.aborted)) resolve();
    };
    launch();
  });
  // Images that retention, an unsubscribe, a deletion or a rewrite left unshown: once per run, not per feed.
  if (feedIds.length > 0) store.items.sweepImages();
  return summary;
}

/** Every feed that is not paused. */
export function activeFeedIds(library: Library): number[] {
  return library.feeds().list().filter((f) => f.paused === null).map((f) => f.id);
}

/** The feeds whose time has come (never fetched, or next check passed), not paused. */
export function dueFeedIds(library: Library, now = Date.now()): number[] {
  const at = new Date(now).toISOString();
  return library.feeds().list().filter((f) => f.paused === null && (f.nextCheck === null || f.nextCheck <= at)).map((f) => f.id);
}
