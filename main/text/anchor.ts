/**
 * Where a highlight sits, said in a way that survives changes to the text. Like the W3C Web
 * Annotation model, an anchor holds both a position (UTF-16 offsets into the text: its
 * TextPositionSelector) and a quote with some context before and after (its TextQuoteSelector).
 * While the text is unchanged the offsets are enough; when it changed, the quote is found again by
 * its spelling and its context, approximately if need be (Myers' bit-parallel matching from
 * approx-string-match, the library Hypothesis anchors with). A quote that cannot be found with
 * enough confidence is not placed: the caller keeps it and says so (an "orphaned" highlight).
 *
 * Matching compares the texts folded as search folds them (normalize.ts), unit by unit: diacritics,
 * tatweel and invisible controls vanish and letter variants meet, so that adding or removing
 * harakat, or writing أ for ا, does not lose a highlight. What is found is mapped back to the text
 * as written, so the quote keeps its diacritics.
 */
import approximateSearch from 'approx-string-match';
import { foldUnit } from './normalize';

/** UTF-16 units of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

export interface TextAnchor {
  /** [start, end) UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** The text between the offsets, as written (logical order, diacritics included). */
  quote: string;
  /** Up to CONTEXT_LENGTH units just before and just after the quote. */
  prefix: string;
  suffix: string;
}

/** Offsets that do not make a highlight: outside the text, reversed, or empty. */
export class AnchorRangeError extends RangeError {}

// A quote this long (folded) is placed by itself; a shorter one also needs its context to agree.
const SELF_EVIDENT_QUOTE = 20;
// At most a quarter of a quote may have changed for it to be found again.
const MAX_ERROR_RATE = 0.25;
// Of the context on one side, at least this much must still be there for a short quote.
const MIN_CONTEXT_SCORE = 0.75;
// Enough candidates to choose among; a quote found more often than this is a word, not a passage.
const MAX_CANDIDATES = 500;

const COMBINING = /\p{M}/u;
/** A unit that belongs to the letter before it: a combining mark or the second half of a surrogate pair. */
const belongsToPrevious = (text: string, at: number) => {
  const unit = text.charCodeAt(at);
  return (unit >= 0xdc00 && unit <= 0xdfff) || COMBINING.test(text[at]!);
};

/**
 * The anchor of [start, end) in `text`. The range is widened, never shrunk, so as not to cut a
 * letter from its diacritics or a surrogate pair in two: the stored quote is always whole letters.
 */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new AnchorRangeError(`the offsets ${start}–${end} are outside the text (0–${text.length})`);
  }
  if (start >= end) throw new AnchorRangeError(`the range ${start}–${end} is empty`);
  let from = start;
  let to = end;
  while (from > 0 && belongsToPrevious(text, from)) from--;
  while (to < text.length && belongsToPrevious(text, to)) to++;
  return {
    start: from,
    end: to,
    quote: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
    suffix: text.slice(to, to + CONTEXT_LENGTH),
  };
}

/** A text folded unit by unit, with where each folded unit came from in the original. */
interface Folded {
  text: string;
  origin: Int32Array;
}

function foldWithOrigin(text: string): Folded {
  const units: number[] = [];
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = foldUnit(text.charCodeAt(i));
    if (unit === -1) continue;
    origin[units.length] = i;
    units.push(unit);
  }
  let folded = '';
  for (let i = 0; i < units.length; i += 8192) folded += String.fromCharCode(...units.slice(i, i + 8192));
  return { text: folded, origin: origin.subarray(0, units.length) };
}

function fold(text: string): string {
  return foldWithOrigin(text).text;
}

/** The first folded index whose original index is at or after `offset`. */
function foldedIndexOf(folded: Folded, offset: number): number {
  let low = 0;
  let high = folded.origin.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (folded.origin[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** 1 when `pattern` is in `window` as it is, down to 0 when nothing of it is. */
function similarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.includes(pattern)) return 1;
  const matches = approximateSearch(window, pattern, pattern.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / pattern.length;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function candidatesFor(text: string, quote: string): Candidate[] {
  const exact: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && exact.length < MAX_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  if (exact.length > 0) return exact;
  const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return [];
  const seen = new Set<number>();
  const approximate: Candidate[] = [];
  for (const match of approximateSearch(text, quote, maxErrors)) {
    if (seen.has(match.start)) continue;
    seen.add(match.start);
    approximate.push(match);
    if (approximate.length >= MAX_CANDIDATES) break;
  }
  return approximate;
}

/**
 * Where the anchor's quote is in `text` now: the same offsets when the text there is unchanged,
 * else the best match of the quote weighed with its context and its distance from where it was;
 * null when no match is good enough (the highlight is orphaned).
 */
export function locate(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  const { start, end, quote, prefix, suffix } = anchor;
  if (
    text.slice(start, end) === quote &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  ) {
    return { start, end };
  }
  const folded = foldWithOrigin(text);
  const foldedQuote = fold(quote);
  if (foldedQuote.length === 0) return null;
  const foldedPrefix = fold(prefix);
  const foldedSuffix = fold(suffix);
  const hint = foldedIndexOf(folded, start);
  const isShort = foldedQuote.length < SELF_EVIDENT_QUOTE;

  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidatesFor(folded.text, foldedQuote)) {
    if (isShort && candidate.errors > 0) continue;
    const quoteScore = 1 - candidate.errors / foldedQuote.length;
    const prefixScore = similarity(folded.text.slice(Math.max(0, candidate.start - foldedPrefix.length - 4), candidate.start), foldedPrefix);
    const suffixScore = similarity(folded.text.slice(candidate.end, candidate.end + foldedSuffix.length + 4), foldedSuffix);
    if (isShort && Math.max(prefixScore, suffixScore) < MIN_CONTEXT_SCORE) continue;
    const positionScore = 1 - Math.abs(candidate.start - hint) / Math.max(1, folded.text.length);
    // Hypothesis's weights: the quote matters most, then its context, then where it used to be.
    const score = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore;
    if (best === null || score > best.score) best = { candidate, score };
  }
  if (best === null) return null;
  return originalRange(text, folded, best.candidate);
}

/** A folded match's range in the original text, with the diacritics of its last letter. */
function originalRange(text: string, folded: Folded, { start, end }: Candidate): { start: number; end: number } {
  const from = folded.origin[start]!;
  let to = folded.origin[end - 1]! + 1;
  while (to < text.length && belongsToPrevious(text, to)) to++;
  return { start: from, end: to };
}

/** The anchor as it is in `text` now, its quote and context refreshed; null when it is orphaned. */
export function reanchor(text: string, anchor: TextAnchor): TextAnchor | null {
  const place = locate(text, anchor);
  return place === null ? null : anchorAt(text, place.start, place.end);
}
