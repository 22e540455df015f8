/**
 * The reading experience: settings applied at once and kept, the reading position and
 * read state, tags and notes, delete with undo, keyboard shortcuts, export, and the English
 * interface mirrored.
 */
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

const WELCOME_TITLE = 'مرحبًا بك في صحيفة';
const NEWS_START = 'وأكد شمخاني خلال اللقاء';


const reader = (page: Page) => page.locator('sahifa-article-reader');
const rows = (page: Page) => page.locator('button.row');

test('settings apply at once and are still there after a reload', async ({ page }) => {
  await rows(page).filter({ hasText: NEWS_START }).click();
  const paragraph = reader(page).locator('article .body p').first();
  await expect(paragraph).toBeVisible();
  expect(await paragraph.evaluate((p) => getComputedStyle(p).fontFamily)).toContain('Noto Naskh Arabic');

  await page.getByRole('button', { name: 'الإعدادات' }).click();
  const dialog = page.getByRole('dialog', { name: 'إعدادات القراءة والواجهة' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'أميري' }).check();
  await dialog.getByRole('radio', { name: 'بني فاتح' }).check();
  await dialog.getByRole('radio', { name: 'مضبوطة من الجانبين' }).check();
  const size = dialog.getByRole('slider', { name: 'حجم النص' });
  await size.focus();
  await page.keyboard.press('End');

  // Applied while the panel is still open.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  expect(await paragraph.evaluate((p) => getComputedStyle(p).fontFamily)).toMatch(/^"?Amiri/);
  expect(await paragraph.evaluate((p) => getComputedStyle(p).fontSize)).toBe('30px');
  expect(await paragraph.evaluate((p) => getComputedStyle(p).textAlign)).toBe('justify');
  expect(await page.evaluate(() => document.fonts.check('20px Amiri', 'ص'))).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The focus went back to the button that opened the panel.
  await expect(page.getByRole('button', { name: 'الإعدادات' })).toBeFocused();

  await expect.poll(() => api<{ fontSize: number }>(page, 'getSettings').then((s) => s.fontSize)).toBe(30);
  await page.reload();
  await rows(page).filter({ hasText: NEWS_START }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  const again = reader(page).locator('article .body p').first();
  await expect(again).toBeVisible();
  expect(await again.evaluate((p) => getComputedStyle(p).fontFamily)).toMatch(/^"?Amiri/);
  expect(await again.evaluate((p) => getComputedStyle(p).fontSize)).toBe('30px');
});

test('the reading position is saved and restored, and the end marks the article read', async ({ page }) => {
  await rows(page).filter({ hasText: WELCOME_TITLE }).click();
  const scroller = reader(page).locator('.scroll');
  await expect(reader(page).locator('article h1')).toHaveText(WELCOME_TITLE);
  const id = Number(await reader(page).locator('article').getAttribute('data-id'));

  // Scrolled by the reader (the wheel): the view's own scrolling does not count as reading.
  const half = await scroller.evaluate((element) => (element.scrollHeight - element.clientHeight) / 2);
  await scroller.hover();
  await page.mouse.wheel(0, half);
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(half * 0.9);
  await expect.poll(() => api<{ position: number }>(page, 'getArticle', { id }).then((a) => a.position)).toBeGreaterThan(0.4);
  // The thin bar shows how far along.
  const bar = reader(page).locator('.progress .fill');
  expect(await bar.evaluate((element) => element.style.transform)).toMatch(/scaleX\(0\.[45]/);

  await rows(page).filter({ hasText: NEWS_START }).click();
  await expect(reader(page).locator('article h1')).toContainText('وأكد شمخاني');
  await rows(page).filter({ hasText: WELCOME_TITLE }).click();
  await expect(reader(page).locator('article h1')).toHaveText(WELCOME_TITLE);
  await expect
    .poll(() => scroller.evaluate((element) => element.scrollTop / (element.scrollHeight - element.clientHeight)))
    .toBeGreaterThan(0.4);

  // Still unread; read to the end, it is read.
  const row = rows(page).filter({ hasText: WELCOME_TITLE });
  await expect(row).toHaveClass(/unread/);
  await scroller.hover();
  await page.mouse.wheel(0, 100_000);
  await expect(row).toHaveClass(/\bread\b/);
  await expect(reader(page).getByRole('button', { name: /علّم كغير مقروءة/ })).toBeVisible();
});

test('U toggles read, and the list can show unread articles only', async ({ page }) => {
  const unreadToggle = page.getByRole('button', { name: 'غير المقروءة', exact: true });
  await unreadToggle.click();
  await expect(unreadToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toHaveClass(/unread/);

  await rows(page).filter({ hasText: NEWS_START }).click();
  await expect(reader(page).locator('article h1')).toContainText('وأكد شمخاني');
  await page.keyboard.press('u');
  await expect(rows(page).filter({ hasText: NEWS_START })).toHaveClass(/\bread\b/);
  await expect(rows(page).filter({ hasText: NEWS_START }).locator('.unread-dot')).toHaveCount(0);

  // Filtering again leaves it out; the count says what is shown.
  await unreadToggle.click();
  await unreadToggle.click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('.list-header .count')).toHaveText('مقالة واحدة');

  // U again: unread once more.
  await unreadToggle.click();
  await rows(page).filter({ hasText: NEWS_START }).click();
  await expect(reader(page).getByRole('button', { name: /علّم كغير مقروءة/ })).toBeVisible();
  await page.keyboard.press('U');
  await expect(rows(page).filter({ hasText: NEWS_START })).toHaveClass(/unread/);
  // Search narrows to unread articles too.
  await unreadToggle.click();
  await page.getByRole('searchbox', { name: 'البحث في المقالات' }).fill('شمخاني');
  await expect(rows(page)).toHaveCount(1);
});

test('tags group articles, the sidebar counts them, and the list narrows to one; notes stay with bookmarks', async ({ page }) => {
  await rows(page).filter({ hasText: NEWS_START }).click();
  const tagInput = reader(page).getByRole('combobox', { name: 'أضف وسمًا' });
  await tagInput.fill('سياسة');
  await tagInput.press('Enter');
  await expect(reader(page).locator('.chip')).toHaveText(['سياسة']);
  await expect(tagInput).toBeFocused();

  const tagItem = page.locator('.nav-item.tag-item', { hasText: 'سياسة' });
  await expect(tagItem.locator('.badge')).toHaveText('١');
  await tagItem.click();
  await expect(page.locator('.list-header h1')).toHaveText('الوسم: سياسة');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(NEWS_START);

  // A note bookmarks the article.
  await rows(page).first().click();
  await page.keyboard.press('b');
  const note = reader(page).getByRole('textbox', { name: 'ملاحظة على المقالة' });
  await note.fill('للتقرير الأسبوعي');
  await reader(page).getByRole('button', { name: 'احفظ الملاحظة' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'حُفظت الملاحظة' })).toBeVisible();

  await page.reload();
  await page.locator('.nav-item.tag-item', { hasText: 'سياسة' }).click();
  await rows(page).first().click();
  await expect(reader(page).getByRole('textbox', { name: 'ملاحظة على المقالة' })).toHaveValue('للتقرير الأسبوعي');

  // Removing the last article's tag removes the tag, and the list goes back to the library.
  await reader(page).getByRole('button', { name: 'أزل الوسم «سياسة»' }).click();
  await expect(page.locator('.nav-item.tag-item')).toHaveCount(0);
  await expect(page.locator('.list-header h1')).toHaveText('المكتبة');
});

test('delete takes an article out of the list and the search, and undo brings it back', async ({ page }) => {
  await rows(page).filter({ hasText: NEWS_START }).click();
  await reader(page).getByRole('button', { name: 'احذف المقالة' }).click();
  const notice = page.locator('sahifa-notice-toast');
  await expect(notice).toContainText('حُذفت');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('.list-header .count')).toHaveText('مقالة واحدة');
  // The next article opened in its place, its row focused.
  await expect(reader(page).locator('article h1')).toHaveText(WELCOME_TITLE);
  await expect(rows(page).first()).toBeFocused();

  const found = await api<{ total: number }>(page, 'search', { query: 'شمخاني' });
  expect(found.total).toBe(0);

  await notice.getByRole('button', { name: 'تراجع' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(reader(page).locator('article h1')).toContainText('وأكد شمخاني');
  expect((await api<{ total: number }>(page, 'search', { query: 'شمخاني' })).total).toBe(1);

  // Delete with the key, undo with Ctrl+Z.
  await rows(page).filter({ hasText: NEWS_START }).focus();
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(2);
});

test('the keyboard walks the list, opens, returns, and ? lists every shortcut', async ({ page }) => {
  await expect(rows(page)).toHaveCount(2);
  await page.keyboard.press('j');
  await expect(rows(page).nth(0)).toBeFocused();
  await expect(reader(page).locator('article h1')).toHaveText(WELCOME_TITLE);
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toBeFocused();
  await expect(reader(page).locator('article h1')).toContainText('وأكد شمخاني');
  await page.keyboard.press('k');
  await expect(rows(page).nth(0)).toBeFocused();
  // Right to left: ← is next, → is previous.
  await page.keyboard.press('ArrowLeft');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(rows(page).nth(0)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(reader(page).locator('.scroll')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rows(page).nth(0)).toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('tbody tr')).toHaveCount(17);
  await expect(dialog).toContainText('علّم كمقروءة أو غير مقروءة');
  await expect(dialog).toContainText('الأقسام والوسوم والاشتراكات');
  await expect(dialog).toContainText('اعرض كل التظليلات');
  await expect(dialog).toContainText('انزل صفحة في المقالة، وفي آخرها افتح التالية غير المقروءة');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows(page).nth(0)).toBeFocused();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'البحث في المقالات' })).toBeFocused();
});

