/**
 * A library far longer than the window: the list is virtualized (only the rows in view exist)
 * and fetched a page at a time as the reader scrolls, never whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';

const ARTICLES = 600;
const corpusZip = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'saudinewsnet', '2015-07-21.zip');

interface CorpusArticle {
  title: string;
  content: string;
}

function corpusFiles(count: number): { name: string; base64: string }[] {
  const json = Object.values(unzipSync(fs.readFileSync(corpusZip)))[0]!;
  const articles = (JSON.parse(strFromU8(json)) as CorpusArticle[]).filter((a) => a.title.trim() !== '' && a.content.trim() !== '');
  return articles.slice(0, count).map((article, i) => ({
    name: `article-${i}.txt`,
    base64: Buffer.from(`${article.title.trim()}\n\n${article.content}`, 'utf8').toString('base64'),
  }));
}

test('a long library is listed a page at a time, with only the visible rows in the page', async ({ app, page }) => {
  test.setTimeout(120_000);
  const files = corpusFiles(ARTICLES);
  const report = await page.evaluate(
    (batch) =>
      (window as unknown as { sahifa: { importFileData(input: unknown): Promise<{ imported: number; duplicates: number }> } }).sahifa.importFileData({
        files: batch,
      }),
    files,
  );
  const total = 2 + report.imported;
  expect(report.imported).toBeGreaterThan(ARTICLES * 0.9);

  const listCalls: { offset: number; limit: number }[] = [];
  if (app.shell === 'browser') {
    page.on('request', (request) => {
      if (request.url().endsWith('/api/listArticles')) listCalls.push(request.postDataJSON() as { offset: number; limit: number });
    });
  }
  await page.reload();
  // From its first frame the list is as long as all its rows (the virtualizer is told their
  // height, not left to guess 100 px until it has measured one): a reader who drags the scrollbar
  // at once aims at the right place.
  const firstFrame = await page.evaluate(async () => {
    const deepQuery = (root: ParentNode, selector: string): HTMLElement | null =>
      root.querySelector<HTMLElement>(selector) ??
      [...root.querySelectorAll('*')].reduce<HTMLElement | null>((found, element) => found ?? (element.shadowRoot ? deepQuery(element.shadowRoot, selector) : null), null);
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const scroller = deepQuery(document, 'sahifa-article-list')?.shadowRoot?.querySelector<HTMLElement>('.scroller');
      const row = scroller?.querySelector<HTMLElement>('.item');
      if (scroller && row) return { listHeight: scroller.scrollHeight, rowHeight: row.getBoundingClientRect().height };
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error('no row of the list showed within 10 s');
  });
  expect(firstFrame.listHeight).toBeGreaterThanOrEqual(total * firstFrame.rowHeight);

  const count = page.locator('.list-header .count');
  await expect(count).toHaveText(`${new Intl.NumberFormat('ar-EG-u-nu-arab').format(total)} مقالة`);
  const rows = page.locator('sahifa-article-list .item');
  expect(await rows.count()).toBeLessThan(40);

  // To the end: the last row arrives (its page fetched on demand), still only a window of rows.
  // Like a reader, scroll again if the list was still settling its first rows when the jump came.
  const scroller = page.locator('sahifa-article-list .scroller');
  const lastRow = page.locator(`button.row[data-index="${total - 1}"]`);
  await expect(async () => {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(lastRow).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  expect(await rows.count()).toBeLessThan(40);

  if (app.shell === 'browser') {
    expect(listCalls.length).toBeGreaterThanOrEqual(2);
    for (const call of listCalls) expect(call.limit).toBeLessThanOrEqual(50);
    // The middle of the library was never asked for: scrolling jumped over it.
    const fetched = listCalls.reduce((sum, call) => sum + call.limit, 0);
    expect(fetched).toBeLessThan(total);
  }

  // And a row from there opens like any other.
  await page.locator(`button.row[data-index="${total - 1}"]`).click();
  await expect(page.locator('sahifa-article-reader article h1')).not.toBeEmpty();
});
