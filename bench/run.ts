/**
 * Benchmarks at 10k and 100k real news articles (`npm run bench`; `npm run bench -- --json` ends
 * with one JSON line for the largest library). Not part of `npm test`.
 *
 *   import    end to end through the importer: .txt files on disk → importPaths → library
 *   search    p50/p95/p99 of library.searchInParallel(q, {limit: 20}) as the app searches (ranking on
 *             two threads, count, snippets and highlights of 20 hits) over bench/queries.ts, warm,
 *             each query `--runs` times
 *   size      library file + WAL after a checkpoint, vs the UTF-8 bytes of titles + texts (read back)
 *   baselines LIKE '%…%' over normalized text, plain FTS5 (raw words, default tokenizer), and
 *             MiniSearch (in-memory index), same queries
 *   refresh   subscriptions (bench/refresh.ts): local feeds × 50 items, the first refresh and one
 *             where every feed answers 304, on the refresh worker thread
 *
 *   cli, ui  `sahifa stats` started cold on the library (bench/cli-timing.ts); first list rows and
 *             opening an article in the browser mode and Chromium (bench/ui-timings.ts; builds first)
 *
 * Needs `global.gc` for honest memory figures: without --expose-gc it re-runs itself under
 * `node --expose-gc --import tsx`. Options: --sizes 10000,100000  --runs 5  --json  --no-baselines  --keep  --no-ui
 * --minisearch-max 20000 (MiniSearch is skipped above that size: at 100k it needs ~9 min here)
 * --refresh-feeds 500 (0 skips the refresh benchmark)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { importPaths } from '../main/import/importer';
import { Library } from '../main/library/library';
import { LikeBaseline, MiniSearchBaseline, PlainFtsBaseline, readArticles } from './baselines';
import { cliStartTimes, summary } from './cli-timing';
import { benchRefresh, type RefreshFigures } from './refresh';
import { ensureNewsFiles } from './news-files';
import { isShortQuery, QUERIES } from './queries';
import { SearchProfiler, type Phases } from './search-phases';
import { listAndOpenTimes, median } from './ui-timings';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA_DIR = path.join(HERE, '.data');

interface Options {
  sizes: number[];
  runs: number;
  json: boolean;
  baselines: boolean;
  /** Largest library MiniSearch is built for: at 100k it takes ~9 min and 1.5 GB of heap here. */
  miniSearchMax: number;
  /** Leave the libraries in their temporary folders (to replay queries on them), printing where. */
  keep: boolean;
  /** Feeds in the refresh benchmark (50 items each); 0 skips it. */
  refreshFeeds: number;
  /** First list rows and opening an article in the browser mode (needs a build and Chromium). */
  ui: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  return {
    sizes: (value('--sizes') ?? '10000,100000').split(',').map(Number).filter((n) => n > 0),
    runs: Math.max(1, Number(value('--runs') ?? 5)),
    json: argv.includes('--json'),
    baselines: !argv.includes('--no-baselines'),
    keep: argv.includes('--keep'),
    miniSearchMax: Number(value('--minisearch-max') ?? 20000),
    refreshFeeds: Number(value('--refresh-feeds') ?? 500),
    ui: !argv.includes('--no-ui'),
  };
}

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Latency {
  /**
   * Percentiles of CPU time (this process, all its threads, user + system): the work a search
   * costs. With the search's second thread it exceeds the wall time an idle machine shows.
   */
  cpuP50: number;
  cpuP95: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Median time of each query, for finding the slow ones. */
  perQuery: Map<string, number>;
}

/** `search` may return a promise (the app's two-thread search): the time is until it settles. */
async function latency(queries: readonly string[], runs: number, search: (q: string) => unknown, warmup = 1): Promise<Latency> {
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const perQuery = new Map<string, number>();
  for (const q of queries) {
    for (let i = 0; i < warmup; i++) await search(q);
    const mine: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await search(q);
      mine.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      cpuSamples.push((used.user + used.system) / 1000);
    }
    mine.sort((a, b) => a - b);
    perQuery.set(q, percentile(mine, 50));
    samples.push(...mine);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  return { cpuP50: percentile(cpuSamples, 50), cpuP95: percentile(cpuSamples, 95), p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: samples.at(-1) ?? 0, perQuery };
}

