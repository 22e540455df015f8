import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../main/import/errors';
import { declaredCharset, markupShape, NO_ARTICLE_TEXT, PAGE_TOO_COMPLEX, parseHtml } from '../../../main/import/html';
import { readableText } from '../../../main/import/html-text';
import { importBuffers, importPaths, MAX_RELATIVE_BYTES, relativeReader } from '../../../main/import/importer';
import { pageMetadata } from '../../../main/import/page-metadata';
import type { NewArticle } from '../../../common';
import { MemorySink, bytes, encodings, shared } from './helpers';

const readability = path.join(shared, 'corpus', 'readability');
const savedPages = path.join(shared, 'corpus', 'saved-pages');
const chardetPages = path.join(encodings, 'chardet-py');

/** Imports one file from disk the way the importer does (with its _files reader). */
function importFile(file: string): NewArticle {
  const [article] = parseHtml({ path: file, name: path.basename(file), bytes: new Uint8Array(readFileSync(file)), readRelative: relativeReader(file) });
  if (!article) throw new Error('no article');
  return article;
}

function page(html: string, name = 'page.html'): NewArticle {
  const [article] = parseHtml({ path: `/pages/${name}`, name, bytes: bytes(html) });
  if (!article) throw new Error('no article');
  return article;
}

const ARTICLE_BODY = '<p>أعلنت وزارة الثقافة اليوم عن افتتاح معرض الكتاب الدولي في دورته الجديدة، بمشاركة أكثر من خمسمائة دار نشر من العالم العربي وخارجه.</p>'
  + '<p>وقال المتحدث باسم الوزارة إن المعرض يضم هذا العام جناحا خاصا للمخطوطات النادرة، إلى جانب ندوات يومية عن الترجمة والنشر الرقمي.</p>'
  + '<p>ويستمر المعرض عشرة أيام، ويتوقع المنظمون أن يزوره نحو مليون زائر، في حين تشارك المدارس ببرنامج زيارات منظم للطلاب.</p>';

describe("Readability's right-to-left test pages", () => {
  for (const n of [1, 2, 3, 4]) {
    it(`rtl-${n}: title, byline, direction and the article's text`, () => {
      const dir = path.join(readability, `rtl-${n}`);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>;
      const a = importFile(path.join(dir, 'source.html'));
      expect(a.title).toBe(expected['title']);
      expect(a.byline).toBe(expected['byline']);
      expect(a.source).toBe(expected['siteName']);
      expect(a.published).toBe(expected['publishedTime']);
      // rtl-4 declares dir on <article>, where Readability reports null: the page is still right-to-left.
      expect(a.dir).toBe('rtl');
      if (expected['lang'] !== undefined) expect(a.lang).toBe(expected['lang']);
      // The text is exactly the paragraphs of Readability's expected output.
      const expectedText = readableText(new JSDOM(readFileSync(path.join(dir, 'expected.html'), 'utf8')).window.document.body);
      expect(a.text).toBe(expectedText);
      expect(a.text.split('\n\n')).toContain(expected['excerpt']);
      expect(a.text).toContain('consectetur');
    });
  }
});

