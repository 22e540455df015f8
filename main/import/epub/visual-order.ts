/**
 * Right-to-left titles stored in visual order. Some EPUB tools store Arabic or Hebrew metadata in
 * the order it is displayed left to right instead of the order it is read: either every character
 * reversed (the whole string mirrored), or — as in the Arabic test book — the words in reverse order
 * with each word intact ("السرطان من  للوقاية الصحيح الغذائي  النظام" for "النظام الغذائي الصحيح
 * للوقاية من السرطان"). The title is put back in reading order only on evidence; without evidence
 * it is left alone.
 *
 * The evidence, all about how logical text looks, so it needs no dictionary:
 * - letter order, per word: in Arabic ة and ى end words and "ال" (with its و ف ب ك ل proclitics)
 *   starts them; in Hebrew ך ם ן ף ץ end words. Mirrored words show them at the other end. (A
 *   word ending in لا is no evidence: رجلا and عاجلاً end that way in reading order.)
 *   Letters are judged reversed when the mirrored words score at least 2 points better.
 * - word order, per title (Arabic): a preposition or conjunction governs the word AFTER it, so it
 *   does not end a title, and a preposition is not followed by a word that starts with another
 *   preposition (من للوقاية, في بالمدينة). Words are judged reversed when reversing them removes
 *   more of those faults than it creates. A title whose letters were mirrored is a mirrored string,
 *   so its words are reversed too unless the word-order evidence says otherwise.
 * A title in which no word gives evidence either way (no ال, no particle) stays as it is.
 */

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const LETTER = /\p{L}/u;
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05c7\u0640]/g;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Reverses by grapheme, so a letter keeps its harakat (خيّاط stays readable when mirrored back). */
function mirror(s: string): string {
  return Array.from(segmenter.segment(s), (g) => g.segment).reverse().join('');
}

function bare(word: string): string {
  return word.replace(MARKS, '').replace(EDGE_PUNCTUATION, '');
}

// Arabic: definite article with an optional proclitic conjunction/preposition, or ل + ال = لل.
const ARABIC_START = /^([وفبكل]?ال|لل)../;
const ARABIC_FINAL_ONLY = /[ةى]/;
const HEBREW_FINAL = /[ךםןףץ]/;
const HEBREW_MEDIAL_OF_FINAL = /[כמנפצ]/;

/** How much a word looks like a word in reading order; negative when it looks mirrored. */
function letterOrderScore(word: string): number {
  const w = bare(word);
  if (w.length < 2) return 0;
  let score = 0;
  const first = w[0] ?? '';
  const last = w[w.length - 1] ?? '';
  if (ARABIC_FINAL_ONLY.test(last)) score += 2;
  if (ARABIC_FINAL_ONLY.test(first)) score -= 2;
  if (ARABIC_START.test(w)) score += 1;
  if (HEBREW_FINAL.test(last)) score += 2;
  if (HEBREW_FINAL.test(first) && w.length > 1) score -= 2;
  if (HEBREW_MEDIAL_OF_FINAL.test(last)) score -= 1;
  return score;
}

// Words that govern what follows them: a title does not end on one of these.
const PARTICLES = new Set(['من', 'في', 'على', 'إلى', 'الى', 'عن', 'مع', 'ضد', 'نحو', 'لدى', 'منذ', 'حتى', 'بين', 'عبر', 'خلال', 'حول', 'تحت', 'فوق', 'ثم', 'أو', 'او', 'و', 'أم', 'ام']);
const PREPOSITIONS = new Set(['من', 'في', 'على', 'إلى', 'الى', 'عن', 'مع', 'ضد', 'نحو', 'لدى', 'منذ', 'حتى', 'بين', 'عبر', 'خلال', 'حول', 'تحت', 'فوق']);
// ل + ال; not بال or كال, which also start names (بالي, كاليفورنيا).
const PREPOSITION_PREFIXED = /^لل../;

/** Faults of word order in Arabic, as read from first word to last; fewer is more plausible. */
function wordOrderFaults(words: string[]): number {
  const w = words.map(bare);
  let faults = 0;
  // A question may end on one: "مفاتيح القوة بيد من؟!" (who).
  const question = /[?؟][^\p{L}]*$/u.test(words[words.length - 1] ?? '');
  if (w.length > 1 && !question && PARTICLES.has(w[w.length - 1] ?? '')) faults += 2;
  for (let i = 0; i + 1 < w.length; i++) {
    // Punctuation after the particle ("إم تي في» للأغاني") ends a name, it governs nothing.
    const closed = /[^\p{L}\u064b-\u065f]$/u.test(words[i] ?? '');
    if (!closed && PREPOSITIONS.has(w[i] ?? '') && PREPOSITION_PREFIXED.test(w[i + 1] ?? '')) faults += 1;
  }
  return faults;
}

function isMostlyRightToLeft(s: string): boolean {
  let rtl = 0;
  let letters = 0;
  for (const ch of s) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (RTL_LETTER.test(ch)) rtl++;
  }
  return letters >= 2 && rtl > letters / 2;
}

/** The title in reading order; unchanged when it is not right-to-left or shows no sign of visual order. */
export function fixVisualOrder(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!isMostlyRightToLeft(clean)) return clean;
  let words = clean.split(' ');

  const asIs = words.reduce((sum, w) => sum + letterOrderScore(w), 0);
  const mirrored = words.reduce((sum, w) => sum + letterOrderScore(mirror(w)), 0);
  const lettersMirrored = mirrored >= asIs + 2;
  if (lettersMirrored) words = words.map(mirror);

  // Mirrored letters mean a mirrored string: its words are reversed too, unless their order says not.
  const reversed = [...words].reverse();
  const faultsAsIs = wordOrderFaults(words);
  const faultsReversed = wordOrderFaults(reversed);
  const reverseWords = lettersMirrored ? faultsReversed <= faultsAsIs : faultsReversed < faultsAsIs;
  return (reverseWords ? reversed : words).join(' ');
}
