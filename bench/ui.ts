/**
 * The interface on a 100k-article library, in the browser mode and Chromium (not a test):
 *
 *   first rows  from navigation start to the first rendered list rows (page load, bridge, settings,
 *               first page of 50 from the main process), median of --runs reloads
 *   memory      renderer JS heap (CDP Performance.getMetrics JSHeapUsedSize, after a forced GC)
 *               after the first rows and after every 2,500 rows scrolled, to 10,000
 *   open        from a click on a row to the article's title in the reader, median of --runs
 *   highlights  from a click on a row to 500 highlights drawn in a long article (~26k characters;
 *               its own small library), median of --runs (target < 100 ms), and the renderer's
 *               main-thread work for it (CDP TaskDuration, LayoutDuration and LayoutCount)
 *
 *   npx tsx bench/ui.ts [--articles 100000 | --library FILE] [--runs 5] [--json] [--highlights-only]
 *
 * --library measures an existing library (a million articles imported once, say) instead of
 * building one; the browser mode opens it as the app would, migrations included.
 *
 * Needs a build (node scripts/build.mjs), /usr/bin/chromium and ../shared/corpus. The library is
 * built once (Library.addArticles with real news from tests/fixtures/corpus.ts, repeated with
 * varied titles, URLs and dates) and kept in bench/.data/ui-<n>.sqlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions, startBrowserMode, stopChild } from '../tests/e2e/browser-mode';
import { Library } from '../main/library/library';
import { newsArticles } from '../tests/fixtures/corpus';
import { buildRepeatedNewsLibrary, newsArticle } from './corpora';
import { firstRows, median, openTime, rowShown } from './ui-timings';

const root = process.cwd();
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    library: { type: 'string' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    'highlights-only': { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const ROW_HEIGHT = 118;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

/** Scrolls the list down `rows` rows, 25 at a time, letting each step render and load its page. */
async function scrollRows(page: Page, rows: number): Promise<void> {
  await page.evaluate(
    async ({ rows: count, rowHeight }) => {
      const list = document.querySelector('sahifa-app')!.shadowRoot!.querySelector('sahifa-list-pane')!.shadowRoot!.querySelector('sahifa-article-list')!.shadowRoot!;
      const scroller = list.querySelector<HTMLElement>('.scroller')!;
      // No named helpers in here: tsx would wrap them in a __name() the page does not have.
      for (let done = 0; done < count; done += 25) {
        scroller.scrollTop += 25 * rowHeight;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      // Until the rows in view are real rows, not placeholders.
      for (let i = 0; i < 200 && list.querySelector('.placeholder'); i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    },
    { rows, rowHeight: ROW_HEIGHT },
  );
}

const HIGHLIGHTS = 500;

/** A small library whose newest article is long (twenty news texts) and has HIGHLIGHTS highlights. */
function buildHighlightedLibrary(file: string): void {
  if (fs.existsSync(file)) return;
  const library = Library.open(`${file}.partial`);
  const news = newsArticles(60).map(newsArticle);
  library.addArticles(news.slice(20));
  const text = news.slice(0, 20).map((a) => a.text).join('\n\n');
  const [id] = library.addArticles([{ ...news[0]!, url: 'https://example.com/long', title: 'مقالة طويلة مظللة', text, published: '2030-01-01T00:00:00Z' }]).ids;
  const colours = ['yellow', 'green', 'blue', 'pink'] as const;
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const start = Math.floor((i * (text.length - 40)) / HIGHLIGHTS);
    library.highlights.add(id!, { start, end: start + 40, color: colours[i % 4], note: i % 10 === 0 ? `ملاحظة ${i}` : null });
  }
  library.close();
  fs.renameSync(`${file}.partial`, file);
}

/** The renderer's main-thread time so far (CDP Performance metrics, in ms): all tasks, layout, style. */
async function mainThreadMs(cdp: CDPSession): Promise<{ task: number; layout: number; layouts: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: value('TaskDuration') * 1000, layout: value('LayoutDuration') * 1000, layouts: value('LayoutCount') };
}

interface HighlightedOpen {
  /** From the click on the first row to its article drawn with all its highlights. */
  ms: number;
  /** The renderer's main-thread work for it (until 200 ms after): less swayed by other processes than the wall time. */
  taskMs: number;
  layoutMs: number;
  layouts: number;
}

