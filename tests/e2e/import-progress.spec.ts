/**
 * A long import shows its progress in the window (a bar with "done / total — file") and can be
 * cancelled: what was imported before the cancel stays, and the window says how much.
 * The imports are started through the API (window.sahifa.importPaths), as a drop or the file
 * dialog would in the desktop app; the window follows them through main's events.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ImportReport, LibraryStats } from '../../common';
import { newsArticles } from '../fixtures/corpus';
import { expect, test } from './fixtures';

const arabicNumber = (n: number): string => new Intl.NumberFormat('ar-EG-u-nu-arab').format(n);

let dir: string;

/** A folder of real news articles as .txt files, each one different. */
function articleFolder(name: string, count: number): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  newsArticles(count).forEach((article, i) => {
    fs.writeFileSync(path.join(folder, `${String(i + 1).padStart(5, '0')}.txt`), `${article.title}\n\n${article.content}\n\n(${i + 1})\n`);
  });
  return folder;
}

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-e2e-progress-'));
});

test.afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type WindowWithApi = Window & {
  sahifa: { importPaths(input: { paths: string[] }): Promise<ImportReport>; stats(input: object): Promise<LibraryStats> };
  progressSeen?: { now: number; max: number }[];
};

const stats = (page: Page): Promise<LibraryStats> => page.evaluate(() => (window as unknown as WindowWithApi).sahifa.stats({}));

/** Records every value the progress bar shows, frame by frame, until the page goes away. */
async function recordProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as WindowWithApi;
    const seen: { now: number; max: number }[] = [];
    w.progressSeen = seen;
    const look = (): void => {
      const bar = document
        .querySelector('sahifa-app')
        ?.shadowRoot?.querySelector('sahifa-import-progress')
        ?.shadowRoot?.querySelector('[role=progressbar][aria-valuenow]');
      if (bar) {
        const now = Number(bar.getAttribute('aria-valuenow'));
        const max = Number(bar.getAttribute('aria-valuemax'));
        if (seen.at(-1)?.now !== now) seen.push({ now, max });
      }
      requestAnimationFrame(look);
    };
    look();
  });
}

test('a folder import shows a moving progress bar, then the report, and the list has the articles', async ({ page }) => {
  const folder = articleFolder('five-hundred', 500);
  const before = await stats(page);
  await recordProgressBar(page);

  const importing = page.evaluate((paths) => (window as unknown as WindowWithApi).sahifa.importPaths({ paths }), [folder]);
  const bar = page.locator('sahifa-import-progress [role=progressbar]');
  await expect(bar).toHaveAttribute('aria-valuemax', '500');
  await expect(page.locator('sahifa-import-progress .count')).toContainText(`/ ${arabicNumber(500)}`);
  await expect(page.locator('sahifa-import-progress .file')).toHaveText(/^\d{5}\.txt$/);

  const report = await importing;
  expect(report).toMatchObject({ imported: 500, cancelled: false, failed: [] });
  await expect(page.locator('sahifa-import-toast .summary')).toHaveText(`تم استيراد ${arabicNumber(500)} مقالة`);
  await expect(bar).toHaveCount(0);

  const seen = await page.evaluate(() => (window as unknown as WindowWithApi).progressSeen ?? []);
  expect(seen.length, `values seen: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
  expect(seen.every((value) => value.max === 500 && value.now >= 1 && value.now <= 500)).toBe(true);
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.now).toBeGreaterThan(seen[i - 1]!.now);

  // The list refreshed by itself (library-changed): no reload.
  const after = before.articles + 500;
  expect((await stats(page)).articles).toBe(after);
  await expect(page.locator('.list-header .count')).toContainText(arabicNumber(after));
});

test('cancelling keeps what was imported, and the window says how much', async ({ page }) => {
  const folder = articleFolder('fifteen-hundred', 1500);
  const before = await stats(page);

  const importing = page.evaluate((paths) => (window as unknown as WindowWithApi).sahifa.importPaths({ paths }), [folder]);
  const bar = page.locator('sahifa-import-progress [role=progressbar]');
  await expect(bar).toHaveAttribute('aria-valuemax', '1500');
  // Far enough for a few batches to be in the library, far from the end.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(50);
  await page.locator('sahifa-import-progress button.cancel').click();

  const report = await importing;
  expect(report.cancelled).toBe(true);
  expect(report.imported).toBeGreaterThanOrEqual(50);
  expect(report.imported).toBeLessThan(1500);
  const toast = page.locator('sahifa-import-toast .summary');
  await expect(toast).toContainText('أُلغي الاستيراد؛ حُفظ ما استورد قبل الإلغاء:');
  await expect(toast).toContainText(arabicNumber(report.imported));
  await expect(bar).toHaveCount(0);

  const after = before.articles + report.imported;
  expect((await stats(page)).articles).toBe(after);
  await expect(page.locator('.list-header .count')).toContainText(arabicNumber(after));
});
