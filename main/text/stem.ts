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

/**
 * Only words written wholly in Arabic letters are stemmed (U+0621–U+064A plus the rarer letters).
 * A loop over the units, not a regular expression: it runs on every word an import indexes.
 */
function isArabicWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x621 && c <= 0x64a) continue;
    if ((c >= 0x671 && c <= 0x6d3) || c === 0x6d5 || c === 0x6ee || c === 0x6ef || (c >= 0x6fa && c <= 0x6ff)) continue;
    return false;
  }
  return true;
}

/**
 * Light-10 on an already normalized word. Latin words, numbers and mixed words come back unchanged.
 * There is deliberately no single-letter ب ك ل ف prefix: stripping it would turn كتاب into تاب.
 */
export function stem(normalizedWord: string): string {
  let w = normalizedWord;
  if (w.length < 3 || !isArabicWord(w)) return w;

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