async function openHighlighted(page: Page, cdp: CDPSession): Promise<HighlightedOpen> {
  // Another article first, so that the highlighted one is opened afresh.
  await page.evaluate(async () => {
    // Explicit paths through the shadow roots: a helper function here would need esbuild's __name.
    const app = document.querySelector('sahifa-app')!.shadowRoot!;
    app.querySelector('sahifa-list-pane')!.shadowRoot!.querySelector('sahifa-article-list')!.shadowRoot!.querySelectorAll<HTMLElement>('button.row')[1]!.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  const before = await mainThreadMs(cdp);
  const ms = await page.evaluate(async (count) => {
    const app = document.querySelector('sahifa-app')!.shadowRoot!;
    const row = app.querySelector('sahifa-list-pane')!.shadowRoot!.querySelector('sahifa-article-list')!.shadowRoot!.querySelectorAll<HTMLElement>('button.row')[0]!;
    const body = app.querySelector('sahifa-article-reader')!.shadowRoot!.querySelector('sahifa-article-body')!;
    const started = performance.now();
    row.click();
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const ids = new Set([...(body.shadowRoot?.querySelectorAll<HTMLElement>('mark.reader-highlight') ?? [])].map((m) => m.dataset['highlight']));
      if (ids.size >= count) return performance.now() - started;
    }
  }, HIGHLIGHTS);
  await page.waitForTimeout(200);
  const after = await mainThreadMs(cdp);
  return { ms, taskMs: after.task - before.task, layoutMs: after.layout - before.layout, layouts: after.layouts - before.layouts };
}

interface HighlightsResult {
  median: number;
  runs: number[];
  /** Medians of the main-thread work per open. */
  mainThreadMs: { task: number; layout: number };
  /** Layouts per open (median): a count, which load on the machine does not change. */
  layouts: number;
}

async function highlightsBench(): Promise<HighlightsResult> {
  const file = path.join(root, 'bench', '.data', `ui-highlights-${HIGHLIGHTS}.sqlite`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  buildHighlightedLibrary(file);
  const server = await startBrowserMode(file);
  const browser = await chromium.launch(chromiumLaunchOptions([]));
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar' })).newPage();
    await page.goto(server.url);
    await page.locator('button.row').nth(1).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await openHighlighted(page, cdp); // warm-up
    const runs: HighlightedOpen[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await openHighlighted(page, cdp));
    return {
      layouts: median(runs.map((r) => r.layouts)),
      median: Math.round(median(runs.map((r) => r.ms))),
      runs: runs.map((r) => Math.round(r.ms)),
      mainThreadMs: { task: Math.round(median(runs.map((r) => r.taskMs))), layout: Math.round(median(runs.map((r) => r.layoutMs))) },
    };
  } finally {
    await browser.close();
    await stopChild(server.child);
  }
}

const describeHighlights = (h: HighlightsResult): string =>
  `median ${h.median} ms (${h.runs.join(', ')}); main thread per open: median ${h.mainThreadMs.task} ms, of which layout ${h.mainThreadMs.layout} ms (${h.layouts} layouts)`;

async function main(): Promise<void> {
  if (values['highlights-only']) {
    const highlights = await highlightsBench();
    if (values.json) console.log(JSON.stringify({ openWith500HighlightsMs: highlights }));
    else console.log(`ui bench: open an article with ${HIGHLIGHTS} highlights: ${describeHighlights(highlights)}`);
    return;
  }
  let file = values.library;
  if (file === undefined) {
    file = path.join(root, 'bench', '.data', `ui-${ARTICLES}.sqlite`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    buildRepeatedNewsLibrary(file, ARTICLES);
  }
  const server = await startBrowserMode(file);
  const browser = await chromium.launch(chromiumLaunchOptions(['--enable-precise-memory-info']));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
    const page = await context.newPage();
    const first: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const ms = await firstRows(page, server.url);
      if (run > 0) first.push(ms); // the first load warms the server's and Chromium's caches
    }
    const memory: { rows: number; mb: number }[] = [{ rows: 0, mb: await heapMb(page) }];
    for (let rows = 2_500; rows <= 10_000; rows += 2_500) {
      await scrollRows(page, 2_500);
      memory.push({ rows, mb: await heapMb(page) });
    }
    const open: number[] = [];
    await page.reload();
    await rowShown(page, 5);
    for (let run = 0; run < RUNS; run++) open.push(await openTime(page, run % 5));

    const highlights = await highlightsBench();
    const result = {
      library: values.library ?? `${ARTICLES} articles, built`,
      openWith500HighlightsMs: highlights,
      firstRowsMs: { median: Math.round(median(first)), runs: first.map(Math.round) },
      heapMb: memory.map(({ rows, mb }) => ({ rows, mb: Math.round(mb * 10) / 10 })),
      openMs: { median: Math.round(median(open)), runs: open.map(Math.round) },
    };
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(`ui bench: ${result.library}`);
      console.log(`  first rows after load: median ${result.firstRowsMs.median} ms (${result.firstRowsMs.runs.join(', ')})`);
      console.log(`  renderer JS heap while scrolling: ${result.heapMb.map((m) => `${m.rows} rows ${m.mb} MB`).join(', ')}`);
      console.log(`  open an article: median ${result.openMs.median} ms (${result.openMs.runs.join(', ')})`);
      console.log(`  open an article with ${HIGHLIGHTS} highlights: ${describeHighlights(highlights)}`);
    }
  } finally {
    await browser.close();
    await stopChild(server.child);
  }
}

main().catch((error: unknown) => {
  console.error(`ui bench: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
