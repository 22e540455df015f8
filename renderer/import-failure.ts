/**
 * A failed file's reason in the interface's language: said from its code and values by the string
 * table (i18n/ar.ts, i18n/en.ts), or main's English line when there is no code, a code this
 * renderer does not know, or values that do not fit it (a report from an older or newer main).
 */
import type { ImportFailure } from '../common';
import { fitsDetail, isImportFailureCode, type ImportFailureCode, type ImportFailureDetail } from '../common';
import type { ImportFailureStrings } from './i18n/ar';
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
