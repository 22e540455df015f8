/**
 * Search latency on an existing library (not a test): the 61 queries of bench/queries.ts searched as
 * the app searches (`searchInParallel(q, {limit: 20})`: the rank helper's second thread, the total,
 * snippets and highlights of 20 hits), warm, each `--runs` times, as bench/run.ts measures them —
 * without building the library again, which at a million articles takes most of an hour.
 *
 *   npx tsx bench/search-latency.ts --library FILE [--runs 5] [--json] [--sort date] [--window N]
 *
 * --window: how many of the most recently added matches a query matching more than 20,000 ranks
 * (main/library/search.ts RELEVANCE_WINDOW), to weigh its cost.
 *
 * Prints wall-time p50/p95/p99, CPU time (this process, both threads) p50/p95, the slowest queries
 * with their match counts and where one thread's time goes (bench/search-phases.ts), the RSS after
 * searching, and the load average before and after (the machine is shared: say so with figures).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Library, RELEVANCE_WINDOW } from '../main/library/library';
import { QUERIES } from './queries';
import { SearchProfiler } from './search-phases';

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    sort: { type: 'string', default: 'relevance' },
    window: { type: 'string' },
  },
});
if (!values.library) throw new Error('--library FILE is required');
const RUNS = Number(values.runs);
const sort = values.sort === 'date' ? 'date' : 'relevance';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const library = Library.open(values.library!, { parallelSearch: true, ...(values.window ? { relevanceWindow: Number(values.window) } : {}) });
  const helper = await library.parallelSearchReady();
  const wall: number[] = [];
  const cpu: number[] = [];
  const perQuery: { query: string; ms: number; total: number }[] = [];
  for (const { query } of QUERIES) {
    await library.searchInParallel(query, { limit: 20, sort });
    const mine: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      total = (await library.searchInParallel(query, { limit: 20, sort })).total;
      mine.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    mine.sort((a, b) => a - b);
    wall.push(...mine);
    perQuery.push({ query, ms: percentile(mine, 0.5), total });
  }
  const rssMb = process.memoryUsage().rss / 1e6;
  const articles = library.stats().articles;
  library.close();
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 8);
  const profiler = new SearchProfiler(values.library!);
  const phases = slowest.map(({ query }) => {
    profiler.measure(query);
    return { query, phases: profiler.measure(query) };
  });
  profiler.close();
  const figures = {
    articles,
    sort,
    window: values.window ? Number(values.window) : RELEVANCE_WINDOW,
    second_thread: helper,
    search_p50_ms: round(percentile(wall, 0.5)),
    search_p95_ms: round(percentile(wall, 0.95)),
    search_p99_ms: round(percentile(wall, 0.99)),
    search_cpu_p50_ms: round(percentile(cpu, 0.5)),
    search_cpu_p95_ms: round(percentile(cpu, 0.95)),
    rss_mb: Math.round(rssMb),
    load_before: loadBefore.map(round),
    load_after: os.loadavg().map(round),
  };
  if (values.json) {
    console.log(
      JSON.stringify({
        ...figures,
        slowest: slowest.map((s, i) => ({ ...s, ms: round(s.ms), phases: phases[i]!.phases })),
        per_query: perQuery.map((q) => ({ ...q, ms: round(q.ms) })),
      }),
    );
    return;
  }
  console.log(JSON.stringify(figures, null, 1));
  console.log('\nslowest (median ms, matches; one thread: rank, count, snippets):');
  slowest.forEach(({ query, ms, total }, i) => {
    const p = phases[i]!.phases;
    console.log(`  ${query}\t${round(ms)} ms\t${total}\t${round(p.rank)} / ${round(p.count)} / ${round(p.snippet)}`);
  });
}

await main();
