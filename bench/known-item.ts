/**
 * Known-item search (`npm run bench:known [-- --queries N] [--seed S] [--words W] [--reuse] [--json]`):
 * a reader remembers three words of a headline and types them loosely; where does the article rank?
 *
 * All 31,030 SaudiNewsNet articles go into a library (and, as a baseline, into a plain FTS5 table
 * of the raw text with the default tokenizer, ranked by its bm25). N articles are drawn with a
 * fixed seed (14); from each headline, W (3) distinct words that are not function words are drawn
 * (kept in headline order) and typed as people type them: no hamza seat (أ إ آ → ا), ه for ة,
 * ي for ى, no harakat or tatweel. The measures: mean reciprocal rank over the first 100 results (0
 * when the article is not among them), share ranked first, share in the top 10, and share missing
 * altogether; each also with an identical, or a near-identical, headline ranked ahead of the
 * article counted as a hit (the same story in several papers: known-item-ceiling.ts), and the
 * ceiling: the best MRR any ranking can expect from the query alone. The misses of "first" are
 * counted by what was ranked first.
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
import { Headlines, type Likeness } from './known-item-ceiling';
import { knownItemQuery } from './known-item-queries';

const DEPTH = 100;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SEED = option('--seed', 14);
const QUERY_COUNT = option('--queries', 2000);
const WORDS = option('--words', 3);
const reuse = args.includes('--reuse');
const json = args.includes('--json');

/** The measures of one ranking, from each query's rank (1-based; null when not in the first DEPTH). */
interface Figures {
  mrr: number;
  first: number;
  top10: number;
  missing: number;
}

function figures(ranks: readonly (number | null)[]): Figures {
  const n = ranks.length;
  const found = ranks.filter((rank): rank is number => rank !== null);
  return {
    mrr: found.reduce((sum, rank) => sum + 1 / rank, 0) / n,
    first: found.filter((rank) => rank === 1).length / n,
    top10: found.filter((rank) => rank <= 10).length / n,
    missing: (n - found.length) / n,
  };
}

/** A ranking's figures as measured, and counting a headline of the article's tie class ranked ahead of it as a hit. */
interface RankingFigures {
  asMeasured: Figures;
  identicalAsHits: Figures;
  nearIdenticalAsHits: Figures;
}

/** Where the article, and the first article of its tie classes, stand in a ranking (ids best first). */
class Ranks {
  readonly asMeasured: (number | null)[] = [];
  readonly identical: (number | null)[] = [];
  readonly nearIdentical: (number | null)[] = [];

  constructor(private readonly headlines: Headlines) {}

  add(target: number, rank: number | null, ahead: readonly number[]): void {
    this.asMeasured.push(rank);
    const firstOf = (classes: Likeness[]) => {
      if (rank === null) return null;
      const at = ahead.findIndex((other) => classes.includes(this.headlines.likeness(target, other)));
      return at >= 0 ? at + 1 : rank;
    };
    this.identical.push(firstOf(['identical']));
    this.nearIdentical.push(firstOf(['identical', 'near-identical']));
  }

  figures(): RankingFigures {
    return { asMeasured: figures(this.asMeasured), identicalAsHits: figures(this.identical), nearIdenticalAsHits: figures(this.nearIdentical) };
  }
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

/** Why the article was not first: how the headline ranked first compares with its own. */
type MissKind = 'identical headline' | 'near-identical headline' | 'other headline, likelier to give the query' | 'other headline, as likely' | 'other headline, less likely';

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
    const headlines = new Headlines(articles.map((a) => a.title));
    const indexOf = new Map(ids.map((id, index) => [id, index]));
    const plainRank = plain.prepare(`SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT ${DEPTH}`).pluck();

