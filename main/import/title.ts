/**
 * A title for text that has none declared. A reader expects either the headline the file starts
 * with, or — when the text starts straight with the body, as scraped news often does — the start of
 * the first sentence, cut where a phrase ends rather than in the middle of one.
 */

// Bidi controls and the BOM: invisible, and in a title they only unbalance the surrounding layout.
const INVISIBLE = /[\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const LINE_END = /\r\n|\r|\n/g;
// A character clean() keeps: neither white space nor invisible.
const VISIBLE = /[^\s\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

const HEADING_MAX_WORDS = 16;
const HEADING_MAX_CHARS = 120;
const TITLE_MAX_CHARS = 80;
const ELLIPSIS = '…';

// A short line ending in one of these reads as a sentence or a lead-in, not as a headline.
const NOT_HEADING_END = /[.,،;؛:]$/;
const SENTENCE_END = /[.!?؟…](?=\s|$)|[؟…]/g;
const CLAUSE_END = /[،,;؛:](?=\s)/g;

// Words a cut title must not end on: a headline never stops on "of" or "في".
const DANGLING = new Set([
  'و', 'في', 'من', 'على', 'إلى', 'الى', 'عن', 'أن', 'ان', 'إن', 'أو', 'او', 'ثم', 'مع', 'بين', 'التي', 'الذي', 'الذين', 'ما', 'لا', 'لم', 'لن', 'قد', 'كما', 'حتى', 'منذ', 'عند', 'بعد', 'قبل', 'خلال', 'ضد', 'نحو', 'حول', 'لدى', 'هذا', 'هذه', 'ذلك', 'تلك', 'وفي', 'ومن', 'وعلى', 'وإلى', 'وعن', 'وأن',
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'that', 'which', 'who', 'is', 'are', 'was', 'were', 'be', 'its', 'their', 'his', 'her',
]);

function clean(line: string): string {
  return line.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function wordCount(s: string): number {
  return s.split(' ').filter(Boolean).length;
}

function withoutFinalPeriod(s: string): string {
  return s.replace(/\s*\.+$/, '').replace(/[\s,،;؛:]+$/, '');
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** Cut at the last word boundary that fits, dropping dangling function words and punctuation. */
function cutAtWord(s: string, max: number): string {
  const words = s.split(' ');
  const kept: string[] = [];
  let length = 0;
  for (const w of words) {
    const next = length === 0 ? w.length : length + 1 + w.length;
    if (next > max) break;
    kept.push(w);
    length = next;
  }
  if (kept.length === 0) return s.slice(0, max); // one enormous "word": a URL, a hash
  // Ending before a preposition or conjunction closes a phrase; ending after one leaves it hanging.
  // Only worth it when the title keeps most of its length.
  for (let j = kept.length - 1, len = length; j > 0; j--) {
    len -= (kept[j] ?? '').length + 1;
    if (len < max * 0.6) break;
    if (DANGLING.has(bare(kept[j] ?? ''))) {
      kept.length = j;
      break;
    }
  }
  while (kept.length > 1 && DANGLING.has(bare(kept[kept.length - 1] ?? ''))) kept.pop();
  return kept.join(' ').replace(/[\s,،;؛:\-–—(«"“]+$/u, '');
}

function firstSentence(line: string): string {
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(line);
  return m ? line.slice(0, m.index + m[0].length).trim() : line;
}

function shorten(sentence: string): string {
  if (sentence.length <= TITLE_MAX_CHARS) return withoutFinalPeriod(sentence);
  // A clause boundary inside the limit reads better than an arbitrary word, if the clause is substantial.
  let clauseEnd = -1;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(sentence); m && m.index <= TITLE_MAX_CHARS; m = CLAUSE_END.exec(sentence)) clauseEnd = m.index;
  if (clauseEnd >= TITLE_MAX_CHARS * 0.4) return sentence.slice(0, clauseEnd).trim() + ELLIPSIS;
  return cutAtWord(sentence, TITLE_MAX_CHARS - 1) + ELLIPSIS;
}

/** The title a reader would give this text; '' only when the text has no visible characters. */
export function titleFromText(text: string): string {
  // Only the first visible line matters, and whether anything visible follows it: walking the lines
  // one by one spares splitting a whole article into lines for that.
  let first = '';
  let rest = text.length;
  LINE_END.lastIndex = 0;
  for (let start = 0; start <= text.length && first === '';) {
    const end = LINE_END.exec(text);
    first = clean(text.slice(start, end ? end.index : text.length));
    start = end ? end.index + end[0].length : text.length + 1;
    rest = start;
  }
  if (first === '') return '';
  const followedByText = VISIBLE.test(text.slice(rest));

  const looksLikeHeading = wordCount(first) <= HEADING_MAX_WORDS && first.length <= HEADING_MAX_CHARS;
  if (looksLikeHeading && (!followedByText || !NOT_HEADING_END.test(first))) return withoutFinalPeriod(first) || first;

  return shorten(firstSentence(first)) || first.slice(0, TITLE_MAX_CHARS);
}
