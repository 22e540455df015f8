/**
 * What ranking one query costs on an existing library, piece by piece, on one thread (not a test):
 * the library's own statements (main/library/rank.ts, query.ts), each timed alone, median of 5.
 *
 *   boundary   finding the relevance window's start: the 20,001st newest match
 *   walk       visiting the window's matches without scoring them
 *   idf        bm25 over the newest 50 matches only: almost all of it is bm25 walking the whole
 *              library's list of every phrase of the query for its IDF, whatever range it ranks
 *   bm25       bm25 over the window (or every match, below 20,000), the best 120 kept
 *   count      counting the matches older than the window
 *
 *   npx tsx bench/rank-costs.ts --library FILE QUERY [QUERY…]
 *
 * Written to find where search time goes at a million articles (docs/benchmarks.md).
 */
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { compileMatchQuery, compileQuery, parseQuery } from '../main/library/query';
import { INDEX_ID_RANGE } from '../main/library/rank';
import { RANK_ALL_UP_TO } from '../main/library/search';

const { values, positionals } = parseArgs({ options: { library: { type: 'string' } }, allowPositionals: true });
if (!values.library || positionals.length === 0) throw new Error('usage: rank-costs.ts --library FILE QUERY [QUERY…]');

const db = new Database(values.library, { readonly: true });
db.pragma('cache_size = -65536');
const high = db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
const from = `FROM article_index WHERE article_index MATCH ? AND ${INDEX_ID_RANGE}`;
const walk = db.prepare(`SELECT article_index.rowid ${from}`).pluck();
const bm25 = db.prepare(`SELECT article_index.rowid, bm25(article_index, 10.0, 4.0, 2.0, 1.0) AS rank ${from} ORDER BY rank LIMIT 120`);
const count = db.prepare(`SELECT count(*) ${from}`).pluck();
const newest = db.prepare('SELECT rowid FROM article_index WHERE article_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').pluck();

/** Median ms of 5 runs after a warm-up. */
function ms(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[2]! * 10) / 10;
}

for (const query of positionals) {
  const parsed = parseQuery(query);
  const scored = compileQuery(parsed);
  const matching = compileMatchQuery(parsed);
  if (scored === null || matching === null) continue;
  const boundary = (newest.get(matching, RANK_ALL_UP_TO) as number | undefined) ?? 0;
  const last50 = (newest.get(matching, 50) as number | undefined) ?? 0;
  const inWindow = walk.all(scored, boundary + 1, high).length;
  console.log(
    JSON.stringify({
      query,
      matches: count.get(matching, 0, high),
      window: inWindow,
      boundary_ms: ms(() => newest.get(matching, RANK_ALL_UP_TO)),
      walk_ms: ms(() => walk.all(scored, boundary + 1, high)),
      idf_ms: ms(() => bm25.all(scored, last50 + 1, high)),
      bm25_ms: ms(() => bm25.all(scored, boundary + 1, high)),
      count_older_ms: ms(() => count.get(matching, 0, boundary)),
    }),
  );
}
db.close();
