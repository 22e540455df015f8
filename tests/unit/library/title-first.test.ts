/**
 * Known-item ranking on real news: three words of a headline, typed loosely, bring its article to
 * the top; articles whose titles hold the words come before those that only mention them; and
 * reordering the best rows keeps pages consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/library/query';
import { titleFit } from '../../../main/library/title-first';
import { addAll, newsArticle, sample, seededRandom, temporaryLibrary } from '../../../bench/corpora';
import { knownItemQuery, typeLoosely } from '../../../bench/known-item-queries';
import { newsArticles } from '../../fixtures/corpus';

describe('title fit', () => {
  it('counts the query words a headline holds, those spelled as typed, and how close they stand', () => {
    const query = parseQuery('الامن الغذائي');
    expect(titleFit('مؤتمر الأمن الغذائي في الرياض', query)).toEqual({ groups: 2, exact: 2, inversions: 0, span: 2, words: 5, content: 4 });
    expect(titleFit('أمن المطارات', query)).toMatchObject({ groups: 1, exact: 0 });
    expect(titleFit('الأمن في مؤتمر عن الغذائي', query)).toMatchObject({ groups: 2, exact: 2, span: 5 });
    expect(titleFit('طقس الرياض', query)).toMatchObject({ groups: 0, exact: 0, span: 0 });
    expect(titleFit('في عام 1436هـ', parseQuery('1436'))).toMatchObject({ groups: 1, exact: 0 });
  });

  it('counts the pairs of query words a headline holds in the other order than typed', () => {
    const query = parseQuery('الامن الغذائي مؤتمر');
    expect(titleFit('مؤتمر الأمن الغذائي', query)).toMatchObject({ groups: 3, inversions: 2 });
    expect(titleFit('الأمن الغذائي في مؤتمر', query)).toMatchObject({ groups: 3, inversions: 0 });
    expect(titleFit('الغذائي قبل الأمن', query)).toMatchObject({ groups: 2, inversions: 1 });
  });

  it('counts the distinct words of a headline that say something, not its function words', () => {
    expect(titleFit('الشيخ بن حميد يحث من زلت بهم القدم أن يعودوا إلى الله', parseQuery('الشيخ'))).toMatchObject({ content: 9, words: 12 });
    expect(titleFit('عام / اهتمامات الصحف الصحف', parseQuery('الصحف'))).toMatchObject({ content: 3, words: 4 });
  });

  it('types a headline word as readers do: no hamza seat, ه for ة, ي for ى, no harakat', () => {
    expect(typeLoosely('الأُمَّة')).toBe('الامه');
    expect(typeLoosely('مستشفى إسلامي')).toBe('مستشفي اسلامي');
  });
});

describe('known-item search on 1,500 news articles', () => {
  const lib = temporaryLibrary('sahifa-known-');
  const articles = newsArticles(1500).map(newsArticle);
  let ids: number[] = [];
  beforeAll(() => {
    ids = addAll(lib.library, articles);
  });
  afterAll(() => lib.dispose());

  it('finds the article of three loosely typed headline words in the top 10, nearly always first', () => {
    const random = seededRandom(7);
    let asked = 0;
    let first = 0;
    const outsideTop10: string[] = [];
    for (const index of sample(articles.map((_, i) => i), 200, random)) {
      const query = knownItemQuery(articles[index]!.title, random);
      if (query === null) continue;
      asked++;
      const hits = lib.library.search(query, { limit: 10 }).items;
      const rank = hits.findIndex((hit) => hit.id === ids[index]);
      if (rank === 0 || hits[0]?.title.trim() === articles[index]!.title.trim()) first++;
      if (rank < 0) outsideTop10.push(`${query} ← ${articles[index]!.title}`);
    }
    expect(asked).toBeGreaterThan(150);
    expect(outsideTop10).toEqual([]);
    expect(first / asked).toBeGreaterThan(0.9);
  });

  it('ranks articles whose title holds every word before those that only mention them', () => {
    let checked = 0;
    for (const { title } of articles.slice(0, 40)) {
      const query = knownItemQuery(title, seededRandom(checked + 1))?.split(' ').slice(0, 2).join(' ');
      if (!query) continue;
      const parsed = parseQuery(query);
      const fits = lib.library.search(query, { limit: 100 }).items.map((hit) => titleFit(hit.title, parsed).groups);
      expect(fits[0], query).toBe(parsed.groups.length);
      // Never a title with fewer of the words ahead of one with more.
      for (let i = 1; i < fits.length; i++) expect(fits[i]!, query).toBeLessThanOrEqual(fits[i - 1]!);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  /** The first hits of a query: their titles, BM25 scores and how their titles fit it. */
  const firstHits = (query: string, limit = 10) =>
    lib.library.search(query, { limit }).items.map((hit) => ({ title: hit.title.trim(), score: hit.score, fit: titleFit(hit.title, parseQuery(query)) }));

  it('finds a headline typed loosely before articles whose text only mentions its words more', () => {
    const hits = firstHits('العراق داعش سوريا');
    expect(hits[0]!.title).toBe('الشيباني.. من «قاعدة العراق» إلى «داعش سوريا»');
    // BM25 alone would put first an article whose title holds one of the words and whose text repeats them.
    const bestByBm25 = hits.reduce((best, hit) => (hit.score > best.score ? hit : best));
    expect(bestByBm25.title).toBe('كاميرون: على بريطانيا بذل المزيد لتدمير «داعش»');
    expect(bestByBm25.fit.groups).toBe(1);
  });

  it('puts a headline with the words spelled as typed before one that matches a word only by its stem', () => {
    const hits = firstHits('قطر متخصص علاج');
    expect(hits[0]!.title).toBe('مستشفى في قطر متخصص في علاج الصقور');
    // قطري (Qatari) shares the stem of قطر; BM25 scores that headline, shorter in words that say something, higher.
    const stemOnly = hits.find((hit) => hit.title === 'مستشفى قطري من 4 طوابق متخصص في علاج الصقور');
    expect(stemOnly?.fit).toMatchObject({ groups: 3, exact: 2 });
    expect(stemOnly!.score).toBeGreaterThan(hits[0]!.score);
  });

  it('puts a headline holding the words in the order typed before one holding them the other way round', () => {
    const hits = firstHits('اسرائيل ضد');
    expect(hits[0]!.title).toBe('«هيومن رايس ووتش» تتهم إسرائيل باستخدام القوة غير المبررة ضد الأطفال الفلسطينيين');
    // Shorter, the words closer together, but "ضد إسرائيل": not what the reader remembers.
    const reversed = hits.find((hit) => hit.title === 'يعالون يتهم تركيا بالتغطية على «نشاطات إرهابية» ضد إسرائيل');
    expect(reversed?.fit).toMatchObject({ groups: 2, exact: 2, inversions: 1 });
    expect(reversed!.fit.content).toBeLessThan(hits[0]!.fit.content);
  });

  it('puts first, of two headlines holding the words as typed, the one with fewer words that say something', () => {
    const near = temporaryLibrary('sahifa-near-');
    try {
      // The second holds the words closer together, but among more words the reader did not pick.
      const [fewer, more] = near.library.addArticles([
        { ...articles[0]!, url: null, title: 'كوبري الخرج يشهد حريقا بسبب تماس', text: 'اندلع حريق.' },
        { ...articles[1]!, url: null, title: 'كوبري الخرج بسبب تماس كهربائي يشهد حريقا كبيرا', text: 'اندلع حريق.' },
      ]).ids;
      expect(near.library.search('كوبري الخرج بسبب').items.map((hit) => hit.id)).toEqual([fewer, more]);
    } finally {
      near.dispose();
    }
  });

  it('pages through the reordered results without losing or repeating one', () => {
    // Two words, so the best 100 are reordered; every page up to the last crosses the window's edge.
    const query = 'المملكة السعودية';
    const all = lib.library.search(query, { limit: 1000 });
    expect(all.total).toBeGreaterThan(100);
    expect(all.items).toHaveLength(all.total);
    const paged: number[] = [];
    for (let offset = 0; offset < all.total; offset += 15) paged.push(...lib.library.search(query, { offset, limit: 15 }).items.map((h) => h.id));
    expect(paged).toEqual(all.items.map((h) => h.id));
    expect(new Set(paged).size).toBe(all.total);
  });
});
