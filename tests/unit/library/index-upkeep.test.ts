/**
 * Large imports write the full-text index in bulk and tidy it when they end (index-upkeep.ts): a
 * library mostly made of the import is left as one segment, a smaller import merges only its own
 * segments, the usual merge rules always come back, and nothing a search finds changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths, type ImportOptions } from '../../../main/import/importer';
import { BULK_SEGMENT_RULES, segmentRules, segmentCount, setSegmentRules, USUAL_SEGMENT_RULES } from '../../../main/library/index-upkeep';
import { Library } from '../../../main/library/library';
import { queueWholeIndex, reindexQueued } from '../../../main/library/reindex';
import { decodeStored, type StoredValue } from '../../../main/library/stored-text';
import { newsArticles } from '../../fixtures/corpus';
import { sourcedNews } from './helpers';

const QUERIES = ['السعودية', 'وزارة الصحة', '"ولي العهد"', 'الرياض -جدة', 'سعود*', 'الهلال OR النصر', 'الأمطار'];
/** Small transactions, so that an import of a few hundred files makes dozens of segments. */
const SMALL_BATCHES: ImportOptions = { parseThreads: 0, batchSize: 10 };
const BULK: ImportOptions = { ...SMALL_BATCHES, bulkFrom: 50 };
const NOT_BULK: ImportOptions = { ...SMALL_BATCHES, bulkFrom: Infinity };

let dir: string;
let older: string;
let newer: string;
let libraries = 0;

function writeNews(folder: string, first: number, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  newsArticles(first + count).slice(first).forEach((article, i) => {
    fs.writeFileSync(path.join(folder, `${String(first + i + 1).padStart(4, '0')}.txt`), `${article.title}\n\n${article.content}\n`);
  });
}

/** `use` on a connection of its own to the library's file, read-only unless asked. */
function withDb<T>(library: Library, use: (db: Database.Database) => T, { writable = false } = {}): T {
  const db = new Database(library.file, { readonly: !writable });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const segments = (library: Library) => withDb(library, segmentCount);
const segmentIds = (library: Library) =>
  withDb(library, (db) => db.prepare('SELECT DISTINCT segid FROM article_index_idx').pluck().all() as number[]);
const rules = (library: Library) => withDb(library, segmentRules);

/** What each query finds: the ids in order, their scores and the total. */
function findings(library: Library): unknown {
  return QUERIES.map((query) => {
    const page = library.search(query, { limit: 50 });
    return { query, total: page.total, hits: page.items.map((hit) => [hit.id, hit.score]) };
  });
}

const newLibrary = () => Library.open(path.join(dir, `library-${++libraries}.sqlite`));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-index-upkeep-'));
  older = path.join(dir, 'older');
  newer = path.join(dir, 'newer');
  writeNews(older, 0, 400);
  writeNews(newer, 400, 120);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a large import', () => {
  it('leaves a library it made as one segment, finding what an ordinary import finds', async () => {
    const ordinary = newLibrary();
    const bulk = newLibrary();
    try {
      expect((await importPaths(ordinary, [older], NOT_BULK)).imported).toBe(400);
      expect((await importPaths(bulk, [older], BULK)).imported).toBe(400);

      expect(segments(ordinary)).toBeGreaterThan(3);
      expect(segments(bulk)).toBe(1);
      expect(rules(bulk)).toEqual(USUAL_SEGMENT_RULES);
      expect(findings(bulk)).toEqual(findings(ordinary));
      expect((findings(bulk) as { total: number }[]).every(({ total }) => total > 0)).toBe(true);
      const db = new Database(bulk.file);
      try {
        expect(() => db.prepare("INSERT INTO article_index (article_index) VALUES ('integrity-check')").run()).not.toThrow();
      } finally {
        db.close();
      }
    } finally {
      ordinary.close();
      bulk.close();
    }
  });

  it('says when its files are all in and the index is being put in order, before that wait', async () => {
    const bulk = newLibrary();
    const ordinary = newLibrary();
    try {
      const seen: { stage: string; done: number; total: number; segments: number }[] = [];
      await importPaths(bulk, [older], {
        ...BULK,
        onProgress: ({ stage, done, total }) => seen.push({ stage, done, total, segments: stage === 'index' ? segments(bulk) : 0 }),
      });
      const last = seen.at(-1)!;
      expect(seen.filter(({ stage }) => stage === 'index')).toEqual([last]);
      // Said once every file was read, while the index still had its segments to merge.
      expect(last).toMatchObject({ stage: 'index', done: 400, total: 400 });
      expect(last.segments).toBeGreaterThan(1);
      expect(segments(bulk)).toBe(1);

      const stages = new Set<string>();
      await importPaths(ordinary, [older], { ...NOT_BULK, onProgress: ({ stage }) => stages.add(stage) });
      expect([...stages]).toEqual(['files']);
    } finally {
      bulk.close();
      ordinary.close();
    }
  });

  it('into a larger library merges only its own segments, leaving the older ones as they were', async () => {
    const library = newLibrary();
    try {
      await importPaths(library, [older], BULK);
      const [first] = segmentIds(library);
      const report = await importPaths(library, [newer], BULK);
      expect(report.imported).toBe(120);

      // Twelve transactions, merged as the usual rule would (no level left with four or more)...
      expect(segments(library)).toBeGreaterThan(1);
      expect(segments(library)).toBeLessThanOrEqual(4);
      // ...while the segment the first import left was not written again.
      expect(segmentIds(library)).toContain(first);
      expect(rules(library)).toEqual(USUAL_SEGMENT_RULES);
      expect(library.search('السعودية').total).toBeGreaterThan(0);
    } finally {
      library.close();
    }
  });

  it('cancelled, puts the usual rules back and keeps what it wrote searchable', async () => {
    const library = newLibrary();
    const controller = new AbortController();
    const stages = new Set<string>();
    try {
      const report = await importPaths(library, [older], {
        ...BULK,
        signal: controller.signal,
        onProgress: ({ done, stage }) => {
          stages.add(stage);
          if (done === 150) controller.abort();
        },
      });
      expect(report.cancelled).toBe(true);
      // Nothing to put in order is announced: the import stopped.
      expect([...stages]).toEqual(['files']);
      expect(report.imported).toBeGreaterThan(100);
      expect(report.imported).toBeLessThan(400);
      expect(rules(library)).toEqual(USUAL_SEGMENT_RULES);
      expect(library.search('السعودية').total).toBeGreaterThan(0);
    } finally {
      library.close();
    }
  });
});

