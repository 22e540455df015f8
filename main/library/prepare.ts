/**
 * What the library computes for an article before writing it: its identity, its excerpt and the
 * analyzed columns of the full-text index. Pure (no database), so an import can run it on a parse
 * thread and hand the library articles that only need writing (Library.addPrepared). Nothing here
 * may import better-sqlite3: parse threads load this module.
 */
import { analyzeText, type IndexedTerm } from '../text/analyze';
import { articleIdentity } from './identity';
import type { NewArticle } from './types';

/** title_surface, title_stem, body_surface, body_stem: the full-text index's columns, in order. */
export type IndexColumns = [string, string, string, string];

/** An article with everything its write needs but the import time, which the write decides. */
export interface PreparedArticle {
  article: NewArticle;
  identity: string;
  excerpt: string;
  index: IndexColumns;
}

const EXCERPT_CHARS = 220;

/**
 * A stem column: each word's stem, followed by the stems of its digit and letter runs when it
 * mixes them, so that 1436 finds 1436هـ. Only stems get the runs: surface columns keep one entry
 * per word, so phrases and the identity hash see the words as written.
 */
function stemColumn(terms: IndexedTerm[]): string {
  let column = '';
  for (const term of terms) {
    column += column === '' ? term.stem : ` ${term.stem}`;
    for (const part of term.partStems) column += ` ${part}`;
  }
  return column;
}

/** The analyzed columns the full-text index holds for a title and a text. */
export function indexColumns(title: string, text: string): { identitySurfaces: [string, string]; columns: IndexColumns } {
  const titleTerms = analyzeText(title);
  const bodyTerms = analyzeText(text);
  const titleSurface = titleTerms.map((t) => t.surface).join(' ');
  const bodySurface = bodyTerms.map((t) => t.surface).join(' ');
  return {
    identitySurfaces: [titleSurface, bodySurface],
    columns: [titleSurface, stemColumn(titleTerms), bodySurface, stemColumn(bodyTerms)],
  };
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

export function prepareArticle(article: NewArticle): PreparedArticle {
  const { identitySurfaces, columns } = indexColumns(article.title, article.text);
  return {
    article,
    identity: articleIdentity(article.url, ...identitySurfaces),
    excerpt: excerptOf(article.title, article.text),
    index: columns,
  };
}
