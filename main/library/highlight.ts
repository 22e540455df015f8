/**
 * Where a query matches in an article's ORIGINAL text, by re-tokenizing it with offsets and
 * comparing analyzed forms, so the reader sees the matched words exactly as written.
 */
import { analyzeWord, type Term } from '../text/analyze';
import { tokenize, type Token } from '../text/tokenize';
import type { Range } from '../../common';
import type { ParsedQuery, QueryTerm } from './query';

// News repeats its words: analyzing each distinct spelling once cuts highlighting by a quarter.
const analyzed = new Map<string, Term | null>();
const CACHE_LIMIT = 100_000;

function analyzeCached(word: string): Term | null {
  let term = analyzed.get(word);
  if (term === undefined) {
    if (analyzed.size >= CACHE_LIMIT) analyzed.clear();
    term = analyzeWord(word);
    analyzed.set(word, term);
  }
  return term;
}

function positiveTerms(query: ParsedQuery): QueryTerm[] {
  return query.groups.flat();
}

function matchLength(term: QueryTerm, terms: (Term | null)[], at: number): number {
  const here = terms[at];
  if (!here) return 0;
  switch (term.kind) {
    case 'word':
      return here.surface === term.term.surface || here.stem === term.term.stem ? 1 : 0;
    case 'prefix':
      return here.surface.startsWith(term.surface) ? 1 : 0;
    case 'phrase':
      for (let k = 0; k < term.terms.length; k++) {
        if (terms[at + k]?.surface !== term.terms[k]!.surface) return 0;
      }
      return term.terms.length;
  }
}

/** `tokens` are the text's own, when the caller has them already (a snippet needs them too). */
export function findMatches(text: string, query: ParsedQuery, tokens: Token[] = tokenize(text)): Range[] {
  const wanted = positiveTerms(query);
  if (wanted.length === 0 || text.length === 0) return [];
  const terms = tokens.map((token) => analyzeCached(text.slice(token.start, token.end)));
  const ranges: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let longest = 0;
    for (const term of wanted) longest = Math.max(longest, matchLength(term, terms, i));
    if (longest === 0) continue;
    // Each word of a phrase is marked on its own, so a phrase across a line break still reads right.
    for (let k = i; k < i + longest; k++) ranges.push([tokens[k]!.start, tokens[k]!.end]);
    i += longest - 1;
  }
  return ranges;
}