describe('Arabic saved pages', () => {
  it('reads the Arabic EPUB chapter (lang=ar dir=rtl) with its paragraphs intact', () => {
    const a = importFile(path.join(readability, 'arabic-epub-chapter.xhtml'));
    expect(a).toMatchObject({ lang: 'ar', dir: 'rtl', url: null });
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs[0]).toBe('من أين تأتي الحياة؟');
    expect(paragraphs).toContain('أوّلًا، لنتخيّل أنّ كلّ أشكال الحياة وكلّ الموادّ الحيّة مؤلّفة من قطع صغيرة يمكنها أن تندمج وتتكاثر، وتُدعَى الخلايا.');
    expect(a.html).toContain('<h2>من أين تأتي الحياة؟</h2>');
    expect(a.html).not.toMatch(/Style\/style\.css|<link|<meta/);
  });

  for (const file of ['windows-1256-arabic_chromium.html', 'iso-8859-6-arabic_chromium.html']) {
    it(`decodes ${file} (no charset declared) into readable Arabic`, () => {
      const a = importFile(path.join(chardetPages, file));
      expect(a.text).toContain('أعلنت كتائب الشهيد عز الدين القسام الذراع العسكري لحركة /حماس/');
      expect(a.text).not.toMatch(/[\u00c0-\u00ff]/); // no Latin-1 mojibake
      expect(a).toMatchObject({ lang: 'ar', dir: 'rtl' }); // body dir="RTL", upper-case
    });
  }

  it('honours a declared charset (meta http-equiv) and lets a BOM override a wrong one', () => {
    const cp1256 = readFileSync(path.join(chardetPages, 'windows-1256-arabic_chromium.html'));
    const declared = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'), cp1256]);
    expect(declaredCharset(declared)).toBe('windows-1256');
    const [a] = parseHtml({ path: 'a.html', name: 'a.html', bytes: new Uint8Array(declared) });
    expect(a?.text).toContain('كتائب الشهيد');

    const utf8WithBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<html><head><meta charset="windows-1256"><title>خبر</title></head><body>${ARTICLE_BODY}</body></html>`)]);
    const [b] = parseHtml({ path: 'b.html', name: 'b.html', bytes: new Uint8Array(utf8WithBom) });
    expect(b?.text).toContain('معرض الكتاب الدولي');
  });

  it('sees through a Latin-1 declaration on an Arabic windows-1256 page', () => {
    const cp1256 = readFileSync(path.join(chardetPages, 'windows-1256-arabic_chromium.html'));
    const lying = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), cp1256]);
    const [a] = parseHtml({ path: 'a.html', name: 'a.html', bytes: new Uint8Array(lying) });
    expect(a?.text).toContain('كتائب الشهيد');
  });
});

describe('page metadata', () => {
  it('takes title, byline, site, date and canonical URL from JSON-LD and meta tags', () => {
    const a = page(`<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>عنوان الصفحة | الموقع</title>
      <meta property="og:title" content="عنوان من og">
      <meta property="og:site_name" content="صحيفة الرياض">
      <meta property="article:published_time" content="2015-07-21T10:30:00+03:00">
      <meta name="author" content="كاتب من meta">
      <link rel="canonical" href="https://news.example.com/2015/07/21/story.html#top">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
        {"@type":"NewsArticle","headline":"قمة الرياض &amp; ما بعدها","datePublished":"2015-07-20T08:00:00Z",
         "author":[{"@type":"Person","name":"محمد علي"},{"@type":"Person","name":"سارة أحمد"}],
         "publisher":{"@type":"Organization","name":"صحيفة من JSON-LD"}}]}</script>
      </head><body><article>${ARTICLE_BODY}</article></body></html>`);
    expect(a).toMatchObject({
      title: 'قمة الرياض & ما بعدها',
      byline: 'محمد علي, سارة أحمد',
      source: 'صحيفة الرياض',
      published: '2015-07-20T08:00:00.000Z',
      url: 'https://news.example.com/2015/07/21/story.html',
      lang: 'ar',
      dir: 'rtl',
    });
  });

  it('falls back to og and meta tags without JSON-LD, and ignores broken JSON-LD', () => {
    const a = page(`<html><head><title>Page title - Site</title>
      <script type="application/ld+json">{ not json</script>
      <meta property="og:title" content="  The  headline ">
      <meta property="og:url" content="https://example.com/news/1">
      <meta property="article:author" content="https://facebook.com/someone">
      <meta name="author" content="Jane Doe">
      <meta name="date" content="2020-02-03">
      </head><body><article><p>The committee met on Tuesday and the minister said that the plan was approved by the cabinet after a long debate.</p><p>It will take effect next year, and the budget for it has already been set aside by the parliament.</p></article></body></html>`);
    expect(a).toMatchObject({ title: 'The headline', byline: 'Jane Doe', published: '2020-02-03', url: 'https://example.com/news/1', lang: 'en', dir: 'ltr' });
  });

  it("uses the browser's 'saved from url=' comment when there is no canonical link, but never a site's home page", () => {
    const saved = page(`<!-- saved from url=(0042)https://news.example.com/world/story-1.html -->\n<html><head><title>خبر</title></head><body>${ARTICLE_BODY}</body></html>`);
    expect(saved.url).toBe('https://news.example.com/world/story-1.html');
    const home = page(`<html><head><title>خبر</title><link rel="canonical" href="https://news.example.com/"></head><body>${ARTICLE_BODY}</body></html>`);
    expect(home.url).toBeNull();
    const none = page(`<html><head><title>خبر</title></head><body>${ARTICLE_BODY}</body></html>`);
    expect(none.url).toBeNull();
  });

  it('finds dir/lang declared on the article rather than on <html>, and falls back to the first strong character', () => {
    const onArticle = page(`<html><head><title>t</title></head><body><main><article dir="rtl" lang="ar">${ARTICLE_BODY}</article></main></body></html>`);
    expect(onArticle).toMatchObject({ dir: 'rtl', lang: 'ar' });
    const undeclared = page(`<html><head><title>t</title></head><body><article>${ARTICLE_BODY}</article></body></html>`);
    expect(undeclared).toMatchObject({ dir: 'rtl', lang: 'ar' });
  });

  it('trusts a declared language unless the text is plainly in another script', () => {
    const template = page(`<html lang="en"><head><title>t</title></head><body><article>${ARTICLE_BODY}</article></body></html>`);
    expect(template.lang).toBe('ar');
    const regional = page(`<html lang="ar_EG"><head><title>t</title></head><body><article>${ARTICLE_BODY}</article></body></html>`);
    expect(regional.lang).toBe('ar-EG');
  });

  it('reads the metadata of the "Web page, complete" sample', () => {
    const doc = new JSDOM(readFileSync(path.join(savedPages, 'arabic-titlepage.html'), 'utf8')).window.document;
    const source = readFileSync(path.join(savedPages, 'arabic-titlepage.html'), 'utf8');
    expect(pageMetadata(doc, { source })).toMatchObject({ lang: 'ar', dir: 'rtl', url: 'https://books.example.org/epub/Content/B_titlepage.xhtml' });
  });
});

