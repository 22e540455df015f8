/**
 * What the importer changed in a file, in the interface's language: every note code has a sentence
 * in both string tables; a note the renderer cannot say shows main's English line.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { importNoteDetails, type ImportNote, type ImportNoteCode } from '../../../common';
import { ar, type Strings } from '../../../renderer/i18n/ar';
import { en } from '../../../renderer/i18n/en';
import { noteText } from '../../../renderer/import-failure';
import { setLanguage } from '../../../renderer/strings';

const note = (code: string, detail: Record<string, string | number>): ImportNote =>
  ({ path: 'page.html', message: 'the English line', code: code as ImportNoteCode, detail });

afterEach(() => setLanguage('ar'));

describe('import notes', () => {
  it('have a sentence for every code in both tables', () => {
    expectTypeOf<keyof Strings['importNotes']>().toEqualTypeOf<ImportNoteCode>();
    expect(Object.keys(ar.importNotes).sort()).toEqual(Object.keys(importNoteDetails).sort());
    expect(Object.keys(en.importNotes).sort()).toEqual(Object.keys(importNoteDetails).sort());
  });

  it('say an overridden encoding and restored text in Arabic, the charset names isolated, and in English', () => {
    const overridden = note('encoding-overridden', { declared: 'windows-1256', used: 'UTF-8' });
    const repaired = note('text-repaired', { misreadAs: 'windows-1256' });
    expect(noteText(overridden)).toBe('يعلن الملف ترميز \u2068windows-1256\u2069 لكن نصه بترميز \u2068UTF-8\u2069، فقُرئ به');
    expect(noteText(repaired)).toBe('أُصلح نص مشوّه: نص UTF-8 سبق أن قُرئ بترميز \u2068windows-1256\u2069');
    setLanguage('en');
    expect(noteText(overridden)).toBe('Declared as windows-1256, but the text is UTF-8: read as UTF-8');
    expect(noteText(repaired)).toBe('Garbled text was restored (UTF-8 once read as windows-1256)');
  });

  it('fall back to main’s English line for a code or values the renderer does not know', () => {
    expect(noteText(note('something-new', {}))).toBe('the English line');
    expect(noteText(note('encoding-overridden', { declared: 'windows-1256' }))).toBe('the English line');
  });
});
