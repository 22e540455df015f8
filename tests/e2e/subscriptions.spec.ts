/**
 * Subscriptions in the window, against feeds served by a local server in the test process: subscribe
 * by a site's address in the dialog, see the feed and its unread count in the sidebar, read with
 * Space (the count goes down, the next unread article opens, across the folder's feeds), mark the
 * list read and undo it, refresh now and see the new items, unsubscribe keeping the articles; a
 * pasted web address saved as a page; and axe with feeds shown, in both themes. No request leaves
 * the app (the fixture's guard).
 */
import type { Page as BrowserPage } from '@playwright/test';
import type { ArticleSummary, FeedList, Page } from '../../common';
import { arabicFeed, FeedServer, PNG_1x1 } from '../fixtures/feed-server';
import { checkAxe as check } from './axe';
import { api, expect, test } from './fixtures';

let server: FeedServer;
test.beforeAll(async () => {
  server = await FeedServer.start();
});
test.afterAll(async () => {
  await server?.close();
});

const SITE_FEED = 'أخبار السعودية';
const SECOND_FEED = 'الخليج اليوم';

/** Counts are shown in the interface's digits; compared here as numbers. */
const western = (text: string) => text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).trim();

const tree = (page: BrowserPage) => page.locator('sahifa-feed-tree');
const feedRow = (page: BrowserPage, title: string) => tree(page).locator('li.feed').filter({ hasText: title });
const rows = (page: BrowserPage) => page.locator('button.row');

async function unreadOf(page: BrowserPage, title: string): Promise<string> {
  const badge = feedRow(page, title).locator('.badge');
  return (await badge.count()) === 0 ? '0' : western(await badge.innerText());
}

function serveFeeds(): void {
  server.serve('/gulf.xml', { body: arabicFeed({ count: 3 }), type: 'application/rss+xml', etag: '"g1"' });
  server.serve('/site', { body: '<html><head><link rel="alternate" type="application/rss+xml" href="/gulf.xml"></head><body>موقع</body></html>', type: 'text/html' });
  server.serve('/today.xml', { body: arabicFeed({ count: 2, from: 30, title: SECOND_FEED }), type: 'application/rss+xml' });
}

