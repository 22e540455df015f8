/**
 * The full-text indexes store stems marked as such (index-terms.ts), so that queries name no
 * columns. A library indexed before the mark is written again when it is opened, and then searches
 * exactly as a library built new: the same totals, the same articles, the same scores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEM_MARK } from '../../../main/library/index-terms';
import { Library } from '../../../main/library/library';
import { analyzedColumns, indexColumns } from '../../../main/library/prepare';
import { compileMatchQuery, compileQuery, parseQuery } from '../../../main/library/query';
import { decodeStored, type StoredValue } from '../../../main/library/stored-text';
import { addAll, newsArticle } from '../../../bench/corpora';
import { QUERIES } from '../../../bench/queries';
import { newsArticles } from '../../fixtures/corpus';

// The library's version before the migration (the 14th) that marks stems.
const BEFORE_STEM_MARKS = 13;
const NOTE = 'تقرير مهم عن الاستثمارات السعودية في الطاقة';
const HIGHLIGHT_NOTE = 'راجع أرقام الميزانية';

let dir: string;
let built: string;
let upgraded: string;

const unmarked = (column: string) => column.replaceAll(STEM_MARK, '');

/** Writes both indexes again as Sahifa wrote them before stems were marked. */
function writeIndexesWithoutMarks(file: string): void {
  const db = new Database(file);
  const articles = (db.prepare('SELECT id, title, text FROM articles').all() as { id: number; title: string; text: StoredValue }[]).map(
    (row) => ({ ...row, text: decodeStored(row.text) }),
  );
  const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
  const insertNotes = db.prepare('INSERT INTO note_index (rowid, note_surface, note_stem) VALUES (?, ?, ?)');
  const notes = db
    .prepare(
      `SELECT article_id AS id, group_concat(note, char(10)) AS notes FROM (
         SELECT article_id, note FROM bookmarks WHERE note IS NOT NULL
         UNION ALL SELECT article_id, note FROM highlights WHERE deleted IS NULL AND note IS NOT NULL)
       GROUP BY article_id`,
    )
    .all() as { id: number; notes: string }[];
  db.transaction(() => {
    db.exec("INSERT INTO article_index (article_index) VALUES ('delete-all'); INSERT INTO note_index (note_index) VALUES ('delete-all');");
    for (const { id, title, text } of articles) {
      const [titleSurface, titleStem, bodySurface, bodyStem] = indexColumns(title, text).columns;
      insert.run(id, titleSurface, unmarked(titleStem), bodySurface, unmarked(bodyStem));
    }
    for (const { id, notes: text } of notes) {
      const [surface, stem] = analyzedColumns(text);
      insertNotes.run(id, surface, unmarked(stem));
    }
    db.pragma(`user_version = ${BEFORE_STEM_MARKS}`);
  })();
  db.close();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-stem-marks-'));
  built = path.join(dir, 'built.sqlite');
  upgraded = path.join(dir, 'upgraded.sqlite');
  const library = Library.open(built);
  addAll(library, newsArticles(1500).map(newsArticle));
  const [first, second] = library.list({ limit: 2 }).items.map((item) => item.id) as [number, number];
  library.setBookmarked(first, true);
  library.setNote(first, NOTE);
  library.highlights.add(second, { start: 0, end: 20, note: HIGHLIGHT_NOTE });
  library.close();
  fs.copyFileSync(built, upgraded);
  writeIndexesWithoutMarks(upgraded);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stems marked in the index', () => {
  it('a compiled query names no columns: stems are told from surface words by their mark', () => {
    const parsed = parseQuery('الرياض "ولي العهد" سعود* -جدة');
    for (const expression of [compileQuery(parsed), compileMatchQuery(parsed)]) {
      expect(expression).not.toMatch(/[{}:]/);
      expect(expression).toContain(`"${STEM_MARK}رياض"`);
    }
    expect(compileQuery(parsed)).toContain('"الرياض"');
  });

  it('the index holds no unmarked stem: a stem alone finds nothing, marked it finds its articles', () => {
    const db = new Database(built, { readonly: true });
    const count = (expression: string) => (db.prepare('SELECT count(*) AS n FROM article_index WHERE article_index MATCH ?').get(expression) as { n: number }).n;
    try {
      // رياض is a stem (of الرياض), seldom written alone; ولي العهد's surfaces are not stems.
      expect(count(`{title_stem body_stem} : "رياض"`)).toBe(0);
      expect(count(`"${STEM_MARK}رياض"`)).toBeGreaterThan(50);
      expect(count(`{title_surface body_surface} : "${STEM_MARK}رياض"`)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a library indexed before is written again when opened, and searches exactly as one built new', () => {
    const before = new Database(upgraded, { readonly: true });
    const oldStems = (before.prepare('SELECT count(*) AS n FROM article_index WHERE article_index MATCH ?').get('{title_stem body_stem} : "رياض"') as { n: number }).n;
    before.close();
    expect(oldStems).toBeGreaterThan(50);

    const fresh = Library.open(built);
    const reopened = Library.open(upgraded);
    try {
      const check = new Database(upgraded, { readonly: true });
      expect(check.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'reindex_queue'").get()).toBeUndefined();
      check.close();
      const queries = [...QUERIES.map(({ query }) => query), 'الاستثمار', 'الميزانيه'];
      for (const query of queries) {
        const want = fresh.search(query, { limit: 30 });
        const got = reopened.search(query, { limit: 30 });
        expect({ query, total: got.total, hits: got.items.map(({ id, score }) => [id, score]) }).toEqual({
          query,
          total: want.total,
          hits: want.items.map(({ id, score }) => [id, score]),
        });
      }
      // The notes are found by their stems too: استثمار in الاستثمارات, ميزاني in الميزانية.
      const [first, second] = fresh.list({ limit: 2 }).items.map((item) => item.id);
      expect(reopened.search('الاستثمار', { bookmarked: true }).items.map((hit) => hit.id)).toEqual([first]);
      expect(reopened.search('الميزانيه', { highlighted: true }).items.map((hit) => hit.id)).toEqual([second]);
    } finally {
      fresh.close();
      reopened.close();
    }
  });
});
