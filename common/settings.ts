/**
 * The reader's settings: what may be chosen, and the defaults. Plain values and types (no zod), so
 * the renderer can use them without bundling the validator; the zod schema built from them is in
 * main/contract.ts, and main checks every update against it.
 */

export const textFaces = ['naskh', 'amiri', 'kufi', 'sans', 'system'] as const;
export const themes = ['system', 'light', 'dark', 'sepia'] as const;
export const uiLanguages = ['ar', 'en'] as const;
/** 'auto': Arabic-Indic in the Arabic interface, Western in the English one. */
export const digitStyles = ['auto', 'arabic-indic', 'western'] as const;

/** Reading text size, CSS pixels. */
export const FONT_SIZE = { min: 14, max: 30, step: 1 } as const;
export const LINE_HEIGHT = { min: 1.4, max: 2.4, step: 0.1 } as const;
/** Line width, in characters of the reading face. */
export const MEASURE = { min: 40, max: 100, step: 2 } as const;

export type TextFace = (typeof textFaces)[number];
export type Theme = (typeof themes)[number];
export type UiLanguage = (typeof uiLanguages)[number];
export type DigitStyle = (typeof digitStyles)[number];

export interface Settings {
  textFace: TextFace;
  fontSize: number;
  lineHeight: number;
  measure: number;
  /** Justified (true) or ragged (false) reading text. */
  justify: boolean;
  theme: Theme;
  language: UiLanguage;
  digits: DigitStyle;
  /** Show the Hijri (Umm al-Qura) date beside the Gregorian one. */
  hijri: boolean;
}

export const defaultSettings: Settings = {
  textFace: 'naskh',
  fontSize: 20,
  lineHeight: 1.9,
  measure: 68,
  justify: false,
  theme: 'system',
  language: 'ar',
  digits: 'auto',
  hijri: false,
};
