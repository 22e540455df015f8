/**
 * Known-item ranking: a reader who remembers a headline types some of its words, and the article
 * whose title holds them should come before articles that merely mention them in their text.
 * BM25 weighs titles more but still lets a long body full of the words win; so, for a query of two
 * words or more, the best RERANK_WINDOW rows by BM25 are reordered by how their titles fit it:
 *   1. how many of the query's words (its AND groups) the title holds, most first;
 *   2. how many of those it holds in the spelling typed (surface, not only the stem);
 *   3. how few pairs of them it holds in the other order than typed: a reader types the words
 *      they remember in the order they read them;
 *   4. how few words the title has that say something (not function words, each counted once): a
 *      reader who remembers three words of a headline is likelier to have picked these three from
 *      a headline of six such words than from one of twelve (1 in 20 against 1 in 220), so of two
 *      near-identical headlines (the same story in two papers) the shorter is the better guess;
 *   5. how close together they stand in the title;
 *   6. how short the title is, in all its words;
 * and BM25's order (newest first on ties) within equal fits. Rows beyond the window keep BM25's
 * order, so every match stays reachable once, and pages agree with each other.
 */
import { isStopWord } from '../text/analyze';
import { tokenize } from '../text/tokenize';
import { analyzeCached, matchLength, type Analyzed } from './highlight';
import type { ParsedQuery } from './query';
import type { Ranked } from './rank';

/** How many of the best rows by BM25 are reordered. */
export const RERANK_WINDOW = 100;

/**
 * How many rows the search must rank for this query to be reordered: none for a single word,
 * where BM25's title weight already puts the titles holding it first, and where there are no
 * words to stand together.
 */
export function rerankWindow(query: ParsedQuery): number {
  return query.groups.length >= 2 ? RERANK_WINDOW : 0;
}

export interface TitleFit {
  /** Query groups found in the title. */
  groups: number;
  /** Of those, found with the surface spelling of the query (not only the stem). */
  exact: number;
  /** Pairs of found groups that the title holds in the other order than the query's. */
  inversions: number;
  /** Words from the first to the last found group's word in the title; 0 when none is found. */
  span: number;
  /** Words in the title. */
  words: number;
  /** Distinct words in the title of two letters or more that are not function words. */
  content: number;
}

export function titleFit(title: string, query: ParsedQuery): TitleFit {
  const tokens = tokenize(title);
  const words = tokens.map((t) => analyzeCached(title.slice(t.start, t.end)));
  let groups = 0;
  let exact = 0;
  let first = Infinity;
  let last = -Infinity;
  let inversions = 0;
  const positions: number[] = [];
  for (const group of query.groups) {
    let at = -1;
    let exactAt = -1;
    for (let i = 0; i < words.length && exactAt < 0; i++) {
      for (const term of group) {
        if (matchLength(term, words, i) > 0) {
          if (at < 0) at = i;
          if (term.kind !== 'word' || words[i]!.term?.surface === term.term.surface) exactAt = i;
        } else if (term.kind === 'word' && at < 0 && words[i]!.parts.some((part) => part.stem === term.term.stem)) {
          at = i;
        }
      }
    }
    if (at < 0) continue;
    groups++;
    if (exactAt >= 0) exact++;
    const position = exactAt >= 0 ? exactAt : at;
    first = Math.min(first, position);
    last = Math.max(last, position);
    for (const earlier of positions) if (earlier > position) inversions++;
    positions.push(position);
  }
  return { groups, exact, inversions, span: groups === 0 ? 0 : last - first + 1, words: tokens.length, content: contentWords(words) };
}

function contentWords(words: Analyzed[]): number {
  const seen = new Set<string>();
  for (const { term } of words) if (term && term.surface.length >= 2 && !isStopWord(term.surface)) seen.add(term.surface);
  return seen.size;
}

/** Better fit first: more groups, more exact spellings, fewer words out of order, fewer content words, a tighter span, a shorter title. */
function compareFits(a: TitleFit, b: TitleFit): number {
  return b.groups - a.groups || b.exact - a.exact || a.inversions - b.inversions || a.content - b.content || a.span - b.span || a.words - b.words;
}

/**
 * `ranked` in BM25 order (ties already broken); the first RERANK_WINDOW reordered by title fit,
 * stable, so BM25's order stands within equal fits.
 */
export function titlesFirst(ranked: Ranked[], query: ParsedQuery, titleOf: (ids: number[]) => Map<number, string>): Ranked[] {
  const size = rerankWindow(query);
  if (ranked.length < 2 || size === 0) return ranked;
  const window = ranked.slice(0, size);
  const titles = titleOf(window.map((r) => r.id));
  const fits = new Map(window.map((r) => [r.id, titleFit(titles.get(r.id) ?? '', query)]));
  window.sort((a, b) => compareFits(fits.get(a.id)!, fits.get(b.id)!));
  return ranked.length <= size ? window : [...window, ...ranked.slice(size)];
}
