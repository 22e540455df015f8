/** Articles and checks the library's tests share. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Library } from '../../../main/library/library';
import type { NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';

export function article(fields: Partial<NewArticle> & { title: string; text: string }): NewArticle {
  return { byline: null, source: null, url: null, lang: 'ar', dir: 'rtl', published: null, html: null, origin: null, ...fields };
}

/** Real news, with the corpus's newspaper as the source and its date as the publication date. */
export function sourcedNews(count: number): NewArticle[] {
  return newsArticles(count).map((a) =>
    article({ title: a.title.trim() || 'بلا عنوان', text: a.content, source: a.source, url: a.url, published: a.date_extracted.replace(' ', 'T') }),
  );
}

/**
 * Real news with a title and a text, from the `from`th on, dated in UTC. With `halfWithoutUrl`,
 * every other article has no URL, so half are identified by their URL and half by their text.
 */
export function datedNews(count: number, { from = 0, halfWithoutUrl = false } = {}): NewArticle[] {
  return newsArticles(from + count + 20)
    .filter((n) => n.content.trim() && n.title.trim())
    .slice(from, from + count)
    .map((n, i) => ({
      title: n.title,
      byline: n.author || null,
      source: n.source,
      url: halfWithoutUrl && i % 2 === 0 ? null : n.url,
      lang: 'ar',
      dir: 'rtl' as const,
      published: `${n.date_extracted.replace(' ', 'T')}.000Z`,
      text: n.content,
      html: null,
      origin: null,
    }));
}

/** A file's bytes, as a hash: equal hashes, the same file byte for byte. */
export const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A library of `count` real articles, every seventh bookmarked. */
export function filledLibrary(file: string, count = 200): Library {
  const library = Library.open(file);
  const { ids } = library.addArticles(datedNews(count, { halfWithoutUrl: true }));
  ids.filter((_, i) => i % 7 === 0).forEach((id) => library.setBookmarked(id, true));
  return library;
}

/** What a reader would call "the same library": titles, texts, bookmarks, dates. */
export function contents(library: Library) {
  return [...library.articles()]
    .map((a) => ({ title: a.title, text: a.text, bookmarked: a.bookmarked, published: a.published, source: a.source, url: a.url }))
    .sort((x, y) => (x.title + x.text < y.title + y.text ? -1 : 1));
}
