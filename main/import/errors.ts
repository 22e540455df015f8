/**
 * Why a file cannot be imported, for a reason the user can act on: a code the interface says in
 * its own language, the values its sentence needs, and one line of English that the command line
 * prints as is, next to the file's path. The codes and their values are common/import-failures.ts.
 */
import type { ImportFailureCode, ImportFailureDetail } from '../../common';
import type { ImportFailure } from '../../common';

/** An ImportFailure without its path: what went wrong with a file, or with an entry inside it. */
export type FailureReason = Omit<ImportFailure, 'path' | 'code'> & { code: ImportFailureCode };

/**
 * A code, its English line and the values its sentence needs, checked code by code: the values
 * may be left out only when the code takes none (or only optional ones).
 */
export type ReasonArgs = {
  [C in ImportFailureCode]: Partial<ImportFailureDetail<C>> extends ImportFailureDetail<C>
    ? [code: C, error: string, detail?: ImportFailureDetail<C>]
    : [code: C, error: string, detail: ImportFailureDetail<C>];
}[ImportFailureCode];

export function reason(...[code, error, detail]: ReasonArgs): FailureReason {
  return detail === undefined ? { code, error } : { code, error, detail };
}

export class ImportError extends Error {
  readonly reason: FailureReason;

  /** From a code, its English line and its values; or from a reason made before. */
  constructor(...args: ReasonArgs | [reason: FailureReason]) {
    const why = args.length === 1 ? args[0] : reason(...args);
    super(why.error);
    this.name = 'ImportError';
    this.reason = why;
  }

  get code(): ImportFailureCode {
    return this.reason.code;
  }
}

/** The first line of any error's message, short enough to show. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 200);
}

/** Any error as a reason: an ImportError's own, else 'unexpected' keeping the error's first line. */
export function reasonOf(error: unknown): FailureReason {
  if (error instanceof ImportError) return error.reason;
  const line = firstLine(error);
  return reason('unexpected', line ? `could not import: ${line}` : 'could not import', { message: line });
}
