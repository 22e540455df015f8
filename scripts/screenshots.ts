/**
 * Writes the README's screenshots (docs/screenshot-*.png, 1280×800, light and dark) from the real
 * app: the browser mode on a temporary library, filled with 30 real articles from the SaudiNewsNet
 * corpus, photographed in Chromium: search results, the reader (light and dark), the library with
 * tags and unread articles, highlights and the highlights view (light and dark), the settings panel,
 * and the English interface; and, on a library of its own, the sidebar's subscriptions (feeds served
 * by a local server from the same corpus), a folder's menu, and the narrow window's drawer.
 *
 *   npm run screenshots        (builds first; or: npx tsx scripts/screenshots.ts after a build)
 *   npx tsx scripts/screenshots.ts feeds      (only the subscriptions' screenshots)
 *
 * Needs Chromium (/usr/bin/chromium, CHROMIUM=/path, or Playwright's own) and ../shared/corpus.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions, startBrowserMode, stopChild } from '../tests/e2e/browser-mode';
import { CORPUS, readNewsDay, type NewsArticle } from '../tests/fixtures/corpus';
import { arabicFeed, FeedServer } from '../tests/fixtures/feed-server';

const root = process.cwd();
const corpusDay = path.join(CORPUS, 'saudinewsnet', '2015-07-21.zip');
const docs = path.join(root, 'docs');
const ARTICLES = 30;
/** Typed without hamza: the results show "الأمن", "للأمن", "وأمنها"… as the articles wrote them. */
const QUERY = 'الامن';
/** The article the reading view shows: near the top of the list, long, with a byline. */
const READER_ARTICLE = 'حديقة «عين نجم»';

/** The corpus names newspapers by their site; the app shows them as their readers know them. */
const NEWSPAPERS: Record<string, string> = {
  aawsat: 'الشرق الأوسط',
  aleqtisadiya: 'الاقتصادية',
  aljazirah: 'الجزيرة',
  almadina: 'المدينة',
  alriyadh: 'الرياض',
  alwatan: 'الوطن',
  alweeam: 'الوئام',
  alyaum: 'اليوم',
  arreyadi: 'الرياضي',
  okaz: 'عكاظ',
  sabq: 'سبق',
};

/** 30 articles of readable length, taken in turn from each newspaper so the list is varied. */
function pickArticles(): NewsArticle[] {
  const all = readNewsDay(corpusDay);
  if (all.length === 0) throw new Error(`${corpusDay} holds no articles`);
  const bySource = new Map<string, NewsArticle[]>();
  for (const article of all) {
    if (article.title.trim() === '' || article.content.length < 900 || article.content.length > 6000) continue;
    bySource.set(article.source, [...(bySource.get(article.source) ?? []), article]);
  }
  const sources = [...bySource.keys()].sort();
  const picked: NewsArticle[] = [];
  for (let round = 0; picked.length < ARTICLES; round++) {
    let added = false;
    for (const source of sources) {
      const article = bySource.get(source)?.[round];
      if (article !== undefined && picked.length < ARTICLES) {
        picked.push(article);
        added = true;
      }
    }
    if (!added) break;
  }
  return picked;
}

const yamlString = (value: string): string => JSON.stringify(value.replace(/\s+/g, ' ').trim());

/** A Markdown file with front matter, the way a reader's own notes or an export would look. */
function toMarkdown(article: NewsArticle): string {
  const front = [
    '---',
    `title: ${yamlString(article.title)}`,
    `source: ${yamlString(NEWSPAPERS[article.source] ?? article.source)}`,
    `date: ${article.date_extracted.replace(' ', 'T')}+03:00`,
    article.author.trim() === '' ? null : `author: ${yamlString(article.author)}`,
    `url: ${encodeURI(decodeURI(article.url))}`,
    '---',
  ].filter((line) => line !== null);
  const body = article.content
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  return `${front.join('\n')}\n\n${body}\n`;
}

interface Server {
  child: ChildProcess;
  url: URL;
  token: string;
}

async function startServer(library: string): Promise<Server> {
  const { child, url } = await startBrowserMode(library);
  const address = new URL(url);
  return { child, url: address, token: address.searchParams.get('token') ?? '' };
}

