/**
 * Reading a fetched feed for a refresh: its items (feed-document.ts), each analysed for the library
 * (prepare.ts), and the image addresses each item asks for when offline images are on. The same
 * function runs on a parse thread (parse-pool.ts) or, when no thread can start, where it is called.
 * Pure: no library connection, no network.
 */
import { prepareArticle, type PreparedArticle } from '../library/prepare';
import { readFeed, type FeedDocument } from './feed-document';
import { embeddingScope, ImageCollector } from './images';

export interface FeedParseRequest {
  bytes: Uint8Array;
  contentType: string | null;
  charset: string | null;
  /** The feed's address: relative links resolve against it, and each article records it. */
  origin: string;
  /** Note which image addresses each item holds (the first read, offline images on). */
  collectImages: boolean;
  /** Downloaded images by address, embedded in the items that show them (the second read). */
  images?: Map<string, Uint8Array> | null;
  /** Analyse only the items at these positions; every item when absent. */
  prepare?: number[] | null;
  /**
   * Items the library has already (FeedStore.knownItems): key → content hash, null for an item it
   * never takes again. An item read with a known key and the same hash is not analysed.
   */
  known?: Map<string, string | null> | null;
}

export interface FeedParseResult {
  doc: FeedDocument;
  /** Each analysed item's article, by its position in the feed (items known unchanged are not). */
  prepared: Map<number, PreparedArticle>;
  /** The image addresses of each item that has any, by position (collectImages). */
  imageUrls: Map<number, string[]>;
}

export function parseForRefresh(request: FeedParseRequest): FeedParseResult {
  const collector = request.collectImages ? new ImageCollector() : null;
  const scope = request.images ? embeddingScope(request.images) : collector?.scope;
  const doc = readFeed(request.bytes, { contentType: request.contentType, charset: request.charset, origin: request.origin, images: scope });
  const wanted = request.prepare ? new Set(request.prepare) : null;
  const prepared = new Map<number, PreparedArticle>();
  const settled = (key: string, hash: string): boolean => {
    if (!request.known?.has(key)) return false;
    const knownHash = request.known.get(key);
    return knownHash === null || knownHash === hash;
  };
  for (const item of doc.items) {
    if (wanted ? wanted.has(item.position) : !settled(item.key, item.hash)) prepared.set(item.position, prepareArticle(item.article));
  }
  const imageUrls = new Map<number, string[]>();
  if (collector) {
    for (const item of doc.items) {
      const urls = collector.urls(item.position);
      if (urls.size > 0) imageUrls.set(item.position, [...urls]);
    }
  }
  return { doc, prepared, imageUrls };
}
