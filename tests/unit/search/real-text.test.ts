/**
 * Search on real text, at a scale that runs in seconds: the promises of DESIGN.md "Arabic search"
 * checked against the brute-force reference of bench/reference.ts (bench/eval.ts runs the same
 * checks on the whole corpora).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/library/query';
import { tokenize } from '../../../main/text/tokenize';
import { newsArticles } from '../../fixtures/corpus';
import {
  addAll,
  newsArticle,
  searchAll,
  stripMarks,
  tashkeelaArticle,
  tashkeelaLines,
  temporaryLibrary,
} from '../../../bench/corpora';
import { QUERIES } from '../../../bench/queries';
import { ReferenceIndex } from '../../../bench/reference';

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('diacritized text (300 Tashkeela lines)', () => {
  const lib = temporaryLibrary('sahifa-test-tashkeela-');
  const reference = new ReferenceIndex();
  const origins = new Map<string, Set<number>>();

  beforeAll(() => {
    const lines = tashkeelaLines(300);
    const articles = lines.map(tashkeelaArticle);
    const ids = addAll(lib.library, articles);
    articles.forEach((a, i) => reference.add(ids[i]!, a.title, a.text));
    lines.forEach((line, i) => {
      for (const t of tokenize(line)) {
        const word = stripMarks(line.slice(t.start, t.end));
        if (!origins.has(word)) origins.set(word, new Set());
        origins.get(word)!.add(ids[i]!);
      }
    });
  });
  afterAll(() => lib.dispose());

  it('finds the line of every word typed without its harakat', () => {
    expect(origins.size).toBeGreaterThan(3000);
    const missing: string[] = [];
    for (const [word, lines] of origins) {
      const found = new Set(searchAll(lib.library, word).ids);
      for (const id of lines) if (!found.has(id)) missing.push(`${word} → line ${id}`);
    }
    expect(missing).toEqual([]);
  });

  it('finds exactly the lines holding the word, its clitic forms or its inflections', () => {
    const words = [...origins.keys()].filter((_, i) => i % 10 === 0);
    for (const word of words) {
      expect(sorted(searchAll(lib.library, word).ids), word).toEqual(sorted(reference.matching(parseQuery(word))));
    }
  });

  it('keeps the marks in what the reader sees, and highlights the word as written', () => {
    const hit = lib.library.search('الشهادة', { limit: 1 }).items[0]!;
    expect(hit.highlights.length).toBeGreaterThan(0);
    const [start, end] = hit.highlights[0]!;
    const shown = hit.snippet.slice(start, end);
    expect(shown).toMatch(/[\u064b-\u0652]/u);
    expect(stripMarks(shown)).toMatch(/شهاد/u);
  });
});

describe('news (1,000 SaudiNewsNet articles)', () => {
  const lib = temporaryLibrary('sahifa-test-news-');
  const reference = new ReferenceIndex();

  beforeAll(() => {
    const articles = newsArticles(1000).map(newsArticle);
    const ids = addAll(lib.library, articles);
    articles.forEach((a, i) => reference.add(ids[i]!, a.title, a.text));
  });
  afterAll(() => lib.dispose());

  const unitQueries = QUERIES.filter((q) => q.unit);

  it.each(unitQueries.map((q) => [q.kind, q.query]))('%s query %s finds exactly what the reference finds', (_kind, query) => {
    const expected = sorted(reference.matching(parseQuery(query)));
    const result = searchAll(lib.library, query);
    expect(sorted(result.ids)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('covers every kind of query and finds something for most', () => {
    expect(new Set(unitQueries.map((q) => q.kind)).size).toBe(9);
    const nonEmpty = unitQueries.filter((q) => reference.matching(parseQuery(q.query)).length > 0);
    expect(nonEmpty.length).toBeGreaterThanOrEqual(unitQueries.length - 2);
  });

  it('meets spelling variants: hamza seat, ى/ي, ة/ه, harakat and tatweel find the same articles', () => {
    const ids = (q: string) => sorted(searchAll(lib.library, q).ids);
    expect(ids('مسئول')).toEqual(ids('مسؤول'));
    expect(ids('مستشفي')).toEqual(ids('مستشفى'));
    expect(ids('هيئه')).toEqual(ids('هيئة'));
    expect(ids('الامير')).toEqual(ids('الأمير'));
    expect(ids('السُّعُودِيَّة')).toEqual(ids('السعودية'));
    expect(ids('الســـعودية')).toEqual(ids('السعودية'));
    expect(ids('السعودية').length).toBeGreaterThan(100);
  });

  it('matches a phrase only in order', () => {
    const inOrder = searchAll(lib.library, '"ولي العهد"').ids;
    const reversed = searchAll(lib.library, '"العهد ولي"').ids;
    expect(inOrder.length).toBeGreaterThan(10);
    expect(sorted(reversed)).toEqual(sorted(reference.matching(parseQuery('"العهد ولي"'))));
    expect(reversed.length).toBeLessThan(inOrder.length / 4);
  });

  it('-word excludes the articles holding that word, and nothing else', () => {
    const both = new Set(searchAll(lib.library, 'الهلال النصر').ids);
    const without = searchAll(lib.library, 'الهلال -النصر').ids;
    const all = searchAll(lib.library, 'الهلال').ids;
    expect(both.size).toBeGreaterThan(0);
    expect(without.some((id) => both.has(id))).toBe(false);
    expect(sorted([...without, ...both])).toEqual(sorted(all));
  });

  it('OR widens to the union of its sides', () => {
    const either = sorted(searchAll(lib.library, 'الهلال OR النصر').ids);
    const union = sorted([...new Set([...searchAll(lib.library, 'الهلال').ids, ...searchAll(lib.library, 'النصر').ids])]);
    expect(either).toEqual(union);
    expect(either.length).toBeGreaterThan(searchAll(lib.library, 'الهلال').ids.length);
  });
});
