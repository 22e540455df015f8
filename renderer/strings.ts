/**
 * Every string the interface shows, in the interface's language: `strings` is the current table
 * (i18n/ar.ts or i18n/en.ts), switched by setLanguage(). It is a live binding: components read
 * `strings.x` when they render, so after a switch the next render speaks the new language.
 *
 * Why not @lit/localize: without its CLI (lit-localize), runtime mode means hand-keeping message
 * ids in sync across files, and it has no plural support, which Arabic's six plural forms need.
 * A typed table per language gives both: plural functions, and a compile error for any string
 * missing from a translation.
 *
 * To add a string: add it to i18n/ar.ts (which defines the shape) and translate it in i18n/en.ts.
 */
import type { UiLanguage } from '../common';
import { ar, type Strings } from './i18n/ar';
import { en } from './i18n/en';

export { formatNumber } from './locale';
export type { Strings };

const TABLES: Record<UiLanguage, Strings> = { ar, en };

export let strings: Strings = ar;

export function setLanguage(language: UiLanguage): void {
  strings = TABLES[language];
}
