import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from '../../../main/import/errors';
import { importBuffers, importPaths, type ImportProgress } from '../../../main/import/importer';
import { sniffFormat } from '../../../main/import/sniff';
import { reasonFor, walkPaths } from '../../../main/import/walk';
import type { ImportFailure } from '../../../common';
import { fitsDetail, isImportFailureCode } from '../../../common';
import { MemorySink, bytes, encodings, shared } from './helpers';

const samplePath = path.join(shared, 'samples', '000_1dff3df0f293edce.txt');
const utf8Article = readFileSync(path.join(encodings, 'derived', 'saudinewsnet_article.utf8.txt'), 'utf8');

describe('importing the sample article', () => {
  it('imports it with a natural title, right-to-left, Arabic, text intact', async () => {
    const sink = new MemorySink();
    const report = await importPaths(sink, [samplePath]);
    expect(report).toMatchObject({ imported: 1, duplicates: 0, failed: [], cancelled: false });
    const a = sink.articles[0];
    expect(a?.title).toBe('وأكد شمخاني خلال اللقاء على الموقف الثابت للجمهورية الاسلامية الايرانية…');
    expect(a).toMatchObject({ dir: 'rtl', lang: 'ar', origin: samplePath, html: null, url: null });
    expect(a?.text).toBe(readFileSync(samplePath, 'utf8').replace(/\r\n?/g, '\n'));
    expect(report.ids).toEqual([a?.id]);
  });

  it('imports every encoding of the same article as one article (the others are duplicates)', async () => {
    const sink = new MemorySink();
    const dir = path.join(encodings, 'derived');
    const files = ['utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'windows-1256', 'iso-8859-6'].map((e) => path.join(dir, `saudinewsnet_article.${e}.txt`));
    const report = await importPaths(sink, files);
    expect(report).toMatchObject({ imported: 1, duplicates: 5, failed: [] });
    expect(sink.articles[0]?.text).toBe(utf8Article);
    expect(sink.articles[0]?.title).toBe('برلمان تونس يقر مجموعة قوانين تصل إلى الإعدام لمرتكبي الجرائم الإرهابية');
  });
});

describe('files that are not articles', () => {
  it('fails each bad file with its reason and still imports the others', async () => {
    const sink = new MemorySink();
    const report = await importBuffers(sink, [
      { name: 'good.txt', bytes: bytes('خبر أول\nنص الخبر الأول.') },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'blank.txt', bytes: bytes(' \n\t\r\n ') },
      { name: 'junk.bin', bytes: new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0x10, 0x00, 0x7f, 0x05]) },
      { name: 'doc.pdf', bytes: bytes('%PDF-1.7\n...') },
      { name: 'page.html', bytes: bytes('<!DOCTYPE html><html><body><nav></nav></body></html>') },
      { name: 'feed.xml', bytes: bytes('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>') },
      { name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
      { name: 'style.css', bytes: bytes('body { color: red }') },
      { name: 'good.md', bytes: bytes('# Second\n\nThe second article.') },
    ]);
    expect(report.imported).toBe(2);
    expect(sink.articles.map((a) => a.title)).toEqual(['خبر أول', 'Second']);
    expect(report.failed).toEqual([
      { path: 'empty.txt', code: 'empty-file', error: 'not an article file (it is empty)' },
      { path: 'blank.txt', code: 'empty-file', error: 'not an article file (it is empty)' },
      { path: 'junk.bin', code: 'not-an-article', error: 'not an article file' },
      { path: 'doc.pdf', code: 'unsupported-format', detail: { format: 'pdf' }, error: 'unsupported format (pdf)' },
      { path: 'page.html', code: 'no-article-text', error: 'no article text found in the page' },
      { path: 'feed.xml', code: 'feed-no-items', error: 'the feed has no items' },
      { path: 'photo.jpg', code: 'unsupported-format', detail: { format: 'image' }, error: 'unsupported format (image)' },
      { path: 'style.css', code: 'unsupported-format', detail: { format: '.css' }, error: 'unsupported format (.css)' },
    ]);
  });

  it('fails a text file whose encoding cannot be told, without a Latin-1 guess', async () => {
    const junk = new Uint8Array(Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 37) % 128)));
    const report = await importBuffers(new MemorySink(), [{ name: 'x.txt', bytes: junk }]);
    expect(report.failed).toEqual([{ path: 'x.txt', code: 'unknown-encoding', error: 'cannot tell the text encoding' }]);
  });

  it('refuses files over 200 MB before reading them', async () => {
    const huge = { name: 'huge.txt', bytes: new Uint8Array(0) };
    Object.defineProperty(huge.bytes, 'byteLength', { value: 300 * 1024 * 1024 });
    const report = await importBuffers(new MemorySink(), [huge]);
    expect(report.failed).toEqual([{
      path: 'huge.txt',
      code: 'file-too-large',
      detail: { size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 },
      error: 'file is too large (300 MB, the limit is 200 MB)',
    }]);
  });

  it('tells formats apart by content, whatever the extension says', () => {
    expect(sniffFormat({ name: 'a.txt', bytes: bytes('<!doctype html><p>x') })).toBe('html');
    expect(sniffFormat({ name: 'feed.php', bytes: bytes('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">') })).toBe('feed');
    expect(sniffFormat({ name: 'notes', bytes: bytes('just text') })).toBe('txt');
    expect(sniffFormat({ name: 'utf16.txt', bytes: new Uint8Array(Buffer.from(utf8Article, 'utf16le')) })).toBe('txt');
    expect(sniffFormat({ name: 'f.json', bytes: bytes('{"version": "https://jsonfeed.org/version/1.1", "items": []}') })).toBe('json feed');
    expect(sniffFormat({ name: 'book.zip', bytes: new Uint8Array([...Buffer.from('PK\x03\x04'), ...new Array(26).fill(0), ...Buffer.from('mimetypeapplication/epub+zip')]) })).toBe('epub');
  });
});

