/**
 * Ranking one range of article ids: the full-text match, BM25 and the count, on one connection.
 * Library.search ranks the whole library this way, or two parts at once when a rank helper
 * (rank-helper.ts) ranks the newest matches on a second thread; both sides run this same code.
 *
 * The score is BM25, computed by sahifa_rank() where the ranking extension is loaded
 * (rank-extension.ts), else by FTS5's bm25(). Both give the same scores for the same counts of the
 * articles holding each phrase: bm25() counts them over the whole library, sahifa_rank() is given
 * them (the request's phraseCounts, phrase-frequency.ts).
 */
import type Database from 'better-sqlite3';

// Title columns weigh more than body columns; surface (exact spelling) more than stems.
const BM25_WEIGHTS = '10.0, 4.0, 2.0, 1.0';

/** How a ranker scores: with the extension's function, or SQLite's own. */
export type Scorer = 'sahifa_rank' | 'bm25';

const SCORE: Record<Scorer, string> = {
  sahifa_rank: `sahifa_rank(article_index, ?, ${BM25_WEIGHTS})`,
  bm25: `bm25(article_index, ${BM25_WEIGHTS})`,
};

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
  /** A compiled FTS5 expression (query.ts compileQuery): what bm25 scores. */
  expression: string;
  /**
   * An expression matching exactly the same articles, cheaper to walk (query.ts compileMatchQuery):
   * what counting and finding the newest matches use.
   */
  matchExpression: string;
  filter: RankFilter;
  range: IdRange;
  /** How many of the best rows to return. */
  best: number;
  /**
   * How many articles hold each phrase of `expression`, in FTS5's order (query.ts scoredPhrases,
   * phrase-frequency.ts): what sahifa_rank() makes the IDFs of. bm25() counts them itself.
   */
  phraseCounts: readonly number[];
  /**
   * When set, the answer's total counts the matches in these ranges instead of those in `range`
   * (search.ts: a relevance window's size is known; the matches older than it are counted).
   */
  countRanges?: IdRange[];
}

/** What finding and counting matches needs of a request: no scoring. */
export type MatchRequest = Pick<RankRequest, 'matchExpression' | 'filter' | 'range'>;

export interface RangeRanking {
  /** The best rows of the range, best first (lowest bm25 first); ties are the caller's to break. */
  ranked: Ranked[];
  /** Every match in the range (or in the request's countRanges). */
  total: number;
}

/**
 * An article id bound from JavaScript as FTS5 needs it. better-sqlite3 binds every number as a
 * REAL, and FTS5 ignores a rowid constraint whose value is not an INTEGER: with a plain `?`,
 * `rowid BETWEEN ? AND ?` walks every match of the terms (13 ms for a common word at a million,
 * however narrow the range) and `rowid = ?` answers every match.
 */
export const BOUND_ID = 'CAST(? AS INTEGER)';

/** The condition that keeps an article_index query to one range of ids (two bound ids). */
export const INDEX_ID_RANGE = `article_index.rowid BETWEEN ${BOUND_ID} AND ${BOUND_ID}`;

export const WHOLE_LIBRARY: IdRange = { from: 0, to: Number.MAX_SAFE_INTEGER };
export const NO_FILTER: RankFilter = { joins: '', where: '', params: [] };

export class RangeRanker {
  private readonly statements = new Map<string, RangeStatements>();
  private probe: Database.Statement | null = null;

  constructor(
    private readonly db: Database.Database,
    readonly scorer: Scorer = 'bm25',
  ) {}

  rank(request: RankRequest): RangeRanking {
    const ranked = this.best(request);
    if (request.countRanges) return { ranked, total: this.countIn(request, request.countRanges) };
    // Fewer than asked for is every match there is: no need to count them again.
    const total = ranked.length < request.best ? ranked.length : this.count(request);
    return { ranked, total };
  }

  /** The range's best rows, best first: the BM25 half of rank(). */
  best(request: RankRequest): Ranked[] {
    const { expression, filter, range, best } = request;
    return this.statementsFor(filter).rank.all(...this.scoreParams(request), expression, range.from, range.to, ...filter.params, best) as Ranked[];
  }

