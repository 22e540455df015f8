/**
 * Words → the terms the index stores: the normalized surface word (for exact, phrase and prefix
 * matches) and its Light-10 stem (for recall), plus, for a word that mixes digits and letters
 * (1436هـ), the stems of its digit and letter runs. Index, query and highlighting all go through
 * here, so they agree on what a word is.
 */
import { normalize } from './normalize';
import { stem } from './stem';
import { forEachWord, wordParts, type Token } from './tokenize';

export { isStopWord } from './stopwords';

export interface Term {
  surface: string;
  stem: string;
}

/** An analyzed word as the index holds it: its term, and the stems of its parts (usually none). */
export interface IndexedTerm extends Term {
  partStems: string[];
}

/** One digit or letter run of a mixed word: [start, end) inside the word, and its stem. */
export interface AnalyzedPart extends Token {
  stem: string;
}

/** Anything left after normalization that is not a letter or digit (marks of other scripts, spaces from NFKC). */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const HAS_NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/u;

/**
 * True when every unit is an ASCII letter or digit or a basic Arabic letter (U+0621–U+064A): the
 * words of almost every article, which then skip the Unicode-class expression (a twentieth of an
 * import's analysis). Anything else is left to the expression.
 */
function isPlainLettersOrDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x621 && c <= 0x64a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    return false;
  }
  return true;
}

export function analyzeWord(word: string): Term | null {
  let surface = normalize(word);
  if (!isPlainLettersOrDigits(surface) && HAS_NOT_LETTER_OR_DIGIT.test(surface)) surface = surface.replace(NOT_LETTER_OR_DIGIT, '');
  if (surface === '') return null;
  return { surface, stem: stem(surface) };
}

/** The digit and letter runs of a word that mixes them (1436هـ → 1436 and ه), else none. */
export function analyzeParts(word: string): AnalyzedPart[] {
  const runs = wordParts(word, { start: 0, end: word.length });
  if (runs.length === 0) return [];
  const parts: AnalyzedPart[] = [];
  for (const part of runs) {
    const term = analyzeWord(word.slice(part.start, part.end));
    if (term) parts.push({ start: part.start, end: part.end, stem: term.stem });
  }
  return parts;
}

/** Each word of the text that has a term, in order, with the word as written (for its parts). */
export function forEachTerm(text: string, visit: (term: Term, word: string) => void): void {
  forEachWord(text, (start, end) => {
    const word = text.slice(start, end);
    const term = analyzeWord(word);
    if (term) visit(term, word);
  });
}

export function analyzeText(text: string): IndexedTerm[] {
  const terms: IndexedTerm[] = [];
  forEachTerm(text, (term, word) => terms.push({ surface: term.surface, stem: term.stem, partStems: analyzeParts(word).map((part) => part.stem) }));
  return terms;
}
