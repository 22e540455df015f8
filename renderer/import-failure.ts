/**
 * A failed file's reason, and an imported file's note, in the interface's language: said from its
 * code and values by the string table (i18n/ar.ts, i18n/en.ts), or main's English line when there
 * is no code, a code this renderer does not know, or values that do not fit it (a report from an
 * older or newer main).
 */
import type { ImportFailure, ImportNote } from '../common';
import { fitsDetail, isImportFailureCode, type ImportFailureCode, type ImportFailureDetail } from '../common';
import { fitsNoteDetail, isImportNoteCode, type ImportNoteCode, type ImportNoteDetail } from '../common';
import type { ImportFailureStrings, ImportNoteStrings } from './i18n/ar';
import { strings } from './strings';

export function failureReason(failure: ImportFailure): string {
  const { code } = failure;
  // Main leaves out the values of a code that needs none.
  const detail = failure.detail ?? {};
  if (!isImportFailureCode(code) || !fitsDetail(code, detail)) return failure.error;
  return say(strings.importFailures, code, detail);
}

function say<C extends ImportFailureCode>(table: ImportFailureStrings, code: C, detail: ImportFailureDetail<C>): string {
  return table[code](detail);
}

/** What was changed in an imported file, the same way: from its code and values, else main's English line. */
export function noteText(note: ImportNote): string {
  const { code, detail } = note;
  if (!isImportNoteCode(code) || !fitsNoteDetail(code, detail)) return note.message;
  return sayNote(strings.importNotes, code, detail);
}

function sayNote<C extends ImportNoteCode>(table: ImportNoteStrings, code: C, detail: ImportNoteDetail<C>): string {
  return table[code](detail);
}
