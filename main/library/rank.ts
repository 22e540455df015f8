/**
 * Ranking one range of article ids: the full-text match, BM25 and the count, on one connection.
 * Library.search ranks the whole library this way, or two halves at once when a rank helper
 * (rank-helper.ts) runs the upper half on a second thread; both sides run this same code.
 */
import type Database from 'better-sqlite3';

// Title columns weigh more than body columns; surface (exact spelling) more than stems.
const BM25_WEIGHTS = '10.0, 4.0, 2.0, 1.0';

/** SQL for the search filters, made by the library: joins and conditions on `a` (articles). */
export interface RankFilter {
  joins: string;
  where: string;
  params: string[];
}

/** Article ids from `from` to `to`, both included. */
export interface IdRange {
  from: number;
  to: number;
}

export interface Ranked {
  id: number;
  rank: number;
}

export interface RankRequest {
  /** A compiled FTS5 expression (query.ts). */
  expression: string;
  filter: RankFilter;
  range: IdRange;
  /** How many of the best rows to return. */
  best: number;
}

export interface RangeRanking {
  /** The best rows of the range, best first (lowest bm25 first); ties are the caller's to break. */
  ranked: Ranked[];
  /** Every match in the range. */
  total: number;
}

export const WHOLE_LIBRARY: IdRange = { from: 0, to: Number.MAX_SAFE_INTEGER };
export const NO_FILTER: RankFilter = { joins: '', where: '', params: [] };

export class RangeRanker {
  private readonly statements = new Map<string, { rank: Database.Statement; count: Database.Statement }>();

  constructor(private readonly db: Database.Database) {}

  rank(request: RankRequest): RangeRanking {
    const ranked = this.best(request);
    // Fewer than asked for is every match there is: no need to count them again.
    const total = ranked.length < request.best ? ranked.length : this.count(request);
    return { ranked, total };
  }

  /** The range's best rows, best first: the BM25 half of rank(). */
  best({ expression, filter, range, best }: RankRequest): Ranked[] {
    return this.statementsFor(filter).rank.all(expression, range.from, range.to, ...filter.params, best) as Ranked[];
  }

  /** Every match in the range: the counting half of rank(). */
  count({ expression, filter, range }: RankRequest): number {
    return (this.statementsFor(filter).count.get(expression, range.from, range.to, ...filter.params) as { n: number }).n;
  }

  private statementsFor(filter: RankFilter): { rank: Database.Statement; count: Database.Statement } {
    const key = `${filter.joins}|${filter.where}`;
    let statements = this.statements.get(key);
    if (statements === undefined) {
      // Without filters the index alone is enough: joining every match to its article row costs a
      // page read per match, and a common word matches a third of a news library.
      const from =
        filter.joins === '' && filter.where === ''
          ? 'FROM article_index WHERE article_index MATCH ? AND article_index.rowid BETWEEN ? AND ?'
          : `FROM article_index JOIN articles a ON a.id = article_index.rowid ${filter.joins}
             WHERE article_index MATCH ? AND article_index.rowid BETWEEN ? AND ?${filter.where}`;
      statements = {
        rank: this.db.prepare(
          `SELECT article_index.rowid AS id, bm25(article_index, ${BM25_WEIGHTS}) AS rank ${from} ORDER BY rank LIMIT ?`,
        ),
        count: this.db.prepare(`SELECT count(*) AS n ${from}`),
      };
      this.statements.set(key, statements);
    }
    return statements;
  }
}

/** The best `best` rows of two disjoint ranges' rankings, as if the two were ranked as one. */
export function mergeRankings(a: RangeRanking, b: RangeRanking, best: number): RangeRanking {
  const ranked = [...a.ranked, ...b.ranked].sort((x, y) => x.rank - y.rank).slice(0, best);
  return { ranked, total: a.total + b.total };
}
