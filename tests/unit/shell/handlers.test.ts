import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod, safeExternalUrl, type Handlers, type Platform } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import type { ApiError, ArticleView, ImportReport, Page, ArticleSummary } from '../../../common';
import { article } from '../library/helpers';

const shared = path.resolve(process.cwd(), '../shared');
const arabicArticle = path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_article.utf8.txt');
const windows1256Article = path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_article.windows-1256.txt');

let dir: string;
let library: Library;
let opened: string[];
let handlers: Handlers;

const platform = (picked: string[] | null | 'unsupported' = 'unsupported'): Platform => ({
  pickFiles: () => (picked === 'unsupported' ? null : Promise.resolve(picked)),
  openExternal: async (url) => {
    opened.push(url);
    return true;
  },
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-handlers-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  opened = [];
  handlers = createHandlers({ library, platform: platform() });
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function errorOf(outcome: unknown): ApiError['error'] {
  expect(outcome).toHaveProperty('error');
  return (outcome as ApiError).error;
}

function resultOf<T>(outcome: unknown): T {
  expect(outcome).not.toHaveProperty('error');
  return (outcome as { result: T }).result;
}

describe('invokeMethod', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'deleteEverything', '', 'sahifa:stats'])(
    'refuses the unknown method %j',
    async (name) => {
      const error = errorOf(await invokeMethod(handlers, name, {}));
      expect(error.code).toBe('not-found');
      expect(error.message).toMatch(/Unknown method/);
    },
  );

  it.each([
    ['a string id', 'getArticle', { id: '1' }],
    ['a negative id', 'getArticle', { id: -1 }],
    ['id zero', 'getArticle', { id: 0 }],
    ['a fractional id', 'getArticle', { id: 1.5 }],
    ['an infinite id', 'getArticle', { id: Number.POSITIVE_INFINITY }],
    ['NaN as id', 'setBookmark', { id: Number.NaN, bookmarked: true }],
    ['a string for a boolean', 'setBookmark', { id: 1, bookmarked: 'yes' }],
    ['an extra key', 'stats', { admin: true }],
    ['an extra key next to good ones', 'listArticles', { filter: 'all', sql: 'DROP TABLE articles' }],
    ['an unknown filter', 'listArticles', { filter: 'deleted' }],
    ['a limit of a million', 'listArticles', { limit: 1_000_000 }],
    ['a query of 1,001 characters', 'search', { query: 'ب'.repeat(1_001) }],
    ['a path of 5,000 characters', 'importPaths', { paths: ['/tmp/'.repeat(1_000)] }],
    ['no paths', 'importPaths', { paths: [] }],
    ['an array instead of an object', 'stats', []],
    ['null', 'search', null],
    ['a number', 'listArticles', 42],
  ] as const)('refuses %s', async (_label, name, input) => {
    const error = errorOf(await invokeMethod(handlers, name, input));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('\n');
  });

  it('names the offending field in one line', async () => {
    const error = errorOf(await invokeMethod(handlers, 'getArticle', { id: 'x', query: 7 }));
    expect(error.message).toMatch(/id/);
    expect(error.message).toMatch(/query/);
  });

  it('accepts a call without input for a method without arguments', async () => {
    expect(resultOf(await invokeMethod(handlers, 'stats', undefined))).toEqual({ articles: 0, bookmarks: 0 });
  });

  it('fills defaults and answers good input', async () => {
    const page = resultOf<Page<ArticleSummary>>(await invokeMethod(handlers, 'listArticles', {}));
    expect(page).toEqual({ total: 0, offset: 0, items: [] });
  });

  it('reports a missing article as not-found', async () => {
    const error = errorOf(await invokeMethod(handlers, 'getArticle', { id: 12345 }));
    expect(error.code).toBe('not-found');
    const bookmarkError = errorOf(await invokeMethod(handlers, 'setBookmark', { id: 12345, bookmarked: true }));
    expect(bookmarkError.code).toBe('not-found');
  });

  it('sends the message of an unexpected failure, never its stack', async () => {
    const broken: Handlers = {
      ...handlers,
      stats: async () => {
        throw new Error('disk is full');
      },
    };
    const original = console.error;
    console.error = () => undefined;
    try {
      const error = errorOf(await invokeMethod(broken, 'stats', {}));
      expect(error).toEqual({ code: 'failed', message: 'disk is full' });
    } finally {
      console.error = original;
    }
  });
});

