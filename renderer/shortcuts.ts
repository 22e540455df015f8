/**
 * The keyboard shortcuts: which key does what, decided in one place (and unit-tested), and the
 * list the shortcuts dialog shows.
 *
 * Direction: ↑/↓ (and j/k) always move up and down the list. Sideways, "next" follows the reading
 * direction: in the right-to-left (Arabic) interface ← is next and → is previous, in the
 * left-to-right (English) one → is next and ← is previous, as a page is turned in each script.
 *
 * Letters are matched by key, and by physical key (event.code) too, so that they work with an
 * Arabic layout, where the U key types "ع" and B types "لا".
 */
import type { Strings } from './strings';

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'back'
  | 'search'
  | 'bookmark'
  | 'toggle-read'
  | 'delete'
  | 'undo'
  | 'help'
  | 'page-forward'
  | 'page-back'
  | 'mark-list-read'
  | 'highlights'
  | 'sidebar';

export interface KeyContext {
  direction: 'rtl' | 'ltr';
  /** Focus is on a row of the list (arrows and Enter act on it). */
  inList: boolean;
  /** Focus is in a text field: only the modifier shortcuts apply. */
  editing: boolean;
  /** Focus is on a button or link other than a row: Space presses it. */
  onControl?: boolean;
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'> & { shiftKey?: boolean };

const letter = (event: KeyLike, char: string): boolean =>
  event.key.toLowerCase() === char || event.code === `Key${char.toUpperCase()}`;

export function shortcutFor(event: KeyLike, context: KeyContext): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && letter(event, 'f')) return 'search';
  if (context.editing) return null;
  if (mod && !event.altKey && letter(event, 'z')) return 'undo';
  if (mod || event.altKey) return null;
  switch (event.key) {
    case '/':
      return 'search';
    case '?':
    case '؟':
      return 'help';
    case 'Escape':
      return 'back';
    case 'Delete':
      return 'delete';
    case 'ArrowDown':
      return context.inList ? 'next' : null;
    case 'ArrowUp':
      return context.inList ? 'previous' : null;
    case 'ArrowLeft':
      return context.inList ? (context.direction === 'rtl' ? 'next' : 'previous') : null;
    case 'ArrowRight':
      return context.inList ? (context.direction === 'rtl' ? 'previous' : 'next') : null;
    case 'Enter':
      return context.inList ? 'open' : null;
    case ' ':
      // Space pages through the article (then on to the next unread one), as in feed readers.
      return context.onControl ? null : event.shiftKey ? 'page-back' : 'page-forward';
  }
  // H alone highlights the selection (article-body.ts); with Shift it shows every highlight.
  if (event.shiftKey === true && letter(event, 'h')) return 'highlights';
  if (event.shiftKey && letter(event, 'a')) return 'mark-list-read';
  if (letter(event, 'j')) return 'next';
  if (letter(event, 'k')) return 'previous';
  if (letter(event, 'b')) return 'bookmark';
  if (letter(event, 'u')) return 'toggle-read';
  // S (س on an Arabic keyboard): the sections, tags and subscriptions; a drawer in a narrow window.
  if (letter(event, 's')) return 'sidebar';
  return null;
}

/** What the shortcuts dialog lists: the keys (as shown on keycaps) and what they do. */
export function shortcutList(strings: Strings, direction: 'rtl' | 'ltr', mac: boolean): { keys: string[][]; label: string }[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    { keys: [['J'], ['↓']], label: strings.keyNext },
    { keys: [['K'], ['↑']], label: strings.keyPrevious },
    { keys: direction === 'rtl' ? [['←'], ['→']] : [['→'], ['←']], label: strings.keySideways },
    { keys: [['Enter']], label: strings.keyOpen },
    { keys: [['Esc']], label: strings.keyBack },
    { keys: [['/'], [mod, 'F']], label: strings.keySearch },
    { keys: [['B']], label: strings.keyBookmark },
    { keys: [['U']], label: strings.keyRead },
    { keys: [['H']], label: strings.keyHighlight },
    { keys: [['Shift', 'H']], label: strings.keyHighlights },
    { keys: [['Space']], label: strings.keyPageDown },
    { keys: [['Shift', 'Space']], label: strings.keyPageUp },
    { keys: [['Shift', 'A']], label: strings.keyMarkListRead },
    { keys: [['S']], label: strings.keySidebar },
    { keys: [['Delete']], label: strings.keyDelete },
    { keys: [[mod, 'Z']], label: strings.keyUndo },
    { keys: [['?']], label: strings.keyHelp },
  ];
}
