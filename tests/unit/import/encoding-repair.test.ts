/**
 * Real news text in every shape a wrong encoding takes, through every importer that reads bytes,
 * as the app imports it (importBuffers): a legacy declaration on UTF-8 bytes, a UTF-8 declaration
 * on windows-1256 bytes, gb2312 on UTF-8 (Mozilla Readability's `qq` page), text garbled before it
 * was written (UTF-8 read as windows-1256, as windows-1252), and clean Arabic full of ط and ظ that
 * must come through untouched. The reader gets the Arabic, and the report says what was done.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBuffers } from '../../../main/import/importer';
import type { ImportNote, NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';
import { readAsWindows1252, readAsWindows1256, utf8Bytes, windows1256Bytes } from '../../fixtures/encodings';
import { MemorySink } from './helpers';

const news = newsArticles(3000);

/** A news article's title and its first paragraphs, long enough for Readability to see an article. */
function excerpt(article: { title: string; content: string }): { title: string; paragraphs: string[] } {
  const paragraphs = article.content.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 0);
  const kept: string[] = [];
  for (const p of paragraphs) {
    kept.push(p);
    if (kept.join(' ').length > 700) break;
  }
  return { title: article.title.trim(), paragraphs: kept };
}

const byTitle = (start: string) => news.find((a) => a.title.startsWith(start))!;
const sentenceWith = (word: string): string => {
  const article = news.find((a) => a.content.includes(word))!;
  return article.content.split(/(?<=[.!؟])\s+|\n+/).find((s) => s.includes(word))!.trim();
};

const NEWS = excerpt(byTitle('بريطانيا: أربعة محاور لاستراتيجية'));
// Clean Arabic where ط and ظ, the lead bytes of UTF-8 Arabic read as windows-1256, are everywhere.
const TA_ZA = excerpt(byTitle('توقيف 3 مطلوبين للشرطة غرب رفحاء'));
TA_ZA.paragraphs.push(sentenceWith('ظلال'), sentenceWith('الطائرة'), sentenceWith('الظروف'));

interface Text { title: string; paragraphs: string[] }
const garble = (t: Text, how: (s: string) => string): Text => ({ title: how(t.title), paragraphs: t.paragraphs.map(how) });

/** A file made of a text: its name, and its bytes with `charset` declared the importer's way (null: none). */
type Build = (t: Text, charset: string | null) => { name: string; text: string };

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (t: Text, charset: string | null): string =>
  `<!DOCTYPE html><html lang="ar" dir="rtl"><head>${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ''}`
  + `<title>${escape(t.title)}</title></head><body><article><h1>${escape(t.title)}</h1>${t.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article></body></html>`;

const builds: Record<string, Build> = {
  'plain text': (t) => ({ name: 'article.txt', text: `${t.title}\n\n${t.paragraphs.join('\n')}\n` }),
  markdown: (t) => ({ name: 'article.md', text: `# ${t.title}\n\n${t.paragraphs.join('\n\n')}\n` }),
  'saved page': (t, charset) => ({ name: 'page.html', text: page(t, charset) }),
  'RSS feed': (t, charset) => ({
    name: 'feed.xml',
    text: `<?xml version="1.0"${charset ? ` encoding="${charset}"` : ''}?>\n<rss version="2.0"><channel><title>أخبار</title><link>https://news.example.org/</link>`
      + `<item><title>${escape(t.title)}</title><link>https://news.example.org/1</link><description>${escape(t.paragraphs.join('\n'))}</description></item></channel></rss>`,
  }),
  'JSON Feed': (t) => ({
    name: 'feed.json',
    text: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'أخبار', items: [{ id: '1', title: t.title, content_text: t.paragraphs.join('\n') }] }),
  }),
};

/** Which charset each shape declares, how the file's bytes are written, and the note the report must carry. */
interface Shape {
  declared: string | null;
  garbled?: (s: string) => string;
  bytes: (s: string) => Uint8Array;
  note: Pick<ImportNote, 'code' | 'detail'> | null;
}

const toWindows1256 = (s: string): Uint8Array => {
  const b = windows1256Bytes(s);
  if (!b) throw new Error('the text has a character windows-1256 cannot write');
  return b;
};

