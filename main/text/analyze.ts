/**
 * Words → the terms the index stores: the normalized surface word (for exact, phrase and prefix
 * matches) and its Light-10 stem (for recall). Index, query and highlighting all go through here,
 * so they agree on what a word is.
 */
import { normalize } from './normalize';
import { stem } from './stem';
import { tokenize } from './tokenize';

export { isStopWord } from './stopwords';

export interface Term {
  surface: string;
  stem: string;
}

/** Anything left after normalization that is not a letter or digit (marks of other scripts, spaces from NFKC). */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const HAS_NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/u;

export function analyzeWord(word: string): Term | null {
  let surface = normalize(word);
  if (HAS_NOT_LETTER_OR_DIGIT.test(surface)) surface = surface.replace(NOT_LETTER_OR_DIGIT, '');
  if (surface === '') return null;
  return { surface, stem: stem(surface) };
}

export function analyzeText(text: string): Term[] {
  const terms: Term[] = [];
  for (const { start, end } of tokenize(text)) {
    const term = analyzeWord(text.slice(start, end));
    if (term) terms.push(term);
  }
  return terms;
}
