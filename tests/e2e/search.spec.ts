/**
 * Search as the reader types: results whatever the spelling of hamza and prefixes, with the
 * matched words marked exactly as the article writes them, and the same marks in the reader.
 */
import { expect, test } from './fixtures';

const NEWS_START = 'وأكد شمخاني خلال اللقاء';

test('a query typed without hamza finds and marks the words as written', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'البحث في المقالات' });
  await search.fill('الامن');
  const hit = page.locator('button.row', { hasText: NEWS_START });
  await expect(hit).toBeVisible();
  await expect(page.locator('.list-header h1')).toHaveText('«الامن»');
  // The result's row, not the library's row of the same article still on screen for a moment.
  await expect(hit.locator('.excerpt mark').first()).toBeVisible();
  const marks = await hit.locator('.excerpt mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  // The sample writes "للأمن", "الأمن", "وأمني"…: never the query's own spelling.
  for (const mark of marks) expect(mark).toMatch(/أمن|امن/);
  expect(marks.some((mark) => mark.includes('أمن'))).toBe(true);
});

test('Ctrl+F and / focus the search field; Escape clears it and brings the library back', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'البحث في المقالات' });
  await page.locator('button.row').first().click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await page.locator('button.row').first().focus();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await search.pressSequentially('شمخاني');
  await expect(page.locator('.list-header .count')).toHaveText('نتيجة واحدة');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.locator('.list-header h1')).toHaveText('المكتبة');
  await expect(page.locator('.list-header .count')).toHaveText('مقالتان');
});

test('opening a result marks the matches in the article and scrolls the first into view', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'البحث في المقالات' }).fill('الفياض');
  // The result's row, not the library's row of the same article still on screen until the
  // results arrive (the count says so).
  await expect(page.locator('.list-header .count')).toHaveText('نتيجة واحدة');
  await page.locator('button.row', { hasText: NEWS_START }).click();
  const marks = page.locator('sahifa-article-reader article .body mark');
  // "الفياض" appears twice, both in the last paragraph, far below the first screen.
  await expect(marks).toHaveCount(2);
  await expect(marks.first()).toHaveText('الفياض');
  await expect(marks.first()).toBeInViewport();
  const scrollTop = await page.locator('sahifa-article-reader .scroll').evaluate((element) => element.scrollTop);
  expect(scrollTop).toBeGreaterThan(0);
});

test('a search with no results says so', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'البحث في المقالات' }).fill('بطريق');
  await expect(page.locator('.list-empty h2')).toHaveText('لا نتائج لـ «بطريق»');
  await expect(page.locator('.list-header .count')).toHaveText('لا نتائج');
});

test('matches are marked in an article shown from its HTML (the Markdown welcome article)', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'البحث في المقالات' }).fill('المفضلة');
  // The results, not the library rows still shown while the query settles.
  await expect(page.locator('.list-header h1')).toHaveText('«المفضلة»');
  await page.locator('button.row', { hasText: 'مرحبًا بك في صحيفة' }).click();
  const marks = page.locator('sahifa-article-reader article .body mark');
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allTextContents()) expect(text).toMatch(/مفضل/);
  // The heading "المفضلة" and the sentences that mention it.
  expect(await marks.count()).toBeGreaterThanOrEqual(3);
});

test('search results can be sorted newest first, in the library’s own order', async ({ page }) => {
  const rows = page.locator('sahifa-list-pane button.row .title');
  await expect(page.locator('.list-header .count')).toHaveText('مقالتان');
  await expect(rows).toHaveCount(2);
  const libraryOrder = await rows.allTextContents();
  await page.getByRole('searchbox', { name: 'البحث في المقالات' }).fill('في');
  await expect(page.locator('.list-header h1')).toHaveText('«في»');
  const sort = page.getByRole('combobox', { name: 'الترتيب' });
  await expect(sort).toHaveValue('relevance');
  await sort.selectOption({ label: 'الأحدث أولًا' });
  await expect(sort).toHaveValue('date');
  await expect(page.locator('.list-header .count')).toHaveText('نتيجتان');
  await expect(rows).toHaveText(libraryOrder);
});
