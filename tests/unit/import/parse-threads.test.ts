/**
 * Imports whose files are parsed on parse threads (main/import/parse-pool.ts) while the importing
 * thread writes: the same library as parsing in-process, ids in file order, and a thread that
 * dies on a file costs that file only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBuffers, importPaths, type ImportOptions } from '../../../main/import/importer';
import { isFailure, readSource, readSourceSync } from '../../../main/import/parse-file';
import { parseWorkerScript } from '../../../main/import/parse-pool';
import { Library } from '../../../main/library/library';
import type { ImportReport } from '../../../common';
import { CORPUS, newsArticles } from '../../fixtures/corpus';
import { bytes } from './helpers';

const CRASHING_WORKER = path.join(import.meta.dirname, 'crashing-parse-worker.mjs');
/** On a thread, every file: nothing parsed on the importing thread while the thread starts. */
const ON_A_THREAD: ImportOptions = { parseThreads: 1, waitForParseThreads: true };
const IN_PROCESS: ImportOptions = { parseThreads: 0 };

let dir: string;
let fileCount = 0;

function newLibrary(): Library {
  return Library.open(path.join(dir, `library-${++fileCount}.sqlite`));
}

/** Everything the library holds for its articles, but the import time. */
function contents(library: Library): unknown {
  const db = new Database(library.file, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT id, identity, title, byline, source, url, lang, dir, published, excerpt, text, html, origin FROM articles ORDER BY id').all(),
      index: db.prepare('SELECT rowid, title_surface, title_stem, body_surface, body_stem FROM article_index ORDER BY rowid').all(),
      bookmarks: db.prepare('SELECT article_id FROM bookmarks ORDER BY article_id').all(),
    };
  } finally {
    db.close();
  }
}

function writeNews(folder: string, first: number, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  newsArticles(first + count).slice(first).forEach((article, i) => {
    fs.writeFileSync(path.join(folder, `${String(first + i + 1).padStart(4, '0')}.txt`), `${article.title}\n\n${article.content}\n`);
  });
}

function expectAscending(report: ImportReport): void {
  expect(report.ids).toEqual([...report.ids].sort((a, b) => a - b));
  expect(new Set(report.ids).size).toBe(report.ids.length);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-parse-threads-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an import parsed on a thread', () => {
  it('reads each file the way the importing thread does: contents, a file gone missing, a file too large', async () => {
    const folder = path.join(dir, 'reads');
    writeNews(folder, 0, 1);
    const [name] = fs.readdirSync(folder);
    const present = { path: path.join(folder, name!), name: name!, size: fs.statSync(path.join(folder, name!)).size };
    const files = [present, { ...present, path: path.join(folder, 'gone.txt'), name: 'gone.txt' }, { ...present, size: 10 ** 12 }, { ...present, bytes: bytes('given') }];
    const strip = (read: object) => JSON.parse(JSON.stringify(read, (key, value: unknown) => (typeof value === 'function' ? 'reader' : value)));
    for (const file of files) expect(strip(readSourceSync(file))).toEqual(strip(await readSource(file)));
    expect(readSourceSync(files[1]!)).toMatchObject({ path: files[1]!.path, error: expect.any(String) });
    const read = readSourceSync(present);
    expect(isFailure(read) ? read.error : Buffer.from(read.bytes).toString('utf8')).toBe(fs.readFileSync(present.path, 'utf8'));
  });


  it('gives the same library, report and failures as parsing in-process (real files of every format)', async () => {
    const folders = ['encodings', 'epub', 'feeds', 'readability', 'saved-pages', 'tashkeela'].map((name) => path.join(CORPUS, name));
    const here = newLibrary();
    const threaded = newLibrary();
    try {
      const expected = await importPaths(here, folders, IN_PROCESS);
      const actual = await importPaths(threaded, folders, ON_A_THREAD);
      expect(expected.imported).toBeGreaterThan(100);
      expect(expected.failed.length).toBeGreaterThan(10);
      expect(actual).toEqual(expected);
      expectAscending(actual);
      expect(contents(threaded)).toEqual(contents(here));
    } finally {
      here.close();
      threaded.close();
    }
  });

  it('imports file contents (importBuffers) on a thread too, bookmarks and duplicates included', async () => {
    const news = newsArticles(60);
    const exported = {
      format: 'sahifa-article', version: 1, title: 'مقال محفوظ', byline: null, source: null, url: 'https://example.com/saved',
      lang: 'ar', dir: 'rtl', published: '2015-07-21T00:00:00.000Z', bookmarked: true, text: 'نص المقال المحفوظ', html: null,
    };
    const files = [
      ...news.map((article, i) => ({ name: `${i}.txt`, bytes: bytes(`${article.title}\n\n${article.content}`) })),
      { name: 'again.txt', bytes: bytes(`${news[0]?.title}\n\n${news[0]?.content}`) },
      { name: 'scan.pdf', bytes: bytes('%PDF-1.4\n') },
      { name: 'saved.json', bytes: bytes(JSON.stringify(exported)) },
    ];
    const here = newLibrary();
    const threaded = newLibrary();
    try {
      const expected = await importBuffers(here, files, IN_PROCESS);
      const actual = await importBuffers(threaded, files, ON_A_THREAD);
      expect(expected).toMatchObject({ imported: 61, duplicates: 1, failed: [{ path: 'scan.pdf', code: 'unsupported-format', error: 'unsupported format (pdf)' }] });
      expect(actual).toEqual(expected);
      expect(contents(threaded)).toEqual(contents(here));
      expect(threaded.stats().bookmarks).toBe(1);
      // The caller's bytes are its own still: the thread got a copy.
      expect(files[0]?.bytes.byteLength).toBeGreaterThan(0);
    } finally {
      here.close();
      threaded.close();
    }
  });

  it('stops between files when cancelled, keeping whole articles, and a re-run finishes the job', async () => {
    const folder = path.join(dir, 'cancel');
    writeNews(folder, 0, 120);
    const library = newLibrary();
    try {
      const controller = new AbortController();
      const first = await importPaths(library, [folder], {
        ...ON_A_THREAD,
        batchSize: 10,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 35) controller.abort();
        },
      });
      expect(first).toMatchObject({ cancelled: true, imported: 35, failed: [] });
      expectAscending(first);
      expect(library.stats().articles).toBe(35);
      expect(library.list({ limit: 200 }).items.every((a) => a.title.length > 0 && a.excerpt.length > 0)).toBe(true);

      const second = await importPaths(library, [folder], ON_A_THREAD);
      expect(second).toMatchObject({ cancelled: false, imported: 85, duplicates: 35, failed: [] });
      expect(Math.min(...second.ids)).toBeGreaterThan(Math.max(...first.ids));
      expect(library.stats().articles).toBe(120);
    } finally {
      library.close();
    }
  });
});

