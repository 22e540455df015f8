/**
 * Queries for the known-item measurement (bench/known-item.ts): a few words of a headline (three
 * unless asked otherwise), typed the way a reader types what they remember.
 */
import { analyzeWord, isStopWord } from '../main/text/analyze';
import { tokenize } from '../main/text/tokenize';
import { sample } from './corpora';

/** How a reader types a word they remember: no hamza seat, ه for ة, ي for ى, no marks. */
export function typeLoosely(word: string): string {
  return word
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

/** A headline's distinct words that are not function words, as written, in headline order. */
export function headlineWords(title: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const { start, end } of tokenize(title)) {
    const word = title.slice(start, end);
    const term = analyzeWord(word);
    if (!term || term.surface.length < 2 || isStopWord(term.surface) || seen.has(term.surface)) continue;
    seen.add(term.surface);
    words.push(word);
  }
  return words;
}

/** `count` distinct headline words that are not function words, in headline order; null if too few. */
export function knownItemQuery(title: string, random: () => number, count = 3): string | null {
  const words = headlineWords(title);
  if (words.length < count) return null;
  const picked = sample(
    words.map((_, i) => i),
    count,
    random,
  ).sort((a, b) => a - b);
  return picked.map((i) => typeLoosely(words[i]!)).join(' ');
}
