/**
 * A feed's items in the library: the link from each item to the article it became. Items are
 * matched across refreshes by their key (id/guid, else link, else content), so an item seen again
 * is never a new article; one that changed upstream rewrites its article in place, which keeps
 * everything the reader added (read, bookmark, note, tags, position: those live in their own
 * tables, keyed by the article's id). An item whose article was removed (retention, unsubscribe,
 * the reader's delete) stays recorded as removed and is never added again.
 *
 * A refresh reads (knownItems, plan), does the slow work outside any transaction, then writes
 * (apply, settleDeleted). Plain Node on the library's own connection (Library.feeds().items).
 */
import type { Database, Statement } from 'better-sqlite3';
import { encodeStored } from './stored-text';
import { imageReferences, internImages, type ImageStore, type InternedImage } from './images';
import { identityOf, indexColumns, type PreparedArticle } from './prepare';
import type { AddResult } from './articles';
import type { NewArticle } from '../../common';

/** One item as the refresh read it: its key, a hash of what it says, and the article it makes. */
export interface IncomingItem {
  key: string;
  hash: string;
  article: NewArticle;
}

/** What a refresh decided for an item, before anything is written. */
export type ItemPlan =
  | { kind: 'new'; item: IncomingItem }
  | { kind: 'changed'; item: IncomingItem; articleId: number; keepText: boolean }
  | { kind: 'same' };

export interface ApplyResult {
  new: number;
  updated: number;
  /** Ids of the articles this refresh added. */
  ids: number[];
}

/** What the library does with articles: feed items add and rewrite them through it, feeds delete them. */
export interface ArticleWriter {
  addPrepared(articles: PreparedArticle[]): AddResult;
  rewriteArticle(id: number, prepared: PreparedArticle): void;
  reindexArticle(id: number, columns: PreparedArticle['index']): void;
  titleAndText(id: number): { title: string; text: string } | null;
  deleteArticle(id: number): unknown;
}

export class FeedItems {
  private readonly statements: Record<string, Statement>;

