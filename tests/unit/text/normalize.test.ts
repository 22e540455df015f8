import { describe, expect, it } from 'vitest';
import { normalize, normalizeReference } from '../../../main/text/normalize';

/** Two spellings a searcher must find with the same query. */
function meet(a: string, b: string): void {
  expect(normalize(a)).toBe(normalize(b));
}

describe('normalize: spellings that must meet', () => {
  it('folds hamza seats so مسؤول and مسئول meet', () => {
    meet('مسؤول', 'مسئول');
    expect(normalize('مسؤول')).toBe('مسءول');
  });

  it('folds alef variants آ أ إ ٱ to ا', () => {
    meet('أحمد', 'احمد');
    meet('إسلام', 'اسلام');
    meet('آمن', 'امن');
    meet('ٱلله', 'الله');
  });

  it('folds alef maqsura and Persian yeh to ي', () => {
    meet('مستشفى', 'مستشفي');
    meet('علی', 'علي');
  });

  it('folds taa marbuta to ه', () => {
    meet('مدرسة', 'مدرسه');
  });

  it('folds Persian keheh to ك', () => {
    meet('کتاب', 'كتاب');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalize('٣٤٥')).toBe('345');
    expect(normalize('۱۲۳۴۵۶۷۸۹۰')).toBe('1234567890');
    expect(normalize('عام ٢٠١٥م')).toBe('عام 2015م');
  });

  it('deletes tatweel', () => {
    meet('كتــاب', 'كتاب');
  });

  it('deletes harakat, shadda, sukun and superscript alef', () => {
    meet('كَتَبَ', 'كتب');
    meet('مُدَرِّسٌ', 'مدرس');
    meet('هٰذا', 'هذا');
    meet('الْقُرْآنُ', 'القران');
  });

  it('deletes Quranic annotation marks', () => {
    meet('ٱلرَّحِيمِ ۝', 'الرحيم ۝');
    meet('عَلِيمٌ ۖ وَ', 'عليم  و');
    meet('صلى\u0610', 'صلى');
  });

  it('folds presentation forms and ligatures (NFKC)', () => {
    expect(normalize('\ufefb')).toBe('لا'); // lam-alef ligature
    meet('\ufe8d\ufee0\ufed8\ufeae\ufe8e\ufe8e\ufee5', 'القراان'); // isolated/final/medial forms
    expect(normalize('ﬁle')).toBe('file');
  });

  it('deletes bidi controls, ZWJ/ZWNJ and soft hyphen', () => {
    meet('\u200fكتاب\u200e', 'كتاب');
    meet('\u202bكتاب\u202c', 'كتاب');
    meet('\u2067كتاب\u2069', 'كتاب');
    meet('كتا\u200cب', 'كتاب');
    meet('كت\u200dاب', 'كتاب');
    meet('\u061cكتاب', 'كتاب');
    meet('news\u00adpaper', 'newspaper');
  });

  it('lower-cases Latin and strips Latin diacritics', () => {
    expect(normalize('Café CRÈME Ångström')).toBe('cafe creme angstrom');
    meet('Cafe\u0301', 'café'); // decomposed input
    meet('Łódź', 'łodz');
  });

  it('keeps punctuation, spaces and plain Arabic letters as they are', () => {
    const text = 'قال الرئيس، في مؤتمر صحفي: «نعم». (2015)';
    expect(normalize(text)).toBe('قال الرءيس، في مءتمر صحفي: «نعم». (2015)');
  });

  it('is idempotent', () => {
    for (const s of ['مَسْؤُولٌ', 'ﻻ ﷺ', 'Ÿ É ﬁ', 'ـــأحمدـــ', '۱۲ ٣٤']) {
      expect(normalize(normalize(s))).toBe(normalize(s));
    }
  });
});

describe('normalize: skipping NFKC never changes the result', () => {
  // normalize skips NFKC when every unit is in Latin-1, the Arabic block or General Punctuation and
  // is NFKC-safe; check every pair of such units against the always-NFKC reference.
  const units: string[] = [];
  for (const [from, to] of [[0x20, 0xff], [0x600, 0x6ff], [0x2000, 0x206f]] as const) {
    for (let c = from; c <= to; c++) units.push(String.fromCharCode(c));
  }

  it('agrees with always-NFKC on every pair of units', () => {
    const mismatches: string[] = [];
    for (const a of units) {
      for (const b of units) {
        const s = a + b;
        if (normalize(s) !== normalizeReference(s)) mismatches.push(s);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with always-NFKC on letter + two marks (where NFKC reorders and composes)', () => {
    const letters = 'اويهےە'.split('');
    const marks: string[] = [];
    for (let c = 0x610; c <= 0x6ff; c++) {
      const ch = String.fromCharCode(c);
      if (/\p{M}/u.test(ch)) marks.push(ch);
    }
    const mismatches: string[] = [];
    for (const l of letters) for (const m1 of marks) for (const m2 of marks) {
      const s = l + m1 + m2;
      if (normalize(s) !== normalizeReference(s)) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
    // The case that forces NFKC: waw + hamza above composes to ؤ, which folds to ء.
    expect(normalize('و\u0654')).toBe('ء');
  });
});
