/**
 * How many articles hold each phrase (main/library/phrase-frequency.ts), which the ranking's IDFs
 * are made of: exact for phrases held by few articles, for prefixes and in libraries smaller than
 * the first sample; within a few per cent for phrases held by many.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhraseFrequencies, SAMPLE_MATCHES } from '../../../main/library/phrase-frequency';
import { indexColumns } from '../../../main/library/prepare';
import { parseQuery, scoredPhrases } from '../../../main/library/query';
import { RangeRanker } from '../../../main/library/rank';
import { exactPhraseCounts } from '../../fixtures/phrase-counts';

const ARTICLES = 60_000;
let db: Database.Database;

/** A bare index of ARTICLES rows whose words say how often they occur. */
beforeAll(() => {
  db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE article_index USING fts5 (title_surface, title_stem, body_surface, body_stem, content = '', contentless_delete = 1, tokenize = 'ascii')`);
  const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= ARTICLES; id++) {
      const words = ['خبر'];
      if (id % 3 === 0) words.push('الرياض');
      if (id % 40 === 0) words.push('مدارس');
      if (id % 200 === 0) words.push('زيزفون');
      if (id % 7 === 0) words.push(`سعود${id % 50}`);
      insert.run(id, ...indexColumns(words.join(' '), words.join(' ')).columns);
    }
  })();
});

afterAll(() => db.close());

const estimate = (query: string, low = 1, high = ARTICLES) => new PhraseFrequencies(new RangeRanker(db)).estimate(scoredPhrases(parseQuery(query)), { low, high });

describe('how many articles hold a phrase', () => {
  it('counts a phrase held by fewer articles than the sample exactly', () => {
    expect(exactPhraseCounts(db, 'زيزفون')[0]).toBeLessThan(SAMPLE_MATCHES);
    expect(estimate('زيزفون')).toEqual(exactPhraseCounts(db, 'زيزفون'));
  });

  it('estimates a phrase held by many within 5%', () => {
    for (const query of ['الرياض', 'مدارس']) {
      const exact = exactPhraseCounts(db, query);
      const estimated = estimate(query);
      expect(Math.min(...exact)).toBeGreaterThan(SAMPLE_MATCHES);
      estimated.forEach((count, i) => expect(Math.abs(count - exact[i]!) / exact[i]!, query).toBeLessThan(0.05));
    }
  });

  it('counts a prefix exactly, and gives an excluded phrase nothing', () => {
    expect(estimate('سعود*')).toEqual(exactPhraseCounts(db, 'سعود*'));
    const [, , excluded] = estimate('الرياض -مدارس');
    expect(excluded).toBe(0);
  });

  it('counts every phrase exactly in a library smaller than the first sample', () => {
    const small = (query: string) => estimate(query, ARTICLES - 10_000, ARTICLES);
    const count = db.prepare(`SELECT count(*) FROM article_index WHERE article_index MATCH ? AND rowid >= ${ARTICLES - 10_000}`).pluck();
    const exact = scoredPhrases(parseQuery('الرياض مدارس')).map(({ expression }) => count.get(expression));
    expect(small('الرياض مدارس')).toEqual(exact);
  });
});
