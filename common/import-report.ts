/**
 * What an import says when it is done: how many articles it added, how many it had already, and
 * why each file that failed did. The importer makes reports; the command line prints them and the
 * interface shows them in the reader's language (the codes are import-failures.ts).
 */
import type { ImportFailureCode } from './import-failures';

export interface ImportFailure {
  path: string;
  /** Why, in one line of English: what the command line prints, and the interface's fallback. */
  error: string;
  /** Why, as a code the interface says in its own language; absent from reports of older versions. */
  code?: ImportFailureCode;
  /** The values the code's sentence needs (import-failures.ts says which). */
  detail?: Record<string, string | number>;
}

export interface ImportReport {
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
  /** Ids of the articles this import added, in import order. */
  ids: number[];
  cancelled: boolean;
}

export const emptyReport = (): ImportReport => ({ imported: 0, duplicates: 0, failed: [], ids: [], cancelled: false });

/** Two reports as one, as if both imports had been one (in order). */
export function mergeReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    imported: a.imported + b.imported,
    duplicates: a.duplicates + b.duplicates,
    failed: [...a.failed, ...b.failed],
    ids: [...a.ids, ...b.ids],
    cancelled: a.cancelled || b.cancelled,
  };
}

/** File name endings the file pickers offer; the importer sniffs contents, so others import too. */
export const importableExtensions = [
  'txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'mhtml', 'mht', 'xml', 'rss', 'atom', 'rdf', 'json', 'epub', 'zip',
] as const;