test('subscribe, read with Space, mark the list read and undo, refresh now, unsubscribe keeping the articles', async ({ page }) => {
  serveFeeds();
  // An address that gives no feed: the dialog says why, in Arabic, and stays open.
  await tree(page).getByRole('button', { name: 'اشترك', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'اشترك في موقع أو خلاصة' });
  await dialog.getByLabel('عنوان الموقع أو الخلاصة').fill(server.url('/missing.xml'));
  await dialog.getByRole('button', { name: 'اشترك', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('تعذّر الاشتراك: لا توجد صفحة بهذا العنوان على الموقع (404).');

  // Subscribing by the site's address, in the dialog.
  await dialog.getByLabel('عنوان الموقع أو الخلاصة').fill(server.url('/site'));
  await dialog.getByLabel('المجلد (اختياري)').fill('أخبار');
  await dialog.getByRole('button', { name: 'اشترك', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(feedRow(page, SITE_FEED)).toBeVisible();
  await expect.poll(() => unreadOf(page, SITE_FEED)).toBe('3');

  // A second feed in the same folder; the folder's count is the sum.
  await tree(page).getByRole('button', { name: 'اشترك', exact: true }).click();
  await dialog.getByLabel('عنوان الموقع أو الخلاصة').fill(server.url('/today.xml'));
  await dialog.getByLabel('المجلد (اختياري)').fill('أخبار');
  await dialog.getByRole('button', { name: 'اشترك', exact: true }).click();
  await expect(feedRow(page, SECOND_FEED)).toBeVisible();
  const folder = tree(page).locator('li.folder').filter({ hasText: 'أخبار' }).first();
  await expect.poll(async () => western(await folder.locator(':scope > .row .badge').innerText())).toBe('5');

  // The folder narrows the list to its feeds' five articles.
  await folder.locator(':scope > .row button.scope').click();
  await expect(rows(page)).toHaveCount(5);

  // J opens the first article; Space pages through it, then on to the next unread one.
  await page.keyboard.press('j');
  const reader = page.locator('sahifa-article-reader');
  await expect(reader.locator('article h1')).toBeVisible();
  const firstTitle = await reader.locator('article h1').innerText();
  for (let i = 0; i < 40 && (await reader.locator('article h1').innerText()) === firstTitle; i++) {
    await page.keyboard.press('Space');
  }
  await expect(reader.locator('article h1')).not.toHaveText(firstTitle);
  await expect.poll(async () => western(await folder.locator(':scope > .row .badge').innerText())).toBe('4');
  await expect(rows(page).filter({ hasText: firstTitle })).toHaveClass(/\bread\b/);

  // Shift+A marks the whole list read; the notice's undo makes them unread again.
  await page.keyboard.press('Shift+A');
  const notice = page.locator('sahifa-notice-toast');
  await expect(notice).toContainText('صار مقروءًا');
  await expect(folder.locator(':scope > .row .badge')).toHaveCount(0);
  await expect(page.locator('button.row.unread')).toHaveCount(0);
  await notice.getByRole('button', { name: 'تراجع' }).click();
  await expect.poll(async () => western(await folder.locator(':scope > .row .badge').innerText())).toBe('4');
  await expect(page.locator('button.row.unread')).toHaveCount(4);

  // Refresh now: the feed has two new items; they show in the list and the count (the article read
  // was the other feed's, the newest).
  expect(await unreadOf(page, SITE_FEED)).toBe('3');
  const reading = await reader.locator('article h1').innerText();
  server.serve('/gulf.xml', { body: arabicFeed({ count: 5 }), type: 'application/rss+xml', etag: '"g2"' });
  await feedRow(page, SITE_FEED).getByRole('button', { name: `إجراءات «${SITE_FEED}»` }).click();
  await tree(page).getByRole('menuitem', { name: 'حدّث الآن' }).click();
  await expect.poll(() => unreadOf(page, SITE_FEED)).toBe('5');
  await expect(rows(page)).toHaveCount(7);
  // The article being read stays open and chosen in the list.
  await expect(reader.locator('article h1')).toHaveText(reading);
  await expect(page.locator('button.row[aria-current="true"]')).toContainText(reading.slice(0, 20));

  // The highlights view narrows by subscription: a highlight in one feed's article shows under that
  // feed, not under the other.
  const feeds = await api<FeedList>(page, 'listFeeds');
  const feedId = (title: string) => feeds.feeds.find((f) => f.title === title)!.id;
  const [highlighted] = (await api<Page<ArticleSummary>>(page, 'listArticles', { feed: feedId(SITE_FEED), limit: 1 })).items;
  await api(page, 'addHighlight', { article: highlighted!.id, start: 0, end: 12, note: 'من الخلاصة' });
  await page.getByRole('button', { name: 'التظليلات' }).click();
  const pane = page.locator('sahifa-highlights-pane');
  const byFeed = pane.getByRole('combobox', { name: 'الاشتراك' });
  await byFeed.selectOption(String(feedId(SITE_FEED)));
  await expect(pane).toContainText('من الخلاصة');
  await byFeed.selectOption(String(feedId(SECOND_FEED)));
  await expect(pane).not.toContainText('من الخلاصة');
  await page.getByRole('button', { name: 'المكتبة' }).click();

  // Unsubscribe, keeping the articles: the feed goes, its articles stay in the library.
  await feedRow(page, SITE_FEED).getByRole('button', { name: `إجراءات «${SITE_FEED}»` }).click();
  await tree(page).getByRole('menuitem', { name: 'ألغِ الاشتراك…' }).click();
  const question = page.getByRole('dialog', { name: `إلغاء الاشتراك في «${SITE_FEED}»` });
  await expect(question.getByRole('radio', { name: 'تبقى في المكتبة' })).toBeChecked();
  await question.getByRole('button', { name: 'ألغِ الاشتراك' }).click();
  await expect(feedRow(page, SITE_FEED)).toHaveCount(0);
  await page.getByRole('button', { name: 'المكتبة' }).click();
  // The two welcome articles, and the seven of both feeds.
  await expect(rows(page)).toHaveCount(9);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the sidebar with feeds, a feed’s menu, its settings and the Subscribe dialog pass axe', async ({ page }) => {
      serveFeeds();
      await api(page, 'subscribe', { url: server.url('/gulf.xml'), folder: 'أخبار / الخليج' });
      await api(page, 'subscribe', { url: server.url('/today.xml') });
      await page.reload();
      await expect(feedRow(page, SITE_FEED)).toBeVisible();
      await feedRow(page, SITE_FEED).locator('button.scope').click();
      await expect(rows(page)).toHaveCount(3);
      await check(page, 'feeds');

      await feedRow(page, SECOND_FEED).getByRole('button', { name: `إجراءات «${SECOND_FEED}»` }).click();
      await expect(tree(page).getByRole('menu')).toBeVisible();
      await check(page, 'feed menu');
      await tree(page).getByRole('menuitem', { name: 'الإعدادات…' }).click();
      const settings = page.getByRole('dialog', { name: `إعدادات «${SECOND_FEED}»` });
      await expect(settings).toBeVisible();
      await check(page, 'feed settings');
      // Saving changes only what was changed: the name and folder stay.
      await settings.getByLabel('التحديث كل').selectOption('30');
      await settings.getByLabel('اجلب النص الكامل لكل خبر جديد').check();
      await settings.getByRole('button', { name: 'احفظ' }).click();
      await expect(settings).toBeHidden();
      const saved = (await api<{ feeds: { title: string; folder: number | null; intervalMinutes: number; fullText: boolean }[] }>(page, 'listFeeds')).feeds;
      expect(saved.find((f) => f.title === SECOND_FEED)).toMatchObject({ folder: null, intervalMinutes: 30, fullText: true });
      expect(saved.find((f) => f.title === SITE_FEED)?.folder).not.toBeNull();

      await tree(page).getByRole('button', { name: 'اشترك', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'اشترك في موقع أو خلاصة' })).toBeVisible();
      await check(page, 'subscribe dialog');
      await page.keyboard.press('Escape');

      // A feed whose server fails: its row and its settings say why in Arabic.
      // Its items are short: Sahifa suggests full text for it, until the reader says no.
      server.serve(`/${colorScheme}-failing.xml`, { body: arabicFeed({ count: 3, from: 20, title: 'خلاصة متعثرة', summaryChars: 120 }), type: 'application/rss+xml' });
      const failing = (await api<{ feed: { id: number } }>(page, 'subscribe', { url: server.url(`/${colorScheme}-failing.xml`) })).feed.id;
      server.serve(`/${colorScheme}-failing.xml`, { body: 'down', type: 'text/plain', status: 500 });
      await api(page, 'refreshFeeds', { feed: failing });
      const reason = 'حدث خطأ في خادم الموقع.';
      await expect(feedRow(page, 'خلاصة متعثرة').locator('button.scope')).toHaveAttribute('title', `خلاصة متعثرة — فشل آخر تحديث: ${reason}`);
      await feedRow(page, 'خلاصة متعثرة').getByRole('button', { name: 'إجراءات «خلاصة متعثرة»' }).click();
      await tree(page).getByRole('menuitem', { name: 'الإعدادات…' }).click();
      const failed = page.getByRole('dialog', { name: 'إعدادات «خلاصة متعثرة»' });
      await expect(failed.locator('p.error')).toHaveText(`فشل آخر تحديث: ${reason}`);
      await expect(failed.locator('p.suggestion')).toContainText('مقترح: أخبار هذه الخلاصة قصيرة');
      await check(page, 'feed settings with an error and a suggestion');
      // What the server said, word for word, is one click away: for whoever reports the failure.
      const detail = failed.locator('details.error-detail');
      await expect(detail.locator('code')).toBeHidden();
      await detail.getByText('تفاصيل الخطأ كما وردت (بالإنجليزية)').click();
      await expect(detail.locator('code')).toContainText('500');
      await failed.getByRole('button', { name: 'لا تقترح ذلك مجددًا' }).click();
      await expect(failed.locator('p.suggestion')).toHaveCount(0);
      await expect.poll(async () => (await api<FeedList>(page, 'listFeeds')).feeds.find((f) => f.id === failing)?.suggestFullText).toBe(false);
    });
  });
}

