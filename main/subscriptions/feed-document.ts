/**
 * A fetched feed's bytes → its info and its items as the library matches them: each with a key
 * (the item's id/guid, else its link, else its content) and a hash of what it says, so that a
 * refresh tells new, changed and unchanged items apart. Parsing is the file importer's own
 * (main/import/feeds), decoding too: HTTP's charset goes in as the transport's declaration.
 */
import { createHash } from 'node:crypto';
import { ImportError } from '../import/errors';
import { EMPTY_ITEM, isFeedItem, toArticle, type FeedInfo, type ParsedFeed } from '../import/feeds/article';
import { readFeedBytes, readJsonFeed } from '../import/feeds/index';
import { withRemoteImages } from '../import/remote-images';
import type { IncomingItem } from '../library/feed-items';
import { canonicalUrl } from '../library/identity';

/** An item, and where it stands among the feed's items (images in scope are told per position). */
export interface FeedDocumentItem extends IncomingItem {
  position: number;
}

export interface FeedDocument {
  info: FeedInfo;
  items: FeedDocumentItem[];
  /** Items that could not be read (reported, never failing the feed): "item N" and why. */
  unreadable: { item: string; error: string }[];
}

export class NotAFeedError extends Error {}

function sha(...parts: (string | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part ?? '\u0000').update('\u0001');
  return hash.digest('base64url');
}

/** Whether the bytes look like JSON (a JSON Feed) rather than XML, whatever the server calls them. */
function looksLikeJson(bytes: Uint8Array, contentType: string | null): boolean {
  for (let i = 0; i < Math.min(bytes.length, 512); i++) {
    const b = bytes[i] as number;
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x7b; // "{"
  }
  return contentType?.includes('json') ?? false;
}

/** Whether the bytes are an HTML page (a site's address rather than its feed's). */
export function looksLikeHtml(bytes: Uint8Array, contentType: string | null): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').toLowerCase();
  if (/<(rss|feed|rdf:rdf|channel)[\s>]/.test(head)) return false;
  return contentType === 'text/html' || /<(!doctype html|html)[\s>]/.test(head);
}

export function parseFeedDocument(bytes: Uint8Array, contentType: string | null, charset: string | null): ParsedFeed {
  if (looksLikeHtml(bytes, contentType)) throw new NotAFeedError('a web page, not a feed');
  try {
    return looksLikeJson(bytes, contentType) ? readJsonFeed(bytes, charset) : readFeedBytes(bytes, charset, { recover: true });
  } catch (error) {
    if (error instanceof ImportError) throw new NotAFeedError(`not a feed: ${error.message}`);
    throw error;
  }
}

/** The key a refresh matches an item by, across refreshes. */
function itemKey(id: string | null | undefined, url: string | null, title: string, text: string): string {
  if (id) return `id:${id}`;
  const canonical = url ? canonicalUrl(url) : null;
  if (canonical) return `url:${canonical}`;
  return `text:${sha(title, text)}`;
}

/**
 * Reads a feed. `images`, when given, is in scope while items are read (offline images); its
 * `item()` is told as each item starts, in the order of `items`.
 */
export function readFeed(
  bytes: Uint8Array,
  options: { contentType: string | null; charset: string | null; origin: string; images?: Parameters<typeof withRemoteImages>[0] },
): FeedDocument {
  const parse = (): ParsedFeed => parseFeedDocument(bytes, options.contentType, options.charset);
  const feed = options.images ? withRemoteImages(options.images, parse) : parse();
  const items: FeedDocumentItem[] = [];
  const unreadable: FeedDocument['unreadable'] = [];
  for (const [position, item] of feed.items.entries()) {
    const article = isFeedItem(item) ? toArticle(item, feed.info, options.origin) : null;
    if (!article || !isFeedItem(item)) {
      unreadable.push({ item: `item ${position + 1}`, error: isFeedItem(item) ? EMPTY_ITEM : item.error.error });
      continue;
    }
    items.push({
      position,
      key: itemKey(item.id, article.url, article.title, article.text),
      hash: sha(article.title, article.url, article.published, article.byline, article.text, article.html),
      article,
    });
  }
  return { info: feed.info, items, unreadable };
}
