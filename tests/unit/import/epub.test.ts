import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPUB_ENCRYPTED, parseEpub } from '../../../main/import/epub';
import { fixVisualOrder } from '../../../main/import/epub/visual-order';
import { registerParser } from '../../../main/import/formats';
import { importBuffers } from '../../../main/import/importer';
import { Library } from '../../../main/library/library';
import type { ImportFailure, NewArticle } from '../../../common';
import { MemorySink, shared } from './helpers';

const epubDir = path.join(shared, 'corpus', 'epub');
const arabicPath = path.join(epubDir, 'regime-anticancer-arabic.epub');
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

async function parse(name: string, bytes: Uint8Array): Promise<NewArticle> {
  const [article] = await parseEpub({ path: name, name, bytes });
  if (!article) throw new Error('no article');
  return article;
}

/** Importing through the registry, as the app does: failures come back as reasons. */
async function importEpub(name: string, bytes: Uint8Array): Promise<{ sink: MemorySink; failed: ImportFailure[] }> {
  const sink = new MemorySink();
  const report = await importBuffers(sink, [{ name, bytes }]);
  return { sink, failed: report.failed };
}

/** An EPUB's files, changed and zipped again with `mimetype` first and stored, as the spec wants. */
function rezip(files: Record<string, Uint8Array>, changes: Record<string, Uint8Array | null>): Uint8Array {
  const out: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [name, data] of Object.entries({ ...files, ...changes })) {
    if (name !== 'mimetype' && data) out[name] = data;
  }
  return zipSync(out);
}

const IMAGE = /<img[^>]*src="data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]{100,}"/g;

beforeAll(() => registerParser('epub', parseEpub));

