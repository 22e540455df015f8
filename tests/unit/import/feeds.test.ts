/** Feed parsing details: dates, content forms, links, languages, recovery of broken feeds, JSON Feed. */
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../main/import/feeds/dates';
import { titleFromText } from '../../../main/import/title';
import { parseBytes, parseCorpus, parseString, textOfHtml } from './feeds-helpers';

describe('feed dates', () => {
  it.each([
    // RFC 822 and its variants found in real feeds
    ['Sat, 23 Jan 2016 15:40:37 +0000', '2016-01-23T15:40:37.000Z'],
    ['Fri, 20 Feb 2015 09:51:15 UTC', '2015-02-20T09:51:15.000Z'],
    ['Wed, 03 Jan 2018 14:11:52 GMT\n      ', '2018-01-03T14:11:52.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Mon, 5 Jan 2004 10:00 EST', '2004-01-05T15:00:00.000Z'],
    ['Sun, 31 Dec 1999 23:59:59 PST', '2000-01-01T07:59:59.000Z'],
    ['Thu, 01 Jan 04 19:48:21 GMT+2', '2004-01-01T17:48:21.000Z'],
    ['Thu, 01 Jan 1970 00:00:00 +05:30', '1969-12-31T18:30:00.000Z'],
    ['1 Jul 99 12:00:00 CEST', '1999-07-01T10:00:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Mo, 05 Okt 2015 08:00:00 +0200', '2015-10-05T06:00:00.000Z'],
    ['Sat, 23 Jan 2016', '2016-01-23'],
    ['January 23, 2016 3:40 PM', '2016-01-23T15:40:00.000Z'],
    ['Sat Jan 23 15:40:37 2016', '2016-01-23T15:40:37.000Z'],
    // ISO 8601 / W3CDTF
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2017-06-15T10:29:47-07:00', '2017-06-15T17:29:47.000Z'],
    ['2018-04-09T19:39:12.675Z', '2018-04-09T19:39:12.675Z'],
    ['2003-12-31T10:14', '2003-12-31T10:14:00.000Z'],
    ['2004-07-29 12:53:00 +0200', '2004-07-29T10:53:00.000Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31', '2003-12-31'],
    ['2003-12', '2003-12-01'],
    ['2003', '2003-01-01'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each([
    [''], ['   '], ['yesterday'], ['31 Feb 2004 10:00:00 GMT'], ['2004-13-01'], ['Τετ, 29 Ιουλ 2004 12:53:00 GMT'], ['Sat, 23 Jan 2016 25:61:00 GMT'],
  ])('gives null for %j (the library then uses the import time)', (input) => {
    expect(parseFeedDate(input)).toBeNull();
  });

  it('dates items from pubDate, dc:date or Atom published/updated', async () => {
    const { articles } = await parseString('dates.xml', `<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <item><title>a</title><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
      <item><title>b</title><dc:date>2003-12-31T10:14:55Z</dc:date></item>
      <item><title>c</title><pubDate>not a date</pubDate></item></channel></rss>`);
    expect(articles.map((a) => a.published)).toEqual(['2003-06-10T04:00:00.000Z', '2003-12-31T10:14:55.000Z', null]);
  });
});

describe('item content', () => {
  const html = '<p>First <b>bold</b> paragraph.</p><p>Second one.</p>';
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const forms: [string, string][] = [
    ['RSS, escaped', `<rss><channel><item><title>t</title><description>${escaped}</description></item></channel></rss>`],
    ['RSS, CDATA', `<rss><channel><item><title>t</title><description><![CDATA[${html}]]></description></item></channel></rss>`],
    ['RSS, naked', `<rss><channel><item><title>t</title><description>${html}</description></item></channel></rss>`],
    ['RSS, content:encoded', `<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>t</title><description>short</description><content:encoded><![CDATA[${html}]]></content:encoded></item></channel></rss>`],
    ['Atom html', `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="html">${escaped}</content></entry></feed>`],
    ['Atom xhtml', `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${html}</div></content></entry></feed>`],
    ['Atom 0.3 base64', `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>t</title><content type="text/html" mode="base64">${Buffer.from(html).toString('base64')}</content></entry></feed>`],
    ['Atom 0.3 escaped', `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>t</title><content type="text/html" mode="escaped">${escaped}</content></entry></feed>`],
    ['RDF', `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="http://example.com/1"><title>t</title><description>${escaped}</description></item></rdf:RDF>`],
  ];

  it.each(forms)('comes out of %s as the same clean HTML and text', async (_form, xml) => {
    const { articles, failures } = await parseString('content.xml', xml);
    expect(failures).toEqual([]);
    expect(articles[0]?.html).toBe(html);
    expect(articles[0]?.text).toBe('First bold paragraph.\n\nSecond one.');
  });

  it('keeps the lines of plain-text descriptions and separates their paragraphs', async () => {
    const { articles } = await parseString('plain.xml', '<rss><channel><item><title>t</title><description>\n  First line\nsecond   line\n\n\nNext paragraph &amp;amp; more\n</description></item></channel></rss>');
    expect(articles[0]?.text).toBe('First line\nsecond line\n\nNext paragraph & more');
    expect(articles[0]?.html).toBe('<p>First line<br>second line</p><p>Next paragraph &amp; more</p>');
    expect(textOfHtml(articles[0]?.html ?? '')).toBe(articles[0]?.text);
  });

  it('sanitizes item HTML: no scripts, handlers or remote images', async () => {
    const { articles } = await parseString('evil.xml', `<rss><channel><item><title>t</title><description><![CDATA[<p onclick="steal()">Hi<script>alert(1)</script><img src="http://tracker.example/p.gif"><iframe src="http://x"></iframe></p>]]></description></item></channel></rss>`);
    const out = articles[0]?.html ?? '';
    expect(out).toContain('Hi');
    expect(out).not.toMatch(/script|onclick|tracker|iframe/);
  });

  it('resolves relative links against xml:base, else the feed link', async () => {
    const { articles } = await parseString('base.xml', `<rss><channel><link>http://example.org/news/</link>
      <item><title>a</title><link>story/1.html</link><description>&lt;a href="../about.html"&gt;about&lt;/a&gt;</description></item>
      <item xml:base="http://other.example/dir/"><title>b</title><link>2.html</link></item></channel></rss>`);
    expect(articles[0]?.url).toBe('http://example.org/news/story/1.html');
    expect(articles[0]?.html).toContain('href="http://example.org/about.html"');
    expect(articles[1]?.url).toBe('http://other.example/dir/2.html');
  });

  it('uses guids as links only when they are permalinks, and feedburner:origLink first', async () => {
    const { articles } = await parseString('links.xml', `<rss xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel>
      <item><title>a</title><guid>http://example.com/a</guid></item>
      <item><title>b</title><guid isPermaLink="false">http://example.com/b</guid></item>
      <item><title>c</title><link>http://feeds.example/~r/c</link><feedburner:origLink>http://example.com/c</feedburner:origLink></item>
      <item><title>d</title><link>javascript:alert(1)</link></item></channel></rss>`);
    expect(articles.map((a) => a.url)).toEqual(['http://example.com/a', null, 'http://example.com/c', null]);
  });

  it('decodes the HTML named characters feeds use without declaring them', async () => {
    const { articles, error } = await parseString('entities.xml', '<rss><channel><item><title>caf&eacute;&nbsp;&mdash; ok</title></item></channel></rss>');
    expect(error).toBeNull();
    expect(articles[0]?.title).toBe('café — ok');
  });

  it('gives untitled items a title from their text, and reports items with neither', async () => {
    const { articles, failures, failureCodes } = await parseString('untitled.xml', `<rss><channel>
      <item><description>The minister said on Monday that the talks between the two delegations would resume next week in the capital. More follows.</description></item>
      <item><link>http://example.com/only-a-link</link></item></channel></rss>`);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.title).toBe(titleFromText(articles[0]?.text ?? ''));
    expect(articles[0]?.title).toMatch(/^The minister said on Monday that the talks/);
    expect(failures).toEqual([{ entry: 'item 2', reason: 'empty item' }]);
    expect(failureCodes).toEqual(['feed-item-empty']);
  });

  it('takes authors from dc:creator, RSS author and Atom author', async () => {
    const rss = await parseString('a.xml', '<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>a</title><author>ed@example.com (Jane Doe)</author></item><item><title>b</title><dc:creator>Ali</dc:creator></item></channel></rss>');
    expect(rss.articles.map((a) => a.byline)).toEqual(['Jane Doe', 'Ali']);
    const atom = await parseString('b.xml', '<feed xmlns="http://www.w3.org/2005/Atom"><author><name>Desk</name></author><entry><title>a</title></entry><entry><title>b</title><author><name>Sara</name></author></entry></feed>');
    expect(atom.articles.map((a) => a.byline)).toEqual(['Desk', 'Sara']);
  });
});

describe('titles, decoded once by their declared type', () => {
  // The cases of feedparser's wellformed tests (feed_title_base64*, *_title_inline_markup_2,
  // *_title_escaped_markup): "Expect:" there is the title's HTML; here it is the text a reader sees.
  const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
  const atom03 = (title: string) => `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Feed</title><entry>${title}<summary>body</summary></entry></feed>`;
  const atom10 = (title: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><entry>${title}<summary>body</summary></entry></feed>`;

  it.each([
    ['Atom 0.3 base64 HTML', atom03('<title type="text/html" mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>'), 'Example Atom'],
    ['Atom 0.3 base64 HTML with escaped markup', atom03('<title type="text/html" mode="base64">PHA+SGlzdG9yeSBvZiB0aGUgJmx0O2JsaW5rJmd0OyB0YWc8L3A+</title>'), 'History of the <blink> tag'],
    ['Atom 0.3 base64 plain text', atom03('<title type="text/plain" mode="base64">SGlzdG9yeSBvZiB0aGUgPGJsaW5rPiB0YWc=</title>'), 'History of the <blink> tag'],
    ['Atom 0.3 escaped HTML', atom03('<title type="text/html" mode="escaped">Example &lt;b&gt;Atom&lt;/b&gt;</title>'), 'Example Atom'],
    ['Atom 1.0 base64 (another media type)', atom10('<title type="application/octet-stream">\n  RXhhbXBsZSA8Yj5BdG9tPC9iPg==\n</title>'), 'Example Atom'],
    ['Atom xhtml with escaped markup', atom10(`<title type="xhtml"><div ${XHTML}>History of the &lt;blink&gt; tag</div></title>`), 'History of the <blink> tag'],
    ['Atom xhtml with inline markup', atom10(`<title type="xhtml"><div ${XHTML}>Example <b>Atom</b></div></title>`), 'Example Atom'],
    ['Atom html escaped twice', atom10('<title type="html">History of the &amp;lt;blink&amp;gt; tag</title>'), 'History of the <blink> tag'],
    ['Atom html in CDATA', atom10('<title type="html"><![CDATA[History of the &lt;blink&gt; tag]]></title>'), 'History of the <blink> tag'],
    ['Atom html written as elements', atom10('<title type="html"><b>History</b> of the &lt;blink&gt; tag</title>'), 'History of the <blink> tag'],
    ['Atom text with brackets', atom10('<title type="text">History of the &lt;blink&gt; tag</title>'), 'History of the <blink> tag'],
  ])('%s', async (_name, xml, title) => {
    const { articles, error } = await parseString('titles.xml', xml);
    expect(error).toBeNull();
    expect(articles.map((a) => a.title)).toEqual([title]);
  });

  it('decodes the feed\'s own title (each article\'s source) the same way', async () => {
    const { articles } = await parseString('source.xml', '<feed xmlns="http://www.w3.org/2005/Atom"><title type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title><entry><title>t</title></entry></feed>');
    expect(articles[0]?.source).toBe('Example Atom');
  });

  it('reads feedparser\'s own title files as their Expect: lines say', async () => {
    // amp01, amp10, amp33: a title of "&" written as a character reference, escaped HTML, and Atom 0.3 escaped HTML.
    for (const file of ['amp__amp01.xml', 'amp__amp10.xml', 'amp__amp33.xml']) {
      const { articles } = await parseCorpus(`feedparser/${file}`);
      expect(articles.map((a) => a.title)).toEqual(['&']);
    }
  });
});

describe('language and direction', () => {
  it('takes the language from xml:lang, dc:language or the channel, and the direction from it', async () => {
    const { articles } = await parseString('lang.xml', `<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><language>ar</language>
      <item><title>BBC عربي</title><description>Text in English first, then عربي.</description></item>
      <item xml:lang="en-us"><title>English</title></item>
      <item><title>کتاب</title><dc:language>fa</dc:language></item></channel></rss>`);
    expect(articles.map((a) => [a.lang, a.dir])).toEqual([['ar', 'rtl'], ['en-US', 'ltr'], ['fa', 'rtl']]);
  });

  it('guesses language and direction from the text when nothing is declared', async () => {
    const { articles } = await parseString('guess.xml', `<rss><channel>
      <item><title>خبر</title><description>قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.</description></item>
      <item><title>News</title><description>The talks will resume next week in the capital, the minister said.</description></item></channel></rss>`);
    expect(articles.map((a) => [a.lang, a.dir])).toEqual([['ar', 'rtl'], ['en', 'ltr']]);
  });

  it('lets the text decide the direction when the declared language is left-to-right', async () => {
    const { articles } = await parseString('mixed.xml', '<rss><channel><language>en</language><item><title>قمة</title><description>انعقدت القمة أمس.</description></item></channel></rss>');
    expect(articles[0]).toMatchObject({ lang: 'en', dir: 'rtl' });
  });
});

describe('broken feeds', () => {
  const broken = [
    '<rss><channel><title>Feed</title>',
    '<item><title>one</title><description>first &amp; good</description></item>',
    '<item><title>two</title><description>bad <b>unclosed</description></item>',
    '<item><title>three</title><description>also good</description></item>',
    '<item><title>four</title><description><![CDATA[x]]></description>',
    '</channel>',
  ].join('\n');

  it('keeps every well-formed item and reports the others with their line', async () => {
    const { articles, failures, failureCodes, error } = await parseString('broken.xml', broken);
    expect(error).toBeNull();
    expect(articles.map((a) => a.title)).toEqual(['one', 'three']);
    expect(articles.map((a) => a.source)).toEqual(['Feed', 'Feed']);
    expect(failures).toEqual([
      { entry: 'item 2', reason: 'broken XML at line 3: unexpected close tag' },
      { entry: 'item 4', reason: expect.stringMatching(/^broken XML at line [56]: /) as unknown as string },
    ]);
    expect(failureCodes).toEqual(['broken-xml', 'broken-xml']);
  });

  it('recovers all items of a feed whose end is cut off, in its namespaces', async () => {
    const { articles, failures } = await parseString('cut.xml', [
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Cut</title><link>http://example.com/</link>',
      '<item><title>a</title><link>a.html</link><dc:creator>Ann</dc:creator><content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded></item>',
      '<item><title>b</title></item>',
      '</channel></rss',
    ].join('\n'));
    expect(failures).toEqual([]);
    expect(articles.map((a) => [a.title, a.url, a.byline, a.text])).toEqual([['a', 'http://example.com/a.html', 'Ann', 'full'], ['b', null, null, '']]);
  });

  it('repairs bare ampersands and undeclared prefixes rather than losing the feed', async () => {
    const { articles, failures } = await parseString('sloppy.xml', '<rss><channel><title>Tom & Jerry</title><item><title>Q&A</title><itunes:subtitle>x</itunes:subtitle><link>http://e.com/?a=1&b=2</link></item></channel></rss>');
    expect(failures).toEqual([]);
    expect(articles[0]).toMatchObject({ title: 'Q&A', source: 'Tom & Jerry', url: 'http://e.com/?a=1&b=2' });
  });

  it('accepts an XML declaration that comes after a comment', async () => {
    const { articles } = await parseString('late.xml', '<!-- generated -->\n<?xml version="1.0" encoding="utf-8"?>\n<rss><channel><item><title>ok</title></item></channel></rss>');
    expect(articles.map((a) => a.title)).toEqual(['ok']);
  });

  it('fails with the line and the reason when no item can be read', async () => {
    expect(await parseString('x.xml', '<rss>\n<channel>\n<item><title>a</item>\n</channel>\n</rss>')).toMatchObject({
      error: 'broken XML at line 3: unexpected close tag',
      code: 'broken-xml',
    });
    expect((await parseString('y.xml', '<rss>\n<channel>\n</rss>')).error).toBe('broken XML at line 3: unexpected close tag');
  });

  it('rejects XML that is not a feed', async () => {
    expect(await parseString('svg.xml', '<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toMatchObject({
      error: 'unsupported format (XML whose root element <svg> is not a feed)',
      code: 'not-a-feed',
    });
  });
});

describe('JSON Feed', () => {
  const feed = (items: unknown[], extra: Record<string, unknown> = {}): Uint8Array => new Uint8Array(Buffer.from(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'الجزيرة', home_page_url: 'https://example.net/', language: 'ar', ...extra, items,
  })));

  it('reads 1.1 items: authors, language, relative urls, content_html before content_text', async () => {
    const { articles, failures, failureCodes } = await parseBytes('f.json', feed([
      { id: 1, url: 'news/1', title: 'عنوان', content_html: '<p>نص <a href="/x">الخبر</a></p>', content_text: 'ignored', authors: [{ name: 'علي' }, { name: 'سارة' }], date_published: '2024-03-01T10:00:00+03:00' },
      { id: '2', content_text: 'Plain English text here, for the reader of this feed.', language: 'en' },
      'not an item',
      { id: '4' },
    ]));
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      title: 'عنوان', url: 'https://example.net/news/1', byline: 'علي, سارة', source: 'الجزيرة', lang: 'ar', dir: 'rtl',
      published: '2024-03-01T07:00:00.000Z', text: 'نص الخبر',
    });
    expect(articles[0]?.html).toContain('href="https://example.net/x"');
    expect(articles[1]).toMatchObject({ title: 'Plain English text here, for the reader of this feed', lang: 'en', dir: 'ltr', url: null });
    expect(failures).toEqual([{ entry: 'item 3', reason: 'not a JSON Feed item' }, { entry: 'item 4', reason: 'empty item' }]);
    expect(failureCodes).toEqual(['feed-item-invalid', 'feed-item-empty']);
  });

  it('fails broken JSON with the parser\'s reason', async () => {
    const { error, code } = await parseBytes('b.json', new Uint8Array(Buffer.from('{\n"version": "https://jsonfeed.org/version/1",\n"items": [,]\n}')));
    expect(error).toBe('broken JSON: Unexpected token \',\'');
    expect(code).toBe('broken-json');
    const cut = await parseBytes('c.json', new Uint8Array(Buffer.from('{"version": "https://jsonfeed.org/version/1",\n"items": [{"id": 1}\n')));
    expect(cut.error).toMatch(/^broken JSON( at line \d+)?: /);
  });

  it('fails a JSON Feed without items', async () => {
    expect(await parseBytes('e.json', feed([]))).toMatchObject({ error: 'the feed has no items', code: 'feed-no-items' });
    const noList = await parseBytes('n.json', new Uint8Array(Buffer.from('{"version": "https://jsonfeed.org/version/1"}')));
    expect(noList.error).toMatch(/not a JSON Feed/);
    expect(noList.code).toBe('not-a-json-feed');
  });
});
