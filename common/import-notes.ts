/**
 * What the importer changed in a file it did import, so that a reader who sees text unlike the
 * file's declaration knows why: one code per kind of note, said by the interface in its own language
 * (renderer/i18n) with the values its sentence needs, and one line of English for the command line
 * and as the interface's fallback — the same shape as import-failures.ts.
 */
import { fitsValues, type ValueKind } from './import-failures';

export const importNoteDetails = {
  /** The file or its server declared the charset `declared`; the bytes proved it wrong and were read as `used`. */
  'encoding-overridden': { declared: 'text', used: 'text' },
  /** Text that had been garbled before it was written (UTF-8 read as `misreadAs`) was restored. */
  'text-repaired': { misreadAs: 'text' },
} as const satisfies Record<string, Readonly<Record<string, ValueKind>>>;

export type ImportNoteCode = keyof typeof importNoteDetails;

/** The values a note's sentence takes: for 'encoding-overridden', { declared: string; used: string }. */
export type ImportNoteDetail<C extends ImportNoteCode> = {
  [K in keyof (typeof importNoteDetails)[C]]: (typeof importNoteDetails)[C][K] extends 'number' ? number : string;
};

export function isImportNoteCode(value: unknown): value is ImportNoteCode {
  return typeof value === 'string' && Object.hasOwn(importNoteDetails, value);
}

export function fitsNoteDetail<C extends ImportNoteCode>(code: C, detail: unknown): detail is ImportNoteDetail<C> {
  return fitsValues(importNoteDetails[code], detail);
}
