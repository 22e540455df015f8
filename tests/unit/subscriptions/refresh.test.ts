/**
 * Subscribing and refreshing against a local server: Arabic feeds in UTF-8 and windows-1256 with
 * and without a charset, discovery, validators stored and sent, 304s, items that come back or
 * change, permanent and temporary redirects, 410, 429, backoff, limits per host, full text and
 * offline images.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRefreshLibrary, openRefreshLibrary } from '../../fixtures/refresh-library';
import { Library } from '../../../main/library/library';
import { NoFeedError } from '../../../main/subscriptions/discover';
import { FetchError } from '../../../main/subscriptions/http';
import { nextCheck, refreshContext, refreshFeed, refreshFeeds, SETTING_IMAGES } from '../../../main/subscriptions/refresh';
import { savePage, subscribe } from '../../../main/subscriptions/subscribe';
import { arabicFeed, FeedServer, HOSTILE_SVG, news, PNG_1x1 } from '../../fixtures/feed-server';
import { CORPUS } from '../../fixtures/corpus';

let server: FeedServer;
let dir: string;
let library: Library;
let ctx: ReturnType<typeof refreshContext>;

beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(() => server.close());
beforeEach(() => ({ dir, library, ctx } = openRefreshLibrary('sahifa-refresh-')));
afterEach(() => closeRefreshLibrary({ dir, library, ctx }));

let unique = 0;
/** A fresh path on the server for each test. */
function route(name: string): string {
  return `/${++unique}/${name}`;
}

const firstTitle = news(1)[0]!.title.trim();

describe('Arabic feeds in every encoding', () => {
  const cases = [
    { name: 'UTF-8 with a charset', encoding: 'utf-8', type: 'application/rss+xml; charset=utf-8', declare: true },
    { name: 'UTF-8 with none anywhere', encoding: 'utf-8', type: 'application/rss+xml', declare: false },
    { name: 'windows-1256 with a charset', encoding: 'windows-1256', type: 'text/xml; charset=windows-1256', declare: false },
    { name: 'windows-1256 declared in the XML only', encoding: 'windows-1256', type: 'application/rss+xml', declare: true },
    { name: 'windows-1256 with no charset anywhere', encoding: 'windows-1256', type: 'application/rss+xml', declare: false },
    { name: 'windows-1256 served as "utf-8"', encoding: 'windows-1256', type: 'application/rss+xml; charset=utf-8', declare: false },
  ] as const;
  it.each(cases)('reads $name', async ({ encoding, type, declare }) => {
    const at = route('feed.xml');
    server.serve(at, { body: arabicFeed({ count: 5, encoding, declare }), type });
    const report = await subscribe(ctx, server.url(at));
    expect(report).toMatchObject({ imported: 5, duplicates: 0, failed: [] });
    expect(report.feed.title).toBe('أخبار السعودية');
    const titles = library.list({ feeds: [report.feed.id] }).items.map((a) => a.title);
    expect(titles).toContain(firstTitle);
    expect(library.search(firstTitle.split(' ').slice(0, 2).join(' ')).total).toBeGreaterThan(0);
  });

  it('reads a windows-1252 feed as windows-1252 (punctuation at 0x80–0x9F), and undoes UTF-8 read as Latin-1 in its items', async () => {
    const at = route('feed.xml');
    const latin = (s: string) => Buffer.from(s, 'latin1');
    // “Sahifa’s news” – in windows-1252 bytes, served with that charset; the item's text holds
    // "…" as UTF-8 once read as ISO-8859-1 and escaped again (feedparser's double-encoded case).
    const body = Buffer.concat([
      latin('<?xml version="1.0"?><rss version="2.0"><channel><title>Latin</title><link>https://latin.example/</link><item><guid>l-1</guid><title>'),
      Uint8Array.from([0x93]), latin('Sahifa'), Uint8Array.from([0x92]), latin('s news'), Uint8Array.from([0x94, 0x20, 0x96]), latin(' caf'), Uint8Array.from([0xe9]),
      latin('</title><description>Wait&#226;&#128;&#166; for it</description></item></channel></rss>'),
    ]);
    server.serve(at, { body, type: 'application/rss+xml; charset=windows-1252' });
    const report = await subscribe(ctx, server.url(at));
    expect(report).toMatchObject({ imported: 1, failed: [] });
    const article = library.get(library.list({ feeds: [report.feed.id] }).items[0]!.id);
    expect(article.title).toBe('“Sahifa’s news” – café');
    expect(article.text).toBe('Wait… for it');
  });

  it('reads real feeds from the corpus (RSS, Atom, JSON Feed) served with the wrong content type', async () => {
    for (const file of ['feeds/rss-parser/heise.atom', 'feeds/jsonfeed/extended-feed.json', 'feeds/chardet-hebrew-feeds/hevra.org.il.xml']) {
      const at = route(path.basename(file));
      server.serve(at, { body: fs.readFileSync(path.join(CORPUS, file)), type: 'text/plain' });
      const report = await subscribe(ctx, server.url(at));
      expect(report.imported, file).toBeGreaterThan(0);
    }
  });
});

