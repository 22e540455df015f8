import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library, LibraryError, NotFoundError } from '../../../main/library/library';
import { SCHEMA_VERSION } from '../../../main/library/schema';
import type { NewArticle } from '../../../main/library/types';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;
let library: Library;

function article(fields: Partial<NewArticle> & { title: string; text: string }): NewArticle {
  return { byline: null, source: null, url: null, lang: 'ar', dir: 'rtl', published: null, html: null, origin: null, ...fields };
}

const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-lib-'));
  library = Library.open(path.join(dir, 'nested', 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the library file', () => {
  it('is created with its folders, in WAL mode, at the current schema version', () => {
    const db = new Database(library.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a library from a newer Sahifa and leaves it unchanged', () => {
    const file = path.join(dir, 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(() => Library.open(file)).toThrow(/newer version of Sahifa.*left unchanged/);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
  });

  it('refuses a file that is not a library, with a one-line reason', () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(100));
    expect(() => Library.open(file)).toThrow(LibraryError);
    expect(() => Library.open(file)).toThrow(/notes\.sqlite is not a Sahifa library/);
  });

  it('refuses another program’s SQLite database', () => {
    const file = path.join(dir, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(() => Library.open(file)).toThrow(/not a Sahifa library/);
  });
});

describe('articles', () => {
  it('lists newest first and pages through them with a total', () => {
    library.addArticles([
      article({ title: 'قديم', text: 'نص قديم', published: '2015-07-21T00:00:00.000Z' }),
      article({ title: 'جديد', text: 'نص جديد', published: '2015-08-11T00:00:00.000Z' }),
      article({ title: 'وسط', text: 'نص وسط', published: '2015-08-01T00:00:00.000Z' }),
    ]);
    const first = library.list({ limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((a) => a.title)).toEqual(['جديد', 'وسط']);
    expect(library.list({ offset: 2, limit: 2 }).items.map((a) => a.title)).toEqual(['قديم']);
  });

  it('keeps the text exactly as imported and reports a re-import as a duplicate', () => {
    const text = 'السطر الأول\n\nوالثاني،\tبمسافات  كما هي \n';
    const first = library.addArticles([article({ title: 'عنوان', text })]);
    expect(first).toMatchObject({ imported: 1, duplicates: 0 });
    expect(library.get(first.ids[0]!).text).toBe(text);
    expect(library.addArticles([article({ title: 'عنوان', text })])).toEqual({ imported: 0, duplicates: 1, ids: [] });
    expect(library.stats().articles).toBe(1);
  });

  it('treats the same text with other diacritics or hamza spellings as the same article', () => {
    library.addArticles([article({ title: 'مسؤول', text: 'قال المسؤول إن الكتاب جديد' })]);
    const again = library.addArticles([article({ title: 'مسئول', text: 'قالَ المسئولُ ان الكتابَ جديد' })]);
    expect(again.duplicates).toBe(1);
  });

  it('identifies articles by canonical URL when they have one', () => {
    library.addArticles([article({ title: 'أ', text: 'نص', url: 'https://www.example.com/news/1/?utm_source=x#top' })]);
    const again = library.addArticles([article({ title: 'ب', text: 'نص آخر', url: 'http://example.com/news/1' })]);
    expect(again.duplicates).toBe(1);
  });

  it('says which id is missing', () => {
    expect(() => library.get(42)).toThrow(NotFoundError);
    expect(() => library.get(42)).toThrow('there is no article 42 in the library');
    expect(() => library.setBookmarked(42, true)).toThrow(NotFoundError);
  });

  it('bookmarks and unbookmarks, and lists bookmarks on their own', () => {
    const { ids } = library.addArticles([article({ title: 'واحد', text: 'نص واحد' }), article({ title: 'اثنان', text: 'نص اثنين' })]);
    library.setBookmarked(ids[1]!, true);
    library.setBookmarked(ids[1]!, true);
    expect(library.stats()).toEqual({ articles: 2, bookmarks: 1 });
    expect(library.list({ bookmarked: true }).items.map((a) => a.title)).toEqual(['اثنان']);
    expect(library.get(ids[1]!).bookmarked).toBe(true);
    library.setBookmarked(ids[1]!, false);
    expect(library.list({ bookmarked: true }).total).toBe(0);
  });

  it('gives each article an excerpt that does not repeat its title', () => {
    const { ids } = library.addArticles([article({ title: 'عنوان الخبر', text: 'عنوان الخبر\nأول فقرة في الخبر.' })]);
    expect(library.list().items[0]!.excerpt).toBe('أول فقرة في الخبر.');
    expect(ids).toHaveLength(1);
  });
});

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
