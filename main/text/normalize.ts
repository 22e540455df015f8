/**
 * Search normalization (DESIGN.md, "Arabic search"). Index and query go through the same function,
 * so every fold here decides which spellings meet.
 *
 * Speed matters (it runs on every word of every imported article), so the work is two table
 * lookups per UTF-16 unit: one table says whether NFKC could change the string, the other maps
 * each unit to itself, a replacement unit, or nothing.
 */

const KEEP = 0xffff; // noncharacter: never a real replacement
const DROP = 0xfffe; // noncharacter: never a real replacement

/** What each BMP code unit becomes after NFKC: KEEP, DROP or a replacement unit. */
const FOLD = new Uint16Array(0x10000).fill(KEEP);

function drop(from: number, to = from): void {
  for (let c = from; c <= to; c++) FOLD[c] = DROP;
}
function fold(chars: string, to: string): void {
  for (const ch of chars) FOLD[ch.charCodeAt(0)] = to.charCodeAt(0);
}

// Latin: lower-case and strip diacritics. Precomputed per code point from NFD so that "é" and "É"
// both land on "e"; letters without a decomposition (ø, Ł, ß) are only lower-cased.
const LATIN = /^\p{Script=Latin}$/u;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
for (const [from, to] of [[0x41, 0x5a], [0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    if (!LATIN.test(ch)) continue;
    const bare = ch.normalize('NFD').replace(COMBINING_DIACRITICS, '').toLowerCase();
    if (bare.length === 1 && bare !== ch) FOLD[c] = bare.charCodeAt(0);
  }
}
// Combining diacritics left over after NFKC (a Latin letter with no precomposed form) go too.
drop(0x300, 0x36f);

// Arabic: marks and tatweel vanish; letter variants fold to the plain letter.
drop(0x640); // tatweel
drop(0x64b, 0x65f); // harakat, shadda, sukun, small marks
drop(0x670); // superscript alef
drop(0x610, 0x61a); // Quranic marks
drop(0x6d6, 0x6ed); // Quranic marks
// Invisible controls: bidi marks and embeddings/isolates, ZWNJ/ZWJ, soft hyphen.
drop(0x200e, 0x200f);
drop(0x61c);
drop(0x202a, 0x202e);
drop(0x2066, 0x2069);
drop(0x200c, 0x200d);
drop(0xad);
fold('آأإٱ', 'ا');
fold('ىی', 'ي');
fold('ة', 'ه');
fold('ک', 'ك');
fold('ؤئ', 'ء');
for (let d = 0; d <= 9; d++) {
  FOLD[0x660 + d] = 0x30 + d;
  FOLD[0x6f0 + d] = 0x30 + d;
}

/**
 * 1 for code units whose presence means NFKC must run. NFKC is by far the slowest step and a
 * no-op on almost all news text, so we skip it when every unit is "safe": a unit in Latin-1, the
 * Arabic block or General Punctuation that NFKC leaves alone and that cannot combine with its
 * neighbour. The Arabic block's combining marks are safe even though NFKC may reorder them,
 * because FOLD drops all of them anyway; the exceptions are madda/hamza above/below
 * (U+0653–U+0655), which NFKC composes with the letter before them (و + ٔ → ؤ), so they force NFKC.
 * Everything else (surrogates, presentation forms, combining marks of other blocks) forces NFKC.
 * tests/unit/text/normalize.test.ts checks this against always-NFKC on all pairs of safe units.
 */
const NEEDS_NFKC = new Uint8Array(0x10000).fill(1);
const MARK = /^\p{M}$/u;
for (const [from, to] of [[0x0, 0xff], [0x600, 0x6ff], [0x2000, 0x206f]] as const) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    if (ch.normalize('NFKC') !== ch) continue;
    if (c >= 0x653 && c <= 0x655) continue;
    if (MARK.test(ch) && !(c >= 0x600 && c <= 0x6ff)) continue;
    NEEDS_NFKC[c] = 0;
  }
}

/** Folds NFKC-normalized text with the FOLD table, copying unchanged stretches as slices. */
function foldUnits(s: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < s.length; i++) {
    const to = FOLD[s.charCodeAt(i)]!;
    if (to === KEEP) continue;
    out += s.slice(copiedUpTo, i);
    if (to !== DROP) out += String.fromCharCode(to);
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? s : out + s.slice(copiedUpTo);
}

function needsNfkc(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (NEEDS_NFKC[s.charCodeAt(i)] === 1) return true;
  return false;
}

/** DESIGN.md normalization; works on single words and on whole texts. */
export function normalize(s: string): string {
  return foldUnits(needsNfkc(s) ? s.normalize('NFKC') : s);
}

/** The same result as normalize, always running NFKC: the reference the fast path is tested against. */
export function normalizeReference(s: string): string {
  return foldUnits(s.normalize('NFKC'));
}

/**
 * One UTF-16 unit under the same folds, without NFKC (which may change a string's length): the
 * unit it becomes, or -1 when it vanishes (diacritics, tatweel, invisible controls). Anchoring
 * (anchor.ts) compares texts unit by unit this way and maps what it finds back to the original.
 */
export function foldUnit(unit: number): number {
  const to = FOLD[unit]!;
  return to === KEEP ? unit : to === DROP ? -1 : to;
}
