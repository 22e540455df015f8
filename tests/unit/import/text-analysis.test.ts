import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../main/import/language';
import { titleFromText } from '../../../main/import/title';
import { shared } from './helpers';

const sample = readFileSync(path.join(shared, 'samples', '000_1dff3df0f293edce.txt'), 'utf8');

describe('detectLanguage', () => {
  it('reads the sample article as right-to-left Arabic', () => {
    expect(detectLanguage(sample)).toEqual({ dir: 'rtl', lang: 'ar' });
  });

  it('takes the direction from the first strong character, past digits and punctuation', () => {
    expect(detectLanguage('2015 — «الرياض» تستضيف القمة').dir).toBe('rtl');
    expect(detectLanguage('\u200f123 Riyadh hosts the summit of the region').dir).toBe('ltr');
  });

  it('tells Persian from Arabic by the letters only Persian uses', () => {
    expect(detectLanguage('گزارش‌ها نشان می‌دهد که پایتخت ایران در چند روز گذشته گرم‌تر بوده است و کارشناسان').lang).toBe('fa');
    expect(detectLanguage('قالت وزارة الخارجية إن الاجتماع كان مثمرا وأن الطرفين اتفقا على مواصلة الحوار').lang).toBe('ar');
  });

  it('tells Urdu from Persian by the letters only Urdu uses', () => {
    expect(detectLanguage('پاکستان کے وزیر اعظم نے کہا ہے کہ حکومت ملک میں تعلیم کو بہتر بنانے کے لیے کام کر رہی ہے').lang).toBe('ur');
  });

  it('recognises Hebrew', () => {
    expect(detectLanguage('העברית היא שפה המשתייכת לקבוצת הלשונות השמיות')).toEqual({ dir: 'rtl', lang: 'he' });
  });

  it('says English only when English function words are there', () => {
    expect(detectLanguage('The minister said that the talks were useful and that they would continue.').lang).toBe('en');
    expect(detectLanguage('Le ministre a dit que les discussions étaient utiles et continueraient.')).toEqual({ dir: 'ltr', lang: null });
  });

  it('has no language for text without letters', () => {
    expect(detectLanguage('123 456 — 789').lang).toBeNull();
  });
});

describe('titleFromText', () => {
  it('gives the sample article, which has no title line, a title that reads naturally', () => {
    const title = titleFromText(sample);
    expect(title).toBe('وأكد شمخاني خلال اللقاء على الموقف الثابت للجمهورية الاسلامية الايرانية…');
    expect(title.length).toBeLessThanOrEqual(80);
  });

  it('uses a short first line as the headline', () => {
    expect(titleFromText('برلمان تونس يقر مجموعة قوانين تصل إلى الإعدام\n\nتونس - أقر البرلمان ...')).toBe('برلمان تونس يقر مجموعة قوانين تصل إلى الإعدام');
  });

  it('keeps a question mark that ends a headline', () => {
    expect(titleFromText('هل تنجح المفاوضات؟\nقال مسؤولون إن المحادثات مستمرة.')).toBe('هل تنجح المفاوضات؟');
  });

  it('does not take a short opening sentence followed by more text for a headline… unless it is all there is', () => {
    expect(titleFromText('Short sentence here.')).toBe('Short sentence here');
    expect(titleFromText('It rained.\nThe streets of the old city were flooded by noon.')).toBe('It rained');
  });

  it('cuts a long first sentence at a word, with an ellipsis, and never after a dangling preposition', () => {
    const text = 'The committee met on Tuesday to consider the proposal that had been submitted by the ministry of finance in the spring of that year. Then…';
    const title = titleFromText(text);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
    expect(title).not.toMatch(/\b(of|the|by|in|to)…$/);
  });

  it('ignores a BOM and bidi marks at the start', () => {
    expect(titleFromText('\ufeff\u200f\u200fعنوان الخبر\nنص الخبر.')).toBe('عنوان الخبر');
  });

  it('keeps a long opening sentence whole when only blank lines and invisible marks follow it', () => {
    const sentence = 'Fourteen ministers gathered yesterday afternoon discussing regional electricity networks, pipelines, budgets.';
    expect(titleFromText(`${sentence}\r\n\r\n \u200f\n\u202a\u202c\n`)).toBe(sentence.slice(0, -1));
    expect(titleFromText(`\n\n  \r\n${sentence}\r\nThe meeting ended late.`)).toMatch(/^Fourteen ministers .{20,70}…$/);
  });

  it('is empty only for text without visible characters', () => {
    expect(titleFromText(' \n\u200f\n')).toBe('');
  });
});
