/** How dates and lengths read in the interface (Arabic, Gregorian calendar, Arabic-Indic digits). */
import { DATE_LOCALE, strings } from './strings';

const longDate = new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: 'long' });
const longDateUtc = new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: 'long', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat(DATE_LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDateUtc = new Intl.DateTimeFormat(DATE_LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A bare "YYYY-MM-DD" is a calendar day, not midnight UTC: show it as that day everywhere. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function format(iso: string | null, local: Intl.DateTimeFormat, utc: Intl.DateTimeFormat): string | null {
  if (iso === null || iso === '') return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return (DATE_ONLY.test(iso) ? utc : local).format(date);
}

export const formatLongDate = (iso: string | null): string | null => format(iso, longDate, longDateUtc);
export const formatShortDate = (iso: string | null): string | null => format(iso, shortDate, shortDateUtc);

/** Arabic readers average about 180 words a minute (slower than English: denser words, fewer short ones). */
const WORDS_PER_MINUTE = 180;

export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export const readingTime = (text: string): string => strings.readingTime(readingMinutes(text));
