/**
 * Arabic text that was UTF-8 once and was read with a single-byte encoding before it reached us:
 * `وزارة الصحة` as `ظˆط²ط§ط±ط© ط§ظ„طµط­ط©` (read as windows-1256) or as `ÙˆØ²Ø§Ø±Ø©` (read as
 * windows-1252 / Latin-1). Writing such text back with the encoding it was misread as gives the
 * original UTF-8 bytes, the way ftfy repairs Latin text.
 *
 * Real Arabic must never be "repaired", and windows-1256 makes that a real risk: its lead bytes are
 * Arabic letters (ط ظ ع غ, and ا ب ت … as well), so a letter followed by `،` or `»` already has the
 * shape of a UTF-8 sequence. A stretch of text is repaired only when the evidence is unambiguous:
 *  - it is made of nothing but such sequences and ASCII between them;
 *  - as it stands it holds characters ordinary Arabic text does not (`ˆ`, `§`, `²`, `پ` after `ط`,
 *    `Ø`…), while the repaired text has Arabic letters and nothing but characters ordinary text
 *    does (bar one in ten of the odd characters it had: an emoji in a long garbled stretch);
 *  - and the whole text has at least two repaired sequences, so a lone accident proves nothing.
 * bench/mojibake-eval.ts measures both sides on the news corpus and Tashkeela.
 */

export type Misreading = 'windows-1256' | 'windows-1252';

export interface MojibakeRepair {
  text: string;
  /** The encodings the text had been misread as, in the order they were undone. */
  misreadAs: Misreading[];
  /** How many stretches of text were restored. */
  stretches: number;
}

/**
 * windows-1252's 0x80–0x9F. Written out because Node's TextDecoder('windows-1252') decodes these
 * bytes as Latin-1 (C1 controls), unlike browsers; the five bytes windows-1252 leaves unassigned
 * decode to their C1 control in browsers too.
 */
export const WINDOWS_1252_HIGH_CONTROLS = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;

/** C1 controls (U+0080–U+009F) as the windows-1252 characters their byte stands for. */
export function windows1252HighBytes(text: string): string {
  if (!C1.test(text)) return text;
  return text.replace(C1_ALL, (c) => WINDOWS_1252_HIGH_CONTROLS[c.charCodeAt(0) - 0x80] ?? c);
}

// A UTF-8 lead byte and its continuation bytes, each read as one ISO-8859-1 character.
const LATIN1_UTF8 = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;

/**
 * C1 controls never belong in text, whatever its language, and two accidents leave them there
 * (feedparser's conformance files test both): UTF-8 read as ISO-8859-1 and encoded again ("…" as
 * "&#226;&#128;&#166;"), which reads right once its characters are taken back as bytes — only
 * sequences holding a C1 control, since "Ã©" may be a Latin text's own letters; and windows-1252
 * punctuation labelled ISO-8859-1 ("don\u0092t"). Null when there is none.
 */
export function repairC1(text: string): string | null {
  if (!C1.test(text)) return null;
  const redecoded = text.replace(LATIN1_UTF8, (sequence) => {
    if (!C1.test(sequence)) return sequence;
    try {
      return utf8.decode(Uint8Array.from(sequence, (c) => c.charCodeAt(0)));
    } catch {
      return sequence;
    }
  });
  return windows1252HighBytes(redecoded);
}

/** Each character a misreading gives for the bytes 0x80–0xFF → that byte. */
function byteTable(misreading: Misreading): Map<string, number> {
  const table = new Map<string, number>();
  const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
  if (misreading === 'windows-1256') {
    Array.from(new TextDecoder('windows-1256').decode(high)).forEach((c, i) => table.set(c, 0x80 + i));
  } else {
    // Text read as ISO-8859-1 keeps C1 controls where windows-1252 has punctuation: both stand for the byte.
    for (let b = 0x80; b <= 0xff; b++) table.set(String.fromCharCode(b), b);
    Array.from(WINDOWS_1252_HIGH_CONTROLS).forEach((c, i) => table.set(c, 0x80 + i));
  }
  return table;
}