describe('the handlers on a real library', () => {
  it('imports an Arabic article by path, lists it, finds it and highlights the match as written', async () => {
    const report = resultOf<ImportReport>(await invokeMethod(handlers, 'importPaths', { paths: [arabicArticle] }));
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual([]);
    const id = report.ids[0]!;

    const list = resultOf<Page<ArticleSummary>>(await invokeMethod(handlers, 'listArticles', { filter: 'all' }));
    expect(list.items.map((item) => item.id)).toEqual([id]);

    // "الإرهابية" is written with hamza under alef; the query without it must still match.
    const view = resultOf<ArticleView>(await invokeMethod(handlers, 'getArticle', { id, query: 'الارهاب' }));
    expect(view.highlights.length).toBeGreaterThan(0);
    for (const [start, end] of view.highlights) expect(view.text.slice(start, end)).toMatch(/[إا]رهاب/);

    const plain = resultOf<ArticleView>(await invokeMethod(handlers, 'getArticle', { id }));
    expect(plain.highlights).toEqual([]);
    expect(plain.titleHighlights).toEqual([]);
  });

  it('imports file contents sent as base64 (windows-1256) and bookmarks the article', async () => {
    const base64 = fs.readFileSync(windows1256Article).toString('base64');
    const report = resultOf<ImportReport>(
      await invokeMethod(handlers, 'importFileData', { files: [{ name: 'article.txt', base64 }] }),
    );
    expect(report.imported).toBe(1);
    const id = report.ids[0]!;
    expect(resultOf(await invokeMethod(handlers, 'setBookmark', { id, bookmarked: true }))).toEqual({ id, bookmarked: true });
    const bookmarked = resultOf<Page<ArticleSummary>>(await invokeMethod(handlers, 'listArticles', { filter: 'bookmarked' }));
    expect(bookmarked.items.map((item) => item.title)).toEqual([expect.stringContaining('تونس')]);
  });

  it('says the file dialog is unsupported where the platform has none', async () => {
    expect(resultOf(await invokeMethod(handlers, 'pickAndImport', {}))).toEqual({ supported: false });
  });

  it('imports what the dialog picked, and nothing when it was cancelled', async () => {
    const picking = createHandlers({ library, platform: platform([arabicArticle]) });
    const picked = resultOf<{ supported: true; report: ImportReport }>(await invokeMethod(picking, 'pickAndImport', {}));
    expect(picked.report.imported).toBe(1);
    const cancelled = createHandlers({ library, platform: platform(null) });
    expect(resultOf(await invokeMethod(cancelled, 'pickAndImport', {}))).toEqual({ supported: true, report: null });
  });
});

describe('openExternal', () => {
  it.each([
    'https://www.example.com/news/1?x=1#top',
    'http://example.org/',
    'HTTPS://Example.COM/path',
  ])('opens %s', async (url) => {
    expect(resultOf(await invokeMethod(handlers, 'openExternal', { url }))).toEqual({ opened: true });
    expect(opened).toEqual([new URL(url).href]);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'mailto:someone@example.com',
    'ftp://example.com/file',
    'app://sahifa/index.html',
    'https://user:password@example.com/',
    'https://user@example.com/',
    'https://bank.example.com@evil.example/',
    '//example.com/',
    'example.com',
    '',
    '   ',
  ])('refuses %j', async (url) => {
    expect(resultOf(await invokeMethod(handlers, 'openExternal', { url }))).toEqual({ opened: false });
    expect(opened).toEqual([]);
  });

  it('hands the normalized URL to the platform', () => {
    expect(safeExternalUrl(' https://example.com/a b ')).toBe('https://example.com/a%20b');
  });
});

describe('export of one article', () => {
  it('hands the Markdown to a shell without a save dialog, and saves through one that has it', async () => {
    const [id] = library.addArticles([article({ title: 'عنوان المقال', text: 'الفقرة الأولى\nالفقرة الثانية' })]).ids as [number];
    const browser = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const md = (await invokeMethod(browser, 'exportArticle', { id, format: 'md' })) as {
      result: { kind: string; fileName: string; content: string; mimeType: string };
    };
    expect(md.result.kind).toBe('content');
    expect(md.result.fileName).toMatch(/عنوان-المقال\.md$/);
    expect(md.result.content).toContain('title: "عنوان المقال"');
    expect(md.result.content).toContain('الفقرة الأولى\nالفقرة الثانية');

    const saved: { defaultName: string; content: string }[] = [];
    const desktop = createHandlers({
      library,
      platform: {
        pickFiles: () => null,
        openExternal: async () => false,
        saveFile: async (file) => {
          saved.push(file);
          return true;
        },
      },
    });
    expect(await invokeMethod(desktop, 'exportArticle', { id, format: 'html' })).toEqual({ result: { kind: 'saved' } });
    expect(saved[0]!.defaultName).toMatch(/\.html$/);
    expect(saved[0]!.content).toContain('<h1>عنوان المقال</h1>');
  });
});