describe('discovery', () => {
  it('finds the feed a page announces, else one at the usual paths, else says there is none', async () => {
    const site = route('site');
    const feedPath = route('announced.xml');
    server.serve(feedPath, { body: arabicFeed({ count: 2 }), type: 'application/rss+xml' });
    server.serve(site, { body: `<html><head><link rel="alternate" type="application/rss+xml" href="${feedPath}"></head><body>موقع</body></html>`, type: 'text/html' });
    const found = await subscribe(ctx, server.url(site));
    expect(found.feed.url).toBe(server.url(feedPath));

    const other = await FeedServer.start();
    try {
      other.serve('/', { body: '<html><body>لا رابط</body></html>', type: 'text/html' });
      other.serve('/rss.xml', { body: arabicFeed({ count: 1 }), type: 'application/rss+xml' });
      expect((await subscribe(ctx, other.url('/'))).feed.url).toBe(other.url('/rss.xml'));
      other.serve('/plain', { body: '<html><body>nothing</body></html>', type: 'text/html' });
      other.serve('/rss.xml', { body: 'not here', status: 404 });
      await expect(subscribe(ctx, other.url('/plain'))).rejects.toBeInstanceOf(NoFeedError);
      await expect(subscribe(ctx, other.url('/absent'))).rejects.toBeInstanceOf(FetchError);
    } finally {
      await other.close();
    }
  });
});

