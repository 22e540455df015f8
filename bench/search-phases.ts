/**
 * Where a search's time goes. Replays the phases of Library.search (main/library/library.ts) on a
 * read-only connection to the same file, on ONE thread, timing each one (the app ranks large
 * libraries on two threads, main/library/rank-helper.ts: these are the work, not the wait):
 *
 *   parse   parseQuery + compileQuery
 *   rank    FTS5 MATCH + bm25() for every matching row, sorted, the best 20 plus the tie margin
 *           (the SQL of main/library/rank.ts)
 *   count   count(*) of all matches (only when there are more than the rows ranked)
 *   snippet for each of the 20 hits: fetch the row, tokenize it, findMatches (analyze every word
 *           of the text and the title) and makeSnippet
 *
 * It must stay a faithful copy of Library.search; bench/run.ts prints both so a drift shows.
 */
import Database from 'better-sqlite3';
import { findMatches } from '../main/library/highlight';
import { compileQuery, parseQuery } from '../main/library/query';
import { BM25_WEIGHTS } from '../main/library/rank';
import { makeSnippet } from '../main/text/snippet';
import { tokenize } from '../main/text/tokenize';

const PAGE = 20;
// As main/library/library.ts: rows ranked beyond the page, whose dates break ties at its edge.
const TIE_MARGIN = 50;

export interface Phases {
  parse: number;
  rank: number;
  count: number;
  snippet: number;
  total: number;
  matches: number;
}

export class SearchProfiler {
  private readonly db: Database.Database;
  private readonly rank;
  private readonly count;
  private readonly hit;
  private readonly sortDate;

  constructor(libraryFile: string) {
    this.db = new Database(libraryFile, { readonly: true });
    // The library's own page cache size, so that both read the index from memory.
    this.db.pragma('cache_size = -65536');
    this.rank = this.db.prepare(
      `SELECT rowid AS id, bm25(article_index, ${BM25_WEIGHTS}) AS rank FROM article_index
       WHERE article_index MATCH ? ORDER BY rank LIMIT ${PAGE + TIE_MARGIN}`,
    );
    this.sortDate = this.db.prepare('SELECT sort_date FROM articles WHERE id = ?');
    this.count = this.db.prepare('SELECT count(*) AS n FROM article_index WHERE article_index MATCH ?');
    this.hit = this.db.prepare('SELECT title, text FROM articles WHERE id = ?');
  }

  measure(query: string): Phases {
    const t0 = performance.now();
    const parsed = parseQuery(query);
    const expression = compileQuery(parsed);
    const t1 = performance.now();
    if (!expression) return { parse: t1 - t0, rank: 0, count: 0, snippet: 0, total: t1 - t0, matches: 0 };
    const candidates = this.rank.all(expression) as { id: number }[];
    for (const { id } of candidates) this.sortDate.get(id);
    const ranked = candidates.slice(0, PAGE);
    const t2 = performance.now();
    const matches = candidates.length < PAGE + TIE_MARGIN ? candidates.length : (this.count.get(expression) as { n: number }).n;
    const t3 = performance.now();
    for (const { id } of ranked) {
      const row = this.hit.get(id) as { title: string; text: string };
      const tokens = tokenize(row.text);
      makeSnippet(row.text, findMatches(row.text, parsed, tokens), { tokens });
      findMatches(row.title, parsed);
    }
    const t4 = performance.now();
    return { parse: t1 - t0, rank: t2 - t1, count: t3 - t2, snippet: t4 - t3, total: t4 - t0, matches };
  }

  close(): void {
    this.db.close();
  }
}
