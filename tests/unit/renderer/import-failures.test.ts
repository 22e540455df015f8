/**
 * Why a file was not imported, in the interface's language: every code main can give has a
 * sentence in both string tables, made from its values in the reader's digits; a report without a
 * code the renderer knows shows main's English line.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { ImportFailure } from '../../../common';
import {
  fitsDetail,
  importFailureCodes,
  importFailureDetails,
  unsupportedKinds,
  type ImportFailureCode,
} from '../../../common';
import { ar, type Strings } from '../../../renderer/i18n/ar';
import { en } from '../../../renderer/i18n/en';
import { failureReason } from '../../../renderer/import-failure';
import { applyLocale } from '../../../renderer/locale';
import { setLanguage } from '../../../renderer/strings';

const MB = 1024 * 1024;
/** Unicode isolates around a value of its own direction inside a sentence. */
const FSI = '\u2068';
const PDI = '\u2069';

function failure(code: string | undefined, detail?: Record<string, string | number>): ImportFailure {
  return { path: 'x', error: 'the English line', code: code as ImportFailureCode | undefined, ...(detail ? { detail } : {}) };
}

/** Values of the right kind for every code: 7 for numbers, "x" for text. */
function sampleDetail(code: ImportFailureCode): Record<string, string | number> {
  const spec: Record<string, string> = importFailureDetails[code];
  return Object.fromEntries(Object.entries(spec).map(([key, kind]) => [key, kind.startsWith('number') ? 7 : 'x']));
}

function useLanguage(language: 'ar' | 'en', digits: 'auto' | 'western' = 'auto'): void {
  setLanguage(language);
  applyLocale(language, digits, false);
}

afterEach(() => useLanguage('ar'));

describe('the string tables', () => {
  it('have a sentence for every code, and no other (checked by the types too)', () => {
    expectTypeOf<keyof Strings['importFailures']>().toEqualTypeOf<ImportFailureCode>();
    expectTypeOf<keyof typeof en.importFailures>().toEqualTypeOf<ImportFailureCode>();
    expect(Object.keys(ar.importFailures).sort()).toEqual([...importFailureCodes].sort());
    expect(Object.keys(en.importFailures).sort()).toEqual([...importFailureCodes].sort());
    expect(Object.keys(ar.fileKinds).sort()).toEqual([...unsupportedKinds].sort());
  });

  for (const language of ['ar', 'en'] as const) {
    it(`say every code in ${language === 'ar' ? 'Arabic' : 'English'}, never main's English line`, () => {
      useLanguage(language);
      const script = language === 'ar' ? /\p{Script=Arabic}/u : /^[A-Z]/;
      for (const code of importFailureCodes) {
        const detail = sampleDetail(code);
        expect(fitsDetail(code, detail), code).toBe(true);
        const said = failureReason(failure(code, detail));
        expect(said, code).not.toBe('the English line');
        expect(said.trim(), code).not.toBe('');
        expect(said, code).toMatch(script);
        expect(said, code).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  }
});

describe('sentences in Arabic', () => {
  it('give sizes and numbers in the reader\'s digits', () => {
    expect(failureReason(failure('file-too-large', { size: 32 * MB, limit: 20 * MB }))).toBe('الملف أكبر من الحد المسموح (٣٢ م.ب، والحد ٢٠ م.ب)');
    expect(failureReason(failure('broken-xml', { line: 12 }))).toBe('ملف XML تالف عند السطر ١٢');
    expect(failureReason(failure('archive-too-many-entries', { count: 10_001, limit: 10_000 }))).toBe('الأرشيف كبير جدًا: فيه ١٠٬٠٠١ ملف، والحد ١٠٬٠٠٠');
    expect(failureReason(failure('archive-nested-too-deep', { limit: 3 }))).toBe('أرشيفات داخل أرشيفات لأكثر من ٣ مستويات');
    useLanguage('ar', 'western');
    expect(failureReason(failure('broken-xml', { line: 12 }))).toBe('ملف XML تالف عند السطر 12');
  });

  it('leave out a value that may be missing', () => {
    expect(failureReason(failure('broken-json'))).toBe('ملف JSON تالف');
    expect(failureReason(failure('broken-json', { line: 4 }))).toBe('ملف JSON تالف عند السطر ٤');
    expect(failureReason(failure('archive-expands-too-much', { limit: 1024 * MB }))).toBe('الأرشيف كبير جدًا: يتمدد إلى أكثر من ١ غ.ب');
  });

  it('name the kind of file, and keep an extension or an English error whole inside the Arabic', () => {
    expect(failureReason(failure('unsupported-format', { format: 'image' }))).toBe(`صيغة غير مدعومة (${FSI}صورة${PDI})`);
    expect(failureReason(failure('unsupported-format', { format: '.css' }))).toBe(`صيغة غير مدعومة (${FSI}.css${PDI})`);
    expect(failureReason(failure('unexpected', { message: 'x is not a function' }))).toBe(`خطأ غير متوقع: ${FSI}x is not a function${PDI}`);
  });
});

describe('sentences in English', () => {
  it('give sizes and numbers in Western digits', () => {
    useLanguage('en');
    expect(failureReason(failure('file-too-large', { size: 300 * MB, limit: 200 * MB }))).toBe('The file is too large (300 MB; the limit is 200 MB)');
    expect(failureReason(failure('unsupported-format', { format: 'pdf' }))).toBe('Unsupported format (PDF)');
    expect(failureReason(failure('archive-expands-too-much', { size: 1.1 * 1024 * MB, limit: 1024 * MB }))).toBe('The archive is too large: it expands to 1.1 GB (the limit is 1 GB)');
  });
});

describe('reports the renderer cannot translate', () => {
  it('show main\'s English line: no code (an older main), an unknown code, values that do not fit', () => {
    expect(failureReason(failure(undefined))).toBe('the English line');
    expect(failureReason(failure('a-code-from-a-newer-main'))).toBe('the English line');
    expect(failureReason(failure('toString'))).toBe('the English line');
    expect(failureReason(failure('file-too-large'))).toBe('the English line');
    expect(failureReason(failure('file-too-large', { size: '32', limit: 20 }))).toBe('the English line');
    expect(failureReason(failure('broken-json', { line: 'four' }))).toBe('the English line');
  });
});
