import { describe, expect, it } from 'vitest';
import { analyzeWord } from '../../../main/text/analyze';
import { normalize } from '../../../main/text/normalize';
import { stem } from '../../../main/text/stem';

const stemOf = (word: string): string => stem(normalize(word));

describe('stem (Light-10)', () => {
  it('makes والكتاب, بالكتاب and كتابها meet at كتاب (DESIGN.md)', () => {
    for (const w of ['والكتاب', 'بالكتاب', 'كتابها', 'الكتاب', 'كالكتاب', 'فالكتاب', 'وكتاب']) {
      expect(stemOf(w), w).toBe('كتاب');
    }
  });

  it('makes المعلمون and معلمات meet at معلم (DESIGN.md)', () => {
    for (const w of ['المعلمون', 'معلمات', 'المعلمين', 'معلمان', 'للمعلمين', 'والمعلمات', 'معلمه', 'معلمة']) {
      expect(stemOf(w), w).toBe('معلم');
    }
  });

  it('strips ية (يه after normalization) and the other suffixes once each, in order', () => {
    expect(stemOf('مدرسية')).toBe('مدرس');
    expect(stemOf('كتابي')).toBe('كتاب');
    expect(stemOf('كتابه')).toBe('كتاب');
    // ها then ات: the list is walked once, so both go.
    expect(stemOf('سياراتها')).toBe('سيار');
  });

  it('never strips a single ب ك ل ف: كتاب is not تاب', () => {
    expect(stemOf('كتاب')).toBe('كتاب');
    expect(stemOf('بلد')).toBe('بلد');
    expect(stemOf('فهم')).toBe('فهم');
    expect(stemOf('بيت')).toBe('بيت');
    expect(stemOf('كبير')).toBe('كبير');
    // لبنان keeps its ل (only the ان ending goes), so it cannot meet بنان.
    expect(stemOf('لبنان')).toBe('لبن');
    expect(stemOf('لبنان')).not.toBe(stemOf('بنان'));
  });

  it('strips و only when at least three letters remain', () => {
    expect(stemOf('وقت')).toBe('وقت'); // قت would be left
    expect(stemOf('ولد')).toBe('ولد');
    expect(stemOf('وبيت')).toBe('بيت');
  });

  it('strips the article only when at least two letters remain', () => {
    expect(stemOf('الم')).toBe('الم');
    expect(stemOf('الدم')).toBe('دم');
    expect(stemOf('للم')).toBe('للم');
  });

  it('strips a suffix only when at least two letters remain', () => {
    expect(stemOf('بها')).toBe('بها');
    expect(stemOf('كان')).toBe('كان');
    expect(stemOf('ذات')).toBe('ذات');
    expect(stemOf('فيه')).toBe('في'); // two letters left is enough
  });

  it('leaves Latin words, numbers and mixed words alone', () => {
    expect(stem('reading')).toBe('reading');
    expect(stem('2015')).toBe('2015');
    expect(stem('2015ها')).toBe('2015ها');
    expect(stem('ipها')).toBe('ipها');
  });

  it('is what analyzeWord puts next to the surface form', () => {
    expect(analyzeWord('بِالْكِتَابِ')).toEqual({ surface: 'بالكتاب', stem: 'كتاب' });
  });
});
