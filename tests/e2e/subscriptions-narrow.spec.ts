/**
 * The subscriptions in a narrow window and the folders' own menu. Below 760 px the sidebar leaves
 * the layout: the top bar's button (or S) opens it as a drawer from the right (the interface is
 * Arabic), with the sections, the tags, the feeds and the folders; the focus goes into it, and Esc,
 * a click outside or a choice close it with the focus back on the button; axe passes in both
 * themes. A folder is renamed and deleted, its feeds
 * moving up, and the notice's undo puts it back. Feeds are served by a local server.
 */
import type { Page as BrowserPage } from '@playwright/test';
import { arabicFeed, FeedServer } from '../fixtures/feed-server';
import { checkAxe as check } from './axe';
import { api, expect, test } from './fixtures';

let server: FeedServer;
test.beforeAll(async () => {
  server = await FeedServer.start();
});
test.afterAll(async () => {
  await server?.close();
});

const GULF = 'أخبار السعودية';
const TODAY = 'الخليج اليوم';

const tree = (page: BrowserPage) => page.locator('sahifa-feed-tree');
const rows = (page: BrowserPage) => page.locator('button.row');
const drawer = (page: BrowserPage) => page.getByRole('dialog', { name: 'الأقسام والاشتراكات' });
const toggle = (page: BrowserPage) => page.getByRole('button', { name: 'الأقسام والاشتراكات' });
const folderRow = (page: BrowserPage, name: string) => tree(page).locator('li.folder').filter({ has: page.locator(':scope > .row .label', { hasText: new RegExp(`^${name}$`) }) });

async function subscribeTwo(page: BrowserPage): Promise<void> {
  server.serve('/gulf.xml', { body: arabicFeed({ count: 3 }), type: 'application/rss+xml' });
  server.serve('/today.xml', { body: arabicFeed({ count: 2, from: 30, title: TODAY }), type: 'application/rss+xml' });
  await api(page, 'subscribe', { url: server.url('/gulf.xml'), folder: 'أخبار / الخليج' });
  await api(page, 'subscribe', { url: server.url('/today.xml'), folder: 'رياضة' });
}

/** Whether the focus is inside the element (through shadow roots). */
const focusWithin = (page: BrowserPage, selector: string) =>
  page.evaluate((sel) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const host = document.querySelector('sahifa-app')?.shadowRoot?.querySelector(sel) ?? null;
    for (let node: Node | null = active; node !== null; node = node.parentNode ?? (node as ShadowRoot).host ?? null) if (node === host) return true;
    return false;
  }, selector);

