import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../main/text/tokenize';

const words = (text: string): string[] => tokenize(text).map(({ start, end }) => text.slice(start, end));

describe('tokenize', () => {
  it('gives offsets into the original text, diacritics included', () => {
    const text = 'قَالَ الرَّئِيسُ: «الْكِتَابُ مُفِيدٌ».';
    expect(words(text)).toEqual(['قَالَ', 'الرَّئِيسُ', 'الْكِتَابُ', 'مُفِيدٌ']);
    for (const { start, end } of tokenize(text)) expect(start).toBeLessThan(end);
  });

  it('splits mixed Arabic, English and digits at spaces and punctuation', () => {
    expect(words('أعلنت Apple عن iPhone 6s في 2015، بسعر ٣٤٥ دولارا.')).toEqual([
      'أعلنت', 'Apple', 'عن', 'iPhone', '6s', 'في', '2015', 'بسعر', '٣٤٥', 'دولارا',
    ]);
  });

  it('keeps tatweel, ZWNJ and bidi marks inside a word but not at its edges', () => {
    expect(words('كتــاب')).toEqual(['كتــاب']);
    expect(words('\u200fكتاب\u200f و')).toEqual(['كتاب', 'و']);
    expect(words('می\u200cخواهم')).toEqual(['می\u200cخواهم']);
    expect(words('news\u00adpaper')).toEqual(['news\u00adpaper']);
    expect(words('ـــ كتابـ ـــ')).toEqual(['كتاب']);
  });

  it('handles emoji and other surrogate pairs', () => {
    const text = 'خبر 😀 عاجل👍🏽 𝐀𝐁 𠀋字';
    expect(words(text)).toEqual(['خبر', 'عاجل', '𝐀𝐁', '𠀋字']);
    // No token starts or ends in the middle of a surrogate pair.
    for (const { start, end } of tokenize(text)) {
      const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;
      const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
      expect(isLow(text.charCodeAt(start))).toBe(false);
      expect(isHigh(text.charCodeAt(end - 1))).toBe(false);
    }
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ،.؟!\n—')).toEqual([]);
  });

  it('classes every BMP character as Unicode does: letters, digits and marks make words, joiners only join', () => {
    const joiners = new Set('\u0640\u200c\u200d\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069');
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const isWord = /^[\p{L}\p{N}\p{M}]$/u.test(ch) && !joiners.has(ch);
      if ((tokenize(ch).length === 1) !== isWord) wrong.push(c.toString(16));
      // A joiner is kept between two letters.
      if (joiners.has(ch) && words(`ب${ch}ب`).join() !== `ب${ch}ب`) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
