/**
 * The ranking policy for large result sets (main/library/search.ts RELEVANCE_WINDOW): a query
 * matching no more than the window ranks exactly as a ranking of every match does; above it, the
 * most recently added matches are ranked and the older ones follow, most recently added first; the
 * total stays exact and every match is on exactly one page, on one thread or two. And sorting by
 * date is exact at any size (date-order.ts). Real news; the window is lowered from 20,000 to 60.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateOrder } from '../../../main/library/date-order';
import { filterClause } from '../../../main/library/filters';
import { Library, type SearchOptions } from '../../../main/library/library';
import { compileMatchQuery, parseQuery } from '../../../main/library/query';
import { addAll, newsArticle } from '../../../bench/corpora';
import { QUERIES } from '../../../bench/queries';
import { newsArticles } from '../../fixtures/corpus';

const WINDOW = 60;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-test-window-'));
const file = path.join(dir, 'library.sqlite');
/** Ranks every match (the default window, 20,000, is far above this library's 1,500 articles). */
let whole: Library;
let windowed: Library;
let parallel: Library;
let dates: Map<number, string>;

beforeAll(async () => {
  whole = Library.open(file);
  addAll(whole, newsArticles(1500).map(newsArticle));
  for (let id = 1; id <= 1500; id += 7) whole.setBookmarked(id, true);
  windowed = Library.open(file, { rankAllUpTo: WINDOW, relevanceWindow: WINDOW });
  parallel = Library.open(file, { rankAllUpTo: WINDOW, relevanceWindow: WINDOW, parallelSearch: true, splitSearchAbove: 100 });
  expect(await parallel.parallelSearchReady()).toBe(true);
  const db = new Database(file, { readonly: true });
  dates = new Map((db.prepare('SELECT id, sort_date AS d FROM articles').all() as { id: number; d: string }[]).map((r) => [r.id, r.d]));
  db.close();
}, 120_000);