  constructor(
    private readonly db: Database,
    private readonly articles: ArticleWriter,
    private readonly images: ImageStore,
  ) {
    this.statements = {
      item: db.prepare('SELECT article_id AS articleId, content_hash AS hash, removed, full_text AS fullText FROM feed_items WHERE feed_id = ? AND item_key = ?'),
      insertItem: db.prepare(
        `INSERT INTO feed_items (feed_id, item_key, article_id, created, content_hash, first_seen)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      updateItemHash: db.prepare('UPDATE feed_items SET content_hash = ? WHERE feed_id = ? AND item_key = ?'),
      markItemRemoved: db.prepare('UPDATE feed_items SET removed = ? WHERE feed_id = ? AND item_key = ?'),
      relinkItem: db.prepare('UPDATE feed_items SET article_id = ? WHERE feed_id = ? AND item_key = ?'),
      idOfIdentity: db.prepare('SELECT id FROM articles WHERE identity = ?').pluck(),
      updateArticleHeader: db.prepare(
        'UPDATE articles SET title = @title, published = @published, sort_date = coalesce(@published, sort_date) WHERE id = @id',
      ),
      setFullText: db.prepare('UPDATE feed_items SET full_text = ? WHERE feed_id = ? AND item_key = ?'),
      known: db.prepare(
        'SELECT item_key AS key, CASE WHEN removed IS NULL AND article_id IS NOT NULL THEN content_hash END AS hash FROM feed_items WHERE feed_id = ?',
      ),
      lost: db.prepare('SELECT item_key FROM feed_items WHERE feed_id = ? AND article_id IS NULL AND removed IS NULL').pluck(),
    };
  }

  /**
   * The items of the feed that plan() will call the same whatever they say (removed, or their
   * article gone) → null, and the content hash of each other one: an item read again with the same
   * key and hash needs no analysis.
   */
  knownItems(feedId: number): Map<string, string | null> {
    const rows = this.statements.known!.all(feedId) as { key: string; hash: string | null }[];
    return new Map(rows.map((row) => [row.key, row.hash]));
  }

  /**
   * What to do with each item of a fetch: new, changed upstream, or nothing (seen before with the
   * same content, or removed). Reads only, so the caller can do the slow work (analysis, full
   * text, images) for the new and changed ones before writing.
   */
  plan(feedId: number, items: IncomingItem[]): ItemPlan[] {
    const seen = new Set<string>();
    return items.map((item): ItemPlan => {
      if (seen.has(item.key)) return { kind: 'same' };
      seen.add(item.key);
      const row = this.statements.item!.get(feedId, item.key) as
        | { articleId: number | null; hash: string; removed: string | null; fullText: string | null }
        | undefined;
      if (!row) return { kind: 'new', item };
      if (row.removed !== null || row.articleId === null || row.hash === item.hash) return { kind: 'same' };
      return { kind: 'changed', item, articleId: row.articleId, keepText: row.fullText === 'done' };
    });
  }

  /**
   * Writes a refresh's new and changed items in one transaction. `prepared` holds each planned
   * item's final article (full text and images already in), analysed (prepare.ts). Images
   * embedded in an article are stored once each in the library and referred to (images.ts).
   */
  apply(feedId: number, planned: { plan: Exclude<ItemPlan, { kind: 'same' }>; prepared: PreparedArticle; fullText?: 'done' | 'failed' }[]): ApplyResult {
    const now = new Date().toISOString();
    const result: ApplyResult = { new: 0, updated: 0, ids: [] };
    const ready = planned.map((p) => {
      const { html, images } = internImages(p.prepared.article.html);
      if (html === p.prepared.article.html) return { ...p, images };
      // The stored HTML was compressed from the article as fetched: store the one with references.
      const stored = { ...p.prepared.stored, html: encodeStored(html) };
      return { ...p, prepared: { ...p.prepared, article: { ...p.prepared.article, html }, stored }, images };
    });
    this.db.transaction(() => {
      const fresh = ready.filter((p) => p.plan.kind === 'new');
      const added = new Set(this.articles.addPrepared(fresh.map((p) => p.prepared)).ids);
      for (const p of fresh) {
        const articleId = this.statements.idOfIdentity!.get(p.prepared.identity) as number | undefined;
        if (articleId === undefined) continue;
        const created = added.has(articleId);
        const info = this.statements.insertItem!.run(feedId, p.plan.item.key, articleId, created ? 1 : 0, p.plan.item.hash, now);
        if (info.changes === 0) continue;
        if (p.fullText) this.statements.setFullText!.run(p.fullText, feedId, p.plan.item.key);
        if (created) {
          this.keepImages(articleId, p.images, p.prepared.article.html);
          result.new++;
          result.ids.push(articleId);
        }
      }
      for (const p of ready) {
        if (p.plan.kind !== 'changed') continue;
        this.rewrite(p.plan.articleId, p.prepared, p.plan.keepText);
        // The new version shows these images, and no longer the old version's.
        if (!p.plan.keepText) this.images.keep(p.plan.articleId, p.images, p.prepared.article.html);
        this.statements.updateItemHash!.run(p.plan.item.hash, feedId, p.plan.item.key);
        result.updated++;
      }
    })();
    return result;
  }

  private keepImages(articleId: number, images: Map<string, InternedImage>, html: string | null): void {
    if (images.size > 0 || imageReferences(html).size > 0) this.images.keep(articleId, images, html);
  }

  /** Tombstones the offline images no article shows any more (images.ts). */
  sweepImages(): number {
    return this.images.sweep();
  }

  /**
   * An item changed upstream: its article takes the new version under the same id, through the
   * articles table, so that its index and highlights follow.
   */
  private rewrite(articleId: number, prepared: PreparedArticle, keepText: boolean): void {
    const { article } = prepared;
    if (keepText) {
      // The full text fetched once stands; the feed's new title and date are still taken.
      this.statements.updateArticleHeader!.run({ id: articleId, title: article.title, published: article.published });
      const row = this.articles.titleAndText(articleId)!;
      this.articles.reindexArticle(articleId, indexColumns(row.title, row.text).columns);
      return;
    }
    this.articles.rewriteArticle(articleId, prepared);
  }

  /**
   * Items whose article the reader deleted: an undo may have put the article back under its
   * identity, and then the item points at it again; otherwise the item is marked removed for good.
   */
  settleDeleted(feedId: number, items: IncomingItem[]): void {
    const lost = this.statements.lost!.all(feedId) as string[];
    if (lost.length === 0) return;
    const byKey = new Map(items.map((item) => [item.key, item]));
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const key of lost) {
        const item = byKey.get(key);
        const restored = item ? (this.statements.idOfIdentity!.get(identityOf(item.article)) as number | undefined) : undefined;
        if (restored !== undefined) this.statements.relinkItem!.run(restored, feedId, key);
        else this.statements.markItemRemoved!.run(now, feedId, key);
      }
    })();
  }

  /** The id of the article in the library that is this one (same identity), if any. */
  articleIdOf(article: NewArticle): number | null {
    return (this.statements.idOfIdentity!.get(identityOf(article)) as number | undefined) ?? null;
  }
}