describe('refreshing', () => {
  it('stores validators from a 200, sends them, counts a 304, and takes new ones from a 304', async () => {
    const at = route('feed.xml');
    let etag = '"a"';
    server.on(at, (req, res) => {
      if (req.headers['if-none-match'] === '"a"') {
        res.writeHead(304, { etag: (etag = '"b"') });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Tue, 21 Jul 2015 08:00:00 GMT' });
      res.end(arabicFeed({ count: 3 }));
    });
    const { feed } = await subscribe(ctx, server.url(at));
    expect(library.feeds().get(feed.id)).toMatchObject({ etag: '"a"', lastModified: 'Tue, 21 Jul 2015 08:00:00 GMT' });
    const summary = await refreshFeeds(ctx, [feed.id]);
    expect(summary).toMatchObject({ feeds: 1, new: 0, not_modified: 1, failed: [] });
    expect(server.seen(at).at(-1)!.headers['if-modified-since']).toBe('Tue, 21 Jul 2015 08:00:00 GMT');
    expect(library.feeds().get(feed.id).etag).toBe('"b"');
  });

  it('adds only new items, and an item changed upstream updates its article and keeps it read', async () => {
    const at = route('feed.xml');
    let body = arabicFeed({ count: 3 });
    server.serve(at, () => ({ body, type: 'application/rss+xml' }));
    const { feed } = await subscribe(ctx, server.url(at));
    const [newest] = library.list({ feeds: [feed.id] }).items;
    library.saveReading(newest!.id, { read: true });
    body = arabicFeed({ count: 4, change: ' — تحديث' });
    expect(await refreshFeed(ctx, feed.id)).toMatchObject({ status: 'fetched', new: 1, updated: 3 });
    expect(library.get(newest!.id)).toMatchObject({ read: true });
    expect(library.get(newest!.id).text).toMatch(/تحديث$/);
    expect(library.feeds().get(feed.id)).toMatchObject({ articles: 4, unread: 3 });
    expect(await refreshFeed(ctx, feed.id)).toMatchObject({ new: 0, updated: 0 });
  });

  it('keeps every item of a broken feed that reads on its own', async () => {
    const at = route('feed.xml');
    const good = Buffer.from(arabicFeed({ count: 3 })).toString('utf8');
    const broken = good.replace('</channel>', '<item><guid>broken</guid><title>مكسور</titl></item>\n</channel>');
    server.serve(at, { body: broken, type: 'application/rss+xml' });
    const report = await subscribe(ctx, server.url(at));
    expect(report.imported).toBe(3);
    expect(report.failed).toEqual([{ path: `${server.url(at)} › item 4`, error: expect.stringMatching(/broken XML/) }]);
  });

  it('matches items without a guid by their link', async () => {
    const at = route('feed.xml');
    let body = arabicFeed({ count: 2, noGuid: true });
    server.serve(at, () => ({ body, type: 'application/rss+xml' }));
    const { feed } = await subscribe(ctx, server.url(at));
    body = arabicFeed({ count: 2, noGuid: true, change: ' تصحيح' });
    expect(await refreshFeed(ctx, feed.id)).toMatchObject({ new: 0, updated: 2 });
  });

  it('a permanent redirect moves the feed; a temporary one does not', async () => {
    const target = route('new-home.xml');
    const permanent = route('old.xml');
    const temporary = route('elsewhere.xml');
    server.serve(target, { body: arabicFeed({ count: 1 }), type: 'application/rss+xml' });
    server.serve(permanent, { body: arabicFeed({ count: 1, from: 5 }), type: 'application/rss+xml' });
    server.serve(temporary, { body: arabicFeed({ count: 1, from: 7 }), type: 'application/rss+xml' });
    const movedFeed = (await subscribe(ctx, server.url(permanent))).feed;
    const tempFeed = (await subscribe(ctx, server.url(temporary))).feed;
    server.redirect(permanent, target, 301);
    server.redirect(temporary, target, 307);
    await refreshFeeds(ctx, [movedFeed.id, tempFeed.id]);
    expect(library.feeds().get(movedFeed.id).url).toBe(server.url(target));
    expect(library.feeds().get(tempFeed.id).url).toBe(server.url(temporary));
  }, 30_000);

  it('410 pauses the feed and says why; paused feeds are left out of "refresh all"', async () => {
    const at = route('feed.xml');
    server.serve(at, { body: arabicFeed({ count: 1 }), type: 'application/rss+xml' });
    const { feed } = await subscribe(ctx, server.url(at));
    server.serve(at, { body: 'gone', status: 410 });
    const summary = await refreshFeeds(ctx, [feed.id]);
    expect(summary.failed).toEqual([{ feed: feed.id, url: server.url(at), error: expect.stringMatching(/410/) }]);
    expect(library.feeds().get(feed.id).paused).toMatch(/gone \(410\)/);
    const { activeFeedIds } = await import('../../../main/subscriptions/refresh');
    expect(activeFeedIds(library)).not.toContain(feed.id);
  });

  it('429 waits as long as Retry-After says; failures back off, keep the last error, and stop at a day', async () => {
    const at = route('feed.xml');
    server.serve(at, { body: arabicFeed({ count: 1 }), type: 'application/rss+xml' });
    const { feed } = await subscribe(ctx, server.url(at));
    server.serve(at, { body: 'slow down', status: 429, headers: { 'retry-after': '7200' } });
    const before = Date.now();
    await refreshFeed(ctx, feed.id);
    const stored = library.feeds().get(feed.id);
    expect(Date.parse(stored.nextCheck!) - before).toBeGreaterThanOrEqual(7200_000);
    expect(stored).toMatchObject({ failures: 1, lastError: expect.stringMatching(/429/) });
    server.serve(at, { body: 'oops', status: 500 });
    await refreshFeed(ctx, feed.id);
    await refreshFeed(ctx, feed.id);
    expect(library.feeds().get(feed.id)).toMatchObject({ failures: 3, lastError: 'the server answered 500 Internal Server Error' });
    server.serve(at, { body: arabicFeed({ count: 1 }), type: 'application/rss+xml' });
    await refreshFeed(ctx, feed.id);
    expect(library.feeds().get(feed.id)).toMatchObject({ failures: 0, lastError: null });
  });

  it('keeps to at most N requests per host at once', async () => {
    const other = await FeedServer.start();
    let inFlight = 0;
    let most = 0;
    const ids: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        other.serve(`/f${i}.xml`, { body: arabicFeed({ count: 1, from: i }), type: 'application/rss+xml' });
        ids.push((await subscribe(ctx, other.url(`/f${i}.xml`))).feed.id);
        other.on(`/f${i}.xml`, (_req, res) => {
          most = Math.max(most, ++inFlight);
          setTimeout(() => {
            inFlight--;
            res.writeHead(304);
            res.end();
          }, 60);
        });
      }
      const summary = await refreshFeeds(ctx, ids, { parallel: 6, perHost: 2 });
      expect(summary.not_modified).toBe(6);
      expect(most).toBe(2);
    } finally {
      await other.close();
    }
  });
});