async function importArticles(server: Server, articles: NewsArticle[]): Promise<void> {
  const files = articles.map((article, i) => ({
    name: `${String(i + 1).padStart(2, '0')}-${article.source}.md`,
    base64: Buffer.from(toMarkdown(article), 'utf8').toString('base64'),
  }));
  const response = await fetch(new URL('/api/importFileData', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sahifa-token': server.token },
    body: JSON.stringify({ files }),
  });
  const body = (await response.json()) as { result?: { imported: number; failed: unknown[] }; error?: { message: string } };
  if (body.result === undefined) throw new Error(`import failed: ${body.error?.message ?? response.status}`);
  console.log(`screenshots: imported ${body.result.imported} articles, ${body.result.failed.length} failed`);
}

/** Calls the API as a script (the token header), for setting the scene. */
async function callApi<T>(server: Server, method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`/api/${method}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sahifa-token': server.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.result === undefined) throw new Error(`${method} failed: ${body.error?.message ?? response.status}`);
  return body.result;
}

/** Some articles read, a few tagged, one bookmarked with a note: a library in use. */
async function useLibrary(server: Server): Promise<void> {
  const page = await callApi<{ items: { id: number; source: string | null }[] }>(server, 'listArticles', { limit: 30 });
  const ids = page.items.map((item) => item.id);
  for (const id of ids.filter((_, i) => i % 3 === 1 || i > 12)) await callApi(server, 'saveReading', { id, read: true });
  for (const id of ids.slice(0, 4)) await callApi(server, 'setTags', { id, tags: ['اقتصاد'] });
  for (const id of ids.slice(3, 6)) await callApi(server, 'setTags', { id, tags: ['تقرير الأسبوع', ...(id === ids[3] ? ['اقتصاد'] : [])] });
  await callApi(server, 'setTags', { id: ids[7], tags: ['رياضة'] });
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Let the virtualizer measure and place its rows, and transitions finish.
  await page.waitForTimeout(400);
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(docs, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshots: wrote ${path.relative(root, file)}`);
}

/**
 * The sidebar with subscriptions: two newspapers in a folder, a feed with a mixed Arabic and Latin
 * title, one whose last refresh failed and one paused; the list narrowed to the folder, an article
 * open. Light and dark.
 */