const shapes: Record<string, Shape> = {
  'declared windows-1256, bytes UTF-8': { declared: 'windows-1256', bytes: utf8Bytes, note: { code: 'encoding-overridden', detail: { declared: 'windows-1256', used: 'UTF-8' } } },
  'declared UTF-8, bytes windows-1256': { declared: 'utf-8', bytes: toWindows1256, note: { code: 'encoding-overridden', detail: { declared: 'UTF-8', used: 'windows-1256' } } },
  'declared gb2312, bytes UTF-8': { declared: 'gb2312', bytes: utf8Bytes, note: { code: 'encoding-overridden', detail: { declared: 'gb2312', used: 'UTF-8' } } },
  'garbled before it was written: UTF-8 read as windows-1256': {
    declared: null, garbled: readAsWindows1256, bytes: utf8Bytes, note: { code: 'text-repaired', detail: { misreadAs: 'windows-1256' } },
  },
  'garbled before it was written: UTF-8 read as windows-1252 (Latin-1)': {
    declared: null, garbled: readAsWindows1252, bytes: utf8Bytes, note: { code: 'text-repaired', detail: { misreadAs: 'windows-1252' } },
  },
};

/** The importers that can carry a declaration, and those that cannot (they see only the garbled shapes). */
const declaring = new Set(['saved page', 'RSS feed']);

async function importOne(name: string, bytes: Uint8Array): Promise<{ article: NewArticle; notes: ImportNote[] }> {
  const sink = new MemorySink();
  const report = await importBuffers(sink, [{ name, bytes }]);
  expect(report.failed).toEqual([]);
  expect(sink.articles).toHaveLength(1);
  return { article: sink.articles[0]!, notes: report.notes ?? [] };
}

