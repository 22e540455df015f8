/** No serious accessibility problems (axe-core) in the library, search and reading views, light and dark. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('library, search results and reader pass axe', async ({ page }) => {
      const check = async (where: string) => {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${where}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
      };
      await expect(page.locator('button.row')).toHaveCount(2);
      await check('library');
      await page.getByRole('searchbox', { name: 'البحث في المقالات' }).fill('الامن');
      await expect(page.locator('button.row mark').first()).toBeVisible();
      await page.locator('button.row').first().click();
      await expect(page.locator('sahifa-article-reader article .body mark').first()).toBeVisible();
      await check('reader');
    });
  });
}
