/**
 * The window a first-time reader sees: an Arabic, right-to-left interface, the bundled samples in
 * the library, and an article that opens in the reading view with its paragraphs kept.
 */
import { expect, test } from './fixtures';

const WELCOME_TITLE = 'مرحبًا بك في صحيفة';
/** The bundled news sample (assets/samples/000_…txt) opens with this sentence. */
const NEWS_START = 'وأكد شمخاني خلال اللقاء';

test('the interface is Arabic and right to left', async ({ page }) => {
  await expect(page).toHaveTitle('Sahifa');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The sidebar (start side) sits to the right of the list in RTL.
  const nav = await page.locator('nav').boundingBox();
  const list = await page.locator('.list-pane').boundingBox();
  expect(nav && list && nav.x > list.x).toBe(true);
  await expect(page.getByRole('button', { name: 'استيراد' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'البحث في المقالات' })).toBeVisible();
});

test('first run: the welcome article and the news sample are in the library', async ({ page }) => {
  await expect(page.locator('.list-header .count')).toHaveText('مقالتان');
  const rows = page.locator('button.row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('.title')).toHaveText(WELCOME_TITLE);
  await expect(rows.filter({ hasText: NEWS_START })).toHaveCount(1);
  // Sidebar badge, in Arabic-Indic digits.
  await expect(page.locator('.nav-item[data-view="library"] .badge')).toHaveText('٢');
});

test('opening an article shows it in the reading view, paragraphs and direction kept', async ({ page }) => {
  await page.locator('button.row', { hasText: NEWS_START }).click();
  const article = page.locator('sahifa-article-reader article');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', 'ar');
  await expect(article.locator('h1')).toContainText('وأكد شمخاني');
  // The sample has one paragraph a line: eleven of them.
  const paragraphs = article.locator('.body p');
  await expect(paragraphs).toHaveCount(11);
  await expect(paragraphs.first()).toHaveAttribute('dir', 'auto');
  await expect(paragraphs.first()).toHaveText(/^وأكد شمخاني خلال اللقاء على الموقف الثابت/);
  await expect(article.locator('.reading-time')).toContainText('قراءة');
  // The bundled reading face, not a system fallback.
  const font = await paragraphs.first().evaluate((p) => getComputedStyle(p).fontFamily);
  expect(font).toContain('Noto Naskh Arabic');
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'ص'))).toBe(true);
  // The row shows as the current one.
  await expect(page.locator('button.row[aria-current="true"]')).toContainText(NEWS_START);
});

test('the welcome article renders from its Markdown with headings', async ({ page }) => {
  await page.locator('button.row', { hasText: WELCOME_TITLE }).click();
  const article = page.locator('sahifa-article-reader article');
  await expect(article.locator('h1')).toHaveText(WELCOME_TITLE);
  await expect(article.locator('.body h2').first()).toBeVisible();
  await expect(article.locator('.kicker')).toHaveText('صحيفة');
});
