/** The library list: pages of article summaries, sorted and narrowed, with their totals and counts. */
import type Database from 'better-sqlite3';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './article-rows';
import { NO_SOURCE_KEY } from './counts';
import { filterClause } from './filters';
import type { ArticleSummary, ListSort, Page, SourceCount } from '../../common';

export interface ListOptions {
  bookmarked?: boolean;
  /** Only articles not marked read. */
  unread?: boolean;
  /** Only articles with this tag (its exact name). */
  tag?: string;
  /** Only articles from this source (its exact name). */
  source?: string;
  /** Only articles that came from these feeds (ids; a folder is the feeds in it). */
  feeds?: number[];
  sort?: ListSort;
  offset?: number;
  limit?: number;
}

/** ORDER BY for each sort; each one has an index (schema.ts, migration 2), so a page is a range scan. */
const ORDER_BY: Record<ListSort, string> = {
  date: 'a.sort_date DESC, a.id DESC',
  title: 'a.title, a.id',
  // Articles without a source go last (the index is on the same expression).
  source: 'ifnull(a.source, char(1114111)), a.sort_date DESC, a.id DESC',
};

export class ArticleList {
  private readonly statements;
  /** list() queries by their shape (filters and sort), prepared once each. */
  private readonly byShape = new Map<string, { rows: Database.Statement; count: Database.Statement }>();

  constructor(private readonly db: Database.Database) {
    this.statements = {
      // Kept by triggers (counts.ts): a million articles are not counted one by one.
      countAll: db.prepare('SELECT ifnull(sum(count), 0) AS n FROM source_counts'),
      countBookmarks: db.prepare('SELECT count(*) AS n FROM bookmarks'),
      // A range of the reading_read index: the articles read, however many there are unread.
      countRead: db.prepare('SELECT count(*) AS n FROM reading WHERE read = 1'),
      listAll: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id
         ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?`,
      ),
      listBookmarked: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM bookmarks b JOIN articles a ON a.id = b.article_id
         ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?`,
      ),
      // Kept by triggers (counts.ts), in the order of the articles_by_source index's expression.
      sourceCounts: db.prepare('SELECT source, count FROM source_counts ORDER BY source'),
    };
  }

  list(options: ListOptions = {}): Page<ArticleSummary> {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 50;
    const sort = options.sort ?? 'date';
    if (sort === 'date' && !options.unread && !options.tag && !options.source && !options.feeds) {
      // The common case, on statements prepared up front.
      const statement = options.bookmarked ? this.statements.listBookmarked : this.statements.listAll;
      const total = this.count(options.bookmarked ?? false);
      const rows = statement.all(limit, offset) as SummaryRow[];
      return { total, offset, items: rows.map(toSummary) };
    }
    const filter = filterClause({ bookmarked: options.bookmarked, unread: options.unread, tag: options.tag, source: options.source, feeds: options.feeds });
    const key = `${sort}|${filter.joins}|${filter.where}`;
    let statements = this.byShape.get(key);
    if (statements === undefined) {
      const from = `FROM articles a ${filter.joins || 'LEFT JOIN bookmarks b ON b.article_id = a.id'} WHERE 1${filter.where}`;
      statements = {
        rows: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} ${from} ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`),
        count: this.db.prepare(`SELECT count(*) AS n ${from}`),
      };
      this.byShape.set(key, statements);
    }
    const total = onlyUnread(options) ? this.unread() : (statements.count.get(...filter.params) as { n: number }).n;
    const rows = statements.rows.all(...filter.params, limit, offset) as SummaryRow[];
    return { total, offset, items: rows.map(toSummary) };
  }

  /** How many articles there are, or how many are bookmarked. */
  count(bookmarked: boolean): number {
    const statement = bookmarked ? this.statements.countBookmarks : this.statements.countAll;
    return (statement.get() as { n: number }).n;
  }

  /** How many articles are not marked read: every article less those read, not a scan of either. */
  unread(): number {
    return this.count(false) - (this.statements.countRead.get() as { n: number }).n;
  }

  /** Every source with how many articles came from it, by name. */
  sources(): SourceCount[] {
    // The articles without a source sort last, under char(1114111); they have no entry.
    return (this.statements.sourceCounts.all() as SourceCount[]).filter(({ source }) => source !== NO_SOURCE_KEY);
  }
}

/** The unread articles, not narrowed any further: their count is a subtraction (ArticleList.unread). */
function onlyUnread(options: ListOptions): boolean {
  return options.unread === true && !options.bookmarked && !options.tag && !options.source && !options.feeds;
}
