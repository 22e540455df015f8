/**
 * Article ids bound to the full-text index (rank.ts BOUND_ID). better-sqlite3 binds numbers as
 * REAL, and FTS5 ignores a rowid constraint whose value is not an INTEGER: `rowid = ?` answers
 * every match, and `rowid BETWEEN ? AND ?` walks every match of the terms however narrow the range
 * (at a million articles that made each relevance window cost as much as the whole library).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INDEX_ID_RANGE, RangeRanker } from '../../../main/library/rank';

function indexOf(rows: number): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE article_index USING fts5 (title_surface, title_stem, body_surface, body_stem, content = '', contentless_delete = 1, tokenize = 'ascii')`);
  const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
  for (let id = 1; id <= rows; id++) insert.run(id, 'news', 'news', id % 2 === 0 ? 'even word' : 'odd word', 'word');
  return db;
}

describe('ids bound to the article index', () => {
  it('asks whether one article matches, not whether any does', () => {
    const db = indexOf(100);
    const ranker = new RangeRanker(db);
    expect(ranker.matches('"even"', 42)).toBe(true);
    expect(ranker.matches('"even"', 43)).toBe(false);
    // What a plain bound id answers: every match, which is why the ids are cast.
    expect(db.prepare('SELECT count(*) FROM article_index WHERE article_index MATCH ? AND rowid = ?').pluck().get('"even"', 43)).toBe(50);
    db.close();
  });

  it('keeps a range query to its range', () => {
    const db = indexOf(100);
    const ids = db.prepare(`SELECT rowid FROM article_index WHERE article_index MATCH ? AND ${INDEX_ID_RANGE}`).pluck().all('"odd"', 10, 20);
    expect(ids).toEqual([11, 13, 15, 17, 19]);
    db.close();
  });

  it('is cast wherever the code binds an id to the index', () => {
    const sources = fs.readdirSync('main', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const bare = sources.flatMap((file) =>
      fs
        .readFileSync(path.join('main', file), 'utf8')
        .split('\n')
        .filter((line) => /article_index|note_index/.test(line) && /MATCH/.test(line) && /rowid\s*(=|<=?|>=?|BETWEEN)\s*\?/i.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(bare).toEqual([]);
  });
});
