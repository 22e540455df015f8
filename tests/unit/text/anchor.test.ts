/**
 * Anchoring highlights on real Arabic text: a highlight is stored as offsets plus its quote with
 * context, and found again by its quote when the text around it, or the quote itself, changed.
 */
import { describe, expect, it } from 'vitest';
import { stripMarks, tashkeelaLines } from '../../../bench/corpora';
import { anchorAt, AnchorRangeError, CONTEXT_LENGTH, locate, reanchor } from '../../../main/text/anchor';
import { newsArticles } from '../../fixtures/corpus';

const news = newsArticles(400);
/** A real article that mixes Arabic, Latin letters and digits. */
const mixed = news.find((a) => /[A-Za-z]{3}/.test(a.content) && /\d{4}/.test(a.content) && a.content.length > 1500)!.content;
const plainArticle = news.find((a) => a.content.length > 3000 && !/[A-Za-z]/.test(a.content))!.content;
const diacritized = tashkeelaLines(60).join('\n');

/** The range of `passage` in `text` (its first occurrence). */
function rangeOf(text: string, passage: string): [number, number] {
  const start = text.indexOf(passage);
  expect(start, `"${passage}" is in the text`).toBeGreaterThanOrEqual(0);
  return [start, start + passage.length];
}

describe('anchorAt', () => {
  it('stores the quote as written, diacritics included, with context on both sides', () => {
    const passage = diacritized.slice(200, 260);
    const anchor = anchorAt(diacritized, 200, 260);
    expect(anchor.quote).toContain(passage);
    expect(anchor.quote).toMatch(/[\u064b-\u0652]/);
    expect(anchor.prefix).toBe(diacritized.slice(anchor.start - CONTEXT_LENGTH, anchor.start));
    expect(anchor.suffix).toBe(diacritized.slice(anchor.end, anchor.end + CONTEXT_LENGTH));
  });

  it('never cuts a letter from its diacritics: a selection ending between them takes them all', () => {
    // الشَّهَادَةِ: end right after the شّ's letter, before its shadda and fatha.
    const text = diacritized;
    const letter = text.indexOf('ش');
    const anchor = anchorAt(text, letter - 2, letter + 1);
    expect(anchor.quote).toBe(text.slice(letter - 2, letter + 3));
    expect(text.slice(letter + 1, letter + 3)).toMatch(/^[\u064b-\u0652]{2}$/);
    expect(text[letter + 3]).not.toMatch(/[\u064b-\u0652]/);
    // A start on a mark moves back to its letter.
    const onMark = anchorAt(text, letter + 1, letter + 6);
    expect(onMark.start).toBe(letter);
  });

  it('keeps a selection that starts and ends mid-word as selected', () => {
    const [start] = rangeOf(plainArticle, plainArticle.split(' ').find((w) => w.length > 6)!);
    const anchor = anchorAt(plainArticle, start + 2, start + 40);
    expect(anchor.start).toBe(start + 2);
    expect(anchor.end).toBe(start + 40);
    expect(anchor.quote).toBe(plainArticle.slice(start + 2, start + 40));
  });

  it('refuses offsets outside the text, reversed or empty ranges, with the reason', () => {
    expect(() => anchorAt(mixed, -1, 5)).toThrow(AnchorRangeError);
    expect(() => anchorAt(mixed, 10, mixed.length + 1)).toThrow(/outside the text/);
    expect(() => anchorAt(mixed, 10, 10)).toThrow(/empty/);
    expect(() => anchorAt(mixed, 12, 10)).toThrow(/empty/);
    expect(() => anchorAt(mixed, 1.5, 10)).toThrow(AnchorRangeError);
  });
});

