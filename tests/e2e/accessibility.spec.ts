/**
 * No serious accessibility problems (axe-core) in the library, search results, reader, settings
 * and shortcuts dialog, in both interface languages and both themes.
 */
import { checkAxe as check } from './axe';
import { expect, test } from './fixtures';

const LABELS = {
  ar: { search: 'البحث في المقالات', settings: 'الإعدادات', query: 'الامن' },
  en: { search: 'Search articles', settings: 'Settings', query: 'الامن' },
} as const;

for (const language of ['ar', 'en'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${colorScheme} theme`, () => {
      test.use({ colorScheme });

      test('library, search results, reader, settings and shortcuts pass axe', async ({ page }) => {
        const labels = LABELS[language];
        if (language === 'en') {
          await page.evaluate(() =>
            (window as unknown as { sahifa: { updateSettings(input: unknown): Promise<unknown> } }).sahifa.updateSettings({ settings: { language: 'en' } }),
          );
          await page.reload();
        }
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.locator('button.row')).toHaveCount(2);
        await check(page, 'library');

        await page.getByRole('searchbox', { name: labels.search }).fill(labels.query);
        await expect(page.locator('button.row mark').first()).toBeVisible();
        await check(page, 'search results');

        await page.locator('button.row').first().click();
        await expect(page.locator('sahifa-article-reader article .body mark').first()).toBeVisible();
        // A tag, so the chips are checked too.
        const tagInput = page.locator('sahifa-article-annotations input.new-tag');
        await tagInput.fill('أمن');
        await tagInput.press('Enter');
        await expect(page.locator('.nav-item.tag-item')).toHaveCount(1);
        await check(page, 'reader');

        await page.getByRole('button', { name: labels.settings, exact: true }).click();
        await expect(page.locator('sahifa-settings-panel dialog')).toBeVisible();
        await check(page, 'settings');
        await page.keyboard.press('Escape');

        await page.locator('body').press('?');
        await expect(page.locator('sahifa-shortcuts-dialog dialog')).toBeVisible();
        await check(page, 'shortcuts');
      });
    });
  }
}

test('the sepia theme passes axe too', async ({ page }) => {
  await page.evaluate(() =>
    (window as unknown as { sahifa: { updateSettings(input: unknown): Promise<unknown> } }).sahifa.updateSettings({ settings: { theme: 'sepia' } }),
  );
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.locator('button.row').first().click();
  await expect(page.locator('sahifa-article-reader article h1')).toBeVisible();
  await check(page, 'sepia reader');
});
