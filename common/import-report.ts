/**
 * What an import says when it is done: how many articles it added, how many it had already, why
 * each file that failed did, and what was changed in files that were imported. The importer makes
 * reports; the command line prints them and the interface shows them in the reader's language (the
 * codes are import-failures.ts and import-notes.ts).
 */
import type { ImportFailureCode } from './import-failures';
import type { ImportNoteCode } from './import-notes';

export interface ImportFailure {
  /** The file: a path, or `archive › entry` for a file inside an archive. */
  path: string;
  /** Which item of the feed at `path` failed, counted from 1; absent when the failure is the whole file's. */
  item?: number;
  /** Why, in one line of English: what the command line prints, and the interface's fallback. */
  error: string;
  /** Why, as a code the interface says in its own language; absent from reports of older versions. */
  code?: ImportFailureCode;
  /** The values the code's sentence needs (import-failures.ts says which). */
  detail?: Record<string, string | number>;
}

/** Something the importer changed in a file it imported (an encoding it did not take at its word, text it restored). */
export interface ImportNote {
  path: string;
  /** What, in one line of English: what the command line prints, and the interface's fallback. */
  message: string;
  code: ImportNoteCode;
  /** The values the code's sentence needs (import-notes.ts says which). */
  detail: Record<string, string | number>;
}

export interface ImportReport {
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
  /** Per file, what was changed on the way in; absent from reports of older versions. */
  notes?: ImportNote[];
  /** Ids of the articles this import added, in import order. */
  ids: number[];
  cancelled: boolean;
}

export const emptyReport = (): ImportReport => ({ imported: 0, duplicates: 0, failed: [], notes: [], ids: [], cancelled: false });

/** Two reports as one, as if both imports had been one (in order). */
export function mergeReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    imported: a.imported + b.imported,
    duplicates: a.duplicates + b.duplicates,
    failed: [...a.failed, ...b.failed],
    notes: [...(a.notes ?? []), ...(b.notes ?? [])],
    ids: [...a.ids, ...b.ids],
    cancelled: a.cancelled || b.cancelled,
  };
}

/** File name endings the file pickers offer; the importer sniffs contents, so others import too. */
export const importableExtensions = [
  'txt', 'text', 'md', 'markdown', 'mdown', 'mkd', 'mkdn', 'html', 'htm', 'xhtml', 'xht', 'shtml', 'mhtml', 'mht',
  'xml', 'rss', 'atom', 'rdf', 'json', 'epub', 'zip',
] as const;
