/** Bookmarks: one click or the B key in the reader, then found under المفضلة. */
import { expect, test } from './fixtures';

const WELCOME_TITLE = 'مرحبًا بك في صحيفة';
const NEWS_START = 'وأكد شمخاني خلال اللقاء';

test('bookmark with a click and with B, and find them under bookmarks', async ({ page }) => {
  const bookmarkButton = page.locator('sahifa-article-reader button.bookmark');

  await page.locator('button.row', { hasText: NEWS_START }).click();
  await expect(bookmarkButton).toHaveAttribute('aria-pressed', 'false');
  await bookmarkButton.click();
  await expect(bookmarkButton).toHaveAttribute('aria-pressed', 'true');
  await expect(bookmarkButton).toContainText('في المفضلة');

  await page.locator('button.row', { hasText: WELCOME_TITLE }).click();
  await expect(page.locator('sahifa-article-reader article h1')).toHaveText(WELCOME_TITLE);
  await page.keyboard.press('b');
  await expect(bookmarkButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.nav-item[data-view="bookmarks"] .badge')).toHaveText('٢');

  await page.getByRole('button', { name: /المفضلة/ }).first().click();
  await expect(page.locator('.list-header h1')).toHaveText('المفضلة');
  await expect(page.locator('.list-header .count')).toHaveText('مقالتان');
  await expect(page.locator('button.row')).toHaveCount(2);

  // B again takes it out.
  await page.locator('button.row', { hasText: WELCOME_TITLE }).click();
  await page.keyboard.press('B');
  await expect(bookmarkButton).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('button.row')).toHaveCount(1);
  await expect(page.locator('.list-header .count')).toHaveText('مقالة واحدة');

  // It survives a reload: the bookmark lives in the library, not in the page.
  await page.reload();
  await page.locator('.nav-item[data-view="bookmarks"]').click();
  await expect(page.locator('button.row')).toHaveCount(1);
  await expect(page.locator('button.row')).toContainText(NEWS_START);
});

test('B does nothing while typing in the search field', async ({ page }) => {
  await page.locator('button.row', { hasText: NEWS_START }).click();
  const search = page.getByRole('searchbox', { name: 'البحث في المقالات' });
  await search.click();
  await page.keyboard.type('b');
  await expect(search).toHaveValue('b');
  await expect(page.locator('sahifa-article-reader button.bookmark')).toHaveAttribute('aria-pressed', 'false');
});

test('the bookmarks view starts empty with a hint', async ({ page }) => {
  await page.locator('.nav-item[data-view="bookmarks"]').click();
  await expect(page.locator('.list-empty h2')).toHaveText('لا توجد مقالات مفضلة بعد');
});
