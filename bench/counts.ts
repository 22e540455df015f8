/**
 * The sidebar's counts after a change (not a test): what the app asks for when something changed —
 * `stats` (every article, the bookmarks), `listTags`, `listSources`, the unread count, the feeds
 * with their counts (`listFeeds`) — and the first page of the list, timed right after each kind of
 * change a reader makes.
 *
 *   npx tsx bench/counts.ts --library FILE [--runs 20] [--json]   on an existing library (left as it
 *                                                                  was: every change is undone)
 *   npx tsx bench/counts.ts --articles 10000 [--runs 20]          builds one from the bench's news
 *                                                                  files in a temporary folder
 *
 * Reports the median and the 95th percentile of each call and of all of them together (the
 * sidebar's refresh) over the runs. Target at 1,000,000 articles: ≤ 50 ms for the refresh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importPaths } from '../main/import/importer';
import { Library } from '../main/library/library';
import { ensureNewsFiles } from './news-files';

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

async function openLibrary(): Promise<{ library: Library; cleanup: () => void }> {
  if (values.library) return { library: Library.open(values.library), cleanup: () => undefined };
  const size = Number(values.articles);
  const files = ensureNewsFiles(DATA_DIR, size <= 100_000 ? 100_000 : 1_000_000, (s) => console.error(s));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-counts-'));
  const library = Library.open(path.join(dir, 'library.sqlite'));
  await importPaths(library, files.folders.slice(0, Math.ceil(size / 1000)));
  return { library, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The sidebar's refresh, call by call, as the renderer's library-facets and list-query ask for it. */
const CALLS: Record<string, (library: Library) => unknown> = {
  stats: (library) => library.stats(),
  tags: (library) => library.tags(),
  sources: (library) => library.sources(),
  unread: (library) => library.list({ unread: true, limit: 1 }).total,
  firstPage: (library) => library.list({ limit: 50 }),
  // The subscriptions tree: every feed with its articles and unread ones (feeds controller's listFeeds).
  feeds: (library) => library.feeds().list(),
};

async function main(): Promise<void> {
  const { library, cleanup } = await openLibrary();
  try {
    const newest = library.list({ limit: RUNS + 1 }).items.map((a) => a.id);
    // Each kind of change a reader makes, undone right after so the library ends as it began.
    const changes: Record<string, (id: number) => () => void> = {
      'mark read': (id) => {
        library.saveReading(id, { read: true });
        return () => library.saveReading(id, { read: false });
      },
      'add a tag': (id) => {
        const before = library.annotations(id).tags;
        library.setTags(id, [...before, 'قياس']);
        return () => library.setTags(id, before);
      },
      'bookmark': (id) => {
        library.setBookmarked(id, true);
        return () => library.setBookmarked(id, false);
      },
      'delete': (id) => {
        library.deleteArticle(id);
        return () => library.restoreArticle(id);
      },
    };
    const times = new Map<string, number[]>(Object.keys(CALLS).map((k) => [k, []]));
    const refresh: number[] = [];
    const started = performance.now();
    for (let run = 0; run < RUNS; run++) {
      for (const [, change] of Object.entries(changes)) {
        const undo = change(newest[run % newest.length]!);
        let sum = 0;
        for (const [name, call] of Object.entries(CALLS)) {
          const t = performance.now();
          call(library);
          const elapsed = performance.now() - t;
          times.get(name)!.push(elapsed);
          sum += elapsed;
        }
        refresh.push(sum);
        undo();
      }
    }
    const articles = library.stats().articles;
    const figures = {
      articles,
      runs: refresh.length,
      refresh_p50_ms: round(percentile(refresh, 0.5)),
      refresh_p95_ms: round(percentile(refresh, 0.95)),
      ...Object.fromEntries([...times].map(([name, xs]) => [`${name}_p50_ms`, round(percentile(xs, 0.5))])),
      load: os.loadavg().map(round),
    };
    if (values.json) console.log(JSON.stringify(figures));
    else {
      console.log(`${articles} articles, ${refresh.length} changes (${Object.keys(changes).join(', ')}), ${((performance.now() - started) / 1000).toFixed(1)} s`);
      console.log(`sidebar refresh after a change: p50 ${figures.refresh_p50_ms} ms, p95 ${figures.refresh_p95_ms} ms`);
      for (const [name, xs] of times) console.log(`  ${name.padEnd(10)} p50 ${round(percentile(xs, 0.5))} ms  p95 ${round(percentile(xs, 0.95))} ms`);
      console.log(`load average ${figures.load.join(' ')}`);
    }
  } finally {
    library.close();
    cleanup();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

await main();
