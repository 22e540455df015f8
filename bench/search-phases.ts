/**
 * Where a search's time goes. Replays the phases of Library.search (main/library/library.ts) on a
 * read-only connection to the same file, on ONE thread, timing each one (the app ranks large
 * libraries on two threads, main/library/rank-helper.ts: these are the work, not the wait):
 *
 *   parse   parseQuery + compileQuery, and how many articles hold each phrase (phrase-frequency.ts)
 *   rank    FTS5 MATCH + sahifa_rank() (or bm25() without the ranking extension) for every
 *           matching row, sorted, the best 20 plus the tie margin (main/library/rank.ts's
 *           RangeRanker, as the library runs it); above the relevance window
 *           (main/library/search.ts), finding the window's start and ranking the window
 *   count   count(*) of all matches (only when there are more than the rows ranked); above the
 *           window, of the matches older than it
 *   snippet for each of the 20 hits: fetch the row, tokenize it, findMatches (analyze every word
 *           of the text and the title) and makeSnippet
 *
 * It must stay a faithful copy of Library.search; bench/run.ts prints both so a drift shows.
 */
import Database from 'better-sqlite3';
import { findMatches } from '../main/library/highlight';
import { PhraseFrequencies } from '../main/library/phrase-frequency';
import { compileMatchQuery, compileQuery, parseQuery, scoredPhrases } from '../main/library/query';
import { findRankExtension, loadRankExtension } from '../main/library/rank-extension';
import { NO_FILTER, RangeRanker, WHOLE_LIBRARY, type RankRequest } from '../main/library/rank';
import { RANK_ALL_UP_TO, RELEVANCE_WINDOW, TIE_MARGIN } from '../main/library/library';
import { decodeStored, type StoredValue } from '../main/library/stored-text';
import { makeSnippet } from '../main/text/snippet';
import { tokenize } from '../main/text/tokenize';

const PAGE = 20;

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
  private readonly ranker: RangeRanker;
  private readonly frequencies: PhraseFrequencies;
  private readonly bounds: Database.Statement;
  private readonly hit;
  private readonly sortDate;

  constructor(libraryFile: string) {
    this.db = new Database(libraryFile, { readonly: true });
    // The library's own page cache size, so that both read the index from memory.
    this.db.pragma('cache_size = -65536');
    this.ranker = new RangeRanker(this.db, loadRankExtension(this.db, findRankExtension()) ? 'sahifa_rank' : 'bm25');
    this.frequencies = new PhraseFrequencies(this.ranker);
    this.bounds = this.db.prepare('SELECT (SELECT min(id) FROM articles) AS low, (SELECT max(id) FROM articles) AS high');
    this.sortDate = this.db.prepare('SELECT sort_date FROM articles WHERE id = ?');
    this.hit = this.db.prepare('SELECT title, text FROM articles WHERE id = ?');
  }

  measure(query: string): Phases {
    const t0 = performance.now();
    const parsed = parseQuery(query);
    const expression = compileQuery(parsed);
    const matchExpression = compileMatchQuery(parsed);
    const bounds = this.bounds.get() as { low: number; high: number };
    const phraseCounts = this.ranker.scorer === 'bm25' ? [] : this.frequencies.estimate(scoredPhrases(parsed), bounds);
    const t1 = performance.now();
    if (!expression || !matchExpression) return { parse: t1 - t0, rank: 0, count: 0, snippet: 0, total: t1 - t0, matches: 0 };
    const whole: RankRequest = { expression, matchExpression, filter: NO_FILTER, range: WHOLE_LIBRARY, best: PAGE + TIE_MARGIN, phraseCounts };
    const boundary =
      this.ranker.matchAfterNewest(whole, RANK_ALL_UP_TO) === null ? null : this.ranker.matchAfterNewest(whole, RELEVANCE_WINDOW);
    const request = boundary === null ? whole : { ...whole, range: { from: boundary + 1, to: WHOLE_LIBRARY.to } };
    const candidates = this.ranker.best(request);
    for (const { id } of candidates) this.sortDate.get(id);
    const ranked = candidates.slice(0, PAGE);
    const t2 = performance.now();
    const matches =
      boundary !== null
        ? RELEVANCE_WINDOW + this.ranker.count({ ...whole, range: { from: WHOLE_LIBRARY.from, to: boundary } })
        : candidates.length < request.best
          ? candidates.length
          : this.ranker.count(request);
    const t3 = performance.now();
    for (const { id } of ranked) {
      const row = this.hit.get(id) as { title: string; text: StoredValue };
      const text = decodeStored(row.text);
      const tokens = tokenize(text);
      makeSnippet(text, findMatches(text, parsed, tokens), { tokens });
      findMatches(row.title, parsed);
    }
    const t4 = performance.now();
    return { parse: t1 - t0, rank: t2 - t1, count: t3 - t2, snippet: t4 - t3, total: t4 - t0, matches };
  }

  close(): void {
    this.db.close();
  }
}