describe('a parse thread that dies', () => {
  let folder: string;
  beforeAll(() => {
    folder = path.join(dir, 'hostile');
    // Walked in this order: a, b, c, d, e.
    writeNews(path.join(folder, 'a'), 0, 20);
    fs.mkdirSync(path.join(folder, 'b'));
    fs.writeFileSync(path.join(folder, 'b', 'exit.txt'), 'ينهي الخيط\nنص');
    writeNews(path.join(folder, 'c'), 20, 20);
    fs.mkdirSync(path.join(folder, 'd'));
    fs.writeFileSync(path.join(folder, 'd', 'throw.txt'), 'يرمي خطأ\nنص');
    writeNews(path.join(folder, 'e'), 40, 20);
  });

  it('fails the file it died on, with the reason, and imports every other file in order on a new thread', async () => {
    const library = newLibrary();
    try {
      const report = await importPaths(library, [folder], { ...ON_A_THREAD, parseWorkerScript: CRASHING_WORKER, batchSize: 7 });
      expect(report.imported).toBe(60);
      expect(report.failed).toEqual([
        {
          path: path.join(folder, 'b', 'exit.txt'),
          code: 'parse-crashed',
          detail: { message: 'exit code 7' },
          error: 'could not import: parsing this file stopped its thread (exit code 7)',
        },
        {
          path: path.join(folder, 'd', 'throw.txt'),
          code: 'parse-crashed',
          detail: { message: 'boom in a parser' },
          error: 'could not import: parsing this file stopped its thread (boom in a parser)',
        },
      ]);
      expectAscending(report);
      // Each file's first line is its article's headline, as written.
      const headlines = report.ids.map((id) => library.get(id).text.split('\n')[0]);
      expect(headlines).toEqual(newsArticles(60).map((a) => a.title));
    } finally {
      library.close();
    }
  });

  it('parses on the importing thread when no parse thread can start', async () => {
    const here = newLibrary();
    const fallback = newLibrary();
    const folders = [path.join(folder, 'a'), path.join(folder, 'c')];
    try {
      const expected = await importPaths(here, folders, IN_PROCESS);
      const missing = path.join(dir, 'no-such-worker.mjs');
      const actual = await importPaths(fallback, folders, { ...ON_A_THREAD, parseThreads: 2, parseWorkerScript: missing });
      expect(actual).toEqual(expected);
      expect(contents(fallback)).toEqual(contents(here));
    } finally {
      here.close();
      fallback.close();
    }
  });
});

describe('parseWorkerScript', () => {
  it('finds the bundled parse thread next to the bundle that starts it, or the source through tsx', () => {
    expect(parseWorkerScript('file:///app/out/main/import-worker.cjs')).toBe(path.normalize('/app/out/main/parse-worker.cjs'));
    expect(parseWorkerScript('file:///app/out/main/import-worker.mjs')).toBe(path.normalize('/app/out/main/parse-worker.mjs'));
    expect(parseWorkerScript('file:///repo/main/import/parse-pool.ts')).toBe(path.normalize('/repo/main/import/parse-worker-source.mjs'));
    expect(fs.existsSync(parseWorkerScript())).toBe(true);
  });
});