describe('batches, progress and cancelling', () => {
  const files = Array.from({ length: 7 }, (_, i) => ({ name: `${i}.txt`, bytes: bytes(`Article ${i}\nBody of article number ${i}.`) }));

  it('writes in batches of the requested size and reports progress after each file', async () => {
    const sink = new MemorySink();
    const progress: ImportProgress[] = [];
    const report = await importBuffers(sink, files, { batchSize: 3, onProgress: (p) => progress.push(p) });
    expect(sink.batches).toEqual([3, 3, 1]);
    expect(report.imported).toBe(7);
    expect(report.ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.at(-1)).toEqual({ done: 7, total: 7, current: '6.txt', stage: 'files' });
  });

  it('re-running an import adds nothing', async () => {
    const sink = new MemorySink();
    await importBuffers(sink, files);
    const again = await importBuffers(sink, files);
    expect(again).toMatchObject({ imported: 0, duplicates: 7, ids: [] });
  });

  it('stops between files when cancelled, keeping the articles already parsed', async () => {
    const sink = new MemorySink();
    const controller = new AbortController();
    const report = await importBuffers(sink, files, {
      batchSize: 100,
      signal: controller.signal,
      onProgress: (p) => { if (p.done === 2) controller.abort(); },
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toBe(2);
    expect(sink.articles.map((a) => a.title)).toEqual(['Article 0', 'Article 1']);
  });
});

describe('folders', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sahifa-walk-'));
    mkdirSync(path.join(root, 'a', 'deep'), { recursive: true });
    mkdirSync(path.join(root, '.hidden'));
    mkdirSync(path.join(root, 'page_files'));
    writeFileSync(path.join(root, 'page.html'), '<html><body><nav></nav></body></html>');
    writeFileSync(path.join(root, 'page_files', 'style.css'), 'p{}');
    copyFileSync(samplePath, path.join(root, 'a', 'deep', 'sample.txt'));
    writeFileSync(path.join(root, 'a', '10.md'), '# Ten\n\ntext');
    writeFileSync(path.join(root, 'a', '9.txt'), 'Nine\nnine text');
    writeFileSync(path.join(root, '.hidden', 'secret.txt'), 'secret');
    writeFileSync(path.join(root, '.DS_Store'), 'x');
    symlinkSync(root, path.join(root, 'a', 'loop'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders recursively in natural order, skipping hidden entries and symlink loops', async () => {
    const { files, failures } = await walkPaths([root, path.join(root, 'missing.txt')]);
    expect(files.map((f) => path.relative(root, f.path))).toEqual([path.join('a', '9.txt'), path.join('a', '10.md'), path.join('a', 'deep', 'sample.txt'), 'page.html']);
    expect(failures).toEqual([{ path: path.join(root, 'missing.txt'), code: 'not-found', error: 'no such file or folder' }]);
  });

  it('imports a folder, reporting the files it could not import', async () => {
    const sink = new MemorySink();
    const report = await importPaths(sink, [root]);
    expect(sink.articles.map((a) => a.title)).toEqual(['Nine', 'Ten', 'وأكد شمخاني خلال اللقاء على الموقف الثابت للجمهورية الاسلامية الايرانية…']);
    expect(sink.articles[2]?.origin).toBe(path.join(root, 'a', 'deep', 'sample.txt'));
    expect(report.failed).toEqual([{ path: path.join(root, 'page.html'), code: 'no-article-text', error: 'no article text found in the page' }]);
  });

  it('says why a path cannot be read: a socket is neither a file nor a folder, an unreadable folder is denied', async () => {
    const socketPath = path.join(root, 'sahifa.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    const locked = path.join(root, 'locked');
    mkdirSync(locked, { mode: 0o000 });
    try {
      const { failures } = await walkPaths([socketPath, locked]);
      const expected: ImportFailure[] = [{ path: socketPath, code: 'not-a-file-or-folder', error: 'not a file or folder' }];
      // root reads every folder whatever its mode: only others are denied.
      if (process.getuid?.() !== 0) expected.push({ path: locked, code: 'permission-denied', error: 'permission denied' });
      expect(failures).toEqual(expected);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(socketPath, { force: true });
      rmSync(locked, { recursive: true, force: true });
    }
  });
});

describe('reasons for the interface', () => {
  it('turns an error no reason was written for into "unexpected", keeping its first line', () => {
    expect(reasonOf(new TypeError('x is not a function\n    at parse (file.ts:1:1)'))).toEqual({
      code: 'unexpected',
      error: 'could not import: x is not a function',
      detail: { message: 'x is not a function' },
    });
    expect(reasonFor(Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' }))).toEqual({
      code: 'unexpected',
      error: 'EBUSY: resource busy',
      detail: { message: 'EBUSY: resource busy' },
    });
  });

  it('gives every reason a code the interface knows, with the values its sentence needs', async () => {
    const report = await importBuffers(new MemorySink(), [
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'doc.pdf', bytes: bytes('%PDF-1.7\n...') },
      { name: 'broken.json', bytes: bytes('{"format": ') },
      { name: 'other.json', bytes: bytes('{"hello": "world"}') },
      { name: 'books.xml', bytes: bytes('<?xml version="1.0"?><catalog><book>x</book></catalog>') },
    ]);
    expect(report.failed.map((f) => [f.path, f.code])).toEqual([
      ['empty.txt', 'empty-file'],
      ['doc.pdf', 'unsupported-format'],
      ['broken.json', 'broken-json'],
      ['other.json', 'unsupported-json'],
      ['books.xml', 'not-a-feed'],
    ]);
    expect(report.failed[4]?.detail).toEqual({ element: 'catalog' });
    for (const failure of report.failed) {
      expect(isImportFailureCode(failure.code)).toBe(true);
      expect(fitsDetail(failure.code!, failure.detail)).toBe(true);
    }
  });
});
