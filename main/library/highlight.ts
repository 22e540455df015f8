/**
 * Where a query matches in an article's ORIGINAL text, by re-tokenizing it with offsets and
 * comparing analyzed forms, so the reader sees the matched words exactly as written.
 */
import { analyzeParts, analyzeWord, type AnalyzedPart, type Term } from '../text/analyze';
import { tokenize, type Token } from '../text/tokenize';
import type { Range } from '../../common';
import type { ParsedQuery, QueryTerm } from './query';

/** A word of the text as the index sees it: its term, and the runs of a word mixing digits and letters. */
export interface Analyzed {
  term: Term | null;
  parts: AnalyzedPart[];
}

// News repeats its words: analyzing each distinct spelling once cuts highlighting by a quarter.
const analyzed = new Map<string, Analyzed>();
const CACHE_LIMIT = 100_000;

export function analyzeCached(word: string): Analyzed {
  let entry = analyzed.get(word);
  if (entry === undefined) {
    if (analyzed.size >= CACHE_LIMIT) analyzed.clear();
    entry = { term: analyzeWord(word), parts: analyzeParts(word) };
    analyzed.set(word, entry);
  }
  return entry;
}

function positiveTerms(query: ParsedQuery): QueryTerm[] {
  return query.groups.flat();
}

/** How many words of `words` from `at` on the term matches (a phrase covers several), 0 for none. */
export function matchLength(term: QueryTerm, words: Analyzed[], at: number): number {
  const here = words[at]!.term;
  if (!here) return 0;
  switch (term.kind) {
    case 'word':
      return here.surface === term.term.surface || here.stem === term.term.stem ? 1 : 0;
    case 'prefix':
      return here.surface.startsWith(term.surface) ? 1 : 0;
    case 'phrase':
      for (let k = 0; k < term.terms.length; k++) {
        if (words[at + k]?.term?.surface !== term.terms[k]!.surface) return 0;
      }
      return term.terms.length;
  }
}

/** `tokens` are the text's own, when the caller has them already (a snippet needs them too). */
export function findMatches(text: string, query: ParsedQuery, tokens: Token[] = tokenize(text)): Range[] {
  const wanted = positiveTerms(query);
  if (wanted.length === 0 || text.length === 0) return [];
  // A word of the query also finds the digit or letter run of a mixed word (1436 in 1436هـ): the
  // index holds the runs' stems, and the highlight marks the run alone.
  const wantedStems = new Set(wanted.flatMap((term) => (term.kind === 'word' ? [term.term.stem] : [])));
  const words = tokens.map((token) => analyzeCached(text.slice(token.start, token.end)));
  const ranges: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let longest = 0;
    for (const term of wanted) longest = Math.max(longest, matchLength(term, words, i));
    if (longest === 0) {
      for (const part of words[i]!.parts) {
        if (wantedStems.has(part.stem)) ranges.push([tokens[i]!.start + part.start, tokens[i]!.start + part.end]);
      }
      continue;
    }
    // Each word of a phrase is marked on its own, so a phrase across a line break still reads right.
    for (let k = i; k < i + longest; k++) ranges.push([tokens[k]!.start, tokens[k]!.end]);
    i += longest - 1;
  }
  return ranges;
}