describe('when to come back', () => {
  const feed = { intervalMinutes: 60 };
  const now = Date.parse('2026-01-01T00:00:00Z');
  const at = (iso: string) => (Date.parse(iso) - now) / 60_000;
  it('waits the interval, or longer when the feed asks (ttl, max-age), never less; jitter only adds', () => {
    expect(at(nextCheck(feed, {}, now, () => 0))).toBe(60);
    expect(at(nextCheck(feed, {}, now, () => 0.999))).toBeLessThan(66.1);
    expect(at(nextCheck(feed, { ttlMinutes: 180 }, now, () => 0))).toBe(180);
    expect(at(nextCheck(feed, { maxAgeSeconds: 7200 }, now, () => 0))).toBe(120);
    expect(at(nextCheck(feed, { maxAgeSeconds: 60 }, now, () => 0))).toBe(60);
    expect(at(nextCheck(feed, { ttlMinutes: 60 * 24 * 30 }, now, () => 0))).toBe(60 * 24);
  });
  it('backs off after failures, up to a day', () => {
    expect(at(nextCheck(feed, { failures: 1 }, now, () => 0))).toBe(120);
    expect(at(nextCheck(feed, { failures: 3 }, now, () => 0))).toBe(480);
    expect(at(nextCheck(feed, { failures: 30 }, now, () => 0))).toBe(60 * 24);
  });
});

describe('offline images', () => {
  it('downloads item images into the article, drops SVG and non-images, and fetches nothing when off', async () => {
    const png = route('photo.png');
    const svg = route('drawing.svg');
    server.serve(png, { body: PNG_1x1, type: 'image/png' });
    server.serve(svg, { body: HOSTILE_SVG, type: 'image/png' });
    const withPng = route('feed.xml');
    const withSvg = route('feed.xml');
    server.serve(withPng, { body: arabicFeed({ count: 2, image: server.url(png) }), type: 'application/rss+xml' });
    server.serve(withSvg, { body: arabicFeed({ count: 1, from: 10, image: server.url(svg) }), type: 'application/rss+xml' });
    const a = await subscribe(ctx, server.url(withPng));
    const html = library.get(library.list({ feeds: [a.feed.id] }).items[0]!.id).html!;
    expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    expect(html).not.toContain(server.origin);
    // Two items show the same picture: it is downloaded once.
    expect(server.seen(png)).toHaveLength(1);
    const b = await subscribe(ctx, server.url(withSvg));
    const svgHtml = library.get(library.list({ feeds: [b.feed.id] }).items[0]!.id).html!;
    expect(svgHtml).not.toMatch(/<img|svg|script/i);
    expect(svgHtml).toContain('صورة الخبر');

    const off = route('feed.xml');
    const offPng = route('photo.png');
    server.serve(offPng, { body: PNG_1x1, type: 'image/png' });
    server.serve(off, { body: arabicFeed({ count: 1, from: 20, image: server.url(offPng) }), type: 'application/rss+xml' });
    library.updateSettings({ [SETTING_IMAGES]: false });
    ctx.close();
    ctx = refreshContext(library);
    await subscribe(ctx, server.url(off));
    expect(server.seen(offPng)).toHaveLength(0);
  });
});