describe('the Arabic EPUB (lang=fr declared, title in visual order, right-to-left spine)', () => {
  let article: NewArticle;
  let dir: string;
  beforeAll(async () => {
    article = await parse('regime-anticancer-arabic.epub', read(arabicPath));
    dir = mkdtempSync(path.join(tmpdir(), 'sahifa-epub-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the Arabic title, in reading order, and the book’s metadata', () => {
    expect(article.title).toBe('النظام الغذائي الصحيح للوقاية من السرطان');
    expect(article).toMatchObject({
      dir: 'rtl',
      lang: 'ar',
      byline: 'Pr David Khayat, Nathalie Hutter-Lardeau',
      source: 'Hachette Antoine',
      published: '2012',
      url: null,
    });
  });

  it('keeps the chapters in spine order, each a section, with its images embedded', () => {
    const html = article.html ?? '';
    expect(html.match(/<section/g)?.length).toBeGreaterThanOrEqual(3);
    // Cover, then title page (both images only), then the chapter.
    expect(html.match(IMAGE)?.length).toBe(2);
    expect(html.indexOf('alt="cover"')).toBeLessThan(html.indexOf('alt="titlepage"'));
    expect(html.indexOf('alt="titlepage"')).toBeLessThan(html.indexOf('ما هو السرطان؟'));
    expect(html).not.toMatch(/Image\/cover\.jpg|<script|<link/);
    const headings = ['الفصل الثاني', 'ما هو السرطان؟', 'من أين تأتي الحياة؟', 'أهمّية جيناتنا'];
    const positions = headings.map((h) => article.text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes the text as paragraphs separated by a blank line', () => {
    expect(article.text.startsWith('الفصل الثاني\n\nما هو السرطان؟\n\nمن أين تأتي الحياة؟\n\nحسنًا! إن أردنا أن نفهم')).toBe(true);
    expect(article.text).not.toMatch(/\n{3,}|<\w/);
  });

  it('is found by an Arabic word in a real library', () => {
    const library = Library.open(path.join(dir, 'library.sqlite'));
    try {
      const added = library.addArticles([article]);
      expect(added.imported).toBe(1);
      const found = library.search('الخلايا');
      expect(found.total).toBe(1);
      expect(found.items[0]?.title).toBe('النظام الغذائي الصحيح للوقاية من السرطان');
      expect(library.get(added.ids[0] as number).html).toMatch(IMAGE);
    } finally {
      library.close();
    }
  });

  it('trusts the text’s script over a package that says the book is French', async () => {
    const files = unzipSync(read(arabicPath));
    const opf = strFromU8(files['EPUB/package.opf'] as Uint8Array).replace('<dc:language>ar</dc:language>', '<dc:language>fr</dc:language>');
    expect(opf).toContain('<dc:language>fr</dc:language>');
    const french = await parse('fr.epub', rezip(files, { 'EPUB/package.opf': strToU8(opf) }));
    expect(french).toMatchObject({ lang: 'ar', dir: 'rtl', title: 'النظام الغذائي الصحيح للوقاية من السرطان' });
  });
});

describe('the Hebrew and English books', () => {
  it('reads the Hebrew book right to left, its chapters in order, its photos embedded', async () => {
    const article = await parse('israelsailing.epub', read(path.join(epubDir, 'israelsailing.epub')));
    expect(article).toMatchObject({ title: 'מפליגים בישראל', dir: 'rtl', lang: 'he', byline: 'אורי עידן', source: 'הליקון ספרים', published: '2013-01-25' });
    expect(article.html?.match(IMAGE)?.length).toBe(7);
    const chapters = ['פרק ראשון', 'פרק שני', 'פרק שלישי'].map((c) => article.text.indexOf(c));
    expect(chapters.every((p) => p > 0)).toBe(true);
    expect([...chapters].sort((a, b) => a - b)).toEqual(chapters);
  });

  it('reads the English control left to right, with its identifier URL', async () => {
    const article = await parse('childrens-literature.epub', read(path.join(epubDir, 'childrens-literature.epub')));
    expect(article).toMatchObject({
      title: "Children's Literature",
      dir: 'ltr',
      lang: 'en',
      url: 'http://www.gutenberg.org/ebooks/25545',
      byline: 'Charles Madison Curry, Erle Elsworth Clippinger',
      published: '2008-05-20',
    });
    expect(article.text).toContain('THE REAL PRINCESS');
    // Print page numbers are markers, not text.
    expect(article.text).not.toMatch(/^169$/m);
  });
});

describe('books that cannot be imported', () => {
  it('fails a truncated EPUB with a clear reason', async () => {
    const whole = read(path.join(epubDir, 'israelsailing.epub'));
    const { sink, failed } = await importEpub('half.epub', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(sink.articles).toEqual([]);
    expect(failed).toEqual([{ path: 'half.epub', code: 'epub-damaged', error: 'the EPUB file is damaged: the end of the archive is missing (is the file cut short?)' }]);
  });

  it('fails a book whose chapter is corrupt, naming the chapter', async () => {
    const files = unzipSync(read(arabicPath));
    const zip = rezip(files, {});
    // Flip bytes inside the chapter's deflated data, found after its name in its local header.
    const name = new TextEncoder().encode('EPUB/Content/C_content.xhtml');
    const at = Buffer.from(zip).indexOf(Buffer.from(name));
    const corrupt = zip.slice();
    for (let i = at + name.length + 100; i < at + name.length + 110; i++) corrupt[i] = (corrupt[i] ?? 0) ^ 0x55;
    const { failed } = await importEpub('corrupt.epub', corrupt);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.code).toBe('epub-damaged');
    expect(failed[0]?.error).toMatch(/^the EPUB file is damaged: EPUB\/Content\/C_content\.xhtml (cannot be decompressed|fails its checksum)$/);
  });

  it('fails a DRM-encrypted book', async () => {
    const files = unzipSync(read(arabicPath));
    const encryption = `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
    <ds:KeyInfo><ds:RetrievalMethod URI="license.lcpl#/encryption/content_key"/></ds:KeyInfo>
    <enc:CipherData><enc:CipherReference URI="EPUB/Content/C_content.xhtml"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>`;
    const { sink, failed } = await importEpub('drm.epub', rezip(files, { 'META-INF/encryption.xml': strToU8(encryption) }));
    expect(sink.articles).toEqual([]);
    expect(failed).toEqual([{ path: 'drm.epub', code: 'epub-encrypted', error: EPUB_ENCRYPTED }]);
  });

  it('imports a book whose only "encryption" is font obfuscation', async () => {
    const files = unzipSync(read(path.join(epubDir, 'israelsailing.epub')));
    const obfuscation = `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
    <enc:CipherData><enc:CipherReference URI="OEBPS/Fonts/DejaVuSans.ttf"/></enc:CipherData>
  </enc:EncryptedData>
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="http://ns.adobe.com/pdf/enc#RC"/>
    <enc:CipherData><enc:CipherReference URI="OEBPS/Fonts/pdheb.ttf"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>`;
    const { sink, failed } = await importEpub('fonts.epub', rezip(files, { 'META-INF/encryption.xml': strToU8(obfuscation) }));
    expect(failed).toEqual([]);
    expect(sink.articles[0]?.title).toBe('מפליגים בישראל');
  });
});

describe('a book built for the edge cases', () => {
  const xhtml = (body: string): Uint8Array => strToU8(`<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="ar"><head><title>x</title><script>alert(1)</script></head><body>${body}</body></html>`);
  const photo = new Uint8Array(readFileSync(path.join(shared, 'corpus', 'saved-pages', 'arabic-titlepage_files', 'titlepage.jpg')));
  const opf = `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:isbn:9780000000000</dc:identifier>
    <dc:title>ماظنلا يئاذغلا حيحصلا ةياقولل نم ناطرسلا</dc:title>
    <dc:language>ar</dc:language>
  </metadata>
  <manifest>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="one" href="text/one.xhtml" media-type="application/xhtml+xml"/>
    <item id="two" href="text/two%20words.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="images/photo.jpg" media-type="image/jpeg"/>
    <item id="svg" href="images/drawing.svg" media-type="image/svg+xml"/>
  </manifest>
  <spine>
    <itemref idref="notes" linear="no"/>
    <itemref idref="one"/>
    <itemref idref="two"/>
  </spine>
</package>`;
  const files: Record<string, Uint8Array> = {
    'META-INF/container.xml': strToU8('<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
    'OPS/book.opf': strToU8(opf),
    'OPS/text/notes.xhtml': xhtml('<p>حاشية الكتاب</p>'),
    'OPS/text/one.xhtml': xhtml('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image xlink:href="../images/photo.jpg" width="10" height="10"/></svg><p>الفصل&nbsp;الأول</p><p><img src="../images/drawing.svg" alt="رسم"/><img src="../images/missing.png" alt=""/></p><p><a href="http://example.org/">رابط</a></p>'),
    'OPS/text/two words.xhtml': xhtml('<p>الفصل الثاني<br/>سطر ثان</p><div hidden="hidden">مخفي</div>'),
    'OPS/images/photo.jpg': photo,
    'OPS/images/drawing.svg': strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  };

  it('reads chapters in spine order with linear="no" ones last, HTML entities and all', async () => {
    const article = await parse('edge.epub', rezip(files, {}));
    expect(article.text).toBe('الفصل\u00a0الأول\n\nرسم\n\nرابط\n\nالفصل الثاني\nسطر ثان\n\nحاشية الكتاب');
  });

  it('embeds raster images, SVG covers included, and never an SVG file', async () => {
    const article = await parse('edge.epub', rezip(files, {}));
    const html = article.html ?? '';
    expect(html.match(IMAGE)?.length).toBe(1);
    expect(html).not.toMatch(/<svg|<script|image\/svg|missing\.png|drawing\.svg/);
    expect(html).toContain('href="http://example.org/"');
  });

  it('puts a mirrored title back in reading order; a URN is no URL', async () => {
    const article = await parse('edge.epub', rezip(files, {}));
    expect(article).toMatchObject({ title: 'النظام الغذائي الصحيح للوقاية من السرطان', url: null, dir: 'rtl', lang: 'ar', byline: null, published: null });
  });

  it('fails a book without a package document', async () => {
    const { failed } = await importEpub('empty.epub', rezip(files, { 'META-INF/container.xml': null, 'OPS/book.opf': null }));
    expect(failed).toEqual([{ path: 'empty.epub', code: 'epub-damaged', error: 'the EPUB file is damaged: it has no package document (META-INF/container.xml and the .opf file are missing)' }]);
  });
});

describe('titles stored in visual order', () => {
  it('puts the Arabic test book’s word-reversed title back in reading order', () => {
    expect(fixVisualOrder('السرطان من  للوقاية الصحيح الغذائي  النظام')).toBe('النظام الغذائي الصحيح للوقاية من السرطان');
  });

  it('un-mirrors titles whose every character was reversed, Arabic and Hebrew', () => {
    const mirror = (s: string): string => [...s].reverse().join('');
    expect(fixVisualOrder(mirror('برلمان تونس يقر مجموعة قوانين تصل إلى الإعدام لمرتكبي الجرائم الإرهابية')))
      .toBe('برلمان تونس يقر مجموعة قوانين تصل إلى الإعدام لمرتكبي الجرائم الإرهابية');
    expect(fixVisualOrder(mirror('מפליגים בישראל'))).toBe('מפליגים בישראל');
  });

  it('leaves titles in reading order alone: real headlines, English, and titles that give no evidence', () => {
    for (const title of ['مفاتيح القوة بيد من؟!', 'في بيتنا رجل', 'كل ما في بالك بـ«بالي»', 'مطرب فواز يقدم فناً جميلاً في «علمي علمك»', 'نصر وهلال ولندن', "Children's Literature", 'מפליגים בישראל', 'سلام']) {
      expect(fixVisualOrder(title)).toBe(title);
    }
  });

  it('changes none of a day of real Saudi headlines, and un-mirrors most of them mirrored', () => {
    const day = unzipSync(read(path.join(shared, 'corpus', 'saudinewsnet', readdirSync(path.join(shared, 'corpus', 'saudinewsnet')).filter((f) => f.endsWith('.zip'))[0] ?? '')));
    const titles: string[] = [];
    for (const data of Object.values(day)) {
      for (const a of JSON.parse(strFromU8(data)) as { title?: string }[]) if (a.title) titles.push(a.title.replace(/\s+/g, ' ').trim());
    }
    expect(titles.length).toBeGreaterThan(1000);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const mirror = (s: string): string => Array.from(segmenter.segment(s), (g) => g.segment).reverse().join('');
    expect(titles.filter((t) => fixVisualOrder(t) !== t)).toEqual([]);
    const restored = titles.filter((t) => fixVisualOrder(mirror(t)) === t).length;
    expect(restored / titles.length).toBeGreaterThan(0.8);
  });
});
