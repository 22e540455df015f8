import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEpub } from '../../../main/import/epub';
import { registerParser } from '../../../main/import/formats';
import { importBuffers } from '../../../main/import/importer';
import { MAX_ARCHIVE_ENTRIES, MAX_ARCHIVE_EXPANDED_BYTES, NESTED_TOO_DEEP, UNSAFE_PATH } from '../../../main/import/limits';
import { isUnsafePath, listEntries, parseZip } from '../../../main/import/zip';
import { MemorySink, bytes, shared } from './helpers';

const epubDir = path.join(shared, 'corpus', 'epub');
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

beforeAll(() => {
  registerParser('zip', parseZip);
  registerParser('epub', parseEpub);
});

async function importZip(name: string, zip: Uint8Array): Promise<{ sink: MemorySink; report: Awaited<ReturnType<typeof importBuffers>> }> {
  const sink = new MemorySink();
  const report = await importBuffers(sink, [{ name, bytes: zip }]);
  return { sink, report };
}

const MB = 1024 * 1024;

interface RawEntry { name: string; data: Uint8Array; size: number; crc: number; method: number; flags?: number }

/**
 * A zip written by hand, for archives no honest tool writes: sizes that lie, flags that are set.
 * Local headers, central directory, end record; nothing else.
 */
function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.data));
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.crc, 16);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

function storedEntry(name: string, text: string): RawEntry {
  const data = bytes(text);
  return { name, data, size: data.length, crc: crc32(data), method: 0 };
}

/**
 * `megabytes` MB of zeros as raw DEFLATE, built without ever holding them: one megabyte compressed
 * with a sync flush ends on a byte boundary, so copies of it concatenate into one valid stream.
 */
function deflatedZeros(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]));
}

