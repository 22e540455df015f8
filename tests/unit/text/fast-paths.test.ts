/**
 * An import analyses every word of every article, so the analysis takes shortcuts: loops over the
 * units instead of Unicode-class expressions, words visited without an object each, stems marked in
 * one join. Each shortcut must give what the plain definition gives; these tests hold them to it,
 * on every BMP unit where that is possible and on real news otherwise.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText, analyzeWord } from '../../../main/text/analyze';
import { normalize } from '../../../main/text/normalize';
import { stem } from '../../../main/text/stem';
import { forEachWord, tokenize } from '../../../main/text/tokenize';
import { indexedStem } from '../../../main/library/index-terms';
import { analyzedColumns } from '../../../main/library/prepare';
import { newsArticles } from '../../fixtures/corpus';

const texts = newsArticles(1500).flatMap((article) => [article.title, article.content]);

/** Every BMP unit but the surrogates, as a one-character string. */
const bmpUnits = Array.from({ length: 0x10000 }, (_, c) => c)
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCharCode(c));

describe('the analysis shortcuts give what the definitions give', () => {
  it('stem: a word is stemmed exactly when every letter is in the Arabic ranges Light-10 takes', () => {
    const arabicWord = /^[\u0621-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff]+$/;
    for (const unit of bmpUnits) {
      // وال + one unit + كتاب: the article goes when the unit is an Arabic letter, else nothing does.
      const word = `وال${unit}كتاب`;
      const expected = arabicWord.test(word) ? `${unit}كتاب` : word;
      if (stem(word) !== expected) expect({ unit: unit.charCodeAt(0).toString(16), stem: stem(word) }).toEqual({ unit: unit.charCodeAt(0).toString(16), stem: expected });
    }
  });

  it('analyzeWord: the surface is the normalized word less anything that is not a letter or digit', () => {
    const reference = (word: string): string => normalize(word).replace(/[^\p{L}\p{N}]/gu, '');
    const words = [...bmpUnits.map((unit) => `كتاب${unit}`), ...texts.flatMap((text) => tokenize(text).map((t) => text.slice(t.start, t.end)))];
    for (const word of words) {
      const expected = reference(word);
      const surface = analyzeWord(word)?.surface ?? '';
      if (surface !== expected) expect({ word, surface }).toEqual({ word, surface: expected });
    }
  });

  it('forEachWord visits the words tokenize lists, in order', () => {
    for (const text of [...texts.slice(0, 300), 'ـكتاب‌ـ 1436هـ 😀word', '']) {
      const visited: { start: number; end: number }[] = [];
      forEachWord(text, (start, end) => visited.push({ start, end }));
      expect(visited).toEqual(tokenize(text));
    }
  });

  it('analyzedColumns: the surfaces and the marked stems and part stems of analyzeText, on real news', () => {
    for (const text of [...texts, 'عام 1436هـ و2015م', '', '... ـــ']) {
      const terms = analyzeText(text);
      expect(analyzedColumns(text)).toEqual([
        terms.map((t) => t.surface).join(' '),
        terms.flatMap((t) => [t.stem, ...t.partStems].map(indexedStem)).join(' '),
      ]);
    }
  });
});
