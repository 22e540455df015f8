/**
 * Every feed in ../shared/corpus/feeds, imported as the app imports it. The feedparser conformance
 * files each say in their header what a feed reader must get right ("Expect: …"); the expectations
 * below are those, translated into what a Sahifa article shows.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../../common';
import { decodeXml } from '../../../main/import/feeds/encoding';
import { readFeedBytes } from '../../../main/import/feeds/index';
import { corpusBytes, feeds, parseCorpus, textOfHtml } from './feeds-helpers';

interface Expected {
  count: number;
  first?: string;
  last?: string;
  /** published of the first and last article */
  dates?: [string | null, string | null];
  dir?: Direction;
  /** every article's language */
  lang?: string | null;
  /** a word found in some article's text */
  word?: string;
  source?: string | null;
  /** the first article's URL */
  url?: string | null;
  failures?: { entry: string; reason: string }[];
  /** the whole file fails with this reason */
  error?: string | RegExp;
}

const NO_ITEMS = 'the feed has no items';

const expectations: Record<string, Expected> = {
  // Expect: title_detail value == '&#38;' / '&#x26;' / '<strong>&amp;</strong>' (HTML titles): the reader sees "&".
  'feedparser/amp__amp01.xml': { count: 1, first: '&', dates: [null, null], dir: 'ltr' },
  'feedparser/amp__amp10.xml': { count: 1, first: '&', dir: 'ltr' },
  'feedparser/amp__amp33.xml': { count: 1, first: '&', dir: 'ltr' },
  // Expect: content == 'Example <b>Atom</b>' — base64, escaped and inline XHTML all give the same article.
  'feedparser/atom10__entry_content_base64.xml': { count: 1, first: 'Example Atom', word: 'Atom', dir: 'ltr' },
  'feedparser/atom10__entry_content_escaped_markup.xml': { count: 1, first: 'Example Atom', word: 'Atom' },
  'feedparser/atom10__entry_content_inline_markup.xml': { count: 1, first: 'Example Atom', word: 'Atom' },
  // Expect: content src == movie.mp4 — content elsewhere, no title: nothing to read.
  'feedparser/atom10__entry_content_src.xml': { count: 0, failures: [{ entry: 'item 1', reason: 'empty item' }] },
  // Expect: 'History of the <blink> tag' — type="text" is never read as markup.
  'feedparser/atom10__entry_content_text_plain_brackets.xml': { count: 1, first: 'History of the <blink> tag', word: '<blink>' },
  // Expect: feed title with a link resolved against xml:base (own or inherited); no entries.
  'feedparser/atom10__relative_uri.xml': { count: 0, error: NO_ITEMS },
  'feedparser/atom10__relative_uri_inherit.xml': { count: 0, error: NO_ITEMS },
  // Expect: content base == http://example.com/test/ (own or inherited xml:base).
  'feedparser/base__entry_content_xml_base.xml': { count: 1, first: 'Example test', word: 'Example' },
  'feedparser/base__entry_content_xml_base_inherit.xml': { count: 1, first: 'Example test', word: 'Example' },
  // Expect: encoding == 'big5'; an empty channel.
  'feedparser/encoding__big5.xml': { count: 0, error: NO_ITEMS },
  // Expect: 1 (does not crash) — a stray byte in CDATA.
  'feedparser/encoding__bozo_encoding_mismatch_crash.xml': { count: 1, first: '¤' },
  // Expect: bozo — invalid UTF-8 after a BOM, and an unclosed root.
  'feedparser/encoding__bozo_invalid-bytes-with-bom.xml': { count: 0, error: 'broken XML at line 11: unclosed tag: rss' },
  // Expect: description == 'don\u2019t' (windows-1252 punctuation in C1 code points).
  'feedparser/encoding__demoronize-1.xml': { count: 1, first: 'don’t', word: 'don’t' },
  // Expect: ord(description) == 8230 (UTF-8 read as Latin-1 and escaped again).
  'feedparser/encoding__double-encoded-html.xml': { count: 1, first: '…', word: '…' },
  'feedparser/encoding__euc-kr.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__no_content_type_encoding.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__utf-16be-autodetect.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__utf-16be-bom.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__utf-16le-bom.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__utf-16le.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__utf-32le-bom.xml': { count: 0, error: NO_ITEMS },
  'feedparser/encoding__utf-8-bom.xml': { count: 0, error: NO_ITEMS },
  // Expect: bozo — "</rss" never closes.
  'feedparser/illformed__aaa_illformed.xml': { count: 0, error: 'broken XML at line 6: unclosed tag: rss' },
  // Expect: encoding == 'windows-1255' with no encoding information.
  'feedparser/illformed__chardet__windows1255.xml': {
    count: 1, first: 'האם תדפיס נייר של אתר אינטרנט שמוצג על מסך משתמש הוא העתק נאמן למקור של אתר…',
    dir: 'rtl', lang: 'he', word: 'האינטרנט',
  },
  // Expect: 1 (does not crash) — a Greek date in the channel.
  'feedparser/illformed__http_high_bit_date.xml': { count: 0, error: NO_ITEMS },
  // Expect: bozo.
  'feedparser/illformed__rss_empty_document.xml': { count: 0, error: 'broken XML at line 5: document must contain a root element' },
  // Expect: bozo — the file stops inside a CDATA section.
  'feedparser/illformed__rss_incomplete_cdata.xml': { count: 0, error: /^broken XML at line 1[34]: / },
  // Expect: link == 'http://link/get?a=1&b=2' — the item is recovered from the broken feed, but holds only a link.
  'feedparser/illformed__rss_item_link_corrupted_ampersands.xml': { count: 0, failures: [{ entry: 'item 1', reason: 'empty item' }] },
  // Expect: bozo (itunes: is never declared) — the prefix is declared for it; the channel has no items.
  'feedparser/illformed__undeclared_namespace.xml': { count: 0, error: NO_ITEMS },
  // Expect: feed.title == 'My Example Feed' and len(entries) == 2.
  'feedparser/json__example.json': {
    count: 2, first: 'post 2', last: 'Hello, world!', source: 'My Example Feed', url: 'https://example.org/second-item', word: 'second',
  },
  // Expect: feed language == 'en' (dc:language); no items.
  'feedparser/lang__channel_dc_language.xml': { count: 0, error: NO_ITEMS },
  // Expect: content language == 'en' (xml:lang).
  'feedparser/lang__entry_content_xml_lang.xml': { count: 1, first: 'Example Atom', lang: 'en', dir: 'ltr' },
  // Expect: not bozo — an internal subset declaring a parameter entity to an external DTD.
  'feedparser/rdf__doctype_contains_entity_decl.xml': { count: 0, error: NO_ITEMS },
  // Expect: description == 'Example description'.
  'feedparser/rdf__rdf_item_description.xml': { count: 1, first: 'Example description', url: 'http://example.com/1', word: 'description' },
  'feedparser/rdf__rss_version_10.xml': { count: 0, error: NO_ITEMS },
  // Expect: content == '<p>Example content</p>'.
  'feedparser/rss__item_content_encoded.xml': { count: 1, first: 'Example content', word: 'content' },
  // Expect: updated == '2003-12-31T10:14:55Z' — the item has nothing else (the date is checked in feeds.test.ts).
  'feedparser/rss__item_dc_date.xml': { count: 0, failures: [{ entry: 'item 1', reason: 'empty item' }] },
  // Expect: both <br/> and <br /> kept.
  'feedparser/rss__item_description_br.xml': { count: 1, first: 'article title', word: 'byline' },
  'feedparser/rss__item_description_escaped_markup.xml': { count: 1, first: 'Example description', word: 'description' },
  'feedparser/rss__item_description_naked_markup.xml': { count: 1, first: 'Example description', word: 'description' },
  // Expect: no link from a guid that is not a permalink.
  'feedparser/rss__item_guid_not_permalink.xml': { count: 0, failures: [{ entry: 'item 1', reason: 'empty item' }] },

  'rss-parser/content-encoded.rss': {
    count: 7, first: 'THE CREATIVE FORAGER', last: 'Wild Flavors All Year Round',
    dates: ['2018-04-09T18:55:38.000Z', '2017-12-01T18:38:32.000Z'], dir: 'ltr', lang: 'en',
    source: 'Food in Invironment on Medium', word: 'foraging',
    url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
  },
  'rss-parser/encoding.rss': {
    count: 40, first: 'Mãe de utente é a nova presidente da Raríssimas', last: 'Lisboa quer passes sociais com acesso a táxis e bicicletas',
    dates: ['2018-01-03T13:47:00.000Z', '2018-01-03T00:25:00.000Z'], dir: 'ltr', lang: 'pt-PT',
    source: 'Jornal de Notícias - Últimas Notícias', word: 'criança',
    // feedburner:origLink, not the feedburner redirect
    url: 'https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html',
  },
  'rss-parser/heise.atom': {
    count: 15, first: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei', last: 'Apache Software Foundation bekommt ein neues Logo',
    dates: ['2016-02-01T16:22:00.000Z', '2016-01-28T16:07:00.000Z'], dir: 'ltr',
    source: 'heise developer neueste Meldungen', word: 'Enterprise-Java-Servers',
    url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
  },
  // RSS 0.92 with a date only on the channel ("03 Apr 02 1500 GMT"): items have none.
  'rss-parser/heraldsun.rss': {
    count: 2, first: 'The First Item', last: 'The Second Item', dates: [null, null], dir: 'ltr', lang: 'en-GB',
    source: 'RSS0.92 Example', word: 'first', url: 'http://www.oreilly.com/example/001.html',
  },
  'rss-parser/incomplete-fields.atom': { count: 0, failures: [{ entry: 'item 1', reason: 'empty item' }] },
  'rss-parser/missing-fields.atom': { count: 0, failures: [{ entry: 'item 1', reason: 'empty item' }] },
  'rss-parser/narro.rss': {
    count: 1, first: 'FAQ for Narro', dates: ['2015-02-20T09:51:15.000Z', '2015-02-20T09:51:15.000Z'], lang: 'en',
    source: 'foobar on Narro', word: 'podcast', url: 'https://www.narro.co/article/54e703933058540300000069',
  },
  'rss-parser/reddit-atom.rss': {
    count: 24, first: 'The Difficulties in Space',
    last: 'ELI5: Why does a computer sometimes have a hard time starting up, and what exactly does a Start Up Repair do to fix it?',
    dates: ['2016-01-23T15:40:37.000Z', '2016-01-23T16:28:07.000Z'], dir: 'ltr',
    source: 'reddit: the front page of the internet', word: 'benjaab123',
  },
  // RSS 1.0 with dc:date in -07:00; descriptions are empty CDATA: title-only articles.
  'rss-parser/rss-1.rss': {
    count: 69, first: 'Food for fungi', last: 'Creating a weakness in prostate cancer',
    dates: ['2017-06-15T17:29:47.000Z', '2017-05-25T17:24:10.000Z'], dir: 'ltr', source: 'Science twis',
    url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
  },
  // No XML declaration, ISO-8859-1 bytes, Portuguese dates ("Seg, 24 Set 2018 19:42:40 -0300").
  'rss-parser/uolNoticias.rss': {
    count: 15, first: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
    last: 'Fama "A" é campeã da Primeira Divisão da Copa Cidade Alta de Futebol Suíço',
    dates: ['2018-09-24T22:42:40.000Z', '2018-09-24T22:18:49.000Z'], dir: 'ltr', source: 'UOL Noticias', word: 'intenção',
  },

  // windows-1255, an external DTD (never fetched), no dates, no guids.
  'chardet-hebrew-feeds/hagada.org.il.xml': {
    count: 15, first: ': 6/1 : הפגנות בבילעין ובעאבוד עם התגברות העניין התקשורתי', last: 'חשיבותה של השותפות היהודית-ערבית',
    dates: [null, null], dir: 'rtl', lang: 'he', source: 'הגדה השמאלית',
    url: 'http://www.hagada.org.il/hagada/html/modules.php?name=News&file=article&sid=4195',
  },
  'chardet-hebrew-feeds/hevra.org.il.xml': {
    count: 10, first: 'יש סטודנטים שמעדיפים לשכב מול טרקטורים במקום על הדשא בקמפוס / צפריר רינת', last: 'חזית סטודנטיאלית חברתית',
    dates: [null, null], dir: 'rtl', lang: 'he-IL', source: 'חברה צודקת',
  },
  'chardet-hebrew-feeds/law.co.il.xml': {
    count: 10, first: 'בדיחה רעה', last: 'אפשר אחרת', dates: [null, null], dir: 'rtl', lang: 'he-IL',
    source: 'law.co.il CyberLaw Articles (Hebrew)', word: 'תזכיר', url: 'http://law.co.il/showarticles.php?d=h&article=258',
  },
  'chardet-hebrew-feeds/maakav.org.xml': {
    count: 10, first: 'משמרת מחאה נגד תוכניתו של אולמרט ובעד השכלה גבוהה', last: 'תגובה למאמרו של אור קשתי על ועדות ההשמה',
    dates: [null, null], dir: 'rtl', lang: 'he-IL', source: 'מעקב חינוך',
  },
  'chardet-hebrew-feeds/whatsup.org.il.xml': {
    count: 10, first: 'הטמעת פייתון ביישומי C/C++', last: 'חברת DELL החלה לצרף את פיירפוקס לצד האקספלורר בבריטניה ואוסטרליה',
    dates: [null, null], dir: 'rtl', lang: 'he-IL', source: 'Whatsup - לינוקס, תוכנה חופשית וקוד פתוח בעברית', word: 'פיירפוקס',
  },

  'jsonfeed/extended-feed.json': {
    count: 8, first: 'A title, giving some simple context to the episode', last: 'Wee wooo this is some content.',
    dates: ['2018-04-13T22:06:43.000Z', '2018-04-07T20:48:02.000Z'], dir: 'ltr', source: 'jsonfeed-to-rss extended feed', word: 'Ipsum',
  },
  'jsonfeed/podcast-feed.json': {
    count: 40, first: 'Learn Me Something eSports', last: 'Learn Me Something Phobias',
    dates: ['2018-06-08T11:00:01.000Z', '2018-01-26T12:00:30.000Z'], dir: 'ltr', lang: 'en', source: 'Hologram Radio Master Feed', word: 'Spacewar',
  },
};