function characterClass(table: Map<string, number>, from: number, to: number): string {
  const chars = [...table].filter(([, b]) => b >= from && b <= to).map(([c]) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return `[${chars.join('')}]`;
}

interface Reading {
  misreading: Misreading;
  bytes: Map<string, number>;
  /** The characters of the table that ordinary Arabic text is not written with: no repair without one. */
  unusual: Set<number>;
  /** One UTF-8 sequence as the misreading shows it. */
  sequence: RegExp;
  /** Sequences with only ASCII between them. */
  stretch: RegExp;
}

function reading(misreading: Misreading): Reading {
  const bytes = byteTable(misreading);
  const tail = characterClass(bytes, 0x80, 0xbf);
  const sequence = `(?:${characterClass(bytes, 0xc2, 0xdf)}${tail}|${characterClass(bytes, 0xe0, 0xef)}${tail}{2}|${characterClass(bytes, 0xf0, 0xf4)}${tail}{3})`;
  return {
    misreading,
    bytes,
    unusual: new Set([...bytes.keys()].map((c) => c.charCodeAt(0)).filter((code) => !within(ORDINARY, code))),
    sequence: new RegExp(sequence, 'gu'),
    stretch: new RegExp(`${sequence}(?:[\\0-\\x7f]*${sequence})*`, 'gu'),
  };
}

/** Text garbled twice over (misread, stored, misread again) takes one pass per misreading. */
const MAX_PASSES = 3;

type Ranges = readonly (readonly [number, number])[];

/**
 * What ordinary Arabic text is written with: ASCII, the Arabic letters, marks, digits and
 * punctuation, « », no-break space and general punctuation (dashes, quotes, direction marks).
 */
const ORDINARY: Ranges = [
  [0, 0x7f], [0xa0, 0xa0], [0xab, 0xab], [0xbb, 0xbb], [0x60c, 0x60c], [0x61b, 0x61b], [0x61f, 0x61f],
  [0x621, 0x63a], [0x640, 0x65f], [0x660, 0x66d], [0x670, 0x670], [0x2000, 0x206f],
];
/**
 * What a repaired stretch may hold: the above, the letters of Persian and Urdu, Arabic presentation
 * forms (old PDFs and Word documents are full of them), and Latin-1's punctuation and letters (UTF-8
 * «, » and no-break space are themselves two-byte sequences).
 */
const REPAIRED: Ranges = [...ORDINARY, [0xa0, 0xff], [0x670, 0x6d3], [0x6f0, 0x6f9], [0xfb50, 0xfdff], [0xfe70, 0xfefe]];
const ARABIC_LETTERS: Ranges = [[0x621, 0x64a], [0x671, 0x6d3], [0xfb50, 0xfdff], [0xfe70, 0xfefe]];

const within = (ranges: Ranges, code: number): boolean => ranges.some(([from, to]) => code >= from && code <= to);

function outside(s: string, ranges: Ranges): number {
  let n = 0;
  for (const c of s) if (!within(ranges, c.codePointAt(0)!)) n++;
  return n;
}

function hasArabicLetter(s: string): boolean {
  for (const c of s) if (within(ARABIC_LETTERS, c.codePointAt(0)!)) return true;
  return false;
}

const READINGS: Reading[] = [reading('windows-1256'), reading('windows-1252')];

/** Clean text is by far the common case: one quick look tells most of it apart. */
function mayBeGarbled(text: string, r: Reading): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0x621 && code <= 0x65f)) continue;
    if (r.unusual.has(code)) return true;
  }
  return false;
}

function redecode(stretch: string, table: Map<string, number>): string | null {
  const out: number[] = [];
  for (const c of stretch) {
    const code = c.codePointAt(0)!;
    const b = code < 0x80 ? code : table.get(c);
    if (b === undefined) return null;
    out.push(b);
  }
  try {
    return utf8.decode(Uint8Array.from(out));
  } catch {
    return null;
  }
}

/**
 * A stretch garbled twice over comes back from the first undoing still garbled (`ظˆ` from `ط¸ث†`):
 * it counts as repaired when undoing it again gives ordinary text.
 */
function garbledAgain(text: string, depth: number): boolean {
  if (depth >= MAX_PASSES) return false;
  return READINGS.some((r) => {
    const again = undo(text, r, depth + 1);
    return again !== null && outside(again.text, REPAIRED) === 0;
  });
}

/** One pass with one misreading: the repaired text, or null when nothing is unambiguous. */
function undo(text: string, r: Reading, depth = 0): { text: string; stretches: number } | null {
  if (!mayBeGarbled(text, r)) return null;
  const repairs: { start: number; end: number; text: string }[] = [];
  let sequences = 0;
  for (const match of text.matchAll(r.stretch)) {
    const stretch = match[0];
    const unusual = outside(stretch, ORDINARY);
    if (unusual === 0) continue;
    const repaired = redecode(stretch, r.bytes);
    if (repaired === null || !hasArabicLetter(repaired)) continue;
    // A stretch garbled all along may hide a few characters Arabic text is not made of (an emoji, a
    // sign); a short one must come back as nothing but ordinary text.
    const left = outside(repaired, REPAIRED);
    if (left > 0 && left * 10 > unusual && !garbledAgain(repaired, depth)) continue;
    repairs.push({ start: match.index, end: match.index + stretch.length, text: repaired });
    sequences += stretch.match(r.sequence)?.length ?? 0;
  }
  if (sequences < 2) return null;
  let out = '';
  let at = 0;
  for (const repair of repairs) {
    out += text.slice(at, repair.start) + repair.text;
    at = repair.end;
  }
  return { text: out + text.slice(at), stretches: repairs.length };
}


/** The text with its unambiguous mojibake undone, or null when it has none. */
export function repairMojibake(text: string): MojibakeRepair | null {
  let current = text;
  const misreadAs: Misreading[] = [];
  let stretches = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const r of READINGS) {
      const done = undo(current, r);
      if (!done) continue;
      current = done.text;
      stretches += done.stretches;
      misreadAs.push(r.misreading);
      changed = true;
    }
    if (!changed) break;
  }
  const c1 = repairC1(current);
  if (c1 !== null) {
    current = c1;
    if (!misreadAs.includes('windows-1252')) misreadAs.push('windows-1252');
    stretches++;
  }
  return misreadAs.length > 0 ? { text: current, misreadAs, stretches } : null;
}

/**
 * Text read out of markup (a feed's titles and contents, after the whole file was decoded and
 * repaired by decodeText): character references can still spell the C1 accidents, nothing else.
 */
export function repairedMarkupText(text: string): string {
  return repairC1(text) ?? text;
}
