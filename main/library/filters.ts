/** The filters the list and the search share, as SQL on `a` (articles). */
import type { RankFilter } from './rank';

export interface SearchFilters {
  bookmarked?: boolean;
  /** Only articles not marked read. */
  unread?: boolean;
  /** Only articles with this tag (its exact name). */
  tag?: string;
  /** Exact source name, as listed. */
  source?: string;
  /** Only articles that came from these feeds (ids; a folder is the feeds in it). */
  feeds?: number[];
  /** Language tag; "ar" also matches "ar-SA". */
  lang?: string;
  /** Inclusive date bounds, YYYY-MM-DD, on the published date (else the import date). */
  from?: string;
  to?: string;
  /** Only articles with at least one highlight. */
  highlighted?: boolean;
}

/** SQL conditions on `a` (articles) for the filters, with their parameters. */
export function filterClause(filters: SearchFilters): RankFilter {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filters.source) {
    conditions.push('a.source = ?');
    params.push(filters.source);
  }
  if (filters.lang) {
    conditions.push("(a.lang = ? OR a.lang LIKE ? || '-%')");
    params.push(filters.lang, filters.lang);
  }
  if (filters.from) {
    conditions.push('a.sort_date >= ?');
    params.push(filters.from);
  }
  if (filters.to) {
    // Dates sort as text; every time on the `to` day is before the next character after it.
    conditions.push('a.sort_date < ?');
    params.push(`${filters.to}\uffff`);
  }
  if (filters.unread) {
    conditions.push('NOT EXISTS (SELECT 1 FROM reading rf WHERE rf.article_id = a.id AND rf.read = 1)');
  }
  if (filters.feeds) {
    conditions.push(`EXISTS (SELECT 1 FROM feed_items ff WHERE ff.article_id = a.id AND ff.feed_id IN (${filters.feeds.map(() => '?').join(', ') || 'NULL'}))`);
    params.push(...filters.feeds.map(String));
  }
  if (filters.tag) {
    conditions.push('EXISTS (SELECT 1 FROM article_tags tf JOIN tags t ON t.id = tf.tag_id WHERE tf.article_id = a.id AND t.name = ?)');
    params.push(filters.tag);
  }
  if (filters.highlighted) {
    conditions.push('EXISTS (SELECT 1 FROM highlights hf WHERE hf.article_id = a.id AND hf.deleted IS NULL)');
  }
  return {
    joins: filters.bookmarked ? 'JOIN bookmarks b ON b.article_id = a.id' : '',
    where: conditions.map((c) => ` AND ${c}`).join(''),
    params,
  };
}