test.describe('a narrow window', () => {
  test.use({ viewport: { width: 600, height: 800 } });

  test('the sidebar opens as a drawer from the right, by its button or S, and closes by Esc, a click outside or a choice', async ({ page }) => {
    await subscribeTwo(page);
    const [first] = (await api<{ items: { id: number }[] }>(page, 'listArticles', { limit: 1 })).items;
    await api(page, 'setTags', { id: first!.id, tags: ['مهم'] });
    await page.reload();
    await expect(rows(page).first()).toBeVisible();
    // Out of the layout: nothing of it shows beside the list.
    await expect(tree(page)).toBeHidden();
    await expect(drawer(page)).toBeHidden();

    await toggle(page).click();
    await expect(drawer(page)).toBeVisible();
    // From the right edge (right to left), over the list, with every part of the sidebar.
    // Polled: it slides in, and under load the first reading can catch it on its way.
    await expect.poll(async () => {
      const edge = await drawer(page).boundingBox();
      return edge === null ? null : Math.round(edge.x + edge.width);
    }).toBe(600);
    const box = (await drawer(page).boundingBox())!;
    expect(box.width).toBeLessThan(400);
    await expect(drawer(page).getByRole('button', { name: 'المفضلة' })).toBeVisible();
    await expect(drawer(page).locator('.tag-item', { hasText: 'مهم' })).toBeVisible();
    await expect(tree(page).locator('li.feed', { hasText: GULF })).toBeVisible();
    await expect(tree(page).locator('li.feed', { hasText: TODAY })).toBeVisible();
    // The focus is on the section the list shows.
    expect(await focusWithin(page, 'sahifa-sidebar')).toBe(true);
    await expect(drawer(page).getByRole('button', { name: 'المكتبة' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
    await expect(toggle(page)).toBeFocused();

    // S opens it too; a click outside it closes it.
    await page.keyboard.press('s');
    await expect(drawer(page)).toBeVisible();
    await page.mouse.click(60, 400);
    await expect(drawer(page)).toBeHidden();
    await expect(toggle(page)).toBeFocused();

    // A feed chosen in it: the list narrows to it and the drawer closes.
    await toggle(page).click();
    await tree(page).locator('li.feed', { hasText: GULF }).locator('button.scope').click();
    await expect(drawer(page)).toBeHidden();
    await expect(rows(page)).toHaveCount(3);
    await expect(page.locator('.list-header h1')).toHaveText(GULF);
    // And a tag, the same way.
    await toggle(page).click();
    await drawer(page).locator('.tag-item', { hasText: 'مهم' }).click();
    await expect(drawer(page)).toBeHidden();
    await expect(rows(page)).toHaveCount(1);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the drawer passes axe in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await subscribeTwo(page);
      await page.reload();
      await expect(rows(page).first()).toBeVisible();
      await check(page, 'narrow window');
      await toggle(page).click();
      await expect(drawer(page)).toBeVisible();
      await check(page, 'drawer');
      await folderRow(page, 'رياضة').getByRole('button', { name: 'إجراءات «رياضة»' }).click();
      await expect(tree(page).getByRole('menu')).toBeVisible();
      await check(page, 'folder menu in the drawer');
    });
  }
});

test('a folder is renamed from its menu, deleted with its feeds moving up, and the undo puts it back', async ({ page }) => {
  await subscribeTwo(page);
  await page.reload();
  await expect(folderRow(page, 'الخليج')).toBeVisible();

  // Rename to an Arabic name (a sibling's name is refused by main: unit-tested, as a refused call
  // is a console error here).
  await folderRow(page, 'أخبار').locator(':scope > .row').getByRole('button', { name: 'إجراءات «أخبار»' }).click();
  await tree(page).getByRole('menuitem', { name: 'أعد التسمية…' }).click();
  const rename = page.getByRole('dialog', { name: 'إعادة تسمية «أخبار»' });
  const name = rename.getByLabel('الاسم الجديد');
  await expect(name).toHaveValue('أخبار');
  await name.fill('صحف الخليج');
  await rename.getByRole('button', { name: 'أعد التسمية' }).click();
  await expect(rename).toBeHidden();
  await expect(folderRow(page, 'صحف الخليج')).toBeVisible();
  await expect(folderRow(page, 'أخبار')).toHaveCount(0);

  // Delete "الخليج": the question says where its feeds go; they go there; the undo brings it back.
  await folderRow(page, 'الخليج').locator(':scope > .row').getByRole('button', { name: 'إجراءات «الخليج»' }).click();
  await tree(page).getByRole('menuitem', { name: 'احذف المجلد…' }).click();
  const question = page.getByRole('dialog', { name: 'حذف مجلد «الخليج»' });
  await expect(question.getByRole('radio', { name: 'تنتقل خلاصاته ومجلداته إلى «صحف الخليج»' })).toBeChecked();
  await question.getByRole('radio', { name: /يُلغى الاشتراك في خلاصاته/ }).check();
  await expect(question.getByRole('radio', { name: 'تبقى في المكتبة' })).toBeChecked();
  await question.getByRole('radio', { name: 'تنتقل خلاصاته ومجلداته إلى «صحف الخليج»' }).check();
  await question.getByRole('button', { name: 'احذف المجلد' }).click();
  await expect(question).toBeHidden();
  await expect(folderRow(page, 'الخليج')).toHaveCount(0);
  const moved = folderRow(page, 'صحف الخليج').locator('li.feed', { hasText: GULF });
  await expect(moved).toBeVisible();
  const notice = page.locator('sahifa-notice-toast');
  await expect(notice).toContainText('حُذف مجلد «الخليج»');
  await notice.getByRole('button', { name: 'تراجع' }).click();
  await expect(notice).toContainText('عاد المجلد');
  await expect(folderRow(page, 'الخليج').locator('li.feed', { hasText: GULF })).toBeVisible();

  // Deleting a folder and unsubscribing from its feed, keeping the articles.
  await folderRow(page, 'رياضة').getByRole('button', { name: 'إجراءات «رياضة»' }).click();
  await tree(page).getByRole('menuitem', { name: 'احذف المجلد…' }).click();
  const sport = page.getByRole('dialog', { name: 'حذف مجلد «رياضة»' });
  await expect(sport.getByRole('radio', { name: 'تنتقل خلاصاته ومجلداته إلى أعلى الاشتراكات' })).toBeChecked();
  await sport.getByRole('radio', { name: /يُلغى الاشتراك في خلاصاته/ }).check();
  await sport.getByRole('button', { name: 'احذف المجلد' }).click();
  await expect(folderRow(page, 'رياضة')).toHaveCount(0);
  await expect(tree(page).locator('li.feed', { hasText: TODAY })).toHaveCount(0);
  // Its two articles stay, with the other feed's three and the two welcome articles.
  await expect(rows(page)).toHaveCount(7);
});
