/**
 * How dates and lengths read in the interface: Gregorian dates in the interface's language and
 * digits, with the Hijri (Umm al-Qura) date beside them in the reader when the settings ask for it.
 */
import { currentLocale, dateLocale, localeRevision } from './locale';
import { strings } from './strings';

interface Formats {
  revision: number;
  long: Intl.DateTimeFormat;
  longUtc: Intl.DateTimeFormat;
  short: Intl.DateTimeFormat;
  shortUtc: Intl.DateTimeFormat;
  hijri: Intl.DateTimeFormat;
  hijriUtc: Intl.DateTimeFormat;
}

let formats: Formats | null = null;

/** The formatters for the current locale, made again only when it changes. */
function current(): Formats {
  if (formats?.revision === localeRevision()) return formats;
  const gregory = dateLocale('gregory');
  const hijri = dateLocale('islamic-umalqura');
  const shortOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  formats = {
    revision: localeRevision(),
    long: new Intl.DateTimeFormat(gregory, { dateStyle: 'long' }),
    longUtc: new Intl.DateTimeFormat(gregory, { dateStyle: 'long', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(gregory, shortOptions),
    shortUtc: new Intl.DateTimeFormat(gregory, { ...shortOptions, timeZone: 'UTC' }),
    hijri: new Intl.DateTimeFormat(hijri, { dateStyle: 'long' }),
    hijriUtc: new Intl.DateTimeFormat(hijri, { dateStyle: 'long', timeZone: 'UTC' }),
  };
  return formats;
}

/** A bare "YYYY-MM-DD" is a calendar day, not midnight UTC: show it as that day everywhere. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function format(iso: string | null, pick: (f: Formats) => [local: Intl.DateTimeFormat, utc: Intl.DateTimeFormat]): string | null {
  if (iso === null || iso === '') return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const [local, utc] = pick(current());
  return (DATE_ONLY.test(iso) ? utc : local).format(date);
}

export const formatLongDate = (iso: string | null): string | null => format(iso, (f) => [f.long, f.longUtc]);
export const formatShortDate = (iso: string | null): string | null => format(iso, (f) => [f.short, f.shortUtc]);
export const formatHijriDate = (iso: string | null): string | null => format(iso, (f) => [f.hijri, f.hijriUtc]);

/** The Gregorian date, and the Hijri one beside it when the settings ask for it. */
export function formatArticleDate(iso: string | null): { gregorian: string; hijri: string | null } | null {
  const gregorian = formatLongDate(iso);
  if (gregorian === null) return null;
  return { gregorian, hijri: currentLocale().hijri ? formatHijriDate(iso) : null };
}

/** Arabic readers average about 180 words a minute (slower than English: denser words, fewer short ones). */
const WORDS_PER_MINUTE = 180;

export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export const readingTime = (text: string): string => strings.readingTime(readingMinutes(text));