  /** Every match in the range: the counting half of rank(), and how phrases are counted (phrase-frequency.ts). */
  count({ matchExpression, filter, range }: MatchRequest): number {
    if (range.from > range.to) return 0;
    return (this.statementsFor(filter).count.get(matchExpression, range.from, range.to, ...filter.params) as { n: number }).n;
  }

  /** Every match in the given ranges (the request's own range aside). */
  countIn(request: MatchRequest, ranges: readonly IdRange[]): number {
    return ranges.reduce((sum, range) => sum + this.count({ ...request, range }), 0);
  }

  /**
   * The id of the range's match that has `newer` matches after it (the (newer + 1)th newest by
   * id), or null when the range holds no more than `newer` matches.
   */
  matchAfterNewest({ matchExpression, filter, range }: MatchRequest, newer: number): number | null {
    const id = this.statementsFor(filter).newest.get(matchExpression, range.from, range.to, ...filter.params, newer) as number | undefined;
    return id ?? null;
  }

  /**
   * Matches of the range newest first (by id), skipping `offset`, leaving out `except` (ids), with
   * their bm25: the part of a large result set beyond its relevance window.
   */
  newestFirst(request: RankRequest, offset: number, limit: number, except: readonly number[] = []): Ranked[] {
    const { expression, filter, range } = request;
    if (range.from > range.to || limit <= 0) return [];
    const statement = this.statementsFor(filter).newestPage;
    return statement.all(...this.scoreParams(request), expression, range.from, range.to, ...filter.params, JSON.stringify(except), limit, offset) as Ranked[];
  }

  /** sahifa_rank()'s parameter: the phrase counts, one double each in this machine's byte order, as the C side reads them. */
  private scoreParams({ phraseCounts }: RankRequest): Buffer[] {
    if (this.scorer === 'bm25') return [];
    const counts = new Float64Array(phraseCounts);
    return [Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength)];
  }

  /** Whether article `id` matches (on its own, without filters): one index probe. */
  matches(matchExpression: string, id: number): boolean {
    this.probe ??= this.db.prepare(`SELECT 1 FROM article_index WHERE article_index MATCH ? AND article_index.rowid = ${BOUND_ID}`).pluck();
    return this.probe.get(matchExpression, id) !== undefined;
  }

  private statementsFor(filter: RankFilter): RangeStatements {
    const key = `${filter.joins}|${filter.where}`;
    let statements = this.statements.get(key);
    if (statements === undefined) {
      // Without filters the index alone is enough: joining every match to its article row costs a
      // page read per match, and a common word matches a third of a news library.
      const from =
        filter.joins === '' && filter.where === ''
          ? `FROM article_index WHERE article_index MATCH ? AND ${INDEX_ID_RANGE}`
          : `FROM article_index JOIN articles a ON a.id = article_index.rowid ${filter.joins}
             WHERE article_index MATCH ? AND ${INDEX_ID_RANGE}${filter.where}`;
      statements = {
        rank: this.db.prepare(`SELECT article_index.rowid AS id, ${SCORE[this.scorer]} AS rank ${from} ORDER BY rank LIMIT ?`),
        count: this.db.prepare(`SELECT count(*) AS n ${from}`),
        // FTS5 walks its doclists backwards for ORDER BY rowid DESC: no sort, no bm25 per row.
        newest: this.db.prepare(`SELECT article_index.rowid ${from} ORDER BY article_index.rowid DESC LIMIT 1 OFFSET ?`).pluck(),
        newestPage: this.db.prepare(
          `SELECT article_index.rowid AS id, ${SCORE[this.scorer]} AS rank ${from}
             AND article_index.rowid NOT IN (SELECT value FROM json_each(?))
           ORDER BY article_index.rowid DESC LIMIT ? OFFSET ?`,
        ),
      };
      this.statements.set(key, statements);
    }
    return statements;
  }
}

interface RangeStatements {
  rank: Database.Statement;
  count: Database.Statement;
  newest: Database.Statement;
  newestPage: Database.Statement;
}

/** The best `best` rows of two disjoint ranges' rankings, as if the two were ranked as one. */
export function mergeRankings(a: RangeRanking, b: RangeRanking, best: number): RangeRanking {
  const ranked = [...a.ranked, ...b.ranked].sort((x, y) => x.rank - y.rank).slice(0, best);
  return { ranked, total: a.total + b.total };
}
