/**
 * Articles' text, HTML and Markdown are kept compressed in the file: everything that reads them
 * (the reader, search snippets and highlights, export, undo, backups) gets them back exactly, and a
 * library an older Sahifa wrote with plain text is compressed when it is opened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueUncompressedArticles } from '../../../main/library/compress-stored';
import { Library } from '../../../main/library/library';
import { migrations, SCHEMA_VERSION } from '../../../main/library/schema';
import { decodeStored, encodeStored, type StoredValue } from '../../../main/library/stored-text';
import type { Article } from '../../../common';
import { article, datedNews } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-stored-'));
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const news = datedNews(120);
const markdownSource = '# عنوان المقال\n\nفقرة **أولى** عن [الرياض](https://example.com) ' + 'والاقتصاد '.repeat(40);
const withHtmlAndMarkdown = article({
  title: 'مقال بصيغة ماركداون',
  text: `عنوان المقال\n\nفقرة أولى عن الرياض ${'والاقتصاد '.repeat(40).trim()}`,
  html: `<h1>عنوان المقال</h1><p>فقرة <strong>أولى</strong> عن <a href="https://example.com">الرياض</a> ${'والاقتصاد '.repeat(40).trim()}</p>`,
  markdown: markdownSource,
  url: 'https://example.com/markdown',
});

type RawRow = { id: number; text: StoredValue; html: StoredValue | null; markdown: StoredValue | null };
const rawRows = (db: Database.Database) => db.prepare('SELECT id, text, html, markdown FROM articles ORDER BY id').all() as RawRow[];
const everyArticle = (library: Library): Article[] => [...library.articles()];

describe('stored text', () => {
  it('keeps long text compressed and short text as it is, and gives both back exactly', () => {
    const long = news[0]!.text;
    const stored = encodeStored(long);
    expect(stored).toBeInstanceOf(Uint8Array);
    expect((stored as Uint8Array).length).toBeLessThan(Buffer.byteLength(long) / 2);
    expect(decodeStored(stored)).toBe(long);
    expect(encodeStored('خبر قصير')).toBe('خبر قصير');
    expect(encodeStored(null)).toBeNull();
    expect(() => decodeStored(Buffer.from([9, 1, 2]))).toThrow(/unknown format \(9\)/);
  });

  it('an article reads back exactly as imported, while the file holds its text, HTML and Markdown compressed', () => {
    const library = Library.open(file);
    const { ids } = library.addArticles([...news, withHtmlAndMarkdown]);
    const byId = new Map(ids.map((id, i) => [id, [...news, withHtmlAndMarkdown][i]!]));
    for (const [id, added] of byId) {
      const read = library.get(id);
      expect(read.text).toBe(added.text);
      expect(read.html).toBe(added.html);
      expect(read.markdown).toBe(added.markdown ?? null);
    }
    library.close();
    const db = new Database(file, { readonly: true });
    const rows = rawRows(db);
    db.close();
    expect(rows.every((row) => row.text instanceof Uint8Array)).toBe(true);
    const markdownRow = rows.at(-1)!;
    expect(markdownRow.html).toBeInstanceOf(Uint8Array);
    expect(markdownRow.markdown).toBeInstanceOf(Uint8Array);
  });

  it('search snippets, highlights in the reader and a highlight added read the stored text', () => {
    const library = Library.open(file);
    const [id] = library.addArticles([withHtmlAndMarkdown]).ids;
    try {
      const hit = library.search('الرياض').items.find((h) => h.id === id)!;
      expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toContain('الرياض');
      const text = library.get(id!).text;
      const { highlights } = library.matchRanges(id!, 'الرياض');
      expect(highlights.map(([s, e]) => text.slice(s, e))).toEqual(['الرياض']);
      const start = text.indexOf('الرياض');
      expect(library.highlights.add(id!, { start, end: start + 6, color: 'yellow', note: null }).quote).toBe('الرياض');
    } finally {
      library.close();
    }
  });

  it('a deleted article comes back by undo with its text, HTML and Markdown, compressed again', () => {
    const library = Library.open(file);
    const [id] = library.addArticles([withHtmlAndMarkdown]).ids;
    const before = library.get(id!);
    library.deleteArticle(id!);
    library.close();
    // The undo survives a restart: it is kept in the library as JSON.
    const reopened = Library.open(file);
    try {
      expect(reopened.restoreArticle(id!)).toBe(id);
      expect(reopened.get(id!)).toEqual(before);
      expect(reopened.search('الرياض').items.map((h) => h.id)).toContain(id);
    } finally {
      reopened.close();
    }
    const db = new Database(file, { readonly: true });
    expect(rawRows(db)[0]!.text).toBeInstanceOf(Uint8Array);
    db.close();
  });

  it('a backup reads the same as the library it copies', async () => {
    const library = Library.open(file);
    library.addArticles([...news.slice(0, 20), withHtmlAndMarkdown]);
    const backup = path.join(dir, 'backup.sqlite');
    await library.backup(backup);
    const original = everyArticle(library);
    library.close();
    const copy = Library.open(backup);
    try {
      expect(everyArticle(copy)).toEqual(original);
    } finally {
      copy.close();
    }
  });

  it('a library written with plain text is compressed when opened, reads the same, and shrinks', () => {
    const library = Library.open(file);
    library.addArticles([...news, withHtmlAndMarkdown]);
    const expected = everyArticle(library);
    library.close();
    // As the previous version stored it: every column plain text, at the version before this change.
    const before = migrations.indexOf(queueUncompressedArticles);
    expect(before).toBeGreaterThan(0);
    {
      const db = new Database(file);
      const plain = db.prepare('UPDATE articles SET text = @text, html = @html, markdown = @markdown WHERE id = @id');
      db.transaction(() => {
        for (const row of rawRows(db)) {
          plain.run({ id: row.id, text: decodeStored(row.text), html: decodeStored(row.html), markdown: decodeStored(row.markdown) });
        }
      })();
      db.exec('VACUUM');
      db.pragma(`user_version = ${before}`);
      expect(rawRows(db).every((row) => typeof row.text === 'string')).toBe(true);
      db.close();
    }
    const plainBytes = fs.statSync(file).size;

    const upgraded = Library.open(file);
    try {
      expect(everyArticle(upgraded)).toEqual(expected);
      expect(upgraded.search('الرياض').total).toBeGreaterThan(0);
    } finally {
      upgraded.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(rawRows(db).every((row) => row.text instanceof Uint8Array)).toBe(true);
      expect(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'compress_queue'").get()).toBeUndefined();
    } finally {
      db.close();
    }
    expect(fs.statSync(file).size).toBeLessThan(plainBytes * 0.8);
    // The copy made before the upgrade is the library as it was.
    const copy = fs.readdirSync(dir).find((name) => name.includes('before-upgrade'))!;
    const old = new Database(path.join(dir, copy), { readonly: true });
    expect(rawRows(old).every((row) => typeof row.text === 'string')).toBe(true);
    old.close();
  });
});
