/**
 * Timings of the interface in the browser mode and Chromium, shared by bench/ui.ts and the main
 * benchmark (bench/run.ts), which measures them on the library it imported.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions, startBrowserMode, stopChild } from '../tests/e2e/browser-mode';

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ms from navigation start to the first row on screen, read in the page itself. */
export async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const pane = document.querySelector('sahifa-app')?.shadowRoot?.querySelector('sahifa-list-pane')?.shadowRoot;
      const row = pane?.querySelector('sahifa-article-list')?.shadowRoot?.querySelector('button.row');
      return row ? performance.now() : null;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** ms from a click on list row `index` to its article's title in the reader. */
export async function openTime(page: Page, index: number): Promise<number> {
  return page.evaluate(async (rowIndex) => {
    // Explicit paths through the shadow roots: a helper function here would need esbuild's __name.
    const app = document.querySelector('sahifa-app')!.shadowRoot!;
    const list = app.querySelector('sahifa-list-pane')!.shadowRoot!.querySelector('sahifa-article-list')!.shadowRoot!;
    const row = list.querySelector<HTMLElement>(`button.row[data-index="${rowIndex}"]`)!;
    const id = row.dataset.id;
    const started = performance.now();
    row.click();
    while (performance.now() - started < 10_000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const body = app.querySelector('sahifa-article-reader')?.shadowRoot?.querySelector('sahifa-article-body')?.shadowRoot;
      const article = body?.querySelector('article');
      if (article && article.getAttribute('data-id') === id && article.querySelector('h1')) return performance.now() - started;
    }
    throw new Error(`article ${id} did not open within 10 s`);
  }, index);
}

/** Waits until the list shows row `index` (after a reload). */
export async function rowShown(page: Page, index: number): Promise<void> {
  await page.waitForFunction(
    (rowIndex) =>
      document
        .querySelector('sahifa-app')
        ?.shadowRoot?.querySelector('sahifa-list-pane')
        ?.shadowRoot?.querySelector('sahifa-article-list')
        ?.shadowRoot?.querySelector(`button.row[data-index="${rowIndex}"]`),
    index,
  );
}

/**
 * On a library file (the browser mode must be built): the median time to the first list rows over
 * `runs` loads after a warm-up load, and to an article open in the reader over `runs` clicks.
 */
export async function listAndOpenTimes(file: string, runs: number): Promise<{ firstRowsMs: number[]; openMs: number[]; openError?: string }> {
  const server = await startBrowserMode(file);
  const browser = await chromium.launch(chromiumLaunchOptions([]));
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar' })).newPage();
    const firstRowsMs: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const ms = await firstRows(page, server.url);
      if (run > 0) firstRowsMs.push(ms); // the first load warms the server's and Chromium's caches
    }
    await rowShown(page, 5);
    const openMs: number[] = [];
    try {
      for (let run = 0; run < runs; run++) openMs.push(await openTime(page, run % 5));
    } catch (error) {
      // The first rows stand on their own; say why there is no opening time.
      return { firstRowsMs, openMs: [], openError: (error as Error).message.split('\n')[0] };
    }
    return { firstRowsMs, openMs };
  } finally {
    await browser.close();
    await stopChild(server.child);
  }
}
