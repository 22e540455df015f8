import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../main/import/html';
import { importBuffers, importPaths } from '../../../main/import/importer';
import { NO_PAGE_IN_MHTML, parseMhtml } from '../../../main/import/mhtml';
import { decodeEncodedWords, decodeQuotedPrintable, parseMimeMessage } from '../../../main/import/mime';
import type { NewArticle } from '../../../common';
import { MemorySink, bytes, shared } from './helpers';

const savedPages = path.join(shared, 'corpus', 'saved-pages');
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const ARABIC = 'أعلنت وزارة الثقافة اليوم عن افتتاح معرض الكتاب الدولي في دورته الجديدة، بمشاركة أكثر من خمسمائة دار نشر من العالم العربي وخارجه، ويستمر المعرض عشرة أيام.';

function mhtml(content: string | Buffer, name = 'page.mhtml'): NewArticle {
  const [article] = parseMhtml({ path: `/saved/${name}`, name, bytes: new Uint8Array(typeof content === 'string' ? Buffer.from(content) : content) });
  if (!article) throw new Error('no article');
  return article;
}

function embeddedImages(html: string | null): string[] {
  return Array.from(new JSDOM(html ?? '').window.document.querySelectorAll('img')).map((i) => i.getAttribute('src') ?? '');
}

describe('MHTML pages saved by Chromium', () => {
  it('reads the Arabic chapter: same text as the chapter itself, metadata from the page and the container', async () => {
    const sink = new MemorySink();
    const report = await importPaths(sink, [path.join(savedPages, 'arabic-chapter.mhtml')]);
    expect(report.failed).toEqual([]);
    const a = sink.articles[0];
    expect(a).toMatchObject({ lang: 'ar', dir: 'rtl', url: 'https://books.example.org/epub/Content/C_content.xhtml' });
    expect(a?.title).toBe('السرطان من للوقاية الصحيح الغذائي النظام');
    const chapterFile = path.join(shared, 'corpus', 'readability', 'arabic-epub-chapter.xhtml');
    const [chapter] = parseHtml({ path: chapterFile, name: 'c.xhtml', bytes: new Uint8Array(readFileSync(chapterFile)) });
    expect(a?.text).toBe(chapter?.text);
    expect(a?.text).toContain('وتُدعَى الخلايا');
    expect(a?.html).not.toMatch(/style\.css|<link|<style/);
  });

  it('embeds the title page image from its base64 part', () => {
    const a = mhtml(readFileSync(path.join(savedPages, 'arabic-titlepage.mhtml')), 'arabic-titlepage.mhtml');
    expect(a).toMatchObject({ lang: 'ar', dir: 'rtl', url: 'https://books.example.org/epub/Content/B_titlepage.xhtml' });
    const [src] = embeddedImages(a.html);
    expect(src?.startsWith('data:image/jpeg;base64,')).toBe(true);
    // The very same picture as the "Web page, complete" copy's _files/titlepage.jpg.
    const jpg = readFileSync(path.join(savedPages, 'arabic-titlepage_files', 'titlepage.jpg'));
    expect(Buffer.from((src ?? '').split(',')[1] ?? '', 'base64').equals(jpg)).toBe(true);
  });

  it('parses the MIME structure: parts, locations, ids, transfer encodings', () => {
    const message = parseMimeMessage(new Uint8Array(readFileSync(path.join(savedPages, 'arabic-titlepage.mhtml'))));
    expect(message.parts.map((p) => [p.contentType.type, p.location])).toEqual([
      ['application/xhtml+xml', 'https://books.example.org/epub/Content/B_titlepage.xhtml'],
      ['image/jpeg', 'https://books.example.org/epub/Image/titlepage.jpg'],
      ['text/css', 'https://books.example.org/epub/Style/style.css'],
    ]);
    expect(message.parts[0]?.contentId).toBe('frame-156648C67869867E46ED2C73B4887812@mhtml.blink');
    expect(decodeEncodedWords(message.headers.get('subject') ?? '')).toBe('السرطان من للوقاية الصحيح الغذائي النظام');
  });
});