afterAll(() => {
  whole.close();
  windowed.close();
  parallel.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every hit's id, page after page of `size`. */
function everyId(library: Library, query: string, options: SearchOptions = {}, size = 37): { ids: number[]; totals: Set<number> } {
  const ids: number[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += size) {
    const page = library.search(query, { ...options, offset, limit: size });
    totals.add(page.total);
    ids.push(...page.items.map((hit) => hit.id));
    if (page.items.length < size) return { ids, totals };
  }
}

const pageOf = (p: ReturnType<Library['search']>) => ({ total: p.total, hits: p.items.map((h) => [h.id, h.score]) });
const newestFirst = (a: number, b: number) => (dates.get(b)! < dates.get(a)! ? -1 : dates.get(b)! > dates.get(a)! ? 1 : b - a);

describe('relevance within the most recently added matches', () => {
  it('ranks a query matching no more than the window exactly as ranking every match does', () => {
    const small = QUERIES.map((q) => q.query).filter((q) => {
      const total = whole.search(q, { limit: 1 }).total;
      return total > 0 && total <= WINDOW;
    });
    expect(small.length).toBeGreaterThan(10);
    for (const query of small) {
      for (const options of [{ limit: 20 }, { offset: 20, limit: 20 }, { offset: 40, limit: 30 }]) {
        expect(pageOf(windowed.search(query, options)), query).toEqual(pageOf(whole.search(query, options)));
      }
    }
  });

  it('keeps the total exact above the window and puts every match on exactly one page', () => {
    const large = ['السعودية', 'الرياض', 'المملكة السعودية', 'الرياض -جدة', 'سعود*', 'المملكة OR الرياض'];
    for (const query of large) {
      const expected = everyId(whole, query, {}, 500).ids;
      expect(expected.length, query).toBeGreaterThan(WINDOW);
      const { ids, totals } = everyId(windowed, query);
      expect([...totals], query).toEqual([expected.length]);
      expect(ids.length, query).toBe(expected.length);
      expect(new Set(ids), query).toEqual(new Set(expected));
    }
  });

  it('ranks the most recently added matches as a full ranking orders them, then lists the older ones, most recently added first', () => {
    for (const query of ['السعودية', 'الرياض']) {
      const ranking = everyId(whole, query, {}, 500).ids;
      const newest = new Set([...ranking].sort((a, b) => b - a).slice(0, WINDOW));
      const { ids } = everyId(windowed, query);
      expect(ids.slice(0, WINDOW), query).toEqual(ranking.filter((id) => newest.has(id)));
      const older = ids.slice(WINDOW);
      expect(older, query).toEqual([...older].sort((a, b) => b - a));
      expect(Math.max(...older)).toBeLessThan(Math.min(...newest));
    }
  });

  it('gives the same pages on two threads as on one, across the window’s edge', async () => {
    for (const query of ['السعودية', 'المملكة السعودية', 'الرياض -جدة', '"خادم الحرمين الشريفين"']) {
      for (const options of [{ limit: 20 }, { offset: 50, limit: 40 }, { offset: 100, limit: 20 }, { bookmarked: true, limit: 30, offset: 10 }]) {
        expect(pageOf(await parallel.searchInParallel(query, options)), `${query} ${JSON.stringify(options)}`).toEqual(
          pageOf(windowed.search(query, options)),
        );
      }
    }
  });

  it('keeps filters above the window: only bookmarked matches, each once', () => {
    const expected = everyId(whole, 'السعودية', { bookmarked: true }, 500).ids;
    const small = Library.open(file, { rankAllUpTo: 20, relevanceWindow: 20 });
    try {
      const { ids, totals } = everyId(small, 'السعودية', { bookmarked: true }, 9);
      expect(expected.length).toBeGreaterThan(20);
      expect([...totals]).toEqual([expected.length]);
      expect(new Set(ids)).toEqual(new Set(expected));
      expect(ids.length).toBe(expected.length);
    } finally {
      small.close();
    }
  });
});

describe('a window smaller than the most a search ranks whole', () => {
  it('ranks up to 60 matches whole, and above that the 25 most recently added, then the older ones', async () => {
    const narrow = Library.open(file, { rankAllUpTo: WINDOW, relevanceWindow: 25 });
    const narrowParallel = Library.open(file, { rankAllUpTo: WINDOW, relevanceWindow: 25, parallelSearch: true, splitSearchAbove: 100 });
    try {
      expect(await narrowParallel.parallelSearchReady()).toBe(true);
      const small = QUERIES.map((q) => q.query).find((q) => {
        const total = whole.search(q, { limit: 1 }).total;
        return total > 25 && total <= WINDOW;
      })!;
      expect(pageOf(narrow.search(small, { limit: 50 }))).toEqual(pageOf(whole.search(small, { limit: 50 })));
      const ranking = everyId(whole, 'السعودية', {}, 500).ids;
      const newest = new Set([...ranking].sort((a, b) => b - a).slice(0, 25));
      const { ids, totals } = everyId(narrow, 'السعودية', {}, 10);
      expect([...totals]).toEqual([ranking.length]);
      expect(ids.slice(0, 25)).toEqual(ranking.filter((id) => newest.has(id)));
      expect(ids.slice(25)).toEqual(ranking.filter((id) => !newest.has(id)).sort((a, b) => b - a));
      for (const options of [{ limit: 20 }, { offset: 20, limit: 20 }]) {
        expect(pageOf(await narrowParallel.searchInParallel('السعودية', options))).toEqual(pageOf(narrow.search('السعودية', options)));
      }
    } finally {
      narrow.close();
      narrowParallel.close();
    }
  });
});

describe('search sorted by date', () => {
  it('lists every match newest first, exactly, on every page', () => {
    for (const query of ['السعودية', 'داعش', 'وزير الخارجية', 'الرياض -جدة', '"ولي العهد"', 'سعود*']) {
      const expected = everyId(whole, query, {}, 500).ids.sort(newestFirst);
      const { ids, totals } = everyId(windowed, query, { sort: 'date' });
      expect(ids, query).toEqual(expected);
      expect([...totals], query).toEqual([expected.length]);
    }
  });

  it('walks the articles or looks up the matches’ dates, to the same pages', () => {
    const db = new Database(file, { readonly: true });
    try {
      const walk = new DateOrder(db, 0);
      const lookup = new DateOrder(db, Infinity);
      for (const [query, bookmarked] of [['السعودية', false], ['داعش', false], ['الرياض', true], ['الرياض -جدة', false], ['"ولي العهد"', false]] as const) {
        const filter = filterClause({ bookmarked });
        const expected = everyId(whole, query, { bookmarked }, 500).ids.sort(newestFirst);
        for (const [offset, limit] of [[0, 20], [35, 50], [expected.length - 5, 20]] as const) {
          const request = { matchExpression: compileMatchQuery(parseQuery(query))!, filter, noteIds: [], offset, limit, matches: expected.length, articles: 1500, prefix: false };
          expect(walk.page(request), `${query} walk ${offset}`).toEqual(expected.slice(offset, offset + limit));
          expect(lookup.page(request), `${query} lookup ${offset}`).toEqual(expected.slice(offset, offset + limit));
        }
      }
    } finally {
      db.close();
    }
  });
});

describe('articles found by their notes', () => {
  it('are ranked with the window and counted once, by relevance and by date', () => {
    const matching = new Set(everyId(whole, 'السعودية', {}, 500).ids);
    const oldInText = [...matching].sort((a, b) => a - b)[0]!;
    const noteOnly = Array.from({ length: 1500 }, (_, i) => i + 1).find((id) => !matching.has(id))!;
    whole.setNote(oldInText, 'السعودية في ملاحظتي');
    whole.setNote(noteOnly, 'عن السعودية');
    try {
      const { ids, totals } = everyId(windowed, 'السعودية');
      expect([...totals]).toEqual([matching.size + 1]);
      expect(new Set(ids)).toEqual(new Set([...matching, noteOnly]));
      expect(ids.length).toBe(matching.size + 1);
      // Both sit with the ranked window (ahead of the older matches), though one is the oldest match.
      expect(ids.indexOf(oldInText)).toBeLessThan(WINDOW + 2);
      expect(ids.indexOf(noteOnly)).toBeLessThan(WINDOW + 2);
      const byDate = everyId(windowed, 'السعودية', { sort: 'date' });
      expect(byDate.ids).toEqual([...matching, noteOnly].sort(newestFirst));
      expect([...byDate.totals]).toEqual([matching.size + 1]);
    } finally {
      whole.setNote(oldInText, null);
      whole.setNote(noteOnly, null);
    }
  });
});