function memory(): { heap: number; rss: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(1)}×`;

interface SizeResult {
  articles: number;
  import_seconds: number;
  import_articles_per_s: number;
  /** Articles per second of this process's CPU time: the rate on an otherwise idle machine. */
  import_articles_per_cpu_s: number;
  import_failures: number;
  search_p50_ms: number;
  search_p95_ms: number;
  search_p99_ms: number;
  search_cpu_p50_ms: number;
  search_cpu_p95_ms: number;
  search_max_ms: number;
  search_short_p95_ms: number;
  search_heap_bytes: number;
  search_rss_bytes: number;
  /** The process's whole resident memory at its highest while searching (the rank helper's thread included), MB. */
  rss_mb: number;
  /**
   * The same process's resident memory just before searching, after the import it ran itself and
   * once the library gave back the memory the import left (Library.releaseMemory, as the app does
   * when its last import ends); rss_mb includes what it could not give back.
   */
  rss_before_search_mb: number;
  /** The same, before the library gave back that memory. */
  rss_after_import_mb: number;
  library_bytes: number;
  /** UTF-8 bytes of the articles' titles and texts, as read back (decompressed). */
  text_bytes: number;
  /** `sahifa stats` on this library, cold start, median wall time. */
  cli_start_ms: number;
  /** Browser mode: from navigation to the first list rows, and from a click to the article, medians (null: not measured). */
  first_rows_ms: number | null;
  open_ms: number | null;
  like_p50_ms?: number;
  like_p95_ms?: number;
  /** An FTS5 table of the raw title and text, default tokenizer, the words as typed: best 20 and the total. */
  plain_fts_p50_ms?: number;
  plain_fts_p95_ms?: number;
  minisearch_p50_ms?: number;
  minisearch_p95_ms?: number;
  minisearch_heap_bytes?: number;
  minisearch_build_seconds?: number;
  slowest: { query: string; phases: Phases }[];
  phase_share: Record<'parse' | 'rank' | 'count' | 'snippet', number>;
}

async function benchSize(size: number, options: Options, log: (s: string) => void): Promise<SizeResult> {
  const files = ensureNewsFiles(DATA_DIR, Math.max(...options.sizes), log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sahifa-bench-${size}-`));
  const file = path.join(dir, 'library.sqlite');
  try {
    // Import, end to end.
    let library = Library.open(file);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const report = await importPaths(library, files.folders.slice(0, Math.ceil(size / 1000)));
    const importSeconds = (performance.now() - started) / 1000;
    const importCpu = process.cpuUsage(cpuStart);
    const importCpuSeconds = (importCpu.user + importCpu.system) / 1e6;
    library.close();
    log(`${size}: imported ${report.imported} (${report.duplicates} duplicates, ${report.failed.length} failures) in ${importSeconds.toFixed(1)} s`);

    // Size on disk, after folding the WAL back into the file.
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const libraryBytes = fileSize(file) + fileSize(`${file}-wal`);

    // Search, warm, with snippets and highlights for 20 hits.
    const queries = QUERIES.map((q) => q.query);
    const afterImport = memory();
    // As the app opens it: large searches rank on two threads.
    library = Library.open(file, { parallelSearch: true });
    // As the app does when its last import has ended (main/running-imports.ts whenIdle).
    library.releaseMemory();
    const before = memory();
    if (!(await library.parallelSearchReady())) log(`${size}: the search's second thread did not start; searching on one`);
    let peakRss = 0;
    const search = async (q: string) => {
      await library.searchInParallel(q, { limit: 20 });
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    };
    const ours = await latency(queries, options.runs, search);
    const shortQueries = QUERIES.filter(isShortQuery).map((q) => q.query);
    const short = await latency(shortQueries, options.runs, search, 0);
    const after = memory();
    library.close();
    // Read back after searching: decompressing every article is the benchmark's bookkeeping, not
    // something the app does, and what it leaves in this process's memory is not search's.
    let textBytes = 0;
    for (const rows of readArticles(file)) for (const r of rows) textBytes += Buffer.byteLength(r.title) + Buffer.byteLength(r.text);
    log(`${size}: search p50 ${ms(ours.p50)} p95 ${ms(ours.p95)} p99 ${ms(ours.p99)} max ${ms(ours.max)}`);

    // Where the time goes, phase by phase, for every query (median of the runs).
    const profiler = new SearchProfiler(file);
    const phases = QUERIES.map(({ query }) => {
      profiler.measure(query);
      const runs = Array.from({ length: options.runs }, () => profiler.measure(query)).sort((a, b) => a.total - b.total);
      return { query, phases: runs[Math.floor(runs.length / 2)]! };
    });
    profiler.close();

    // The command line and the interface on this library.
    const cli = cliStartTimes(file, 5).cli;
    log(`${size}: sahifa stats, cold start: median ${ms(median(cli))} (${cli.map(Math.round).join(', ')})`);
    const ui = options.ui ? await uiTimings(file, options.runs, log) : null;
    const sum = (k: keyof Phases) => phases.reduce((s, p) => s + p.phases[k], 0);
    const total = sum('total');
    const result: SizeResult = {
      articles: report.imported,
      import_seconds: round(importSeconds),
      import_articles_per_s: Math.round(report.imported / importSeconds),
      import_articles_per_cpu_s: Math.round(report.imported / importCpuSeconds),
      import_failures: report.failed.length,
      search_p50_ms: round(ours.p50),
      search_p95_ms: round(ours.p95),
      search_p99_ms: round(ours.p99),
      search_cpu_p50_ms: round(ours.cpuP50),
      search_cpu_p95_ms: round(ours.cpuP95),
      search_max_ms: round(ours.max),
      search_short_p95_ms: round(short.p95),
      search_heap_bytes: Math.max(0, after.heap - before.heap),
      search_rss_bytes: Math.max(0, after.rss - before.rss),
      rss_mb: Math.round(peakRss / 1e6),
      rss_before_search_mb: Math.round(before.rss / 1e6),
      rss_after_import_mb: Math.round(afterImport.rss / 1e6),
      library_bytes: libraryBytes,
      text_bytes: textBytes,
      cli_start_ms: summary(cli).median,
      first_rows_ms: ui === null ? null : Math.round(median(ui.firstRowsMs)),
      open_ms: ui === null || ui.openMs.length === 0 ? null : Math.round(median(ui.openMs)),
      slowest: [...phases].sort((a, b) => b.phases.total - a.phases.total).slice(0, 8),
      phase_share: {
        parse: round(sum('parse') / total),
        rank: round(sum('rank') / total),
        count: round(sum('count') / total),
        snippet: round(sum('snippet') / total),
      },
    };

    if (options.baselines) {
      const t = performance.now();
      const like = new LikeBaseline(dir, file);
      log(`${size}: LIKE table built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      like.search('zzzz'); // one full scan first, so the file is in the page cache
      const likeLatency = await latency(queries, 1, (q) => like.search(q), 0);
      like.close();
      result.like_p50_ms = round(likeLatency.p50);
      result.like_p95_ms = round(likeLatency.p95);
      log(`${size}: LIKE p95 ${ms(likeLatency.p95)}`);
      const t1 = performance.now();
      const plain = new PlainFtsBaseline(dir, file);
      log(`${size}: plain FTS5 table built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      const plainLatency = await latency(queries, options.runs, (q) => plain.search(q));
      plain.close();
      result.plain_fts_p50_ms = round(plainLatency.p50);
      result.plain_fts_p95_ms = round(plainLatency.p95);
      log(`${size}: plain FTS5 p95 ${ms(plainLatency.p95)}`);
    }
    if (options.baselines && size <= options.miniSearchMax) {
      const m0 = memory();
      const t0 = performance.now();
      let mini: MiniSearchBaseline | null = new MiniSearchBaseline(file);
      result.minisearch_build_seconds = round((performance.now() - t0) / 1000);
      const m1 = memory();
      const miniLatency = await latency(queries, options.runs, (q) => mini!.search(q));
      result.minisearch_p50_ms = round(miniLatency.p50);
      result.minisearch_p95_ms = round(miniLatency.p95);
      result.minisearch_heap_bytes = Math.max(0, m1.heap - m0.heap);
      mini = null;
      log(`${size}: MiniSearch p95 ${ms(miniLatency.p95)}, heap ${mb(result.minisearch_heap_bytes)}`);
    }
    return result;
  } finally {
    if (options.keep) log(`${size}: kept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** First rows and opening an article in the browser mode, built first if needed; null when it cannot run. */
async function uiTimings(file: string, runs: number, log: (s: string) => void): Promise<{ firstRowsMs: number[]; openMs: number[] } | null> {
  const build = spawnSync(process.execPath, [path.join(HERE, '..', 'scripts', 'build.mjs')], { stdio: 'ignore' });
  if (build.status !== 0) {
    log('the build failed: no interface timings (npm run build says why)');
    return null;
  }
  try {
    const times = await listAndOpenTimes(file, runs);
    log(`first rows ${times.firstRowsMs.map(Math.round).join(', ')} ms; open ${times.openError ?? `${times.openMs.map(Math.round).join(', ')} ms`}`);
    return times;
  } catch (error) {
    log(`no interface timings: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

function printTable(results: SizeResult[]): void {
  const rows: [string, (r: SizeResult) => string][] = [
    ['articles', (r) => String(r.articles)],
    ['import (articles/s, end to end; target ≥ 1,000 at 100k, ≥ 3,000 at 1M)', (r) => `${r.import_articles_per_s} (${r.import_seconds} s)`],
    ['import (articles per CPU-second)', (r) => String(r.import_articles_per_cpu_s)],
    ['search p50 (target ≤ 8 ms at 1M)', (r) => ms(r.search_p50_ms)],
    ['search p95 (target ≤ 20 ms at 100k, ≤ 30 ms at 1M)', (r) => ms(r.search_p95_ms)],
    ['search p99', (r) => ms(r.search_p99_ms)],
    ['search CPU time p50 / p95', (r) => `${ms(r.search_cpu_p50_ms)} / ${ms(r.search_cpu_p95_ms)}`],
    ['search p95, 1–2 word queries', (r) => ms(r.search_short_p95_ms)],
    ['search: JS heap / RSS growth', (r) => `${mb(r.search_heap_bytes)} / ${mb(r.search_rss_bytes)}`],
    ['process RSS while searching (target ≤ 400 MB) / before, after the import released / held', (r) => `${r.rss_mb} / ${r.rss_before_search_mb} / ${r.rss_after_import_mb} MB`],
    ['first list rows, browser mode (target ≤ 300 ms)', (r) => (r.first_rows_ms === null ? '-' : ms(r.first_rows_ms))],
    ['open an article, browser mode (target ≤ 30 ms)', (r) => (r.open_ms === null ? '-' : ms(r.open_ms))],
    ['sahifa stats, cold start (target ≤ 150 ms)', (r) => ms(r.cli_start_ms)],
    ['library on disk (file + WAL)', (r) => mb(r.library_bytes)],
    ['raw text (UTF-8 titles + texts)', (r) => mb(r.text_bytes)],
    ['library / raw text (target ≤ 1.5)', (r) => `${(r.library_bytes / r.text_bytes).toFixed(2)}×`],
    ['search time: snippet / rank / count share', (r) => `${pct(r.phase_share.snippet)} / ${pct(r.phase_share.rank)} / ${pct(r.phase_share.count)}`],
    ['LIKE p50 / p95 (× ours)', (r) => (r.like_p95_ms === undefined ? '-' : `${ms(r.like_p50_ms!)} / ${ms(r.like_p95_ms)} (${ratio(r.like_p95_ms, r.search_p95_ms)})`)],
    ['plain FTS5 p50 / p95 (× ours)', (r) => (r.plain_fts_p95_ms === undefined ? '-' : `${ms(r.plain_fts_p50_ms!)} / ${ms(r.plain_fts_p95_ms)} (${ratio(r.plain_fts_p95_ms, r.search_p95_ms)})`)],
    ['MiniSearch p50 / p95 (× ours)', (r) => (r.minisearch_p95_ms === undefined ? '-' : `${ms(r.minisearch_p50_ms!)} / ${ms(r.minisearch_p95_ms)} (${ratio(r.minisearch_p95_ms, r.search_p95_ms)})`)],
    // Our index lives in the file (SQLite's page cache is 2 MB): compare with the file, not the heap.
    ['MiniSearch heap (× our library file) / build', (r) => (r.minisearch_heap_bytes === undefined ? '-' : `${mb(r.minisearch_heap_bytes)} (${ratio(r.minisearch_heap_bytes, r.library_bytes)}) / ${r.minisearch_build_seconds} s`)],
  ];
  const header = ['measure', ...results.map((r) => `${r.articles} articles`)];
  const body = rows.map(([label, cell]) => [label, ...results.map(cell)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n'));
  const largest = results.at(-1);
  if (largest) {
    console.log(`\nSlowest queries at ${largest.articles} articles, replayed phase by phase on one thread (bench/search-phases.ts; median of runs; ms): total = parse + rank + count + snippet; matches`);
    for (const { query, phases: p } of largest.slowest) {
      console.log(`  ${query.padEnd(28)} ${p.total.toFixed(1).padStart(6)} = ${p.parse.toFixed(1)} + ${p.rank.toFixed(1)} + ${p.count.toFixed(1)} + ${p.snippet.toFixed(1)}; ${p.matches}`);
    }
  }
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (s: string) => console.log(s);
  // Other processes on a 2-core machine skew every figure: say how busy it was.
  const load = () => os.loadavg()[0]!.toFixed(1);
  console.log(`Sahifa benchmark: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, sizes ${options.sizes.join(', ')}, ${options.runs} runs per query, load average ${load()}`);
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options, log));
  printTable(results);
  let refresh: RefreshFigures | null = null;
  if (options.refreshFeeds > 0) {
    refresh = await benchRefresh({ feeds: options.refreshFeeds, items: 50, hosts: 10 }, log);
    console.log(`refresh of ${refresh.feeds} feeds × ${refresh.items} items: first ${refresh.refresh_first_s} s (target ≤ 20 s), unchanged ${refresh.refresh_unchanged_s} s (target ≤ 2 s), main thread late by ${refresh.refresh_main_thread_max_block_ms} ms at most (target ≤ 50 ms)`);
  }
  console.log(`\nload average at the end: ${load()} (on ${os.cpus().length} cores)`);
  const largest = results.at(-1);
  if (options.json && largest) {
    const { slowest: _slowest, ...figures } = largest;
    const subscriptions = refresh
      ? { refresh_first_s: refresh.refresh_first_s, refresh_first_cpu_s: refresh.refresh_first_cpu_s, refresh_unchanged_s: refresh.refresh_unchanged_s, refresh_main_thread_max_block_ms: refresh.refresh_main_thread_max_block_ms, refresh_feeds: refresh.feeds }
      : {};
    console.log(JSON.stringify({ ...figures, ...subscriptions, load_average: Number(load()) }));
  }
}

if (gc === undefined) {
  // Memory figures need a collector we can call: re-run under node --expose-gc with tsx as loader.
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
} else {
  await main();
}
