/**
 * Importing from the window: the file picker (an <input type=file> in the browser mode), drops,
 * and the API; the report says what was imported, what was a duplicate and why a file failed.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The article import's file input (the subscriptions have their own, for OPML). */
const articleFiles = (page: Page) => page.locator('sahifa-app').locator('input[type=file][multiple]');

const shared = path.resolve(process.cwd(), '..', 'shared');
const WINDOWS_1256 = path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_article.windows-1256.txt');
const TITLE = 'برلمان تونس يقر مجموعة قوانين تصل إلى الإعدام لمرتكبي الجرائم الإرهابية';

test('the import button imports a windows-1256 file, then reports a duplicate and a failure', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'Electron opens the system dialog, which a test cannot drive');
  const input = articleFiles(page);

  await page.getByRole('button', { name: 'استيراد' }).click();
  await input.setInputFiles(WINDOWS_1256);
  const toast = page.locator('sahifa-import-toast .toast');
  await expect(toast.locator('.summary')).toHaveText('تم استيراد مقالة واحدة');
  await expect(page.locator('.list-header .count')).toHaveText('٣ مقالات');
  await expect(page.locator('button.row', { hasText: TITLE })).toBeVisible();

  await input.setInputFiles([
    { name: path.basename(WINDOWS_1256), mimeType: 'text/plain', buffer: fs.readFileSync(WINDOWS_1256) },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') },
  ]);
  await expect(toast.locator('.summary')).toHaveText('لم تُستورد مقالات جديدة، ١ مكرر، ١ فشل');
  await expect(toast.locator('.failures li')).toHaveCount(1);
  await expect(toast.locator('.failures .file')).toHaveText('scan.pdf');
  // Said in the interface's language from the failure's code, not main's English line.
  await expect(toast.locator('.failures .reason')).toHaveText('صيغة غير مدعومة (\u2068PDF\u2069)');
  await expect(page.locator('.list-header .count')).toHaveText('٣ مقالات');

  await toast.getByRole('button', { name: 'إغلاق' }).click();
  await expect(toast).toHaveCount(0);
});

test('each file that cannot be imported shows why, in Arabic and then in English', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'Electron opens the system dialog, which a test cannot drive');
  const input = articleFiles(page);
  const toast = page.locator('sahifa-import-toast .toast');
  const broken = [
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'feed.xml', mimeType: 'application/xml', buffer: Buffer.from('<rss>\n<channel>\n<item><title>خبر</item>\n</channel>\n</rss>') },
    { name: 'style.css', mimeType: 'text/css', buffer: Buffer.from('body { color: red }') },
  ];

  await page.getByRole('button', { name: 'استيراد' }).click();
  await input.setInputFiles(broken);
  await expect(toast.locator('.summary')).toHaveText('لم تُستورد مقالات جديدة، ٣ فشل');
  await expect(toast.locator('.failures .file')).toHaveText(['empty.txt', 'feed.xml', 'style.css']);
  await expect(toast.locator('.failures .reason')).toHaveText(['الملف فارغ', 'ملف XML تالف عند السطر ٣', 'صيغة غير مدعومة (\u2068.css\u2069)']);

  await page.evaluate(() =>
    (window as unknown as { sahifa: { updateSettings(input: unknown): Promise<unknown> } }).sahifa.updateSettings({ settings: { language: 'en' } }),
  );
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Import' }).click();
  await input.setInputFiles(broken);
  await expect(toast.locator('.failures .reason')).toHaveText(['The file is empty', 'Broken XML at line 3', 'Unsupported format (.css)']);
});

test('a feed item that cannot be imported is named by its number after its file', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'Electron opens the system dialog, which a test cannot drive');
  const feed = '<rss><channel><title>F</title><item><title>خبر أول</title><description>نص الخبر</description></item><item><link>http://example.com/x</link></item></channel></rss>';
  await page.getByRole('button', { name: 'استيراد' }).click();
  await articleFiles(page).setInputFiles([{ name: 'feed.xml', mimeType: 'application/xml', buffer: Buffer.from(feed) }]);
  const toast = page.locator('sahifa-import-toast .toast');
  // The first import starts the import thread: on a busy machine that takes a while.
  await expect(toast.locator('.summary')).toHaveText('تم استيراد مقالة واحدة، ١ فشل', { timeout: 30_000 });
  await expect(toast.locator('.failures .file')).toHaveText('\u2068feed.xml\u2069 › الخبر ٢');
});

test('the report says when a file’s declared encoding was overridden or its garbled text restored', async ({ app, page }) => {
  test.skip(app.shell !== 'browser', 'Electron opens the system dialog, which a test cannot drive');
  const input = articleFiles(page);
  const toast = page.locator('sahifa-import-toast .toast');
  const article = fs.readFileSync(WINDOWS_1256.replace('windows-1256', 'utf8'), 'utf8');
  const [title, ...body] = article.split('\n').filter((line) => line.trim() !== '');
  const files = [
    // A page that still declares windows-1256 though it was saved as UTF-8.
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(`<html><head><meta charset="windows-1256"><title>${title}</title></head><body><article>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`) },
    // Text that was garbled before it was saved: its UTF-8 read as windows-1256.
    { name: 'garbled.txt', mimeType: 'text/plain', buffer: Buffer.from(new TextDecoder('windows-1256').decode(Buffer.from(`خبر: ${article}`))) },
  ];

  await page.getByRole('button', { name: 'استيراد' }).click();
  await input.setInputFiles(files);
  // Generous: the browser mode imports slowly on a busy machine.
  await expect(toast.locator('.summary')).toHaveText('تم استيراد مقالتان', { timeout: 30_000 });
  await expect(toast.locator('.failures .file')).toHaveText(['page.html', 'garbled.txt']);
  await expect(toast.locator('.failures .note')).toHaveText([
    'يعلن الملف ترميز \u2068windows-1256\u2069 لكن نصه بترميز \u2068UTF-8\u2069، فقُرئ به',
    'أُصلح نص مشوّه: نص UTF-8 سبق أن قُرئ بترميز \u2068windows-1256\u2069',
  ]);
  await expect(page.locator('button.row', { hasText: 'خبر: برلمان تونس' })).toBeVisible();
});

test('files dropped on the window are imported', async ({ page }) => {
  const bytes = [...fs.readFileSync(WINDOWS_1256)];
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(content)], 'tunis.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(page.locator('sahifa-import-toast .summary')).toHaveText('تم استيراد مقالة واحدة');
  await expect(page.locator('button.row', { hasText: TITLE })).toBeVisible();
  await expect(page.locator('.drop')).toHaveCount(0);
});

test('an article imported through the API shows in the list and opens', async ({ page }) => {
  const base64 = fs.readFileSync(WINDOWS_1256).toString('base64');
  const report = await page.evaluate(
    (data) =>
      (window as unknown as { sahifa: { importFileData(input: unknown): Promise<{ imported: number }> } }).sahifa.importFileData({
        files: [{ name: 'tunis.txt', base64: data }],
      }),
    base64,
  );
  expect(report.imported).toBe(1);
  // No event in the browser mode: a reload shows the library as it is now.
  await page.reload();
  await expect(page.locator('.list-header .count')).toHaveText('٣ مقالات');
  await page.locator('button.row', { hasText: TITLE }).click();
  await expect(page.locator('sahifa-article-reader article h1')).toHaveText(TITLE);
  await expect(page.locator('sahifa-article-reader article .body p').first()).toContainText('اقر برلمان تونس');
});
