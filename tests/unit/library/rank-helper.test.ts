/**
 * Searches ranked on two threads (main/library/rank-helper.ts) must give exactly what one thread
 * gives: the same hits in the same order with the same scores, the same totals, on every page and
 * with every filter. Real news articles; the split threshold is lowered so that 1,500 ids split.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatchQuery, compileQuery, parseQuery } from '../../../main/library/query';
import { Library } from '../../../main/library/library';
import { RangeRanker, WHOLE_LIBRARY, type RankRequest } from '../../../main/library/rank';
import { findRankExtension, loadRankExtension } from '../../../main/library/rank-extension';
import { RankHelper } from '../../../main/library/rank-helper';
import { matchSnippet } from '../../../main/library/match-snippet';
import { exactPhraseCounts } from '../../fixtures/phrase-counts';
import { addAll, newsArticle } from '../../../bench/corpora';
import { QUERIES } from '../../../bench/queries';
import { newsArticles } from '../../fixtures/corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-test-parallel-'));
const file = path.join(dir, 'library.sqlite');
let single: Library;
let parallel: Library;

beforeAll(async () => {
  single = Library.open(file);
  addAll(single, newsArticles(1500).map(newsArticle));
  // Some state that filters read: bookmarks on every seventh article.
  for (let id = 1; id <= 1500; id += 7) single.setBookmarked(id, true);
  parallel = Library.open(file, { parallelSearch: true, splitSearchAbove: 100 });
  expect(await parallel.parallelSearchReady()).toBe(true);
}, 120_000);

afterAll(() => {
  single.close();
  parallel.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (p: ReturnType<Library['search']>) => ({
  total: p.total,
  hits: p.items.map((h) => [h.id, h.score, h.snippet, h.highlights, h.titleHighlights]),
});

describe('search on two threads', () => {
  it('gives the same pages as one thread for every benchmark query', async () => {
    for (const { query } of QUERIES) {
      for (const options of [{ limit: 20 }, { limit: 20, offset: 20 }, { limit: 5, offset: 3 }]) {
        expect(page(await parallel.searchInParallel(query, options)), `${query} ${JSON.stringify(options)}`).toEqual(
          page(single.search(query, options)),
        );
      }
    }
  });

  it('answers searches asked at once, each with its own page', async () => {
    const queries = ['السعودية', 'النفط', '"ولي العهد"', 'الهلال OR النصر', 'وزير -الصحة'];
    const pages = await Promise.all(queries.map((q) => parallel.searchInParallel(q, { limit: 10 })));
    pages.forEach((p, i) => expect(page(p), queries[i]).toEqual(page(single.search(queries[i]!, { limit: 10 }))));
  });

  it('gives the same pages with filters (bookmarked, source, dates)', async () => {
    const sources = single.sources().map((s) => s.source).filter((s): s is string => s !== null);
    expect(sources.length).toBeGreaterThan(1);
    const filters = [{ bookmarked: true }, { source: sources[0]! }, { from: '2015-06-01', to: '2015-12-31' }, { lang: 'ar', unread: true }];
    for (const query of ['السعودية', 'الرياض', '"ولي العهد"', 'وزير -الصحة']) {
      for (const filter of filters) {
        expect(page(await parallel.searchInParallel(query, { ...filter, limit: 10 })), `${query} ${JSON.stringify(filter)}`).toEqual(
          page(single.search(query, { ...filter, limit: 10 })),
        );
      }
    }
  });

  it('sees what was just written on the other connection', async () => {
    const before = (await parallel.searchInParallel('زيزفونة')).total;
    single.addArticles([{ ...newsArticle(newsArticles(1)[0]!), url: 'https://example.com/zayzafuna', title: 'زيزفونة في الحديقة' }]);
    expect(before).toBe(0);
    expect((await parallel.searchInParallel('زيزفونة')).total).toBe(1);
  });
});

describe('the rank helper', () => {
  const rankExtension = findRankExtension();
  let counts: Database.Database | null = null;
  afterAll(() => counts?.close());
  const request = (query: string, from: number): RankRequest => ({
    expression: compileQuery(parseQuery(query))!,
    matchExpression: compileMatchQuery(parseQuery(query))!,
    filter: { joins: '', where: '', params: [] },
    range: { from, to: WHOLE_LIBRARY.to },
    best: 30,
    phraseCounts: exactPhraseCounts((counts ??= new Database(file, { readonly: true })), query),
  });

  it('ranks a range exactly as this thread does, with the ranking extension and without', async () => {
    for (const extension of [rankExtension, null]) {
      const helper = new RankHelper({ libraryFile: file, rankExtension: extension });
      const db = new Database(file, { readonly: true });
      try {
        expect(await helper.whenReady()).toBe(true);
        const ranker = new RangeRanker(db, loadRankExtension(db, extension) ? 'sahifa_rank' : 'bm25');
        expect(ranker.scorer).toBe(extension === null ? 'bm25' : 'sahifa_rank');
        for (const query of ['السعودية', 'النفط', 'الهلال OR النصر']) {
          const ranking = ranker.rank(request(query, 700));
          expect(ranking.ranked.length).toBeGreaterThan(0);
          expect(await helper.rank(request(query, 700))).toEqual(ranking);
        }
      } finally {
        await helper.close();
        db.close();
      }
    }
  });

  it('finds the match after the newest and counts ranges as this thread does', async () => {
    const helper = new RankHelper({ libraryFile: file, rankExtension });
    const db = new Database(file, { readonly: true });
    try {
      expect(await helper.whenReady()).toBe(true);
      const ranker = new RangeRanker(db, 'bm25');
      const match = request('السعودية', 0);
      const total = ranker.count(match);
      expect(total).toBeGreaterThan(100);
      for (const newer of [0, 99, total - 1, total]) {
        expect(await helper.matchAfterNewest(match, newer)).toEqual({ id: ranker.matchAfterNewest(match, newer) });
      }
      expect((await helper.matchAfterNewest(match, total))?.id).toBeNull();
      const ranges = [{ from: 1, to: 400 }, { from: 900, to: 1200 }];
      expect(await helper.total(match, ranges)).toBe(ranges.reduce((sum, range) => sum + ranker.count({ ...match, range }), 0));
    } finally {
      await helper.close();
      db.close();
    }
  });

  it("makes a page's snippets as this thread does, and none where the text does not match", async () => {
    const helper = new RankHelper({ libraryFile: file, rankExtension });
    try {
      expect(await helper.whenReady()).toBe(true);
      const parsed = parseQuery('"ولي العهد"');
      const hits = single.search('"ولي العهد"', { limit: 10 }).items;
      expect(hits).toHaveLength(10);
      const ids = hits.map((hit) => hit.id);
      // One that does not say it, and one that is not there.
      const other = single.search('النفط -"ولي العهد"', { limit: 1 }).items[0]!.id;
      const built = await helper.snippets(parsed, [...ids, other, 999_999]);
      expect(built).toEqual([...ids.map((id) => matchSnippet(single.titleAndText(id)!.text, parsed)), null, null]);
      // A hit whose title alone holds the words gets its snippet on this thread (from its notes or its start).
      const inText = hits.filter((_, i) => built![i] !== null);
      expect(inText.length).toBeGreaterThanOrEqual(5);
      expect(inText.map((hit) => built![ids.indexOf(hit.id)]!.snippet)).toEqual(inText.map((hit) => hit.snippet));
    } finally {
      await helper.close();
    }
  });

  it('does not start when it cannot score as this thread does (the extension will not load)', async () => {
    const helper = new RankHelper({ libraryFile: file, rankExtension: path.join(dir, 'no-such-extension.node') });
    expect(await helper.whenReady()).toBe(false);
    await helper.close();
  });

  it('answers nothing, and a search still works on one thread, when it cannot open the library', async () => {
    const helper = new RankHelper({ libraryFile: path.join(dir, 'missing', 'library.sqlite'), rankExtension });
    expect(await helper.whenReady()).toBe(false);
    expect(await helper.rank(request('السعودية', 0))).toBeNull();
    await helper.close();
  });

  it('answers nothing once closed', async () => {
    const helper = new RankHelper({ libraryFile: file, rankExtension });
    expect(await helper.whenReady()).toBe(true);
    await helper.close();
    expect(helper.ready).toBe(false);
    expect(await helper.rank(request('السعودية', 0))).toBeNull();
  });

  it('lets go of the file when the library closes, so a restore can replace it', async () => {
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    const library = Library.open(copy, { parallelSearch: true, splitSearchAbove: 100 });
    expect(await library.parallelSearchReady()).toBe(true);
    library.close();
    await library.whenClosed();
    // No connection left: an exclusive lock is granted at once.
    const db = new Database(copy);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });
});