describe('MIME details', () => {
  it('undoes quoted-printable: soft line breaks, =XX bytes, stray "=" kept', () => {
    const out = Buffer.from(decodeQuotedPrintable('caf=C3=A9 =\r\nau lait=\nx = y =ZZ')).toString('utf8');
    expect(out).toBe('café au laitx = y =ZZ');
  });

  it('joins encoded words split in the middle of a character, and keeps plain text between them', () => {
    expect(decodeEncodedWords('=?utf-8?Q?=D8=B3=D9?=\r\n =?utf-8?Q?=84=D8=A7=D9=85?= and =?UTF-8?B?2LPZhNin2YU=?=')).toBe('سلام and سلام');
    expect(decodeEncodedWords('plain subject')).toBe('plain subject');
  });

  it('reads a hand-made page: folded headers, LF line ends, 8-bit windows-1256 part, cid: and URL images, nested multipart', () => {
    const cp1256 = readFileSync(path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_article.windows-1256.txt'));
    const boundary = 'outer "b"';
    const parts = Buffer.concat([
      Buffer.from(`From: <Saved by hand>\nSubject: =?utf-8?Q?=D8=AE=D8=A8=D8=B1?=\nMIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype="text/html";\n\tboundary="outer \\"b\\""\n\npreamble to ignore\n--${boundary}\n`),
      Buffer.from('Content-Type: multipart/alternative; boundary=inner\n\n--inner\nContent-Type: text/plain\n\nignored plain text\n--inner\n'),
      Buffer.from('Content-Type: text/html;\n charset=windows-1256\nContent-Transfer-Encoding: 8bit\nContent-Location: https://news.example.com/a/story.html\n\n<html><body><article><p>'),
      cp1256,
      Buffer.from('</p><p><img src="cid:photo@x" alt="one"><img src="../img/two.png" alt="two"><img src="https://elsewhere.example/three.png" alt="three"></p></article></body></html>\n--inner--\n'),
      Buffer.from(`--${boundary}\nContent-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <photo@x>\n\n${PNG.slice(0, 40)}\n${PNG.slice(40)}\n`),
      Buffer.from(`--${boundary}\nContent-Type: image/png\nContent-Transfer-Encoding: base64\nContent-Location: https://news.example.com/img/two.png\n\n${PNG}\n`),
      Buffer.from(`--${boundary}--\nepilogue\n`),
    ]);
    const a = mhtml(parts);
    expect(a.text).toContain('برلمان تونس يقر مجموعة قوانين');
    expect(a).toMatchObject({ title: 'خبر', url: 'https://news.example.com/a/story.html', lang: 'ar', dir: 'rtl' });
    const images = embeddedImages(a.html);
    expect(images).toHaveLength(2);
    for (const src of images) expect(src).toBe(`data:image/png;base64,${PNG}`);
    expect(a.text).toContain('three'); // the remote image reads as its alt text
    expect(a.html).not.toContain('elsewhere.example');
  });

  it('keeps what it has of a truncated file (no closing boundary)', () => {
    const a = mhtml(`Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>${ARABIC.replace(/ /g, '=20')}</p>`);
    expect(a.text).toBe(ARABIC);
  });

  it('fails a file without a web page in it', () => {
    expect(() => mhtml('Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/css\r\n\r\np{}\r\n--b--\r\n')).toThrow(NO_PAGE_IN_MHTML);
  });

  it('imports through the registry by extension and by content', async () => {
    const sink = new MemorySink();
    const page = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<title>عنوان</title><p>${ARABIC}</p>\r\n--b--\r\n`;
    const report = await importBuffers(sink, [{ name: 'a.mht', bytes: bytes(page) }, { name: 'b.txt', bytes: bytes(page.replace('عنوان', 'عنوان آخر')) }]);
    expect(report.failed).toEqual([]);
    expect(sink.articles.map((x) => x.title)).toEqual(['عنوان', 'عنوان آخر']);
  });
});