test('a web address pasted outside a text field is saved as a page and opened; pasted into the search it is only typed', async ({ page }) => {
  const title = 'صفحة محفوظة من عنوانها';
  server.serve('/picture.png', { body: PNG_1x1, type: 'image/png' });
  server.serve('/page.html', {
    type: 'text/html; charset=utf-8',
    body: `<html lang="ar"><head><title>${title}</title></head><body><article><h1>${title}</h1><p><img src="/picture.png" alt="صورة الصفحة"></p><p>${'نص الصفحة المحفوظة من الموقع. '.repeat(40)}</p></article></body></html>`,
  });
  const paste = (text: string) =>
    page.evaluate((value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    }, text);

  await page.getByRole('searchbox').focus();
  await paste(server.url('/page.html'));
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole('searchbox').blur();
  await paste(server.url('/page.html'));
  // "Saved", not "already in the library": the paste into the search saved nothing.
  await expect(page.locator('sahifa-notice-toast')).toContainText(`حُفظت «${title}»`);
  await expect(page.locator('sahifa-article-reader article h1')).toHaveText(title);
  await expect(rows(page)).toHaveCount(3);
  // Its picture, kept in the library, is shown from there (no request leaves the app: the fixture's guard).
  await expect(page.locator('sahifa-article-reader img[alt="صورة الصفحة"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
});
