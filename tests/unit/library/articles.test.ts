/** Articles (main/library/articles.ts): added once each, kept as imported, bookmarked. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library, NotFoundError } from '../../../main/library/library';
import { article } from './helpers';

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-articles-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
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