/** What a reader sees of the text: Arabic, never the garbled forms. */
function expectReadable(article: NewArticle, t: Text): void {
  expect(article.title).toContain(t.title.replace(/^#\s*/, ''));
  for (const p of t.paragraphs) expect(article.text.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
  expect(article.text).not.toMatch(/ط§|ظ„|Ø§|Ù„|[\u4e00-\u9fff]/);
}

describe.each(Object.keys(builds))('%s', (importer) => {
  const build = builds[importer]!;
  const applicable = Object.entries(shapes).filter(([, s]) => s.declared === null || declaring.has(importer));

  it.each(applicable)('%s: reads the Arabic and says so in the report', async (_, shape) => {
    const source = shape.garbled ? garble(NEWS, shape.garbled) : NEWS;
    const file = build(source, shape.declared);
    const { article, notes } = await importOne(file.name, shape.bytes(file.text));
    expectReadable(article, NEWS);
    expect(notes.map((n) => ({ code: n.code, detail: n.detail }))).toEqual([shape.note]);
    expect(notes[0]?.path).toBe(file.name);
    expect(notes[0]?.message).toMatch(/read as|restored/);
  });

  it('leaves clean Arabic full of ط and ظ as it is, with nothing in the report', async () => {
    const file = build(TA_ZA, declaring.has(importer) ? 'utf-8' : null);
    const { article, notes } = await importOne(file.name, utf8Bytes(file.text));
    for (const p of TA_ZA.paragraphs) expect(article.text.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
    expect(article.text).toContain('ظلال');
    expect(article.text).toContain('الظروف');
    expect(notes).toEqual([]);
  });
});

describe('single-file pages (MHTML)', () => {
  /** A page saved as MHTML, its part's charset in the part's own header as Chromium writes it. */
  function mhtml(html: Uint8Array, charset: string): Uint8Array {
    const head = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://news.example.org/article.html',
      'Subject: =?utf-8?Q?page?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----part"',
      '',
      '------part',
      `Content-Type: text/html; charset=${charset}`,
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://news.example.org/article.html',
      '',
      Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n'),
      '------part--',
      '',
    ];
    return utf8Bytes(head.join('\r\n'));
  }

  it.each([
    ['windows-1256', utf8Bytes, { declared: 'windows-1256', used: 'UTF-8' }],
    ['gb2312', utf8Bytes, { declared: 'gb2312', used: 'UTF-8' }],
    ['utf-8', toWindows1256, { declared: 'UTF-8', used: 'windows-1256' }],
  ] as const)('part declared %s: reads the Arabic and says the declaration was overridden', async (charset, bytes, detail) => {
    const { article, notes } = await importOne('page.mhtml', mhtml(bytes(page(NEWS, null)), charset));
    expectReadable(article, NEWS);
    expect(notes).toEqual([{ path: 'page.mhtml', code: 'encoding-overridden', detail, message: expect.stringContaining('read as') }]);
  });

  it('restores a page garbled before it was saved, and leaves clean ط and ظ alone', async () => {
    const garbled = await importOne('page.mhtml', mhtml(utf8Bytes(page(garble(NEWS, readAsWindows1256), null)), 'utf-8'));
    expectReadable(garbled.article, NEWS);
    expect(garbled.notes.map((n) => n.code)).toEqual(['text-repaired']);
    const clean = await importOne('page.mhtml', mhtml(utf8Bytes(page(TA_ZA, null)), 'utf-8'));
    expect(clean.article.text).toContain(TA_ZA.paragraphs[0]!.slice(0, 40));
    expect(clean.notes).toEqual([]);
  });
});

describe('EPUB chapters', () => {
  function epub(chapter: Uint8Array): Uint8Array {
    const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>كتاب</dc:title><dc:language>ar</dc:language></metadata>
  <manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>`;
    return zipSync({
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'META-INF/container.xml': strToU8('<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
      'OPS/book.opf': strToU8(opf),
      // Two chapters that say the same thing: the book's report says it once.
      'OPS/c1.xhtml': chapter,
      'OPS/c2.xhtml': chapter,
    });
  }
  const chapter = (t: Text, charset: string): string =>
    `<?xml version="1.0" encoding="${charset}"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar" dir="rtl"><head><title>${escape(t.title)}</title></head>`
    + `<body><h1>${escape(t.title)}</h1>${t.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</body></html>`;

  it.each([
    ['declared windows-1256, bytes UTF-8', chapter(NEWS, 'windows-1256'), utf8Bytes, 'encoding-overridden'],
    ['declared UTF-8, bytes windows-1256', chapter(NEWS, 'utf-8'), toWindows1256, 'encoding-overridden'],
    ['garbled before it was written (windows-1256)', chapter(garble(NEWS, readAsWindows1256), 'utf-8'), utf8Bytes, 'text-repaired'],
    ['garbled before it was written (windows-1252)', chapter(garble(NEWS, readAsWindows1252), 'utf-8'), utf8Bytes, 'text-repaired'],
  ] as const)('%s: reads the Arabic, one note for the book', async (_, xhtml, bytes, code) => {
    const { article, notes } = await importOne('book.epub', epub(bytes(xhtml)));
    for (const p of NEWS.paragraphs) expect(article.text.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
    expect(article.text).not.toMatch(/ط§|ظ„|Ø§|Ù„/);
    expect(notes.map((n) => [n.path, n.code])).toEqual([['book.epub', code]]);
  });

  it('leaves clean chapters full of ط and ظ as they are', async () => {
    const { article, notes } = await importOne('book.epub', epub(utf8Bytes(chapter(TA_ZA, 'utf-8'))));
    expect(article.text).toContain('ظلال');
    expect(notes).toEqual([]);
  });
});

describe('files inside a zip', () => {
  it('notes each entry under its own path', async () => {
    const garbled = builds['plain text']!(garble(NEWS, readAsWindows1256), null);
    const clean = builds['plain text']!(TA_ZA, null);
    const zip = zipSync({ 'a.txt': utf8Bytes(garbled.text), 'b.txt': utf8Bytes(clean.text) });
    const sink = new MemorySink();
    const report = await importBuffers(sink, [{ name: 'news.zip', bytes: zip }]);
    expect(sink.articles).toHaveLength(2);
    expect(report.notes?.map((n) => [n.path, n.code])).toEqual([['news.zip › a.txt', 'text-repaired']]);
  });
});
