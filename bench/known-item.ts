/**
 * Known-item search (`npm run bench:known [-- --queries N] [--reuse]`): a reader remembers three
 * words of a headline and types them loosely; where does the article rank?
 *
 * All 31,030 SaudiNewsNet articles go into a library (and, as a baseline, into a plain FTS5 table
 * of the raw text with the default tokenizer, ranked by its bm25). N articles are drawn with a
 * fixed seed; from each headline, three distinct words that are not function words are drawn (kept
 * in headline order) and typed as people type them: no hamza seat (أ إ آ → ا), ه for ة, ي for ى,
 * no harakat or tatweel. The measures: mean reciprocal rank over the first 100 results (0 when the
 * article is not among them), share ranked first, share in the top 10, and share missing
 * altogether. "First, or behind only the same headline" counts an article ranked behind articles
 * whose headlines read exactly like its own (the same story in several papers), a ceiling no
 * ranking can pass.
 *
 * --reuse keeps the library in bench/.data/known-item/ between runs (ranking changes do not need a
 * new index; changes to analysis do). --json prints one line of figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Library } from '../main/library/library';
import type { NewArticle } from '../common';
import { newsArticles } from '../tests/fixtures/corpus';
import { addAll, newsArticle, sample, seededRandom } from './corpora';
import { knownItemQuery } from './known-item-queries';

const SEED = 14;
const DEPTH = 100;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const QUERY_COUNT = option('--queries', 2000);
const reuse = args.includes('--reuse');
const json = args.includes('--json');

interface Figures {
  queries: number;
  mrr: number;
  first: number;
  firstOrSameHeadline: number;
  top10: number;
  missing: number;
}

function figures(ranks: (number | null)[], sameHeadlineAhead: number[]): Figures {
  const n = ranks.length;
  let reciprocal = 0;
  let first = 0;
  let firstOrSame = 0;
  let top10 = 0;
  let missing = 0;
  ranks.forEach((rank, i) => {
    if (rank === null) {
      missing++;
      return;
    }
    reciprocal += 1 / rank;
    if (rank === 1) first++;
    if (rank - sameHeadlineAhead[i]! === 1) firstOrSame++;
    if (rank <= 10) top10++;
  });
  return { queries: n, mrr: reciprocal / n, first: first / n, firstOrSameHeadline: firstOrSame / n, top10: top10 / n, missing: missing / n };
}

function openLibrary(articles: NewArticle[]): { library: Library; ids: number[]; plain: Database.Database; cleanup(): void } {
  const dir = reuse ? path.join('bench', '.data', 'known-item') : fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-known-'));
  const file = path.join(dir, 'library.sqlite');
  const plainFile = path.join(dir, 'plain.sqlite');
  const existed = reuse && fs.existsSync(file) && fs.existsSync(plainFile);
  fs.mkdirSync(dir, { recursive: true });
  const library = Library.open(file);
  const plain = new Database(plainFile);
  let ids: number[];
  if (existed) {
    // The library was built from the same articles in the same order: ids follow the insertion order.
    const stored = library.list({ limit: 1, sort: 'date' }).total;
    if (stored !== articles.length) throw new Error(`${file} holds ${stored} articles, not ${articles.length}: remove it`);
    ids = articles.map((_, i) => i + 1);
  } else {
    ids = addAll(library, articles);
    plain.exec('DROP TABLE IF EXISTS plain; CREATE VIRTUAL TABLE plain USING fts5(title, body)');
    const insert = plain.prepare('INSERT INTO plain (rowid, title, body) VALUES (?, ?, ?)');
    plain.transaction(() => articles.forEach((a, i) => insert.run(ids[i]!, a.title, a.text)))();
  }
  return {
    library,
    ids,
    plain,
    cleanup: () => {
      library.close();
      plain.close();
      if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 1-based rank of `id` among the first DEPTH results, or null. */
function sahifaRank(library: Library, query: string, id: number): number | null {
  const first = library.search(query, { limit: 10 }).items.findIndex((hit) => hit.id === id);
  if (first >= 0) return first + 1;
  const rest = library.search(query, { offset: 10, limit: DEPTH - 10 }).items.findIndex((hit) => hit.id === id);
  return rest >= 0 ? rest + 11 : null;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function main(): void {
  const started = performance.now();
  const articles = newsArticles().map(newsArticle);
  const { library, ids, plain, cleanup } = openLibrary(articles);
  try {
    const built = performance.now() - started;
    const random = seededRandom(SEED);
    const chosen = sample(
      articles.map((_, i) => i),
      articles.length,
      random,
    );
    const headlineOf = new Map<number, string>();
    articles.forEach((a, i) => headlineOf.set(ids[i]!, a.title.trim()));
    const plainRank = plain.prepare(`SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT ${DEPTH}`).pluck();

    const sahifa: (number | null)[] = [];
    const baseline: (number | null)[] = [];
    const sahifaSame: number[] = [];
    const baselineSame: number[] = [];
    const examples: string[] = [];
    let searchMs = 0;
    for (const index of chosen) {
      if (sahifa.length >= QUERY_COUNT) break;
      const query = knownItemQuery(articles[index]!.title, random);
      if (query === null) continue;
      const id = ids[index]!;
      const headline = articles[index]!.title.trim();
      const t = performance.now();
      const rank = sahifaRank(library, query, id);
      searchMs += performance.now() - t;
      sahifa.push(rank);
      // Articles ahead of it whose headline reads exactly like its own.
      const ahead = rank === null ? 0 : library.search(query, { limit: rank - 1 }).items.filter((hit) => headlineOf.get(hit.id) === headline).length;
      sahifaSame.push(ahead);
      const plainIds = plainRank.all(query.split(' ').map((w) => `"${w}"`).join(' AND ')) as number[];
      const at = plainIds.indexOf(id);
      baseline.push(at >= 0 ? at + 1 : null);
      baselineSame.push(at >= 0 ? plainIds.slice(0, at).filter((other) => headlineOf.get(other) === headline).length : 0);
      if ((rank === null || rank - ahead > 1) && examples.length < 15) examples.push(`  ${rank ?? '—'}\t${query}\t← ${headline}`);
    }
    const ours = figures(sahifa, sahifaSame);
    const plainFigures = figures(baseline, baselineSame);
    if (json) {
      console.log(JSON.stringify({ seed: SEED, depth: DEPTH, sahifa: ours, plainFts5: plainFigures, searchMsMean: searchMs / sahifa.length }));
      return;
    }
    console.log(`\n## Known-item search: ${ours.queries} headlines of ${articles.length} news articles, three words typed loosely (seed ${SEED})\n`);
    const row = (name: string, f: Figures) =>
      `| ${name} | ${f.mrr.toFixed(3)} | ${pct(f.first)} | ${pct(f.firstOrSameHeadline)} | ${pct(f.top10)} | ${pct(f.missing)} |`;
    console.log('| | MRR@100 | first | first, or behind only the same headline | top 10 | not in the first 100 |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('Sahifa', ours));
    console.log(row('plain FTS5 (raw text, bm25)', plainFigures));
    console.log(`\nlibrary ${reuse ? 'opened or built' : 'built'} in ${(built / 1000).toFixed(1)} s; Sahifa's search, mean ${(searchMs / ours.queries).toFixed(1)} ms a query (first page of 10, then up to 100 when not found)`);
    if (examples.length > 0) console.log(`\nNot first (rank, query, headline):\n${examples.join('\n')}`);
  } finally {
    cleanup();
  }
}

main();
