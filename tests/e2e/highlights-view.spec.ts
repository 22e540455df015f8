/**
 * The highlights view, in Chromium: passages highlighted in two articles show there newest first
 * with their notes and articles; the colour narrows them; choosing one opens its article scrolled
 * to it; with none, the view says how to highlight; axe finds nothing serious, in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

interface ArticleSummary {
  id: number;
  title: string;
}

interface ArticleText {
  id: number;
  title: string;
  text: string;
}

interface Highlight {
  id: string;
  quote: string;
}

const reader = (page: Page) => page.locator('sahifa-article-reader');
const pane = (page: Page) => page.locator('sahifa-highlights-pane');
const rows = (page: Page) => pane(page).locator('button.row');

async function showHighlights(page: Page): Promise<void> {
  await page.locator('sahifa-sidebar').getByRole('button', { name: 'التظليلات' }).click();
  await expect(pane(page).getByRole('heading', { name: 'التظليلات' })).toBeVisible();
}

/** The two longest articles of the first-run samples: the second one's highlight is far down its text. */
async function twoArticles(page: Page): Promise<[ArticleText, ArticleText]> {
  const { items } = await api<{ items: ArticleSummary[] }>(page, 'listArticles', { limit: 50 });
  const texts = await Promise.all(items.map((item) => api<ArticleText>(page, 'getArticle', { id: item.id })));
  texts.sort((a, b) => b.text.length - a.text.length);
  return [texts[1]!, texts[0]!];
}

/** [start, end) of a run of words around `at` (a fraction of the text), away from its edges. */
function passage(text: string, at: number, length = 40): { start: number; end: number } {
  let start = Math.floor(text.length * at);
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = Math.min(text.length, start + length);
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return { start, end };
}

test('highlights in two articles show newest first with their notes; the colour narrows them; choosing one opens it in view', async ({ page }) => {
  const [first, second] = await twoArticles(page);
  const older = await api<Highlight>(page, 'addHighlight', { article: first.id, ...passage(first.text, 0.1), color: 'green', note: 'ملاحظة على الأول' });
  // Created a moment later: the newer of the two.
  await page.waitForTimeout(20);
  const newer = await api<Highlight>(page, 'addHighlight', { article: second.id, ...passage(second.text, 0.85), color: 'pink', note: 'Worth a second look' });
  await page.reload();

  await showHighlights(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(pane(page).locator('.count')).toHaveText('تظليلان');
  await expect(rows(page).nth(0).locator('.quote')).toHaveText(newer.quote);
  await expect(rows(page).nth(0).locator('.note')).toContainText('Worth a second look');
  await expect(rows(page).nth(0).locator('.title')).toHaveText(second.title);
  await expect(rows(page).nth(1).locator('.quote')).toHaveText(older.quote);
  await expect(rows(page).nth(1).locator('.note')).toContainText('ملاحظة على الأول');
  await expect(rows(page).nth(1).locator('.title')).toHaveText(first.title);
  await expect(page.locator('sahifa-sidebar').getByRole('button', { name: 'التظليلات' })).toHaveAttribute('aria-current', 'page');

  // By colour.
  await pane(page).getByRole('combobox', { name: 'اللون' }).selectOption('green');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().locator('.quote')).toHaveText(older.quote);
  await pane(page).getByRole('combobox', { name: 'اللون' }).selectOption('blue');
  await expect(pane(page).getByRole('heading', { name: 'لا تظليلات هنا' })).toBeVisible();
  await pane(page).getByRole('combobox', { name: 'اللون' }).selectOption('');
  await expect(rows(page)).toHaveCount(2);

  // The pink one is far down its article: the reader opens there, with the highlight in view and marked.
  await rows(page).first().click();
  const mark = reader(page).locator(`mark[data-highlight="${newer.id}"]`).first();
  await expect(reader(page).locator('article')).toHaveAttribute('data-id', String(second.id));
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveAttribute('data-revealed', '');
  await expect(mark).toBeFocused();
  const scrolled = await reader(page).locator('.scroll').evaluate((scroller) => scroller.scrollTop);
  expect(scrolled).toBeGreaterThan(200);
  await expect(rows(page).first()).toHaveAttribute('aria-current', 'true');

  // Esc goes back to the highlight's row; the library is one click away.
  await page.keyboard.press('Escape');
  await expect(rows(page).first()).toBeFocused();
  // J walks on to the next highlight and opens it.
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toBeFocused();
  await expect(reader(page).locator('article')).toHaveAttribute('data-id', String(first.id));
  await expect(reader(page).locator(`mark[data-highlight="${older.id}"]`).first()).toBeInViewport();
  await page.locator('sahifa-sidebar').getByRole('button', { name: 'المكتبة' }).click();
  await expect(pane(page)).toHaveCount(0);
  await expect(page.locator('sahifa-list-pane button.row').first()).toBeVisible();
});

test('Shift+H shows the highlights; with none, the view says how to make one', async ({ page }) => {
  await page.locator('sahifa-list-pane button.row').first().focus();
  await page.keyboard.press('Shift+H');
  await expect(pane(page).getByRole('heading', { name: 'لا تظليلات بعد' })).toBeVisible();
  await expect(pane(page)).toContainText('اضغط المفتاح H');
});

test('the view exports every highlight as the API does', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'the desktop app shows a save dialog');
  const [first, second] = await twoArticles(page);
  await api(page, 'addHighlight', { article: first.id, ...passage(first.text, 0.2), note: 'أولى' });
  await api(page, 'addHighlight', { article: second.id, ...passage(second.text, 0.3) });
  await page.reload();
  await showHighlights(page);
  const [download] = await Promise.all([page.waitForEvent('download'), pane(page).getByRole('button', { name: 'صدّر التظليلات (Markdown)' }).click()]);
  const { readFile } = await import('node:fs/promises');
  const exported = await api<{ content: string }>(page, 'exportHighlights', { format: 'md' });
  // The same but for the moment of the export, which the front matter says.
  const withoutMoment = (markdown: string) => markdown.replace(/^exported: .*$/m, '');
  expect(withoutMoment(await readFile(await download.path(), 'utf8'))).toBe(withoutMoment(exported.content));
  expect(exported.content).toContain('أولى');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the highlights view passes axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const [first, second] = await twoArticles(page);
    for (const [i, color] of ['yellow', 'green', 'blue', 'pink'].entries()) {
      const article = i % 2 === 0 ? first : second;
      await api(page, 'addHighlight', { article: article.id, ...passage(article.text, 0.1 + i * 0.2), color, note: i === 0 ? 'ملاحظة' : null });
    }
    await page.reload();
    await showHighlights(page);
    await expect(rows(page)).toHaveCount(4);
    await rows(page).nth(1).click();
    await expect(reader(page).locator('mark.reader-highlight[data-revealed]').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
