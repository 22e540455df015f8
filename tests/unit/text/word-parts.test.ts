/**
 * Words that glue digits to letters (1436هـ, 2015م, و3, الـ28): one word for the index and for
 * phrases, with their digit and letter runs as parts, checked on real news text.
 */
import { describe, expect, it } from 'vitest';
import { analyzeParts, analyzeText } from '../../../main/text/analyze';
import { tokenize, wordParts } from '../../../main/text/tokenize';
import { newsArticles } from '../../fixtures/corpus';

const parts = (word: string): string[] => wordParts(word, { start: 0, end: word.length }).map(({ start, end }) => word.slice(start, end));

describe('wordParts', () => {
  it('splits a word mixing digits and letters into its runs, and leaves other words whole', () => {
    expect(parts('1436ه')).toEqual(['1436', 'ه']);
    expect(parts('2015م')).toEqual(['2015', 'م']);
    expect(parts('و3')).toEqual(['و', '3']);
    expect(parts('٢٠١٥م')).toEqual(['٢٠١٥', 'م']);
    expect(parts('6s')).toEqual(['6', 's']);
    expect(parts('G20')).toEqual(['G', '20']);
    expect(parts('كتاب')).toEqual([]);
    expect(parts('2015')).toEqual([]);
    expect(parts('')).toEqual([]);
  });

  it('keeps tatweel and harakat inside the run they follow, never at a run’s end', () => {
    expect(parts('الـ28')).toEqual(['ال', '28']);
    expect(parts('بـ10')).toEqual(['ب', '10']);
    expect(parts('وَ3')).toEqual(['وَ', '3']);
  });

  it('on 1,000 news articles: every mixed word is cut into alternating runs that rebuild it', () => {
    let mixed = 0;
    for (const { content } of newsArticles(1000)) {
      for (const token of tokenize(content)) {
        const runs = wordParts(content, token);
        if (runs.length === 0) continue;
        mixed++;
        expect(runs.length).toBeGreaterThanOrEqual(2);
        expect(runs[0]!.start).toBe(token.start);
        expect(runs.at(-1)!.end).toBe(token.end);
        const texts = runs.map(({ start, end }) => content.slice(start, end));
        // Between two runs only joiners (tatweel, ZWNJ, bidi marks) are left out.
        for (let k = 1; k < runs.length; k++) {
          expect(content.slice(runs[k - 1]!.end, runs[k]!.start)).toMatch(/^[\u0640\u200c-\u200f]*$/);
          expect(/\p{Nd}/u.test(texts[k - 1]!)).not.toBe(/\p{Nd}/u.test(texts[k]!));
        }
        for (const text of texts) expect(text).toMatch(/^(?:[\p{Nd}]+|[\p{L}][\p{L}\p{M}\u0640\u200c-\u200f]*)$/u);
      }
    }
    // About one article in five has such words; a thousand articles hold hundreds of them.
    expect(mixed).toBeGreaterThan(300);
  });
});

describe('analyzeText', () => {
  it('keeps a mixed word as one surface, with the stems of its runs beside it', () => {
    const terms = analyzeText('في عام 1436هـ الموافق 2015م');
    expect(terms.map((t) => t.surface)).toEqual(['في', 'عام', '1436ه', 'الموافق', '2015م']);
    expect(terms[2]!.partStems).toEqual(['1436', 'ه']);
    expect(terms[4]!.partStems).toEqual(['2015', 'م']);
    expect(terms[1]!.partStems).toEqual([]);
  });

  it('analyzes the runs as words: Arabic-Indic digits fold, clitics stem', () => {
    expect(analyzeParts('١٤٣٦هـ').map((p) => p.stem)).toEqual(['1436', 'ه']);
    expect(analyzeParts('والمعلمين2')).toEqual([
      { start: 0, end: 9, stem: 'معلم' },
      { start: 9, end: 10, stem: '2' },
    ]);
  });
});
