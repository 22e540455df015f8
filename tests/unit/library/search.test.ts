/** Arabic search (main/library/search.ts): what it finds, how it ranks, what it highlights, its filters. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { newsArticles } from '../../fixtures/corpus';
import { article } from './helpers';

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-search-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('Arabic search', () => {
  beforeEach(() => {
    library.addArticles([
      article({ title: 'مقال الكتب', text: 'قرأتُ والكتابِ في الصباح.\nثم وضعته بالكتاب الآخر.' }),
      article({ title: 'عن المعلمين', text: 'اجتمع المعلمون مع معلمات المدرسة.' }),
      article({ title: 'مسؤولية', text: 'قال مسئول في الوزارة إن الأمن مستتب في المستشفى.' }),
      article({ title: 'English piece', text: 'The Minister met the press in Riyadh.', lang: 'en', dir: 'ltr' }),
    ]);
  });

  it('finds words whatever their prefixes, suffixes and diacritics, and marks them as written', () => {
    const hits = library.search('كتاب').items;
    expect(hits).toHaveLength(1);
    expect(marked(hits[0]!.snippet, hits[0]!.highlights)).toEqual(['والكتابِ', 'بالكتاب']);
  });

  it('lets plurals and feminine forms meet at their stem', () => {
    const hits = library.search('المعلم').items;
    expect(hits.map((h) => h.title)).toEqual(['عن المعلمين']);
    expect(marked(hits[0]!.snippet, hits[0]!.highlights)).toEqual(['المعلمون', 'معلمات']);
  });

  it('folds hamza seats, alef forms and alef maqsura', () => {
    expect(library.search('مسؤول').items.map((h) => h.title)).toEqual(['مسؤولية']);
    expect(library.search('الامن').total).toBe(1);
    expect(library.search('المستشفي').total).toBe(1);
  });

  it('ranks a title match above a body match', () => {
    library.addArticles([article({ title: 'المدرسة', text: 'خبر قصير' })]);
    expect(library.search('المدرسة').items[0]!.title).toBe('المدرسة');
  });

  it('supports phrases, prefixes, exclusions and OR', () => {
    expect(library.search('"مع معلمات"').total).toBe(1);
    expect(library.search('"معلمات مع"').total).toBe(0);
    expect(library.search('مست*').total).toBe(1);
    expect(library.search('كتاب OR minister').total).toBe(2);
    expect(library.search('نص -كتاب').total).toBe(0);
    expect(library.search('riyadh').items[0]!.title).toBe('English piece');
  });

  it('never fails on anything a person can type', () => {
    for (const query of ['"', '"كتاب', '*', '-', 'OR', 'OR OR', '(', 'NEAR(a b)', 'title_stem:x', '^', 'a AND', '""', '\\', '؟!،', 'في', ' ', 'ـــ', 'َ', '-كتاب']) {
      expect(() => library.search(query), query).not.toThrow();
    }
    expect(library.search('"كتاب').total).toBe(1);
    expect(library.search('في').total).toBeGreaterThan(0);
  });

  it('can be limited to bookmarks', () => {
    expect(library.search('كتاب', { bookmarked: true }).total).toBe(0);
    library.setBookmarked(library.search('كتاب').items[0]!.id, true);
    expect(library.search('كتاب', { bookmarked: true }).total).toBe(1);
  });

  it('highlights a query in an article’s full text for the reader', () => {
    const id = library.search('كتاب').items[0]!.id;
    const { text } = library.get(id);
    expect(marked(text, library.matchRanges(id, 'الكتاب').highlights)).toEqual(['والكتابِ', 'بالكتاب']);
  });
});

describe('on real news', () => {
  it('finds every article whose text has a word, in any of its spellings', () => {
    const news = newsArticles(400);
    const result = library.addArticles(
      news.map((n) => article({ title: n.title, text: n.content, source: n.source, url: n.url, published: null })),
    );
    expect(result.imported + result.duplicates).toBe(400);
    const page = library.search('السعودية', { limit: 500 });
    const expected = library
      .list({ limit: 500 })
      .items.filter((a) => /(^|[^\p{L}])[وبفلك]?(ال)?سعودي[ةه]/u.test(library.get(a.id).text + ' ' + a.title)).length;
    expect(page.total).toBeGreaterThanOrEqual(expected);
    expect(page.items.every((hit) => hit.highlights.length > 0 || hit.titleHighlights.length > 0)).toBe(true);
  });
});

describe('search filters', () => {
  it('narrows by source, language and date range', () => {
    library.addArticles([
      article({ title: 'خبر الرياض', text: 'اجتماع في الرياض', source: 'aawsat', published: '2015-07-21T10:00:00.000Z' }),
      article({ title: 'خبر جدة', text: 'اجتماع في جدة', source: 'okaz', published: '2015-08-02T10:00:00.000Z' }),
      article({ title: 'Meeting', text: 'اجتماع meeting', source: 'okaz', lang: 'en-GB', dir: 'ltr', published: '2015-08-03T23:59:00.000Z' }),
    ]);
    expect(library.search('اجتماع').total).toBe(3);
    expect(library.search('اجتماع', { source: 'okaz' }).total).toBe(2);
    expect(library.search('اجتماع', { lang: 'en' }).items.map((h) => h.title)).toEqual(['Meeting']);
    expect(library.search('اجتماع', { from: '2015-08-01' }).total).toBe(2);
    expect(library.search('اجتماع', { to: '2015-08-03' }).total).toBe(3);
    expect(library.search('اجتماع', { from: '2015-07-22', to: '2015-08-02' }).items.map((h) => h.title)).toEqual(['خبر جدة']);
  });

  it('puts newer articles first when the scores tie', () => {
    library.addArticles([
      article({ title: 'أ', text: 'حدث مهم', published: '2015-07-21T00:00:00.000Z' }),
      article({ title: 'ب', text: 'حدث مهم', published: '2015-08-10T00:00:00.000Z' }),
    ]);
    const [first, second] = library.search('مهم').items;
    expect(first!.score).toBe(second!.score);
    expect([first!.title, second!.title]).toEqual(['ب', 'أ']);
  });
});