test('an article exports as Markdown or HTML (a download in the browser mode)', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'the desktop app shows a save dialog');
  await rows(page).filter({ hasText: NEWS_START }).click();
  await reader(page).getByRole('button', { name: 'صدّر المقالة' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), reader(page).getByRole('button', { name: 'ملف Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8');
  expect(text).toMatch(/^---\ntitle: "وأكد شمخاني/);
  await expect(page.locator('sahifa-notice-toast')).toContainText('حُفظت المقالة');
});

test('the English interface is left to right and mirrored, and stays English after a reload', async ({ page }) => {
  await page.getByRole('button', { name: 'الإعدادات' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('dialog', { name: 'Reading and interface settings' })).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(page.getByRole('button', { name: 'Import' })).toBeVisible();
  await expect(page.locator('.list-header .count')).toHaveText('2 articles');
  // Mirrored: the sidebar is on the left of the list now.
  const nav = await page.locator('nav').boundingBox();
  const list = await page.locator('.list-pane').boundingBox();
  expect(nav && list && nav.x < list.x).toBe(true);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
  await rows(page).filter({ hasText: NEWS_START }).click();
  // The article itself keeps its own direction inside the English interface.
  await expect(reader(page).locator('article')).toHaveAttribute('dir', 'rtl');
  await expect(reader(page).getByRole('button', { name: /Mark as read/ })).toBeVisible();
  // Sideways, → is next in a left-to-right interface.
  await rows(page).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(rows(page).nth(1)).toBeFocused();
});