it('writes a batch of articles into the index as one segment, however their rows are written', () => {
  const library = newLibrary();
  try {
    // No merging at all, so every segment a batch wrote stays to be counted.
    withDb(library, (db) => setSegmentRules(db, { ...USUAL_SEGMENT_RULES, automerge: 0, crisismerge: 2000 }), { writable: true });
    // Bookmarks are written between the rows, as an export imported again brings them.
    const articles = sourcedNews(30).map((news, i) => ({ ...news, bookmarked: i % 3 === 0 }));
    expect(library.addArticles(articles.slice(0, 20)).imported).toBe(20);
    expect(segments(library)).toBe(1);
    expect(library.addArticles(articles.slice(20)).imported).toBe(10);
    expect(segments(library)).toBe(2);
    expect(library.search('السعودية').total).toBeGreaterThan(0);
  } finally {
    library.close();
  }
});

it('writes a whole re-index (an upgrade) in bulk, leaving one segment that finds what the former index found', async () => {
  const library = newLibrary();
  await importPaths(library, [older], NOT_BULK);
  const before = findings(library);
  library.close();

  const db = new Database(library.file);
  try {
    queueWholeIndex(db);
    const text = db.prepare('SELECT title, text FROM articles WHERE id = ?');
    const read = (id: number) => {
      const row = text.get(id) as { title: string; text: StoredValue } | undefined;
      return row ? { title: row.title, text: decodeStored(row.text) } : null;
    };
    const articles = () => db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    expect(reindexQueued(db, read, articles, 100)).toBe(400);
    expect(segmentCount(db)).toBe(1);
    expect(segmentRules(db)).toEqual(USUAL_SEGMENT_RULES);
  } finally {
    db.close();
  }
  const reopened = Library.open(library.file);
  try {
    expect(findings(reopened)).toEqual(before);
  } finally {
    reopened.close();
  }
});

it('puts back the rules of an import that never ended, and the usual segment size, when the library opens', () => {
  const file = path.join(dir, 'interrupted.sqlite');
  Library.open(file).close();
  const db = new Database(file);
  // Raised by an import, and FTS5's own 1 MB of words per segment, as libraries before 8 MB had.
  const left = { ...BULK_SEGMENT_RULES, hashsize: 1024 * 1024 };
  setSegmentRules(db, left);
  expect(segmentRules(db)).toEqual(left);
  db.close();

  const library = Library.open(file);
  try {
    expect(rules(library)).toEqual(USUAL_SEGMENT_RULES);
  } finally {
    library.close();
  }
});
