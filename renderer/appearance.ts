/**
 * Applies the settings to the window at once: the interface's language and direction (the whole
 * layout mirrors, since every component uses logical properties), the theme, and the reading
 * text's face, size, line height, measure and alignment, as custom properties that inherit into
 * every shadow root.
 */
import type { Settings, TextFace, Theme } from '../common';
import { applyLocale } from './locale';
import { setLanguage } from './strings';

/** Each face with fallbacks that carry Arabic, so a missing glyph never falls to a Latin-only face. */
const FACE_STACKS: Record<TextFace, string> = {
  naskh: "'Noto Naskh Arabic', 'Amiri', serif",
  amiri: "'Amiri', 'Noto Naskh Arabic', serif",
  kufi: "'Noto Kufi Arabic', 'Noto Sans Arabic', sans-serif",
  sans: "'Noto Sans Arabic', 'Noto Sans', sans-serif",
  system: 'system-ui, sans-serif',
};

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
let followedTheme: Theme = 'system';

function resolvedTheme(theme: Theme): 'light' | 'dark' | 'sepia' {
  if (theme !== 'system') return theme;
  return darkQuery.matches ? 'dark' : 'light';
}

function applyTheme(theme: Theme): void {
  followedTheme = theme;
  document.documentElement.dataset.theme = resolvedTheme(theme);
}

// "Follow the system" follows it while the app runs too.
darkQuery.addEventListener('change', () => applyTheme(followedTheme));

export function applySettings(settings: Settings): void {
  const root = document.documentElement;
  applyLocale(settings.language, settings.digits, settings.hijri);
  setLanguage(settings.language);
  root.lang = settings.language;
  root.dir = settings.language === 'ar' ? 'rtl' : 'ltr';
  applyTheme(settings.theme);
  root.style.setProperty('--font-reading', FACE_STACKS[settings.textFace]);
  root.style.setProperty('--reading-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-line-height', String(settings.lineHeight));
  root.style.setProperty('--reading-measure', `${settings.measure}ch`);
  root.style.setProperty('--reading-align', settings.justify ? 'justify' : 'start');
}

/** Before the settings arrive: the system's light or dark, so the first paint does not flash. */
export function applyInitialTheme(): void {
  applyTheme('system');
}
