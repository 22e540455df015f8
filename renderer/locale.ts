/**
 * The interface's language and how it writes numbers and dates. One current locale for the whole
 * window, changed by the settings (applyLocale); the string tables and formatters read it at call
 * time, so a change shows at the next render without reloading.
 *
 * Numbers: Arabic-Indic digits (٣) or Western digits (3); by default Arabic-Indic in the Arabic
 * interface and Western in the English one. Dates: Gregorian, in the interface's language, with
 * the Hijri (Umm al-Qura) date beside it when the reader asks for it.
 */
import type { DigitStyle, UiLanguage } from '../common';

export interface LocaleState {
  language: UiLanguage;
  /** Which digits numbers are written with, after 'auto' is resolved. */
  digits: 'arab' | 'latn';
  hijri: boolean;
}

const state: LocaleState = { language: 'ar', digits: 'arab', hijri: false };

let numberFormat = new Intl.NumberFormat('ar-EG-u-nu-arab');
let pluralRules = new Intl.PluralRules('ar');
let revision = 0;

export function resolveDigits(language: UiLanguage, digits: DigitStyle): 'arab' | 'latn' {
  if (digits === 'arabic-indic') return 'arab';
  if (digits === 'western') return 'latn';
  return language === 'ar' ? 'arab' : 'latn';
}

/** Egyptian Arabic: Arabic month names everyone reads (يوليو), unlike the Levantine ones (تموز). */
const BASE: Record<UiLanguage, string> = { ar: 'ar-EG', en: 'en-GB' };

export function numberLocale(): string {
  return `${BASE[state.language]}-u-nu-${state.digits}`;
}

export function dateLocale(calendar: 'gregory' | 'islamic-umalqura' = 'gregory'): string {
  return `${BASE[state.language]}-u-nu-${state.digits}-ca-${calendar}`;
}

export function applyLocale(language: UiLanguage, digits: DigitStyle, hijri: boolean): void {
  const next: LocaleState = { language, digits: resolveDigits(language, digits), hijri };
  if (next.language === state.language && next.digits === state.digits && next.hijri === state.hijri) return;
  Object.assign(state, next);
  numberFormat = new Intl.NumberFormat(numberLocale());
  pluralRules = new Intl.PluralRules(language);
  revision++;
}

export function currentLocale(): Readonly<LocaleState> {
  return state;
}

/** Bumped at every change, so that caches of formatted text know when to start over. */
export function localeRevision(): number {
  return revision;
}

export const formatNumber = (n: number): string => numberFormat.format(n);

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/**
 * A size in bytes as the interface writes it, in the current digits: "٣٢ م.ب", "1.1 GB". Units of
 * 1,024, as the importer counts its limits; the unit's name is the locale's own (Intl).
 */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= GB ? [bytes / GB, 'gigabyte'] : bytes >= MB ? [bytes / MB, 'megabyte'] : bytes >= KB ? [bytes / KB, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(numberLocale(), { style: 'unit', unit, maximumFractionDigits: unit === 'gigabyte' ? 1 : 0 }).format(value);
}

/**
 * Text of its own direction inside a sentence (a file extension, an English error), kept whole by a
 * Unicode first-strong isolate: ".css" in an Arabic sentence stays ".css" rather than "css.".
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, (n: string) => string>> & { other: (n: string) => string };

/** The form for n (Arabic has six: zero, one, two, few, many, other), with n written in the current digits. */
export function plural(n: number, forms: PluralForms): string {
  const form = forms[pluralRules.select(n)] ?? forms.other;
  return form(formatNumber(n));
}
