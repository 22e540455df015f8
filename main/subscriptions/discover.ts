/**
 * From whatever address a reader gives to the feed it means: the address itself when it is a feed;
 * else the feeds a page announces (<link rel="alternate"> with the RSS, Atom or JSON Feed types),
 * in the page's order; else the usual places (/feed, /rss.xml, /atom.xml, /feed.xml, /index.xml).
 */
import { fetchableUrl, fetchUrl, FetchError, type Agents, type FetchResult } from './http';
import { looksLikeHtml, NotAFeedError, parseFeedDocument } from './feed-document';

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const ALTERNATE_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml', 'application/xml', 'text/xml']);
export const USUAL_PATHS = ['/feed', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml'];

export class NoFeedError extends Error {}

export type FeedFetch = Extract<FetchResult, { status: 'ok' }>;

/** The feed found: the address to subscribe to (a temporary redirect does not change it) and its answer. */
export interface Discovered {
  address: string;
  fetched: FeedFetch;
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
  for (let m = pattern.exec(tag); m; m = pattern.exec(tag)) {
    found.set((m[1] as string).toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').trim());
  }
  return found;
}

/** The feed addresses a page announces, absolute, in its order. */
export function alternateFeeds(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    const href = attrs.get('href');
    if (!rel.includes('alternate') || !ALTERNATE_TYPES.has(type) || !href) continue;
    try {
      const url = new URL(href, pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // an href that is not an address
    }
  }
  return found;
}

function isFeed(result: FeedFetch): boolean {
  try {
    parseFeedDocument(result.bytes, result.contentType, result.charset);
    return true;
  } catch (error) {
    if (error instanceof NotAFeedError) return false;
    throw error;
  }
}

/**
 * The feed behind an address: its fetched answer (what the refresher then reads as the first
 * refresh). Throws the address's own FetchError when it cannot be fetched, NoFeedError when it
 * is fetched but neither is nor leads to a feed.
 */
export async function discoverFeed(address: string, options: { agents?: Agents; signal?: AbortSignal } = {}): Promise<Discovered> {
  const first = await fetchUrl(address, { accept: FEED_ACCEPT, ...options });
  if (first.status !== 'ok') throw new NoFeedError('the server sent nothing');
  if (isFeed(first)) return { address: first.permanentUrl ?? fetchableUrl(address).href, fetched: first };
  const candidates: string[] = [];
  if (looksLikeHtml(first.bytes, first.contentType)) {
    const head = Buffer.from(first.bytes.buffer, first.bytes.byteOffset, first.bytes.byteLength).toString('latin1');
    candidates.push(...alternateFeeds(head, first.url));
  }
  for (const path of USUAL_PATHS) {
    const url = new URL(path, first.url).href;
    if (!candidates.includes(url)) candidates.push(url);
  }
  for (const candidate of candidates) {
    let result: FetchResult;
    try {
      result = await fetchUrl(candidate, { accept: FEED_ACCEPT, ...options });
    } catch (error) {
      if (error instanceof FetchError && error.code === 'cancelled') throw error;
      continue;
    }
    if (result.status === 'ok' && isFeed(result)) return { address: result.permanentUrl ?? candidate, fetched: result };
  }
  throw new NoFeedError(`${first.url} is not a feed, and no feed was found from it`);
}
