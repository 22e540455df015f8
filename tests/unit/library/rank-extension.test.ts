/**
 * The ranking extension (main/library/rank-extension/sahifa_rank.c): given how many articles hold
 * each phrase, it must score every article exactly as SQLite's bm25() does, however the library
 * changes under the lengths it keeps; and a library without it must search as well, only slower.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedStem } from '../../../main/library/index-terms';
import { Library } from '../../../main/library/library';
import { compileMatchQuery, compileQuery, parseQuery } from '../../../main/library/query';
import { NO_FILTER, RangeRanker, WHOLE_LIBRARY, type RankRequest } from '../../../main/library/rank';
import { ensureLengthIndex, findRankExtension, loadRankExtension } from '../../../main/library/rank-extension';
import { addAll, newsArticle } from '../../../bench/corpora';
import { QUERIES } from '../../../bench/queries';
import { newsArticles } from '../../fixtures/corpus';
import { exactPhraseCounts } from '../../fixtures/phrase-counts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-test-rank-extension-'));
const file = path.join(dir, 'library.sqlite');
const extension = findRankExtension();
const articles = newsArticles(2000).map(newsArticle);

beforeAll(() => {
  const library = Library.open(file);
  addAll(library, articles.slice(0, 1500));
  library.close();
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function request(db: Database.Database, query: string, best = 200): RankRequest {
  const parsed = parseQuery(query);
  return {
    expression: compileQuery(parsed)!,
    matchExpression: compileMatchQuery(parsed)!,
    filter: NO_FILTER,
    range: WHOLE_LIBRARY,
    best,
    phraseCounts: exactPhraseCounts(db, query),
  };
}

/** Both rankers' best rows for a query, on one connection that has the extension loaded. */
function bothRankings(db: Database.Database, query: string) {
  const wanted = request(db, query);
  return { ours: new RangeRanker(db, 'sahifa_rank').best(wanted), sqlite: new RangeRanker(db, 'bm25').best(wanted) };
}

function openWithExtension(readonly = false): Database.Database {
  const db = new Database(file, readonly ? { readonly: true } : {});
  expect(loadRankExtension(db, extension)).toBe(true);
  return db;
}

describe('the ranking extension', () => {
  it('is built where the library looks for it, and loads', () => {
    expect(extension, 'npm run build compiles it (scripts/rank-extension.mjs)').not.toBeNull();
    const db = openWithExtension(true);
    try {
      // Reading every article's length ahead (the rank helper does at its start).
      expect(db.prepare('SELECT sahifa_rank_lengths()').pluck().get()).toBe(db.prepare('SELECT count(*) FROM article_index_docsize').pluck().get());
    } finally {
      db.close();
    }
  });

  it('is found from the built app, browser mode and command line as from the sources', () => {
    for (const bundle of ['out/main/index.cjs', 'out/main/web.mjs', 'out/main/rank-worker.cjs', 'out/cli/sahifa.mjs']) {
      expect(findRankExtension(pathToFileURL(path.resolve(bundle)).href), bundle).toBe(extension);
    }
  });

  it("scores every match of every benchmark query exactly as bm25() does, in bm25()'s order", () => {
    const db = openWithExtension(true);
    try {
      let compared = 0;
      for (const { query } of QUERIES) {
        const { ours, sqlite } = bothRankings(db, query);
        expect(ours, query).toEqual(sqlite);
        compared += ours.length;
      }
      expect(compared).toBeGreaterThan(3000);
    } finally {
      db.close();
    }
  });

  it('keeps up with articles added, re-indexed and deleted, on its own connection and on another', () => {
    const reader = openWithExtension(true);
    const writer = openWithExtension();
    const same = (db: Database.Database, label: string) => {
      for (const query of ['السعودية', 'الرياض', 'وزير الخارجية', '"ولي العهد"']) {
        const { ours, sqlite } = bothRankings(db, query);
        expect(ours.length, `${label}: ${query}`).toBeGreaterThan(0);
        expect(ours, `${label}: ${query}`).toEqual(sqlite);
      }
    };
    const library = Library.open(file);
    try {
      same(reader, 'before');
      same(writer, 'before');
      // New articles, written by the library's own connection.
      addAll(library, articles.slice(1500, 1800));
      same(reader, 'after an import');
      same(writer, 'after an import');
      // The same ids indexed again with other text (what a re-index does), and others deleted.
      const reindex = writer.transaction(() => {
        const ids = writer.prepare('SELECT rowid FROM article_index WHERE article_index MATCH ? LIMIT 40').pluck().all(`"${indexedStem('رياض')}"`) as number[];
        expect(ids).toHaveLength(40);
        const remove = writer.prepare('DELETE FROM article_index WHERE rowid = ?');
        const insert = writer.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
        for (const id of ids) {
          remove.run(id);
          const words = 'الرياض السعودية وزير الخارجية ولي العهد '.repeat(1 + (id % 7));
          insert.run(id, 'الرياض', indexedStem('رياض'), words, words);
        }
        for (const id of [3, 5, 8, 13]) remove.run(id);
      });
      reindex();
      same(reader, 'after a re-index');
      same(writer, 'after a re-index');
    } finally {
      library.close();
      reader.close();
      writer.close();
    }
  });

  it('keeps up when the index is emptied and filled again (its origins start again)', () => {
    const copy = path.join(dir, 'rebuilt.sqlite');
    fs.copyFileSync(file, copy);
    const db = new Database(copy);
    try {
      expect(loadRankExtension(db, extension)).toBe(true);
      ensureLengthIndex(db);
      const query = 'الرياض';
      expect(bothRankings(db, query).ours.length).toBeGreaterThan(0);
      const ids = db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
      db.exec("INSERT INTO article_index (article_index) VALUES ('delete-all')");
      const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (const id of ids.slice(0, 400)) {
          const body = 'مطر '.repeat(1 + (id % 11)) + 'الرياض رياض';
          insert.run(id, 'الرياض', 'رياض', body, body);
        }
      })();
      const { ours, sqlite } = bothRankings(db, query);
      expect(ours.length).toBe(200);
      expect(ours).toEqual(sqlite);
    } finally {
      db.close();
    }
  });

  it('says what is wrong when it is not given one count for each phrase', () => {
    const db = openWithExtension(true);
    try {
      const wanted = request(db, 'وزير الخارجية');
      expect(() => new RangeRanker(db, 'sahifa_rank').best({ ...wanted, phraseCounts: [1, 2] })).toThrow(/one count .* for each phrase/);
    } finally {
      db.close();
    }
  });
});

describe('a library without the ranking extension', () => {
  let withExtension: Library;
  let without: Library;
  beforeAll(() => {
    withExtension = Library.open(file);
    without = Library.open(file, { rankExtension: null });
  });
  afterAll(() => {
    withExtension.close();
    without.close();
  });

  it('gives the same pages, scores included (below 16,384 ids every phrase is counted exactly)', () => {
    const page = (p: ReturnType<Library['search']>) => ({ total: p.total, hits: p.items.map((h) => [h.id, h.score]) });
    for (const { query } of QUERIES) {
      for (const options of [{ limit: 20 }, { limit: 10, offset: 30 }]) {
        expect(page(without.search(query, options)), query).toEqual(page(withExtension.search(query, options)));
      }
    }
  });
});
