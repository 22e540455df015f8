/**
 * How the command line writes an import's failures: the name of what failed and the shape scripts
 * read. Kept apart from the importers, so that a command that prints a report loads no parser.
 */
import type { ImportFailure } from '../../common';

/** Separates a container's path from an entry inside it in failures and origins. */
export const ENTRY_SEPARATOR = ' › ';

/** What failed, in English for a terminal: the file, and the feed item when it was one ("feed.xml › item 3"). */
export function failedName(failure: Pick<ImportFailure, 'path' | 'item'>): string {
  return failure.item === undefined ? failure.path : `${failure.path}${ENTRY_SEPARATOR}item ${failure.item}`;
}

/**
 * A failure as `sahifa import --json` writes it, for scripts: the path, the item when it was one,
 * the code the app translates, the English line, and the code's values when it has any.
 */
export function failureForScripts({ path, item, code, error, detail }: ImportFailure): ImportFailure {
  // Every failure main makes has a code; 'unexpected' is what the app calls one without.
  return { path, ...(item === undefined ? {} : { item }), code: code ?? 'unexpected', error, ...(detail === undefined ? {} : { detail }) };
}