describe('a zip of articles', () => {
  it('imports the three EPUB books and a text file as four articles, each with its origin', async () => {
    const zip = zipSync({
      'books/regime-anticancer-arabic.epub': read(path.join(epubDir, 'regime-anticancer-arabic.epub')),
      'books/israelsailing.epub': read(path.join(epubDir, 'israelsailing.epub')),
      'books/childrens-literature.epub': read(path.join(epubDir, 'childrens-literature.epub')),
      'news.txt': bytes('خبر عاجل\nانطلقت اليوم فعاليات المعرض الدولي للكتاب في الرياض.'),
    });
    const { sink, report } = await importZip('library.zip', zip);
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(4);
    expect(sink.articles.map((a) => [a.title, a.origin])).toEqual([
      ['النظام الغذائي الصحيح للوقاية من السرطان', 'library.zip › books/regime-anticancer-arabic.epub'],
      ['מפליגים בישראל', 'library.zip › books/israelsailing.epub'],
      ["Children's Literature", 'library.zip › books/childrens-literature.epub'],
      ['خبر عاجل', 'library.zip › news.txt'],
    ]);
  });

  it('reports each bad entry as archive › entry and imports the rest; folders, __MACOSX and hidden files are skipped', async () => {
    const zip = zipSync({
      'folder/': {},
      'folder/good.md': bytes('# عنوان\n\nنص المقال.'),
      'folder/entry.txt': new Uint8Array(0),
      'folder/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      '__MACOSX/folder/._good.md': new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]),
      '.DS_Store': new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]),
    } satisfies Zippable);
    const { sink, report } = await importZip('archive.zip', zip);
    expect(sink.articles.map((a) => a.title)).toEqual(['عنوان']);
    expect(report.failed).toEqual([
      { path: 'archive.zip › folder/entry.txt', code: 'empty-file', error: 'not an article file (it is empty)' },
      { path: 'archive.zip › folder/photo.png', code: 'unsupported-format', detail: { format: 'image' }, error: 'unsupported format (image)' },
    ]);
  });

  it('gives a saved "complete" page inside the zip its images from the page_files folder', async () => {
    const pages = path.join(shared, 'corpus', 'saved-pages');
    const zip = zipSync({
      'pages/arabic-titlepage.html': read(path.join(pages, 'arabic-titlepage.html')),
      'pages/arabic-titlepage_files/titlepage.jpg': read(path.join(pages, 'arabic-titlepage_files', 'titlepage.jpg')),
      'pages/arabic-titlepage_files/style.css': read(path.join(pages, 'arabic-titlepage_files', 'style.css')),
    });
    const { sink, report } = await importZip('saved.zip', zip);
    // The page's own folder is read by the page, not imported as articles of its own.
    expect(report.failed).toEqual([]);
    expect(sink.articles).toHaveLength(1);
    expect(sink.articles[0]?.html).toMatch(/<img[^>]+src="data:image\/jpeg;base64,/);
  });

  it('fails a truncated zip with a clear reason', async () => {
    const zip = zipSync({ 'a.txt': bytes('نص أول'), 'b.txt': bytes('نص ثان') });
    const { report } = await importZip('cut.zip', zip.subarray(0, Math.floor(zip.length / 2)));
    expect(report.failed).toEqual([{ path: 'cut.zip', code: 'archive-damaged', error: 'the zip file is damaged: the end of the archive is missing (is the file cut short?)' }]);
  });

  it('fails an entry whose content does not match its checksum, and one that is password-protected', async () => {
    const corrupt = storedEntry('corrupt.txt', 'نص سيتلف');
    corrupt.data = corrupt.data.slice();
    corrupt.data[2] = (corrupt.data[2] ?? 0) ^ 0xff;
    const locked = { ...storedEntry('locked.txt', 'سر'), flags: 1 };
    const { sink, report } = await importZip('mixed.zip', rawZip([corrupt, locked, storedEntry('fine.txt', 'نص سليم')]));
    expect(sink.articles.map((a) => a.text)).toEqual(['نص سليم']);
    expect(report.failed).toEqual([
      { path: 'mixed.zip › corrupt.txt', code: 'archive-entry-damaged', error: 'the archive is damaged: the file fails its checksum' },
      { path: 'mixed.zip › locked.txt', code: 'archive-entry-encrypted', error: 'the file is encrypted (password-protected)' },
    ]);
  });

  it('fails an entry compressed with a method it cannot read (bzip2), naming the method', async () => {
    const { report } = await importZip('bzip2.zip', rawZip([{ ...storedEntry('old.txt', 'نص قديم'), method: 12 }]));
    expect(report.failed).toEqual([{
      path: 'bzip2.zip › old.txt',
      code: 'archive-unsupported-compression',
      detail: { method: 12 },
      error: 'the file uses a compression method Sahifa cannot read (method 12)',
    }]);
  });
});

