/**
 * What the importer changed in a file it imported, for the report: one code, the values its
 * sentence needs (common/import-notes.ts) and one line of English, like a failure's reason.
 */
import type { ImportNote, ImportNoteCode, ImportNoteDetail } from '../../common';
import type { DecodedText } from './decode';

/** An ImportNote without its path: the file's parser does not know where the file sits in the import. */
export type NoteReason = Omit<ImportNote, 'path'>;

/** Where a parser tells the report what it changed. */
export interface NoteSink {
  note(reason: NoteReason): void;
}

export function note<C extends ImportNoteCode>(code: C, message: string, detail: ImportNoteDetail<C>): NoteReason {
  return { code, message, detail };
}

/** "utf-8" as people write it; other labels (windows-1256, gb2312) already are. */
function charsetName(label: string): string {
  return /^utf-/i.test(label) ? label.toUpperCase() : label;
}

/** What decoding did that a reader should know: an encoding not taken at its word, garbled text restored. */
export function decodingNotes(decoded: DecodedText): NoteReason[] {
  const notes: NoteReason[] = [];
  if (decoded.overridden) {
    const declared = charsetName(decoded.overridden);
    const used = charsetName(decoded.encoding);
    notes.push(note('encoding-overridden', `declared as ${declared}, but the text is ${used}: read as ${used}`, { declared, used }));
  }
  if (decoded.repaired) {
    const misreadAs = decoded.repaired.join(', ');
    notes.push(note('text-repaired', `garbled text restored (UTF-8 that had been read as ${misreadAs})`, { misreadAs }));
  }
  return notes;
}

/** The decoded text, after telling the report (when there is one) what decoding did. */
export function reportDecoding(decoded: DecodedText, sink: NoteSink | undefined): string {
  if (sink) for (const reason of decodingNotes(decoded)) sink.note(reason);
  return decoded.text;
}

/** Adds a file's note unless it already has the same one (every chapter of a book may say it). */
export function addNote(notes: ImportNote[], path: string, reason: NoteReason): void {
  const same = (n: ImportNote): boolean => n.path === path && n.code === reason.code && JSON.stringify(n.detail) === JSON.stringify(reason.detail);
  if (!notes.some(same)) notes.push({ path, ...reason });
}