async function shootFeeds(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-screenshots-feeds-'));
  const feeds = await FeedServer.start();
  const server = await startServer(path.join(temp, 'library.sqlite'));
  try {
    feeds.serve('/sabq.xml', { body: arabicFeed({ count: 9, from: 0, title: 'سبق' }), type: 'application/rss+xml' });
    feeds.serve('/riyadh.xml', { body: arabicFeed({ count: 6, from: 20, title: 'الرياض' }), type: 'application/rss+xml' });
    feeds.serve('/arabnews.xml', { body: arabicFeed({ count: 4, from: 40, title: 'Arab News — أخبار العرب' }), type: 'application/rss+xml' });
    feeds.serve('/okaz.xml', { body: arabicFeed({ count: 3, from: 50, title: 'عكاظ' }), type: 'application/rss+xml' });
    feeds.serve('/aawsat.xml', { body: arabicFeed({ count: 5, from: 60, title: 'الشرق الأوسط' }), type: 'application/rss+xml' });
    await callApi(server, 'subscribe', { url: feeds.url('/sabq.xml'), folder: 'صحف سعودية' });
    await callApi(server, 'subscribe', { url: feeds.url('/riyadh.xml'), folder: 'صحف سعودية' });
    await callApi(server, 'subscribe', { url: feeds.url('/okaz.xml'), folder: 'صحف سعودية / الرأي' });
    await callApi(server, 'subscribe', { url: feeds.url('/arabnews.xml') });
    const aawsat = await callApi<{ feed: { id: number } }>(server, 'subscribe', { url: feeds.url('/aawsat.xml') });
    await callApi(server, 'updateFeed', { id: aawsat.feed.id, paused: true });
    // A feed whose site is down: its last error shows under its name.
    feeds.serve('/arabnews.xml', { body: 'down for maintenance', type: 'text/plain', status: 503 });
    const arabNews = (await callApi<{ feeds: { id: number; title: string }[] }>(server, 'listFeeds', {})).feeds.find((f) => f.title.startsWith('Arab News'))!;
    await callApi(server, 'refreshFeeds', { feed: arabNews.id });
    for (let i = 0; i < 50; i++) {
      const list = await callApi<{ feeds: { id: number; lastError: string | null }[] }>(server, 'listFeeds', {});
      if (list.feeds.find((f) => f.id === arabNews.id)?.lastError) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sabq = await callApi<{ items: { id: number }[] }>(server, 'listArticles', { limit: 50 });
    for (const { id } of sabq.items.slice(2, 6)) await callApi(server, 'saveReading', { id, read: true });
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme, locale: 'ar' });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`screenshots: page error: ${error.message}`));
      await page.goto(server.url.href);
      await page.locator('sahifa-feed-tree li.feed').first().waitFor();
      await page.locator('sahifa-feed-tree li.folder button.scope').first().click();
      const first = page.locator('button.row').first();
      await first.click();
      await page.locator('article h1').waitFor();
      await first.blur();
      await settle(page);
      await shoot(page, `screenshot-feeds${scheme === 'dark' ? '-dark' : ''}`);
      if (scheme === 'light') {
        // A folder's menu: refresh, mark read, rename, delete.
        const folder = page.locator('sahifa-feed-tree li.folder').first();
        await folder.locator(':scope > .row button.more').click();
        await page.locator('sahifa-feed-tree [role=menu]').waitFor();
        await settle(page);
        await shoot(page, 'screenshot-feeds-folder-menu');
      }
      await context.close();

      // A narrow window: the sidebar opens as a drawer from the right, over the list.
      const narrow = await browser.newContext({ viewport: { width: 600, height: 800 }, colorScheme: scheme, locale: 'ar' });
      const small = await narrow.newPage();
      small.on('pageerror', (error) => console.error(`screenshots: page error: ${error.message}`));
      await small.goto(server.url.href);
      await small.locator('sahifa-app button.row').first().waitFor();
      await small.locator('.sidebar-toggle').click();
      await small.locator('sahifa-feed-tree li.feed').first().waitFor();
      await settle(small);
      await shoot(small, `screenshot-feeds-narrow${scheme === 'dark' ? '-dark' : ''}`);
      await narrow.close();
    }
  } finally {
    await stopChild(server.child);
    await feeds.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'feeds') {
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), ...(process.env.CHROMIUM ? { executablePath: process.env.CHROMIUM } : {}) });
    try {
      await shootFeeds(browser);
    } finally {
      await browser.close();
    }
    return;
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-screenshots-'));
  const server = await startServer(path.join(temp, 'library.sqlite'));
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    ...(process.env.CHROMIUM ? { executablePath: process.env.CHROMIUM } : {}),
  });
  try {
    await importArticles(server, pickArticles());
    fs.mkdirSync(docs, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = scheme === 'dark' ? '-dark' : '';
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: scheme,
        locale: 'ar',
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`screenshots: page error: ${error.message}`));
      await page.goto(server.url.href);
      await page.locator('sahifa-app button.row').first().waitFor();

      // Search results with marks, the first result open with its matches marked.
      await page.locator('#search').fill(QUERY);
      await page.locator('button.row mark').first().waitFor();
      // A result from the corpus (the bundled sample has no source line to show).
      const result = page.locator('button.row', { has: page.locator('.source') }).first();
      await result.click();
      await page.locator('article .body mark').first().waitFor();
      await result.blur();
      await settle(page);
      await shoot(page, `screenshot-library-search${suffix}`);

      // The reading view: the library, one article open.
      await page.locator('#search').fill('');
      await page.locator('#search').press('Escape');
      await page.locator('.list-header h1', { hasText: 'المكتبة' }).waitFor();
      const article = page.locator('button.row', { hasText: READER_ARTICLE });
      await article.click();
      await page.locator('article h1').waitFor();
      await article.blur();
      await settle(page);
      await shoot(page, `screenshot-reader${suffix}`);
      await context.close();
    }

    // A library in use: unread articles in bold with a dot, tags in the sidebar.
    await useLibrary(server);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'ar' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`screenshots: page error: ${error.message}`));
    await page.goto(server.url.href);
    await page.locator('sahifa-app button.row').first().waitFor();
    await page.locator('.nav-item.tag-item').first().waitFor();
    const article = page.locator('button.row', { hasText: READER_ARTICLE });
    await article.click();
    await page.locator('article h1').waitFor();
    await article.blur();
    await settle(page);
    await shoot(page, 'screenshot-library');

    // Highlights in three colours, one with a note, and the editor of one open.
    const id = Number(await page.locator('article').getAttribute('data-id'));
    const { text } = await callApi<{ text: string }>(server, 'getArticle', { id });
    const sentence = (from: number) => {
      const start = text.indexOf(' ', from) + 1;
      return { start, end: text.indexOf(' ', start + 70) };
    };
    await callApi(server, 'addHighlight', { article: id, ...sentence(60), color: 'yellow', note: 'رقم يستحق المتابعة في تقرير الأسبوع' });
    await callApi(server, 'addHighlight', { article: id, ...sentence(400), color: 'green' });
    await callApi(server, 'addHighlight', { article: id, ...sentence(700), color: 'blue' });
    await page.reload();
    await page.locator('button.row', { hasText: READER_ARTICLE }).click();
    await page.locator('article mark.reader-highlight').first().waitFor();
    await page.locator('button.row', { hasText: READER_ARTICLE }).blur();
    await page.locator('article mark.reader-highlight[data-color="green"]').first().click();
    await settle(page);
    await shoot(page, 'screenshot-highlights');

    // The highlights view: highlights of three articles, newest first, the chosen one open in the
    // reader, scrolled to and marked; light and dark.
    await page.keyboard.press('Escape');
    const others = (await callApi<{ items: { id: number }[] }>(server, 'listArticles', { limit: 12 })).items.filter((item) => item.id !== id);
    const notes = ['تصريح مهم للمقارنة مع بيان الوزارة', null, 'Useful figure for the weekly report'];
    for (const [i, other] of others.slice(0, 3).entries()) {
      const { text: otherText } = await callApi<{ text: string }>(server, 'getArticle', { id: other.id });
      const start = otherText.indexOf(' ', Math.floor(otherText.length * 0.4)) + 1;
      const end = otherText.indexOf(' ', start + 90);
      await callApi(server, 'addHighlight', { article: other.id, start, end: end > start ? end : otherText.length, color: (['pink', 'yellow', 'blue'] as const)[i], note: notes[i] });
    }
    await page.reload();
    await page.locator('sahifa-sidebar .nav-item[data-view="highlights"]').click();
    const chosen = page.locator('sahifa-highlights-pane button.row').nth(2);
    await chosen.click();
    await page.locator('article mark.reader-highlight[data-revealed]').first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle(page);
      await shoot(page, `screenshot-highlights-view${scheme === 'dark' ? '-dark' : ''}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // The settings panel over the article, in the sepia theme with Amiri.
    await callApi(server, 'updateSettings', { settings: { theme: 'sepia', textFace: 'amiri', fontSize: 22, hijri: true } });
    await page.reload();
    await page.locator('button.row', { hasText: READER_ARTICLE }).click();
    await page.locator('article h1').waitFor();
    await page.locator('.settings-button').click();
    await page.locator('sahifa-settings-panel dialog').waitFor();
    await settle(page);
    await shoot(page, 'screenshot-settings');

    // The English interface, mirrored; the Arabic article keeps its direction.
    await callApi(server, 'updateSettings', { settings: { theme: 'light', textFace: 'naskh', fontSize: 20, hijri: false, language: 'en' } });
    await page.reload();
    await page.locator('button.row', { hasText: READER_ARTICLE }).click();
    await page.locator('article h1').waitFor();
    await page.locator('button.row', { hasText: READER_ARTICLE }).blur();
    await settle(page);
    await shoot(page, 'screenshot-english');
    await context.close();

    await shootFeeds(browser);
  } finally {
    await browser.close();
    await stopChild(server.child);
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
