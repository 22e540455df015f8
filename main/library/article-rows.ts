/** How an article's row is read for a list or the reader: the columns, and their shape in the API. */
import type { StoredValue } from './stored-text';
import type { ArticleSummary, Direction } from '../../common';

export interface SummaryRow {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  imported: string;
  bookmarked: number;
  read: number;
  dir: Direction;
  lang: string | null;
  excerpt: string;
}

export interface ArticleRow extends SummaryRow {
  byline: string | null;
  url: string | null;
  /** As stored (stored-text.ts): read them through decodeStored. */
  text: StoredValue;
  html: StoredValue | null;
  origin: string | null;
  markdown: StoredValue | null;
}

/** The columns of a SummaryRow, from `articles a` joined to `bookmarks b`. */
export const SUMMARY_COLUMNS = `a.id, a.title, a.source, a.published, a.imported, a.dir, a.lang, a.excerpt,
  (b.article_id IS NOT NULL) AS bookmarked,
  coalesce((SELECT r.read FROM reading r WHERE r.article_id = a.id), 0) AS read`;

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    published: row.published,
    imported: row.imported,
    bookmarked: row.bookmarked === 1,
    read: row.read === 1,
    dir: row.dir,
    lang: row.lang,
    excerpt: row.excerpt,
  };
}