function corpusFiles(): string[] {
  return ['feedparser', 'rss-parser', 'chardet-hebrew-feeds', 'jsonfeed']
    .flatMap((dir) => readdirSync(path.join(feeds, dir)).filter((f) => f !== 'LICENSE').map((f) => `${dir}/${f}`));
}

describe('the feed corpus', () => {
  it('has an expectation for every file', () => {
    expect(corpusFiles().sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const [file, e] of Object.entries(expectations)) {
    it(`imports ${file}`, async () => {
      const { articles, failures, error } = await parseCorpus(file);
      if (e.error !== undefined) {
        expect(error).toMatch(e.error);
      } else {
        expect(error).toBeNull();
      }
      expect(failures).toEqual(e.failures ?? []);
      expect(articles).toHaveLength(e.count);
      if (e.count === 0) return;
      const first = articles[0]!;
      const last = articles[articles.length - 1]!;
      if (e.first !== undefined) expect(first.title).toBe(e.first);
      if (e.last !== undefined) expect(last.title).toBe(e.last);
      if (e.dates) expect([first.published, last.published]).toEqual(e.dates);
      if (e.dir) for (const a of articles) expect(a.dir).toBe(e.dir);
      if (e.lang !== undefined) for (const a of articles) expect(a.lang).toBe(e.lang);
      if (e.source !== undefined) for (const a of articles) expect(a.source).toBe(e.source);
      if (e.url !== undefined) expect(first.url).toBe(e.url);
      if (e.word) expect(articles.some((a) => a.text.includes(e.word!))).toBe(true);
      for (const a of articles) {
        expect(a.title).not.toBe('');
        expect(a.origin).toBe(path.join(feeds, file));
        // What the reading view reads back from the HTML is exactly the text that is searched.
        if (a.html !== null) expect(textOfHtml(a.html)).toBe(a.text);
        expect(a.published === null || /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/.test(a.published)).toBe(true);
      }
    });
  }
});

describe('feed-level expectations of the conformance files', () => {
  it.each([
    ['encoding__big5.xml', 'big5'],
    ['encoding__euc-kr.xml', 'euc-kr'],
    // The WHATWG Encoding Standard reads the "iso-8859-1" label as windows-1252.
    ['encoding__no_content_type_encoding.xml', 'windows-1252'],
    ['encoding__utf-16be-autodetect.xml', 'utf-16be'],
    ['encoding__utf-16be-bom.xml', 'utf-16be'],
    ['encoding__utf-16le-bom.xml', 'utf-16le'],
    ['encoding__utf-16le.xml', 'utf-16le'],
    ['encoding__utf-32le-bom.xml', 'utf-32le'],
    ['encoding__utf-8-bom.xml', 'utf-8'],
    ['illformed__chardet__windows1255.xml', 'windows-1255'],
    ['illformed__http_high_bit_date.xml', 'iso-8859-7'],
  ])('decodes %s as %s', (file, encoding) => {
    const decoded = decodeXml(corpusBytes(`feedparser/${file}`));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toMatch(/<rss|<feed/);
  });

  it('reads the euc-kr channel title (Expect: feed title == \\ub144)', () => {
    expect(readFeedBytes(corpusBytes('feedparser/encoding__euc-kr.xml')).info.title).toBe('\ub144');
  });

  it('reads the channel language from dc:language (Expect: feed language == "en")', () => {
    expect(readFeedBytes(corpusBytes('feedparser/lang__channel_dc_language.xml')).info.lang).toBe('en');
  });

  it('reads Atom feed titles given as XHTML, with or without their own xml:base', () => {
    for (const file of ['atom10__relative_uri.xml', 'atom10__relative_uri_inherit.xml']) {
      expect(readFeedBytes(corpusBytes(`feedparser/${file}`)).info.title).toBe('Example test');
    }
  });

  it('declares the undeclared itunes: prefix instead of failing the feed', () => {
    expect(readFeedBytes(corpusBytes('feedparser/illformed__undeclared_namespace.xml')).items).toEqual([]);
  });

  it('reads RSS 1.0 (RDF) feeds, with a DOCTYPE that declares entities', () => {
    expect(readFeedBytes(corpusBytes('feedparser/rdf__rss_version_10.xml')).items).toEqual([]);
    expect(readFeedBytes(corpusBytes('feedparser/rdf__doctype_contains_entity_decl.xml')).items).toEqual([]);
  });
});

describe('feed content as the reader sees it', () => {
  it('gives escaped, inline XHTML and base64 Atom content the same HTML', async () => {
    const html = await Promise.all(['base64', 'escaped_markup', 'inline_markup'].map(async (kind) => {
      const { articles } = await parseCorpus(`feedparser/atom10__entry_content_${kind}.xml`);
      return articles[0]?.html;
    }));
    expect(html).toEqual(['Example <b>Atom</b>', 'Example <b>Atom</b>', 'Example <b>Atom</b>']);
  });

  it('gives escaped and naked RSS descriptions the same HTML', async () => {
    const escaped = (await parseCorpus('feedparser/rss__item_description_escaped_markup.xml')).articles[0];
    const naked = (await parseCorpus('feedparser/rss__item_description_naked_markup.xml')).articles[0];
    expect(escaped?.html).toBe('<p>Example description</p>');
    expect(naked?.html).toBe(escaped?.html);
  });

  it('keeps both kinds of <br> of a CDATA description as line breaks', async () => {
    const { articles } = await parseCorpus('feedparser/rss__item_description_br.xml');
    expect(articles[0]?.html).toBe('article title<br /><br /> article byline<br /><br />text of article');
    expect(articles[0]?.text).toBe('article title\narticle byline\ntext of article');
  });

  it('resolves relative links in content against xml:base, its own or inherited', async () => {
    for (const file of ['base__entry_content_xml_base.xml', 'base__entry_content_xml_base_inherit.xml']) {
      const { articles } = await parseCorpus(`feedparser/${file}`);
      expect(articles[0]?.html).toContain('href="http://example.com/test/test.html"');
    }
  });

  it('shows text/plain Atom content as text, brackets and all', async () => {
    const { articles } = await parseCorpus('feedparser/atom10__entry_content_text_plain_brackets.xml');
    expect(articles[0]?.html).toBe('<p>History of the &lt;blink&gt; tag</p>');
  });

  it('prefers content:encoded to the description', async () => {
    const { articles } = await parseCorpus('rss-parser/content-encoded.rss');
    // (the feed writes "the&nbsp;Kitchen")
    expect(articles[0]?.text).toMatch(/^Using Wild Ingredients in the\sKitchen\n\nHEY, YOU!/);
    expect(articles[0]?.byline).toBe('Jeremy Puma');
  });

  it('decodes the doubly escaped quotes of a plain-text Hebrew description and keeps it right-to-left', async () => {
    const { articles } = await parseCorpus('chardet-hebrew-feeds/law.co.il.xml');
    expect(articles[0]?.text).toContain('התשס"ו-2005');
    expect(articles[0]?.html?.startsWith('<p>')).toBe(true);
  });

  it('drops scripts from JSON Feed HTML', async () => {
    const { articles } = await parseCorpus('feedparser/json__example.json');
    expect(articles[1]?.html).toBe('<p>Hello, world!</p>');
    expect(articles[1]?.byline).toBe('you');
    expect(articles[0]?.byline).toBe('me');
  });
});
