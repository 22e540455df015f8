/**
 * Larkey's Light-10 stemmer (DESIGN.md, "Arabic search"), on words that are already normalized,
 * so ة has become ه (ية is يه) and there are no harakat or alef variants left.
 *
 * Light stemming only takes off the commonest clitics and endings: it gives recall (والكتاب,
 * بالكتاب and كتابها all meet at كتاب) without the wild conflations of root stemmers.
 */

const WAW = 'و';
// Longest first, so that وال wins over ال when both fit.
const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
// Order matters: Light-10 walks this list once and strips every one it finds.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

/** Only words written wholly in Arabic letters are stemmed (U+0621–U+064A plus the rarer letters). */
const ARABIC_WORD = /^[\u0621-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff]+$/;

/**
 * Light-10 on an already normalized word. Latin words, numbers and mixed words come back unchanged.
 * There is deliberately no single-letter ب ك ل ف prefix: stripping it would turn كتاب into تاب.
 */
export function stem(normalizedWord: string): string {
  let w = normalizedWord;
  if (w.length < 3 || !ARABIC_WORD.test(w)) return w;

  if (w.startsWith(WAW) && w.length - 1 >= 3) w = w.slice(1);

  for (const prefix of ARTICLE_PREFIXES) {
    if (w.startsWith(prefix)) {
      if (w.length - prefix.length >= 2) w = w.slice(prefix.length);
      break;
    }
  }

  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 2) w = w.slice(0, -suffix.length);
  }
  return w;
}
