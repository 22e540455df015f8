/**
 * What the library computes for an article before writing it: its identity, its excerpt and the
 * analyzed columns of the full-text index. Pure (no database), so an import can run it on a parse
 * thread and hand the library articles that only need writing (Library.addPrepared). Nothing here
 * may import better-sqlite3: parse threads load this module.
 */
import { analyzeParts, analyzeText, forEachTerm } from '../text/analyze';
import { articleIdentity } from './identity';
import { indexedStems } from './index-terms';
import { encodeStored, type StoredValue } from './stored-text';
import type { NewArticle } from '../../common';

/** title_surface, title_stem, body_surface, body_stem: the full-text index's columns, in order. */
export type IndexColumns = [string, string, string, string];

/** An article with everything its write needs but the import time, which the write decides. */
export interface PreparedArticle {
  article: NewArticle;
  identity: string;
  excerpt: string;
  index: IndexColumns;
  /** The article's text, HTML and Markdown source as the library stores them (stored-text.ts). */
  stored: StoredColumns;
}

export interface StoredColumns {
  text: StoredValue;
  html: StoredValue | null;
  markdown: StoredValue | null;
}

const EXCERPT_CHARS = 220;

/**
 * A text's analyzed surface words and their stems, each joined by spaces: a pair of index columns
 * (stems marked as such, index-terms.ts).
 * A word that mixes digits and letters is followed in the stem column by the stems of its digit
 * and letter runs, so that 1436 finds 1436هـ. Only stems get the runs: surface columns keep one
 * entry per word, so phrases and the identity hash see the words as written.
 *
 * The same words as analyzeText, built straight into the columns: no term objects on the way,
 * which took an eighth of the time (an import analyses every word of every article).
 */
export function analyzedColumns(text: string): [surface: string, stem: string] {
  const surfaces: string[] = [];
  const stems: string[] = [];
  forEachTerm(text, (term, word) => {
    surfaces.push(term.surface);
    stems.push(term.stem);
    for (const part of analyzeParts(word)) stems.push(part.stem);
  });
  return [surfaces.join(' '), indexedStems(stems)];
}

/** The analyzed columns the full-text index holds for a title and a text. */
export function indexColumns(title: string, text: string): { identitySurfaces: [string, string]; columns: IndexColumns } {
  const [titleSurface, titleStem] = analyzedColumns(title);
  const [bodySurface, bodyStem] = analyzedColumns(text);
  return { identitySurfaces: [titleSurface, bodySurface], columns: [titleSurface, titleStem, bodySurface, bodyStem] };
}

/** The first paragraph that says something the title does not, cut at a word boundary. */
export function excerptOf(title: string, text: string): string {
  const paragraph =
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0 && line !== title.trim() && !title.startsWith(line.replace(/…$/, ''))) ?? '';
  if (paragraph.length <= EXCERPT_CHARS) return paragraph;
  const cut = paragraph.lastIndexOf(' ', EXCERPT_CHARS);
  return `${paragraph.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}

/**
 * A Markdown article is identified by its source, as it was before its text was the rendered one:
 * importing the same file again is a duplicate, in libraries from before that change too.
 */
function identitySurfaces(article: NewArticle, surfaces: [string, string]): [string, string] {
  if (article.markdown == null) return surfaces;
  return [surfaces[0], analyzeText(article.markdown).map((t) => t.surface).join(' ')];
}

/**
 * The identity alone, for finding an article the library may have: the analysis it needs, without
 * the excerpt and the compression prepareArticle adds.
 */
export function identityOf(article: NewArticle): string {
  return articleIdentity(article.url, ...identitySurfaces(article, indexColumns(article.title, article.text).identitySurfaces));
}

export function prepareArticle(article: NewArticle): PreparedArticle {
  const { identitySurfaces: surfaces, columns } = indexColumns(article.title, article.text);
  return {
    article,
    identity: articleIdentity(article.url, ...identitySurfaces(article, surfaces)),
    excerpt: excerptOf(article.title, article.text),
    index: columns,
    // Compressed here, on the parse thread of an import, rather than in the writer's transaction.
    stored: { text: encodeStored(article.text), html: encodeStored(article.html), markdown: encodeStored(article.markdown ?? null) },
  };
}
