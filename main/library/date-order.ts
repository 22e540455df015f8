/**
 * Search results newest first: every match (by text or by note) in the list's order, sort_date
 * then id, both descending. Exact at any size; two ways to get a page, whichever reads less:
 *
 * - few matches: look each match's date up in the small (id, sort_date) index (schema.ts,
 *   migration 9) and sort them: cost grows with the matches;
 * - many matches: walk the articles newest first (articles_by_date) and keep those that match,
 *   one index probe each, until the page is full: cost grows with the articles walked, about
 *   (offset + limit) × articles ÷ matches.
 */
import type Database from 'better-sqlite3';
import type { RankFilter } from './rank';

/** What one probe costs against one date lookup (measured on 310k articles: ~50 µs against ~0.4 µs). */
const PROBE_COST = 100;

export class DateOrder {
  private readonly statements = new Map<string, { lookup: Database.Statement; walk: Database.Statement }>();

  /** `probeCost`: tests set it to 0 or Infinity to take one way or the other. */
  constructor(
    private readonly db: Database.Database,
    private readonly probeCost = PROBE_COST,
  ) {}

  /**
   * The ids of one page of matches newest first. `matches` is how many there are, `articles` how
   * many the library holds (an estimate will do: it only chooses the way).
   */
  page(request: DatePageRequest): number[] {
    const { matchExpression, filter, noteIds, offset, limit, matches, articles, prefix } = request;
    if (matches === 0 || offset >= matches) return [];
    const statements = this.statementsFor(filter);
    const walked = ((offset + limit) * Math.max(articles, matches)) / matches;
    // A probe of word* reads the doclist of every word it starts (سعود* at 1M: about 40 ms a probe).
    const walk = !prefix && walked * this.probeCost < matches;
    const statement = walk ? statements.walk : statements.lookup;
    return statement.all(matchExpression, JSON.stringify(noteIds), ...filter.params, limit, offset) as number[];
  }

  private statementsFor(filter: RankFilter): { lookup: Database.Statement; walk: Database.Statement } {
    const key = `${filter.joins}|${filter.where}`;
    let statements = this.statements.get(key);
    if (statements === undefined) {
      const order = 'ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?';
      statements = {
        lookup: this.db
          .prepare(
            `SELECT a.id FROM articles a INDEXED BY articles_date_by_id ${filter.joins}
             WHERE a.id IN (SELECT rowid FROM article_index WHERE article_index MATCH ? UNION ALL SELECT value FROM json_each(?))${filter.where}
             ${order}`,
          )
          .pluck(),
        walk: this.db
          .prepare(
            `SELECT a.id FROM articles a INDEXED BY articles_by_date ${filter.joins}
             WHERE (EXISTS (SELECT 1 FROM article_index WHERE article_index MATCH ? AND article_index.rowid = a.id)
                    OR a.id IN (SELECT value FROM json_each(?)))${filter.where}
             ${order}`,
          )
          .pluck(),
      };
      this.statements.set(key, statements);
    }
    return statements;
  }
}

export interface DatePageRequest {
  /** query.ts compileMatchQuery. */
  matchExpression: string;
  filter: RankFilter;
  /** Articles matched by their notes (already filtered), whether or not their text matches too. */
  noteIds: number[];
  offset: number;
  limit: number;
  matches: number;
  articles: number;
  /** Whether the query has a word* prefix, which makes every probe expensive. */
  prefix: boolean;
}
