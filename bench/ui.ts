/**
 * The interface on a 100k-article library, in the browser mode and Chromium (not a test):
 *
 *   first rows  from navigation start to the first rendered list rows (page load, bridge, settings,
 *               first page of 50 from the main process), median of --runs reloads
 *   memory      renderer JS heap (CDP Performance.getMetrics JSHeapUsedSize, after a forced GC)
 *               after the first rows and after every 2,500 rows scrolled, to 10,000
 *   open        from a click on a row to the article's title in the reader, median of --runs
 *
 *   npx tsx bench/ui.ts [--articles 100000] [--runs 5] [--json]
 *
 * Needs a build (node scripts/build.mjs), /usr/bin/chromium and ../shared/corpus. The library is
 * built once (Library.addArticles with real news from tests/fixtures/corpus.ts, repeated with
 * varied titles, URLs and dates) and kept in bench/.data/ui-<n>.sqlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions, startBrowserMode, stopChild } from '../tests/e2e/browser-mode';
import { buildRepeatedNewsLibrary } from './corpora';

const root = process.cwd();
const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const ROW_HEIGHT = 118;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ms from navigation start to the first row on screen, read in the page itself. */
async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const app = document.querySelector('sahifa-app')?.shadowRoot;
      const row = app?.querySelector('sahifa-article-list')?.shadowRoot?.querySelector('button.row');
      return row ? performance.now() : null;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

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
      const list = document.querySelector('sahifa-app')!.shadowRoot!.querySelector('sahifa-article-list')!.shadowRoot!;
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

async function openTime(page: Page, index: number): Promise<number> {
  return page.evaluate(async (rowIndex) => {
    const app = document.querySelector('sahifa-app')!.shadowRoot!;
    const row = app.querySelector('sahifa-article-list')!.shadowRoot!.querySelector<HTMLElement>(`button.row[data-index="${rowIndex}"]`)!;
    const id = row.dataset.id;
    const started = performance.now();
    row.click();
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const article = app.querySelector('sahifa-article-reader')?.shadowRoot?.querySelector('article');
      if (article && article.getAttribute('data-id') === id && article.querySelector('h1')) return performance.now() - started;
    }
  }, index);
}

async function main(): Promise<void> {
  const file = path.join(root, 'bench', '.data', `ui-${ARTICLES}.sqlite`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  buildRepeatedNewsLibrary(file, ARTICLES);
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
    await page.waitForFunction(() => document.querySelector('sahifa-app')?.shadowRoot?.querySelector('sahifa-article-list')?.shadowRoot?.querySelector('button.row[data-index="5"]'));
    for (let run = 0; run < RUNS; run++) open.push(await openTime(page, run % 5));

    const result = {
      articles: ARTICLES,
      firstRowsMs: { median: Math.round(median(first)), runs: first.map(Math.round) },
      heapMb: memory.map(({ rows, mb }) => ({ rows, mb: Math.round(mb * 10) / 10 })),
      openMs: { median: Math.round(median(open)), runs: open.map(Math.round) },
    };
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(`ui bench: ${ARTICLES} articles`);
      console.log(`  first rows after load: median ${result.firstRowsMs.median} ms (${result.firstRowsMs.runs.join(', ')})`);
      console.log(`  renderer JS heap while scrolling: ${result.heapMb.map((m) => `${m.rows} rows ${m.mb} MB`).join(', ')}`);
      console.log(`  open an article: median ${result.openMs.median} ms (${result.openMs.runs.join(', ')})`);
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