    const sahifa = new Ranks(headlines);
    const baseline = new Ranks(headlines);
    const misses = new Map<MissKind, number>();
    let ceiling = 0;
    const examples: string[] = [];
    let searchMs = 0;
    let cpuMs = 0;
    for (const index of chosen) {
      if (sahifa.asMeasured.length >= QUERY_COUNT) break;
      const query = knownItemQuery(articles[index]!.title, random, WORDS);
      if (query === null) continue;
      const id = ids[index]!;
      const t = performance.now();
      const cpu = process.cpuUsage();
      const rank = sahifaRank(library, query, id);
      const used = process.cpuUsage(cpu);
      cpuMs += (used.user + used.system) / 1000;
      searchMs += performance.now() - t;
      const ahead = rank === null ? [] : library.search(query, { limit: rank - 1 }).items.map((hit) => indexOf.get(hit.id)!);
      sahifa.add(index, rank, ahead);
      ceiling += headlines.bestExpectedReciprocalRank(query, index);
      if (rank !== 1) {
        const kind = missKind(headlines, query, index, rank === null ? null : ahead[0]!);
        misses.set(kind, (misses.get(kind) ?? 0) + 1);
        if (kind.startsWith('other') && examples.length < 15) examples.push(`  ${rank ?? '—'}\t${query}\t← ${articles[index]!.title.trim()}`);
      }
      const plainIds = (plainRank.all(query.split(' ').map((w) => `"${w}"`).join(' AND ')) as number[]).map((other) => indexOf.get(other)!);
      const at = plainIds.indexOf(index);
      baseline.add(index, at >= 0 ? at + 1 : null, at >= 0 ? plainIds.slice(0, at) : []);
    }
    const queries = sahifa.asMeasured.length;
    const ours = sahifa.figures();
    const plainFigures = baseline.figures();
    const missCounts = Object.fromEntries(misses);
    const searchMsMean = searchMs / queries;
    const searchCpuMsMean = cpuMs / queries;
    if (json) {
      console.log(JSON.stringify({ seed: SEED, words: WORDS, queries, depth: DEPTH, sahifa: ours, plainFts5: plainFigures, ceilingMrr: ceiling / queries, misses: missCounts, searchMsMean, searchCpuMsMean }));
      return;
    }
    console.log(`\n## Known-item search: ${queries} headlines of ${articles.length} news articles, ${WORDS} words typed loosely (seed ${SEED})\n`);
    const row = (name: string, f: Figures) => `| ${name} | ${f.mrr.toFixed(3)} | ${pct(f.first)} | ${pct(f.top10)} | ${pct(f.missing)} |`;
    console.log('| | MRR@100 | first | top 10 | not in the first 100 |');
    console.log('|---|---|---|---|---|');
    for (const [name, f] of [['Sahifa', ours], ['plain FTS5 (raw text, bm25)', plainFigures]] as const) {
      console.log(row(name, f.asMeasured));
      console.log(row(`${name}, an identical headline ahead counts as a hit`, f.identicalAsHits));
      console.log(row(`${name}, an identical or near-identical headline ahead counts as a hit`, f.nearIdenticalAsHits));
    }
    console.log(`\nCeiling: the best MRR any ranking can expect from the query alone: ${(ceiling / queries).toFixed(3)} (bench/known-item-ceiling.ts)`);
    console.log(`\nNot first (${queries - Math.round(ours.asMeasured.first * queries)}), by the headline ranked first:`);
    for (const [kind, count] of [...misses].sort((x, y) => y[1] - x[1])) console.log(`  ${count}\t${kind}`);
    console.log(`\nlibrary ${reuse ? 'opened or built' : 'built'} in ${(built / 1000).toFixed(1)} s; Sahifa's search, mean ${searchMsMean.toFixed(1)} ms, ${searchCpuMsMean.toFixed(1)} ms CPU a query (first page of 10, then up to 100 when not found)`);
    if (examples.length > 0) console.log(`\nNot first behind another story (rank, query, headline):\n${examples.join('\n')}`);
  } finally {
    cleanup();
  }
}

function missKind(headlines: Headlines, query: string, index: number, firstIndex: number | null): MissKind {
  if (firstIndex === null) return 'other headline, likelier to give the query';
  const likeness = headlines.likeness(index, firstIndex);
  if (likeness === 'identical') return 'identical headline';
  if (likeness === 'near-identical') return 'near-identical headline';
  const own = headlines.chanceOf(query, index);
  const first = headlines.chanceOf(query, firstIndex);
  return first > own ? 'other headline, likelier to give the query' : first === own ? 'other headline, as likely' : 'other headline, less likely';
}

main();
