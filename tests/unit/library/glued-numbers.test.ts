/**
 * Numbers glued to letters in real news (1436هـ, 2015م, و3): searching the number alone finds
 * them and marks the number; libraries indexed before this learn it when they are opened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { indexedStem } from '../../../main/library/index-terms';
import { analyzedColumns, indexColumns } from '../../../main/library/prepare';
import { queueMixedWordArticles, reindexQueued } from '../../../main/library/reindex';
import { SCHEMA_VERSION } from '../../../main/library/schema';
import { decodeStored, type StoredValue } from '../../../main/library/stored-text';
import { analyzeText } from '../../../main/text/analyze';
import { newsArticle } from '../../../bench/corpora';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;
let file: string;

// Of the first 1,000 news articles, the ones gluing a number to letters (1436هـ, 2014م, الـ28), and
// 150 others.
const articles = newsArticles(1000)
  .map(newsArticle)
  .filter((a, i) => i < 150 || /\p{Nd}\p{L}|\p{L}\u0640?\p{Nd}/u.test(`${a.title} ${a.text}`));
const holding = (pattern: RegExp) => articles.filter((a) => pattern.test(a.text));
// The library's version before the migration (the 7th) that queues articles with mixed words.
const BEFORE_MIXED_WORDS = 6;
const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-glued-'));
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function openWithNews(): Library {
  const library = Library.open(file);
  library.addArticles(articles);
  return library;
}

/** The index as Sahifa wrote it before mixed words had parts: one stem per word, nothing more. */
function writeOldIndex(db: Database.Database): void {
  const rows = (db.prepare('SELECT id, title, text FROM articles').all() as { id: number; title: string; text: StoredValue }[]).map(
    (row) => ({ ...row, text: decodeStored(row.text) }),
  );
  const stems = (text: string) => analyzeText(text).map((t) => t.stem).join(' ');
  const remove = db.prepare('DELETE FROM article_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const { id, title, text } of rows) {
      const [titleSurface, , bodySurface] = indexColumns(title, text).columns;
      remove.run(id);
      insert.run(id, titleSurface, stems(title), bodySurface, stems(text));
    }
  })();
}

describe('numbers glued to letters', () => {
  it("index columns hold each word's surface, and its stem followed by its runs' stems, as analyzeText gives them", () => {
    const expected = (text: string) => {
      const terms = analyzeText(text);
      return [terms.map((t) => t.surface).join(' '), terms.flatMap((t) => [t.stem, ...t.partStems].map(indexedStem)).join(' ')];
    };
    const glued = articles.filter((a) => /\p{Nd}\p{L}/u.test(a.text));
    expect(glued.length).toBeGreaterThan(20);
    for (const { title, text } of articles) {
      const { columns } = indexColumns(title, text);
      expect(columns).toEqual([...expected(title), ...expected(text)]);
    }
    expect(analyzedColumns('عام 1436هـ')).toEqual(['عام 1436ه', '·عام ·1436ه ·1436 ·ه']);
  });

  it('a year finds the articles that write it glued to هـ or م, and marks only the number', () => {
    const library = openWithNews();
    try {
      const withHijri = holding(/(^|[^\d])1436هـ?(?![\d])/u).filter((a) => !/(^|[^\d\p{L}])1436([^\d\p{L}]|$)/u.test(`${a.title} ${a.text}`));
      expect(withHijri.length).toBeGreaterThan(0);
      const found = new Set(library.search('1436', { limit: 1000 }).items.map((hit) => hit.title));
      for (const a of withHijri) expect(found, a.title).toContain(a.title);

      const hit = library.search('1436', { limit: 1000 }).items.find((h) => h.title === withHijri[0]!.title)!;
      expect(marked(hit.snippet, hit.highlights)).toContain('1436');
      expect(marked(hit.snippet, hit.highlights).every((m) => m === '1436' || m === '١٤٣٦')).toBe(true);
    } finally {
      library.close();
    }
  });

  it('the glued word is still found as written, and the number alone finds those and more', () => {
    const library = openWithNews();
    try {
      const glued = library.search('2014م', { limit: 1000 });
      expect(glued.total).toBeGreaterThan(0);
      for (const hit of glued.items) expect(marked(hit.snippet, hit.highlights).join(' ') + hit.title).toMatch(/2014م|٢٠١٤م/);
      // Every article holding 2014م is also found by 2014, along with those writing 2014 alone.
      const year = new Set(library.search('2014', { limit: 1000 }).items.map((h) => h.id));
      for (const hit of glued.items) expect(year.has(hit.id)).toBe(true);
      expect(year.size).toBeGreaterThan(glued.total);
    } finally {
      library.close();
    }
  });

  it('a library indexed before is re-indexed when opened, and keeps its articles and identities', () => {
    let before: { id: number; identity: string }[];
    {
      const library = openWithNews();
      library.close();
      const db = new Database(file);
      writeOldIndex(db);
      // As it was before migration 7 (the one that queues these articles), whatever came after it.
      db.pragma(`user_version = ${BEFORE_MIXED_WORDS}`);
      before = db.prepare('SELECT id, identity FROM articles ORDER BY id').all() as { id: number; identity: string }[];
      db.close();
    }
    // The old index: 1436 does not find 1436هـ.
    const raw = new Database(file);
    const matches = (word: string) => (raw.prepare('SELECT count(*) AS n FROM article_index WHERE article_index MATCH ?').get(`"${word}"`) as { n: number }).n;
    const onlyStandalone = matches('1436');
    raw.close();

    const library = Library.open(file);
    try {
      expect(library.search('1436').total).toBeGreaterThan(onlyStandalone);
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT id, identity FROM articles ORDER BY id').all()).toEqual(before);
      expect(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'reindex_queue'").get()).toBeUndefined();
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
      // Re-importing the same articles finds them all to be duplicates: identities did not change.
      expect(library.addArticles(articles).duplicates).toBe(articles.length);
    } finally {
      library.close();
    }
  });

  it('an interrupted re-index loses nothing and finishes at the next open', () => {
    openWithNews().close();
    const db = new Database(file);
    writeOldIndex(db);
    db.transaction(() => queueMixedWordArticles(db))();
    const queued = (db.prepare('SELECT count(*) AS n FROM reindex_queue').get() as { n: number }).n;
    expect(queued).toBeGreaterThan(20);
    // The process dies while re-indexing: after some articles of the first batch, reading fails.
    let read = 0;
    expect(() =>
      reindexQueued(
        db,
        (id) => {
          if (++read > 10) throw new Error('killed');
          const row = db.prepare('SELECT title, text FROM articles WHERE id = ?').get(id) as { title: string; text: StoredValue };
          return { title: row.title, text: decodeStored(row.text) };
        },
        () => db.prepare('SELECT count(*) FROM articles').pluck().get() as number,
      ),
    ).toThrow('killed');
    // The batch rolled back: nothing was taken off the queue, no index row was lost.
    expect((db.prepare('SELECT count(*) AS n FROM reindex_queue').get() as { n: number }).n).toBe(queued);
    expect((db.prepare("SELECT count(*) AS n FROM article_index WHERE article_index MATCH 'السعوديه OR سعودي'").get() as { n: number }).n).toBeGreaterThan(0);
    db.close();

    const library = Library.open(file);
    try {
      expect(library.search('1436').items.length).toBeGreaterThan(0);
      const check = new Database(file, { readonly: true });
      expect(check.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'reindex_queue'").get()).toBeUndefined();
      check.close();
    } finally {
      library.close();
    }
  });
});
