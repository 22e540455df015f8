import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, analyzeWord, isStopWord } from '../../../main/text/analyze';
import { normalize } from '../../../main/text/normalize';
import { tokenize } from '../../../main/text/tokenize';

const shared = path.resolve(process.cwd(), '../shared');
/** Fully diacritized classical Arabic, one passage per line. */
const tashkeela = readFileSync(path.join(shared, 'corpus/tashkeela/val.txt'), 'utf8').split('\n').filter((l) => l.trim());
/** 200 lines spread evenly over the file, the same ones every run. */
const sample = Array.from({ length: 200 }, (_, i) => tashkeela[Math.floor((i * tashkeela.length) / 200)]!);
const stripMarks = (s: string): string => s.replace(/[\u064b-\u0652\u0670]/g, '');

describe('analyzeWord', () => {
  it('gives the normalized surface word and its stem', () => {
    expect(analyzeWord('والمعلمون')).toEqual({ surface: 'والمعلمون', stem: 'معلم' });
    expect(analyzeWord('Reading')).toEqual({ surface: 'reading', stem: 'reading' });
    expect(analyzeWord('٢٠١٥')).toEqual({ surface: '2015', stem: '2015' });
  });

  it('returns null when nothing is left', () => {
    expect(analyzeWord('ـــ')).toBeNull();
    expect(analyzeWord('\u064e\u0651')).toBeNull();
    expect(analyzeWord('')).toBeNull();
  });

  it('keeps only letters and digits of what normalization produces', () => {
    // NFKC spells out ﷺ as four words; the single token becomes one surface word.
    expect(analyzeWord('ﷺ')?.surface).toBe('صلياللهعليهوسلم');
  });
});

describe('analyzeText on fully diacritized text (Tashkeela)', () => {
  it('analyzes every word the same with and without its harakat', () => {
    let checked = 0;
    for (const line of sample) {
      for (const { start, end } of tokenize(line)) {
        const word = line.slice(start, end);
        expect(analyzeWord(word), word).toEqual(analyzeWord(stripMarks(word)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('never splits a diacritized word: same words with and without marks', () => {
    for (const line of sample) {
      const plain = stripMarks(line);
      expect(tokenize(line).length).toBe(tokenize(plain).length);
      expect(analyzeText(line)).toEqual(analyzeText(plain));
    }
  });

  it('is what the index and the query agree on: normalize is idempotent on real text', () => {
    for (const line of sample) expect(normalize(normalize(line))).toBe(normalize(line));
  });

  it('makes diacritized prefixed forms meet their bare stem', () => {
    const stems = new Set(analyzeText('وَالْكِتَابِ بِالْكِتَابِ كِتَابُهَا').map((t) => t.stem));
    expect([...stems]).toEqual(['كتاب']);
  });
});

describe('isStopWord', () => {
  it('knows Arabic function words in their normalized form', () => {
    for (const w of ['في', 'من', 'على', 'إلى', 'الى', 'أن', 'هذه', 'التي', 'و', 'لم']) {
      expect(isStopWord(normalize(w)), w).toBe(true);
    }
  });

  it('knows English function words', () => {
    for (const w of ['the', 'of', 'and', 'is']) expect(isStopWord(w), w).toBe(true);
  });

  it('does not treat content words as stop words', () => {
    for (const w of ['كتاب', 'الرياض', 'وزير', 'news', 'saudi']) expect(isStopWord(normalize(w)), w).toBe(false);
  });
});
