/**
 * Search-result snippets: a window of about `words` words of the ORIGINAL text around the densest
 * cluster of matched words, with the matches as ranges inside the snippet.
 */
import type { Range } from '../../common';
import { tokenize, type Token } from './tokenize';

const ELLIPSIS_BEFORE = '… ';
const ELLIPSIS_AFTER = ' …';
/** Whitespace runs that hold a line break become one space, so a snippet reads as one line. */
const LINE_BREAK_RUN = /\s*[\n\r\u2028\u2029]\s*/g;

export interface Snippet {
  snippet: string;
  highlights: Range[];
}

/** Which tokens hold at least one match; matches are sorted by start. */
function matchedTokens(tokens: Token[], matches: Range[]): Uint8Array {
  const hit = new Uint8Array(tokens.length);
  let t = 0;
  for (const [start, end] of matches) {
    while (t < tokens.length && tokens[t]!.end <= start) t++;
    if (t < tokens.length && tokens[t]!.start < end) hit[t] = 1;
  }
  return hit;
}

/** First token of the window of `size` tokens that holds the most matched tokens, its cluster centred. */
function bestWindowStart(hit: Uint8Array, size: number): number {
  const n = hit.length;
  if (n <= size) return 0;
  let count = 0;
  for (let i = 0; i < size; i++) count += hit[i]!;
  let best = count;
  let bestStart = 0;
  for (let s = 1; s + size <= n; s++) {
    count += hit[s + size - 1]! - hit[s - 1]!;
    if (count > best) {
      best = count;
      bestStart = s;
    }
  }
  if (best === 0) return 0;
  // The earliest densest window usually ends on its cluster; centre the cluster instead. The
  // shifted window still holds the whole cluster, so it holds at least as many matches.
  let first = bestStart;
  while (hit[first] === 0) first++;
  let last = bestStart + size - 1;
  while (hit[last] === 0) last--;
  const slack = size - (last - first + 1);
  const start = Math.max(0, first - Math.floor(slack / 2));
  return Math.min(start, n - size);
}

/** `tokens` are the text's own, when the caller has them already (finding the matches needs them too). */
export function makeSnippet(text: string, matches: Range[], options: { words?: number; tokens?: Token[] } = {}): Snippet {
  const size = Math.max(1, Math.floor(options.words ?? 30));
  const tokens = options.tokens ?? tokenize(text);
  const sorted = [...matches].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (tokens.length === 0) return { snippet: text.replace(LINE_BREAK_RUN, ' ').trim(), highlights: [] };

  const first = bestWindowStart(matchedTokens(tokens, sorted), size);
  const last = Math.min(tokens.length, first + size) - 1;
  const cutBefore = first > 0;
  const cutAfter = last < tokens.length - 1;
  // An uncut side keeps the text's own edge (leading quote, final full stop), minus whitespace.
  let from = cutBefore ? tokens[first]!.start : 0;
  let to = cutAfter ? tokens[last]!.end : text.length;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;

  // Collapse line breaks, remembering how many units were removed before each kept position.
  const removedAt: { at: number; removedSoFar: number }[] = [];
  let body = '';
  let copied = from;
  let removed = 0;
  const raw = text.slice(from, to);
  for (const m of raw.matchAll(LINE_BREAK_RUN)) {
    const at = from + m.index;
    body += text.slice(copied, at) + ' ';
    removed += m[0].length - 1;
    copied = at + m[0].length;
    removedAt.push({ at: copied, removedSoFar: removed });
  }
  body += text.slice(copied, to);

  const prefix = cutBefore ? ELLIPSIS_BEFORE : '';
  const snippet = prefix + body + (cutAfter ? ELLIPSIS_AFTER : '');

  // Units removed before pos: binary search for the last collapsed run that ends at or before pos.
  const toSnippet = (pos: number): number => {
    let lo = 0;
    let hi = removedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (removedAt[mid]!.at <= pos) lo = mid + 1;
      else hi = mid;
    }
    return prefix.length + pos - from - (lo === 0 ? 0 : removedAt[lo - 1]!.removedSoFar);
  };
  const highlights: Range[] = [];
  for (const [start, end] of sorted) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s < e) highlights.push([toSnippet(s), toSnippet(e)]);
  }
  return { snippet, highlights };
}
