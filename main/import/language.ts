/**
 * Direction and language of a plain text, for texts that do not declare them.
 * Direction follows the Unicode rule browsers use for dir="auto": the first strong character.
 * Language is a guess from the script of the letters, and only where the guess is safe.
 */
import type { Direction } from '../../common';

export interface TextLanguage {
  dir: Direction;
  lang: string | null;
}

// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, and their
// presentation forms. Anything else that is a letter is left-to-right.
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udeff]/;
const LETTER = /\p{L}/u;

/** How much text is enough to judge: the start of an article says what language it is in. */
const SAMPLE = 4000;

export function firstStrongDirection(text: string): Direction | null {
  const limit = Math.min(text.length, 20_000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'ltr';
      continue;
    }
    // The explicit marks RLM/LRM are strong too, but in scraped news they are noise.
    const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
    if (RTL_LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
    if (ch.length === 2) i++;
  }
  return null;
}

// What each character of the Arabic block (U+0600–U+06FF) counts as, looked up per character:
// a table is several times faster than set lookups in this loop, which runs over 4,000 characters
// of every article imported.
const ARABIC_LETTER = 1;
// پ چ ژ گ ک ی: Persian letters (Urdu uses them too).
const PERSIAN_ONLY = 2;
// ي ك ة: Arabic letters Persian does not use (it writes ی and ک, and rarely ة).
const ARABIC_ONLY = 4;
// ٹ ڈ ڑ ں ے ھ: Urdu's own letters.
const URDU_ONLY = 8;

/** Letters of the Arabic block, without harakat, digits and punctuation. */
function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5
    || c === 0x06ee || c === 0x06ef || (c >= 0x06fa && c <= 0x06fc) || c === 0x06ff;
}

const ARABIC_BLOCK = ((): Uint8Array => {
  const table = new Uint8Array(0x100);
  const mark = (kind: number, letters: number[]): void => {
    for (const c of letters) table[c - 0x0600] = (table[c - 0x0600] ?? 0) | kind;
  };
  for (let c = 0x0600; c <= 0x06ff; c++) if (isArabicLetter(c)) mark(ARABIC_LETTER, [c]);
  mark(PERSIAN_ONLY, [0x067e, 0x0686, 0x0698, 0x06af, 0x06a9, 0x06cc]);
  mark(ARABIC_ONLY, [0x064a, 0x0643, 0x0629]);
  mark(URDU_ONLY, [0x0679, 0x0688, 0x0691, 0x06ba, 0x06d2, 0x06be]);
  return table;
})();

const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'as', 'are', 'by', 'this', 'be', 'from', 'at', 'have', 'has', 'an', 'not', 'or', 'which', 'were', 'but', 'his', 'her', 'they', 'their']);

function guessLatinLanguage(sample: string): string | null {
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length === 0) return null;
  let hits = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w)) hits++;
  // Function words are about a third of running English; a few percent could be a quoted name.
  return hits >= 2 && hits >= words.length * 0.1 ? 'en' : null;
}

export function detectLanguage(text: string): TextLanguage {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const dir = firstStrongDirection(text) ?? 'ltr';

  let arabicScript = 0;
  let hebrew = 0;
  let latin = 0;
  let letters = 0;
  let persian = 0;
  let arabicOnly = 0;
  let urdu = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c <= 0x7f) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
        latin++;
        letters++;
      }
    } else if (c >= 0x0600 && c <= 0x06ff) {
      const kind = ARABIC_BLOCK[c - 0x0600] ?? 0;
      if (kind === 0) continue;
      arabicScript++;
      letters++;
      if (kind & PERSIAN_ONLY) persian++;
      else if (kind & ARABIC_ONLY) arabicOnly++;
      if (kind & URDU_ONLY) urdu++;
    } else if (c >= 0x05d0 && c <= 0x05ea) {
      hebrew++;
      letters++;
    } else if (LETTER.test(sample[i] ?? '')) {
      // Surrogate halves fail the test on their own; scripts outside the BMP are rare in news.
      letters++;
    }
  }
  if (letters === 0) return { dir, lang: null };

  let lang: string | null = null;
  if (arabicScript >= letters * 0.5) {
    // Persian and Urdu both write ی and ک where Arabic writes ي and ك; Urdu adds ے ں ٹ ڈ ڑ ھ.
    if (persian > arabicOnly) lang = urdu > arabicScript * 0.02 ? 'ur' : 'fa';
    else lang = 'ar';
  } else if (hebrew >= letters * 0.5) {
    lang = 'he';
  } else if (latin >= letters * 0.5) {
    lang = guessLatinLanguage(sample);
  }
  return { dir, lang };
}