describe('locate when the text is unchanged', () => {
  it('finds every highlight where it was, in mixed Arabic, Latin and digits', () => {
    const latin = mixed.match(/[A-Za-z][A-Za-z .]{2,}/)!;
    const digits = mixed.match(/\d{4}/)!;
    for (const at of [latin.index!, digits.index!, 0, mixed.length - 30]) {
      const anchor = anchorAt(mixed, Math.max(0, at - 10), Math.min(mixed.length, at + 25));
      expect(locate(mixed, anchor)).toEqual({ start: anchor.start, end: anchor.end });
    }
  });

  it('tells apart two occurrences of the same quote by their context', () => {
    const word = 'الذهب';
    const first = mixed.indexOf(word);
    const second = mixed.indexOf(word, first + 1);
    expect(second).toBeGreaterThan(first);
    const anchor = anchorAt(mixed, second, second + word.length);
    const shifted = `مقدمة جديدة. ${mixed}`;
    expect(locate(shifted, anchor)!.start).toBe(second + 'مقدمة جديدة. '.length);
  });
});

describe('reanchor when the text changed', () => {
  const start = 1200;
  const end = 1290;
  const anchor = anchorAt(plainArticle, start, end);

  it('before the highlight: it moves with its quote', () => {
    const edited = `تحديث: أضيفت هذه الفقرة بعد النشر.\n${plainArticle.slice(0, 500)}${plainArticle.slice(700)}`;
    const moved = reanchor(edited, anchor)!;
    expect(moved.quote).toBe(anchor.quote);
    expect(edited.slice(moved.start, moved.end)).toBe(anchor.quote);
  });

  it('after the highlight: it stays where it was', () => {
    const edited = `${plainArticle.slice(0, end + 200)} وأضاف المتحدث أن الاجتماع القادم سيعقد في 2016.`;
    expect(reanchor(edited, anchor)).toMatchObject({ start, end, quote: anchor.quote });
  });

  it('inside the highlight: a corrected word still finds it, and the new wording is quoted', () => {
    const inner = plainArticle.slice(start + 30, start + 36);
    const edited = plainArticle.slice(0, start + 30) + 'تصحيح' + plainArticle.slice(start + 36);
    expect(inner).not.toBe('تصحيح');
    const moved = reanchor(edited, anchor)!;
    expect(moved).not.toBeNull();
    expect(moved.start).toBe(start);
    expect(moved.quote).toContain('تصحيح');
    expect(Math.abs(moved.end - (end - 1))).toBeLessThanOrEqual(2);
  });

  it('diacritics added to the whole text: it is found and quoted with its new diacritics', () => {
    const line = tashkeelaLines(80)[70]!;
    const plain = stripMarks(line);
    const passage = plain.slice(40, 100);
    const onPlain = anchorAt(plain, 40, 100);
    const found = reanchor(line, onPlain)!;
    expect(found).not.toBeNull();
    expect(stripMarks(found.quote)).toBe(passage);
    expect(found.quote).toMatch(/[\u064b-\u0652]/);
  });

  it('diacritics removed: a diacritized highlight is found in the plain text', () => {
    const anchorOnMarks = anchorAt(diacritized, 500, 580);
    const plain = stripMarks(diacritized);
    const found = reanchor(plain, anchorOnMarks)!;
    expect(found.quote).toBe(stripMarks(anchorOnMarks.quote));
  });

  it('the passage removed: the highlight is orphaned, not moved to a look-alike', () => {
    const edited = plainArticle.slice(0, start - 50) + plainArticle.slice(end + 50);
    expect(reanchor(edited, anchor)).toBeNull();
  });

  it('a short quote whose context is gone is orphaned even though the word appears elsewhere', () => {
    const word = 'الذهب';
    const at = mixed.indexOf(word, mixed.indexOf(word) + 1);
    const short = anchorAt(mixed, at, at + word.length);
    const edited = mixed.slice(0, at - 60) + mixed.slice(at + word.length + 60);
    expect(edited).toContain(word);
    expect(reanchor(edited, short)).toBeNull();
  });

  it('the whole article rewritten: orphaned', () => {
    expect(reanchor(news[0]!.content, anchor)).toBeNull();
  });
});