describe('full text', () => {
  it("replaces a summary with the page's article, keeps the feed's text when extraction fails, and fetches no page twice", async () => {
    const at = route('feed.xml');
    const pages = route('article');
    const articles = news(3);
    articles.forEach((a, i) => {
      server.serve(`${pages}/${i}`, {
        type: 'text/html; charset=utf-8',
        body: i === 2 ? '<html><body>…</body></html>' : `<html lang="ar" dir="rtl"><head><title>${a.title}</title></head><body><nav>القائمة</nav><article><h1>${a.title}</h1>${a.content.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
      });
    });
    let body = arabicFeed({ count: 3, summaryChars: 80, linkBase: server.url(pages) });
    server.serve(at, () => ({ body, type: 'application/rss+xml' }));
    const { feed } = library.feeds().add({ url: server.url(at), title: 'ملخصات' });
    library.feeds().update(feed.id, { fullText: true });
    expect(await refreshFeed(ctx, feed.id)).toMatchObject({ new: 3 });
    const byUrl = new Map(library.list({ feeds: [feed.id] }).items.map((s) => [library.get(s.id).url, library.get(s.id)]));
    expect(byUrl.get(server.url(`${pages}/0`))!.text.length).toBeGreaterThan(articles[0]!.content.length * 0.9);
    expect(byUrl.get(server.url(`${pages}/2`))!.text).toBe(articles[2]!.content.slice(0, 80));
    const fetchedPages = () => server.requests.filter((r) => r.path.startsWith(`${pages}/`)).length;
    expect(fetchedPages()).toBe(3);
    body = arabicFeed({ count: 3, summaryChars: 80, linkBase: server.url(pages), change: ' (محدث)' });
    expect(await refreshFeed(ctx, feed.id)).toMatchObject({ new: 0, updated: 3 });
    expect(fetchedPages()).toBe(3);
    // The full text stands through the upstream change.
    expect(library.get(byUrl.get(server.url(`${pages}/0`))!.id).text.length).toBeGreaterThan(articles[0]!.content.length * 0.9);
  });

  it('suggests full text for a feed of short items, not for one of whole articles', async () => {
    const short = route('feed.xml');
    const long = route('feed.xml');
    server.serve(short, { body: arabicFeed({ count: 3, summaryChars: 100 }), type: 'application/rss+xml' });
    server.serve(long, { body: arabicFeed({ count: 3, from: 30 }), type: 'application/rss+xml' });
    const a = library.feeds().add({ url: server.url(short), title: 'a' }).feed;
    const b = library.feeds().add({ url: server.url(long), title: 'b' }).feed;
    await refreshFeed(ctx, a.id);
    await refreshFeed(ctx, b.id);
    expect(library.feeds().get(a.id).fullTextSuggestion).toBe('suggested');
    expect(library.feeds().get(b.id).fullTextSuggestion).toBeNull();

    // Kept in the library: it outlives a restart.
    ctx.close();
    library.close();
    library = Library.open(path.join(dir, 'library.sqlite'));
    ctx = refreshContext(library);
    expect(library.feeds().get(a.id).fullTextSuggestion).toBe('suggested');

    // Items that grew longer take the suggestion back.
    server.serve(short, { body: arabicFeed({ count: 3, from: 30 }), type: 'application/rss+xml' });
    await refreshFeed(ctx, a.id);
    expect(library.feeds().get(a.id).fullTextSuggestion).toBeNull();

    // Dismissed: never suggested again, however short the items, restart or not.
    server.serve(short, { body: arabicFeed({ count: 3, from: 6, summaryChars: 100 }), type: 'application/rss+xml' });
    await refreshFeed(ctx, a.id);
    expect(library.feeds().get(a.id).fullTextSuggestion).toBe('suggested');
    library.feeds().update(a.id, { dismissSuggestion: true });
    await refreshFeed(ctx, a.id);
    ctx.close();
    library.close();
    library = Library.open(path.join(dir, 'library.sqlite'));
    ctx = refreshContext(library);
    expect(library.feeds().get(a.id).fullTextSuggestion).toBe('dismissed');
  });
});

describe('saving a page by its address', () => {
  it('imports the page like a saved page, with its images, and twice is a duplicate', async () => {
    const page = route('page.html');
    const img = route('pic.png');
    const a = news(1)[0]!;
    server.serve(img, { body: PNG_1x1, type: 'image/png' });
    server.serve(page, {
      type: 'text/html',
      body: encodeURIComponent('x') && `<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${a.title}</title></head><body><article><h1>${a.title}</h1><p><img src="${img}" alt="صورة"></p>${a.content.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    });
    const saved = await savePage(ctx, server.url(page));
    expect(saved).toMatchObject({ imported: 1, duplicates: 0 });
    const article = library.get(saved.id);
    expect(article.url).toBe(server.url(page));
    expect(article.html).toMatch(/src="data:image\/png;base64,/);
    expect(await savePage(ctx, server.url(page))).toMatchObject({ id: saved.id, imported: 0, duplicates: 1 });
  });
});