describe('the readable text', () => {
  it('separates paragraphs of every block kind by a blank line, as the sanitized HTML shows them', () => {
    const a = page(`<html><head><title>Blocks</title></head><body><article>
      <h1>Heading one</h1><p>First   paragraph,
      wrapped.</p><blockquote><p>A quote.</p></blockquote><ul><li>Item one</li><li>Item <b>two</b></li></ul>
      <figure><img src="https://evil.example/x.png"><figcaption>A caption.</figcaption></figure>
      <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
      <pre>line 1
  line 2</pre><p>Line<br>break and the end of a paragraph that is long enough to be kept by Readability's heuristics.</p>
      </article></body></html>`);
    expect(a.text.split('\n\n')).toEqual(expect.arrayContaining([
      'First paragraph, wrapped.', 'A quote.', 'Item one', 'Item two', 'A caption.', 'Cell one', 'Cell two',
      'line 1\n  line 2', "Line\nbreak and the end of a paragraph that is long enough to be kept by Readability's heuristics.",
    ]));
    expect(a.text).not.toMatch(/\n{3}/);
    // The text is what the stored HTML shows, no more, no less.
    expect(readableText(new JSDOM(`<body>${a.html ?? ''}</body>`).window.document.body)).toBe(a.text);
  });
});

describe('"Web page, complete": the page and its _files folder', () => {
  it('embeds the local image as a data: URI and ignores the stylesheet', async () => {
    const file = path.join(savedPages, 'arabic-titlepage.html');
    const sink = new MemorySink();
    const report = await importPaths(sink, [file]);
    expect(report.failed).toEqual([]);
    const a = sink.articles[0];
    expect(a).toMatchObject({ lang: 'ar', dir: 'rtl', url: 'https://books.example.org/epub/Content/B_titlepage.xhtml', origin: file });
    expect(a?.title).toBe('السرطان من للوقاية الصحيح الغذائي النظام');
    const img = new JSDOM(a?.html ?? '').window.document.querySelector('img');
    const src = img?.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/jpeg;base64,')).toBe(true);
    const jpg = readFileSync(path.join(savedPages, 'arabic-titlepage_files', 'titlepage.jpg'));
    expect(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').equals(jpg)).toBe(true);
    expect(a?.html).not.toMatch(/style\.css|_files|file:/);
  });

  describe('what a page may read next to itself', () => {
    let root: string;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    beforeAll(() => {
      root = mkdtempSync(path.join(tmpdir(), 'sahifa-page-'));
      mkdirSync(path.join(root, 'site', 'صفحة خبر_files'), { recursive: true });
      writeFileSync(path.join(root, 'outside.png'), png);
      writeFileSync(path.join(root, 'site', 'صفحة خبر_files', 'ok.png'), png);
      writeFileSync(path.join(root, 'site', 'صفحة خبر_files', 'not-an-image.png'), '<svg onload="alert(1)"/>');
      symlinkSync(path.join(root, 'outside.png'), path.join(root, 'site', 'صفحة خبر_files', 'link.png'));
      writeFileSync(path.join(root, 'site', 'صفحة خبر_files', 'huge.png'), png);
      truncateSync(path.join(root, 'site', 'صفحة خبر_files', 'huge.png'), MAX_RELATIVE_BYTES + 1);
      writeFileSync(path.join(root, 'site', 'صفحة خبر.html'), `<html><head><title>صور</title></head><body><article>${ARTICLE_BODY}
        <p><img src="صفحة خبر_files/ok.png" alt="مسموحة"><img src="../outside.png" alt="خارج المجلد">
        <img src="صفحة%20خبر_files/..%2F..%2Foutside.png" alt="ترميز"><img src="${path.join(root, 'outside.png')}" alt="مسار مطلق">
        <img src="file://${path.join(root, 'outside.png')}" alt="رابط ملف"><img src="صفحة خبر_files/link.png" alt="رابط رمزي">
        <img src="صفحة خبر_files/not-an-image.png" alt="ليست صورة"><img src="صفحة خبر_files/huge.png" alt="كبيرة"></p></article></body></html>`);
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('embeds only real images inside its own folder', async () => {
      const sink = new MemorySink();
      await importPaths(sink, [path.join(root, 'site')]);
      expect(sink.articles).toHaveLength(1);
      const doc = new JSDOM(sink.articles[0]?.html ?? '').window.document;
      const embedded = Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('alt'));
      expect(embedded).toEqual(['مسموحة']);
      // The others read as their alt text.
      for (const alt of ['خارج المجلد', 'ترميز', 'مسار مطلق', 'رابط ملف', 'رابط رمزي', 'ليست صورة', 'كبيرة']) expect(sink.articles[0]?.text).toContain(alt);
    });

    it('refuses paths that leave the folder, absolute paths, URLs and folders', () => {
      const read = relativeReader(path.join(root, 'site', 'صفحة خبر.html'));
      expect(read('صفحة خبر_files/ok.png')).not.toBeNull();
      for (const p of ['../outside.png', 'صفحة خبر_files/../../outside.png', path.join(root, 'outside.png'), `file://${root}/outside.png`,
        'https://example.com/x.png', 'صفحة خبر_files', 'صفحة خبر_files/link.png', 'صفحة خبر_files/huge.png', 'missing.png', '', 'a\0b']) {
        expect(read(p)).toBeNull();
      }
    });
  });
});

describe('pages that are not articles, and broken pages', () => {
  it('fails a page with no readable content with one clear reason', () => {
    expect(() => page('<html><head><title>Empty</title><script>var x = 1;</script></head><body><div>  </div><img src="https://example.com/x.png"></body></html>'))
      .toThrow(new ImportError('no-article-text', NO_ARTICLE_TEXT));
  });

  it('never crashes on malformed or hostile markup', async () => {
    const pages = [
      '<html><body><p>unclosed <b>bold <i>italic<table><tr><td>cell<p>para</table></body>',
      '<<<>>><html<body>>><p>text after junk</p>',
      '<!DOCTYPE html><html><head><title>\u0000\ufffe</title></head><body><p>\u0000nul and \ud800 lone surrogate</p></body></html>',
      `<html><body><p>${'نص '.repeat(100)}</p>${'<iframe src="https://example.com/"></iframe>'.repeat(300)}</body></html>`,
      '<html><head><script type="application/ld+json">[[[[[[[[[[[[[[{"@type":"NewsArticle"}]]]]]]]]]]]]]]</script></head><body><p>JSON-LD nesting</p></body></html>',
      '<svg><foreignObject><p>inside svg</p></foreignObject></svg><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<html><body><p>' + 'word '.repeat(50_000) + '</p></body></html>',
    ];
    const report = await importBuffers(new MemorySink(), pages.map((p, i) => ({ name: `broken-${i}.html`, bytes: bytes(p) })));
    for (const failure of report.failed) expect(failure.error).not.toMatch(/^could not import/);
    for (const failure of report.failed) expect(failure.code).not.toBe('unexpected');
    expect(report.imported + report.failed.length).toBe(pages.length);
    expect(report.imported).toBeGreaterThanOrEqual(5);
  });

  it('refuses pathologically deep markup before building a tree from it (jsdom would take minutes or overflow)', async () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}نص عميق</body></html>`;
    const spans = `<html><body><p>${'<span><b>'.repeat(5_000)}نص عميق</p></body></html>`;
    const report = await importBuffers(new MemorySink(), [{ name: 'deep.html', bytes: bytes(deep) }, { name: 'spans.html', bytes: bytes(spans) }]);
    expect(report.failed).toEqual([
      { path: 'deep.html', code: 'page-too-complex', error: PAGE_TOO_COMPLEX },
      { path: 'spans.html', code: 'page-too-complex', error: PAGE_TOO_COMPLEX },
    ]);
  });

  it('does not mistake many unclosed paragraphs or list items for deep nesting', () => {
    const old = `<html><body>${'<p>فقرة'.repeat(2_000)}<ul>${'<li>بند'.repeat(2_000)}</ul><script>${'<div>'.repeat(1_000)}</script></body></html>`;
    expect(markupShape(old).depth).toBeLessThan(5);
  });
});

describe('jsdom never fetches or runs anything', () => {
  let server: Server;
  let requests = 0;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('window.__ran = true');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('imports a page full of remote resources without a single request', async () => {
    const a = page(`<html><head><title>t</title><link rel="stylesheet" href="${base}/s.css"><script src="${base}/a.js"></script>
      <link rel="preload" href="${base}/p" as="image"><style>@import url(${base}/i.css); body{background:url(${base}/bg.png)}</style></head>
      <body><article>${ARTICLE_BODY}<img src="${base}/i.png"><iframe src="${base}/f.html"></iframe><video src="${base}/v.mp4"></video>
      <object data="${base}/o"></object><script>fetch("${base}/inline")</script></article></body></html>`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toBe(0);
    expect(a.html).not.toContain('127.0.0.1');
  });
});