describe('hostile archives', () => {
  it('refuses a zip bomb whose directory says it expands past 1 GB, before inflating anything', async () => {
    const zeros = deflatedZeros(190); // 190 MB each, under the per-file limit; six of them are 1.1 GB
    const crc = crc32(Buffer.alloc(0)); // never checked: nothing is inflated
    const entries = Array.from({ length: 6 }, (_, i): RawEntry => ({ name: `zeros${i}.txt`, data: zeros, size: 190 * MB, crc, method: 8 }));
    const zip = rawZip(entries);
    expect(zip.length).toBeLessThan(2 * MB);
    const { sink, report } = await importZip('bomb.zip', zip);
    expect(sink.articles).toEqual([]);
    expect(report.failed).toEqual([{
      path: 'bomb.zip',
      code: 'archive-expands-too-much',
      detail: { size: 6 * 190 * MB, limit: MAX_ARCHIVE_EXPANDED_BYTES },
      error: 'the archive is too large: it would expand to 1.1 GB (the limit is 1 GB)',
    }]);
  });

  it('stops inflating a zip bomb that lies about its size at the size it declared', async () => {
    // 1.1 GB of zeros in about a megabyte, declared as a 2 KB file.
    const zip = rawZip([{ name: 'small.txt', data: deflatedZeros(1100), size: 2048, crc: 0, method: 8 }, storedEntry('real.txt', 'نص حقيقي')]);
    const { sink, report } = await importZip('liar.zip', zip);
    expect(sink.articles.map((a) => a.text)).toEqual(['نص حقيقي']);
    expect(report.failed).toEqual([{ path: 'liar.zip › small.txt', code: 'archive-entry-damaged', error: 'the archive is damaged: the file expands past its stated size (a "zip bomb"?)' }]);
  });

  it('fails a file inside that is over 200 MB, and imports the others', async () => {
    const zip = rawZip([{ name: 'huge.txt', data: deflatedZeros(250), size: 250 * MB, crc: 0, method: 8 }, storedEntry('small.txt', 'نص قصير')]);
    const { sink, report } = await importZip('big.zip', zip);
    expect(sink.articles.map((a) => a.text)).toEqual(['نص قصير']);
    expect(report.failed).toEqual([{
      path: 'big.zip › huge.txt',
      code: 'file-too-large',
      detail: { size: 250 * MB, limit: 200 * MB },
      error: 'too large (250 MB, the limit is 200 MB)',
    }]);
  });

  it('refuses an archive of more than 10,000 entries from its directory', async () => {
    const files: Zippable = {};
    for (let i = 0; i <= MAX_ARCHIVE_ENTRIES; i++) files[`n${i}.txt`] = [bytes('x'), { level: 0 }];
    const { sink, report } = await importZip('many.zip', zipSync(files));
    expect(sink.articles).toEqual([]);
    expect(report.failed).toEqual([{
      path: 'many.zip',
      code: 'archive-too-many-entries',
      detail: { count: 10_001, limit: 10_000 },
      error: 'the archive is too large: 10,001 entries (the limit is 10,000)',
    }]);
  });

  it('reads exactly 10,000 entries', () => {
    const files: Zippable = {};
    for (let i = 0; i < MAX_ARCHIVE_ENTRIES; i++) files[`n${i}.txt`] = [bytes('x'), { level: 0 }];
    expect(listEntries(zipSync(files))).toHaveLength(MAX_ARCHIVE_ENTRIES);
  });

  it('fails entries whose path escapes the archive and imports the safe ones', async () => {
    const zip = zipSync({
      '../evil.txt': bytes('نص خبيث'),
      '/etc/cron.txt': bytes('نص خبيث آخر'),
      'C:/autoexec.txt': bytes('نص خبيث ثالث'),
      'dir\\..\\..\\win.txt': bytes('نص خبيث رابع'),
      'ok/../../up.txt': bytes('نص خبيث خامس'),
      'safe/inside.txt': bytes('نص آمن'),
    });
    const { sink, report } = await importZip('traversal.zip', zip);
    expect(sink.articles.map((a) => a.text)).toEqual(['نص آمن']);
    expect(report.failed).toEqual(['../evil.txt', '/etc/cron.txt', 'C:/autoexec.txt', 'dir\\..\\..\\win.txt', 'ok/../../up.txt']
      .map((name) => ({ path: `traversal.zip › ${name}`, code: 'archive-unsafe-path', error: UNSAFE_PATH })));
  });

  it('tells safe paths from unsafe ones', () => {
    expect(['a.txt', 'a/b/c.txt', 'a..b.txt', '..a/b.txt', 'مقالات/خبر.txt'].filter(isUnsafePath)).toEqual([]);
    expect(['../a', 'a/../../b', '/a', 'c:/a', 'C:a', 'a\\b', '..', 'a/\0b', ''].every(isUnsafePath)).toBe(true);
  });

  it('imports archives nested three deep and fails the fourth level', async () => {
    const level4 = zipSync({ 'd.txt': bytes('النص الرابع') });
    const level3 = zipSync({ 'c.txt': bytes('النص الثالث'), 'level4.zip': level4 });
    const level2 = zipSync({ 'b.txt': bytes('النص الثاني'), 'level3.zip': level3 });
    const level1 = zipSync({ 'a.txt': bytes('النص الأول'), 'level2.zip': level2 });
    const { sink, report } = await importZip('level1.zip', level1);
    expect(sink.articles.map((a) => a.text)).toEqual(['النص الأول', 'النص الثاني', 'النص الثالث']);
    expect(report.failed).toEqual([{ path: 'level1.zip › level2.zip › level3.zip › level4.zip', code: 'archive-nested-too-deep', detail: { limit: 3 }, error: NESTED_TOO_DEEP }]);
  });
});
