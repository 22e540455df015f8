/**
 * Subscribing: find the feed behind an address (discover.ts), record the subscription, and read
 * the answer at once, so the feed's items are articles before the command (or the dialog) returns.
 * Also saving one page by its address, which is an import of a page fetched rather than read from disk.
 */
import type { Feed } from '../library/feeds';
import type { ImportFailure } from '../../common';
import { discoverFeed } from './discover';
import { fetchPageArticle } from './pages';
import { nextCheck, shortItems, storeFeed, type RefreshContext } from './refresh';

export interface SubscribeReport {
  feed: Feed;
  /** Already subscribed to the same address (in canonical form). */
  existing: boolean;
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
}

export async function subscribe(ctx: RefreshContext, address: string, options: { folder?: string | null } = {}): Promise<SubscribeReport> {
  const store = ctx.library.feeds();
  const { address: feedUrl, fetched } = await discoverFeed(address, { agents: ctx.agents, signal: ctx.signal });
  const folderId = options.folder ? store.ensureFolder(options.folder) : null;
  const { feed: added, added: isNew } = store.add({ url: feedUrl, title: feedUrl, folderId });
  const stored = await storeFeed(ctx, added, fetched);
  const now = ctx.now?.() ?? Date.now();
  store.recordFetch(added.id, {
    title: isNew ? stored.doc.info.title : undefined,
    site: added.site ?? stored.doc.info.link,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    ttlMinutes: stored.doc.info.ttl ?? null,
    lastError: null,
    failures: 0,
    shortItems: added.fullText ? undefined : shortItems(stored.doc),
    nextCheck: nextCheck(added, { ttlMinutes: stored.doc.info.ttl, maxAgeSeconds: fetched.maxAgeSeconds }, now, ctx.random),
  });
  return {
    feed: store.get(added.id),
    existing: !isNew,
    imported: stored.new,
    duplicates: stored.doc.items.length - stored.new - stored.updated,
    failed: stored.doc.unreadable.map((u) => ({ path: `${feedUrl} › ${u.item}`, error: u.error })),
  };
}

export interface SaveReport {
  id: number;
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
}

/**
 * Fetches a page and imports it like a saved page, images included (unless the global switch is
 * off), each image stored once in the library as a feed's are.
 */
export async function savePage(ctx: RefreshContext, address: string): Promise<SaveReport> {
  const article = await fetchPageArticle(address, { agents: ctx.agents, images: ctx.imagesEnabled ? ctx.images : null, signal: ctx.signal });
  const result = ctx.library.addArticlesWithImages([article]);
  const id = result.ids[0] ?? ctx.library.feeds().items.articleIdOf(article);
  if (id === null) throw new Error(`could not store the page ${address}`);
  return { id, imported: result.imported, duplicates: result.duplicates, failed: [] };
}
