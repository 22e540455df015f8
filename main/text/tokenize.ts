/**
 * Word tokenizer with offsets into the ORIGINAL text, so highlights and snippets show the words
 * exactly as written (harakat, tatweel and all). A word is a maximal run of letters, digits and
 * combining marks; tatweel, ZWJ/ZWNJ, soft hyphen and bidi controls may sit inside a word (they
 * never split it) but never begin or end one.
 *
 * A word that mixes digits and letters (1436هـ, 2015م, و3) is one word, and it also has parts: its
 * runs of digits and of letters (wordParts), which the index holds beside it so that 1436 finds
 * 1436هـ.
 */

/** [start, end) UTF-16 offsets of a word in the original text. */
export interface Token {
  start: number;
  end: number;
}

const SEPARATOR = 0;
const WORD = 1; // may begin, continue and end a word
const JOINER = 2; // may only continue a word

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const JOINERS = '\u0640\u200c\u200d\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';

const LETTER_RUN = 1;
const DIGIT_RUN = 2;

/**
 * Every BMP code unit once, surrogates as spaces: the tables below are filled by matching Unicode
 * classes over it, a few milliseconds where testing each unit alone took tens. They are built at
 * the first word tokenized, so a command that never tokenizes (`sahifa stats`) never pays.
 */
function bmpTable(classes: [RegExp, number][]): Uint8Array {
  const chunks: string[] = [];
  const units = new Uint16Array(0x1000);
  for (let from = 0; from < 0x10000; from += 0x1000) {
    for (let k = 0; k < 0x1000; k++) units[k] = from + k >= 0xd800 && from + k <= 0xdfff ? 0x20 : from + k;
    chunks.push(String.fromCharCode(...units));
  }
  const bmp = chunks.join('');
  const table = new Uint8Array(0x10000);
  for (const [pattern, value] of classes) for (const m of bmp.matchAll(pattern)) table.fill(value, m.index, m.index + m[0].length);
  return table;
}

/** Class of every BMP code unit; surrogate pairs are classified on the fly (rare: emoji, CJK ext.). */
let CLASS: Uint8Array;
/** Which kind of run each BMP unit starts or continues: letters, decimal digits, or neither (marks, joiners). */
let RUN_KIND: Uint8Array;
let tablesBuilt = false;

function buildTables(): void {
  CLASS = bmpTable([[/[\p{L}\p{N}\p{M}]+/gu, WORD]]);
  for (const ch of JOINERS) CLASS[ch.charCodeAt(0)] = JOINER;
  RUN_KIND = bmpTable([
    [/\p{L}+/gu, LETTER_RUN],
    [/\p{Nd}+/gu, DIGIT_RUN],
  ]);
  // Tatweel is a letter to Unicode (Lm), but to a reader it only stretches one.
  for (const ch of JOINERS) RUN_KIND[ch.charCodeAt(0)] = 0;
  tablesBuilt = true;
}

/** Class and length in UTF-16 units of the code point at i. */
function classAt(text: string, i: number): { cls: number; size: number } {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return { cls: CLASS[unit]!, size: 1 };
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return { cls: SEPARATOR, size: 1 }; // lone high surrogate
  return { cls: WORD_CHAR.test(String.fromCodePoint(cp)) ? WORD : SEPARATOR, size: 2 };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (start, end) => tokens.push({ start, end }));
  return tokens;
}

/** Each word's [start, end) in order, as tokenize finds them, without an object per word (an import's hot path). */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  if (!tablesBuilt) buildTables();
  let start = -1; // start of the current word, -1 between words
  let end = -1; // end of its last WORD unit, so trailing joiners are left out
  let i = 0;
  const n = text.length;
  while (i < n) {
    const unit = text.charCodeAt(i);
    let cls: number;
    let size = 1;
    if (unit < 0xd800 || unit > 0xdbff) {
      cls = CLASS[unit]!;
    } else {
      ({ cls, size } = classAt(text, i));
    }
    if (cls === WORD) {
      if (start < 0) start = i;
      end = i + size;
    } else if (cls === SEPARATOR && start >= 0) {
      visit(start, end);
      start = -1;
    }
    // A joiner outside a word is skipped; inside one it is kept only if a WORD unit follows.
    i += size;
  }
  if (start >= 0) visit(start, end);
}

function runKindAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return RUN_KIND[unit]!;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return /^\p{Nd}$/u.test(ch) ? DIGIT_RUN : /^\p{L}$/u.test(ch) ? LETTER_RUN : 0;
}

/**
 * The digit runs and letter runs of the word at `token` (1436هـ → 1436, هـ), as offsets into the
 * same text, when the word holds both digits and letters; otherwise none. Marks and joiners belong
 * to the run before them.
 */
export function wordParts(text: string, token: Token): Token[] {
  if (!tablesBuilt) buildTables();
  let kinds = 0;
  for (let i = token.start; i < token.end; i++) {
    const unit = text.charCodeAt(i);
    kinds |= unit < 0xd800 || unit > 0xdbff ? RUN_KIND[unit]! : runKindAt(text, i);
  }
  if (kinds !== (LETTER_RUN | DIGIT_RUN)) return [];
  const parts: Token[] = [];
  let start = token.start;
  let end = token.start;
  let kind = 0;
  for (let i = token.start; i < token.end; ) {
    const unit = text.charCodeAt(i);
    const size = unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
    const here = runKindAt(text, i);
    if (here !== 0 && kind !== 0 && here !== kind) {
      parts.push({ start, end });
      start = i;
    }
    if (here !== 0) kind = here;
    // Marks end a run where they stand; joiners only continue one, as in tokenize.
    if (here !== 0 || (size === 1 && CLASS[unit] === WORD)) end = i + size;
    i += size;
  }
  parts.push({ start, end });
  return parts;
}
