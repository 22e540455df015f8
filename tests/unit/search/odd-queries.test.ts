/**
 * Whatever a reader types, search answers: stop words, punctuation, stray quotes and FTS5's own
 * operators never reach SQLite as syntax. And an exact spelling ranks above a stem-only match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/library/query';
import type { NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';
import { addAll, newsArticle, searchAll, temporaryLibrary } from '../../../bench/corpora';
import { ReferenceIndex } from '../../../bench/reference';

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('odd queries on 300 news articles', () => {
  const lib = temporaryLibrary('sahifa-test-odd-');
  const reference = new ReferenceIndex();

  beforeAll(() => {
    const articles = newsArticles(300).map(newsArticle);
    const ids = addAll(lib.library, articles);
    articles.forEach((a, i) => reference.add(ids[i]!, a.title, a.text));
  });
  afterAll(() => lib.dispose());

  const odd = [
    'في من على', // only stop words: they are searched rather than dropped
    'the of and',
    '"خادم الحرمين', // unbalanced quote: the phrase runs to the end
    'السعودية"',
    '""',
    '"',
    'NEAR(السعودية الرياض)',
    'NEAR(السعودية الرياض, 5)',
    'السعودية ^الرياض',
    '^السعودية',
    'title:السعودية',
    'body_surface:السعودية',
    '{title_stem}:سعود',
    'السعودية AND الرياض',
    'السعودية NOT الرياض',
    'AND',
    'OR',
    'OR السعودية',
    'السعودية OR',
    'NOT',
    '-',
    '--السعودية',
    '-السعودية',
    '*',
    'س*',
    '***',
    '(السعودية',
    'السعودية)',
    '+السعودية',
    "'السعودية'",
    'السعودية;DROP TABLE articles',
    '؟!،.:؛',
    '…',
    '   ',
    '',
    'ـــ',
    'َُِ',
    '\u200f\u200e',
    '٢٠١٥/٧/٢١',
  ];

  it.each(odd.map((q) => [q]))('%j never throws and finds what the query language says', (query) => {
    const result = searchAll(lib.library, query);
    expect(sorted(result.ids)).toEqual(sorted(reference.matching(parseQuery(query))));
    expect(result.total).toBe(result.ids.length);
  });

  it('finds nothing for punctuation, marks and blanks alone', () => {
    for (const query of ['؟!،.:؛', '…', '   ', '', 'ـــ', 'َُِ', '"', '""', '-', '*', 'OR', '\u200f\u200e']) {
      expect(lib.library.search(query)).toEqual({ total: 0, offset: 0, items: [] });
    }
  });

  it('treats FTS5 operators as words or ignores them, never as syntax', () => {
    const plain = sorted(searchAll(lib.library, 'السعودية الرياض').ids);
    expect(plain.length).toBeGreaterThan(0);
    expect(sorted(searchAll(lib.library, 'السعودية ^الرياض').ids)).toEqual(plain);
    expect(sorted(searchAll(lib.library, 'NEAR(السعودية الرياض)').ids)).toEqual(sorted(searchAll(lib.library, 'NEAR السعودية الرياض').ids));
    expect(searchAll(lib.library, 'title:السعودية').ids.length).toBeLessThanOrEqual(searchAll(lib.library, 'السعودية').ids.length);
  });

  it('searches a query made only of stop words instead of dropping it', () => {
    expect(searchAll(lib.library, 'في من').ids.length).toBeGreaterThan(200);
  });

  it('still has every article after a hostile query', () => {
    searchAll(lib.library, 'السعودية;DROP TABLE articles');
    expect(lib.library.stats().articles).toBe(300);
  });
});

function article(title: string, text: string, published: string): NewArticle {
  return { title, byline: null, source: 'test', url: null, lang: 'ar', dir: 'rtl', published, text, html: null, origin: null };
}

describe('ranking', () => {
  const lib = temporaryLibrary('sahifa-test-rank-');
  afterAll(() => lib.dispose());

  it('puts an exact spelling above a match by stem only', () => {
    // Same length, same position, same title; the stem-only one is newer, so a tie would favour it.
    const [exact, stemOnly] = addAll(lib.library, [
      article('أخبار التعليم', 'قال المعلمون في المدينة إن العام الدراسي يبدأ الأحد المقبل', '2015-07-01'),
      article('أخبار التعليم', 'قالت معلمات في المدينة إن العام الدراسي يبدأ الأحد المقبل', '2015-08-01'),
    ]);
    const hits = lib.library.search('المعلمون').items.map((h) => h.id);
    expect(sorted(hits)).toEqual(sorted([exact!, stemOnly!]));
    expect(hits[0]).toBe(exact);
    const reverse = lib.library.search('معلمات').items.map((h) => h.id);
    expect(reverse[0]).toBe(stemOnly);
  });

  it('puts a title match above a body match', () => {
    const [inBody, inTitle] = addAll(lib.library, [
      article('أخبار الطقس', 'توقعات بهطول الأمطار على جازان غدا مع رياح نشطة', '2015-08-02'),
      article('الأمطار على جازان', 'توقعات الطقس ليوم غد مع رياح نشطة على المنطقة', '2015-07-02'),
    ]);
    const hits = lib.library.search('جازان').items.map((h) => h.id);
    expect(hits.indexOf(inTitle!)).toBeLessThan(hits.indexOf(inBody!));
  });
});
