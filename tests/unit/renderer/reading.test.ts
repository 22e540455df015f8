import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadingTracker, READ_AFTER_MS, SAVE_DELAY_MS } from '../../../renderer/reading-tracker';
import { shortcutFor, type KeyContext } from '../../../renderer/shortcuts';
import { applyLocale, formatNumber } from '../../../renderer/locale';
import { en } from '../../../renderer/i18n/en';
import { ar } from '../../../renderer/i18n/ar';

const key = (key: string, extra: Partial<KeyboardEvent> = {}) => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, ...extra });
const rtlList: KeyContext = { direction: 'rtl', inList: true, editing: false };
const ltrList: KeyContext = { direction: 'ltr', inList: true, editing: false };

describe('shortcuts', () => {
  it('move through the list with j/k and the arrows, sideways by the reading direction', () => {
    expect(shortcutFor(key('j'), { ...rtlList, inList: false })).toBe('next');
    expect(shortcutFor(key('k'), { ...rtlList, inList: false })).toBe('previous');
    expect(shortcutFor(key('ArrowDown'), rtlList)).toBe('next');
    expect(shortcutFor(key('ArrowUp'), rtlList)).toBe('previous');
    // Right to left: ← is next, → previous; left to right the other way round.
    expect(shortcutFor(key('ArrowLeft'), rtlList)).toBe('next');
    expect(shortcutFor(key('ArrowRight'), rtlList)).toBe('previous');
    expect(shortcutFor(key('ArrowRight'), ltrList)).toBe('next');
    expect(shortcutFor(key('ArrowLeft'), ltrList)).toBe('previous');
    // Outside the list the arrows scroll what has the focus (the article).
    expect(shortcutFor(key('ArrowDown'), { ...rtlList, inList: false })).toBeNull();
  });

  it('work on an Arabic keyboard layout by physical key, and never while typing', () => {
    expect(shortcutFor(key('ع', { code: 'KeyU' }), rtlList)).toBe('toggle-read');
    expect(shortcutFor(key('لا', { code: 'KeyB' }), rtlList)).toBe('bookmark');
    expect(shortcutFor(key('؟'), rtlList)).toBe('help');
    expect(shortcutFor(key('u'), { ...rtlList, editing: true })).toBeNull();
    expect(shortcutFor(key('Delete'), { ...rtlList, editing: true })).toBeNull();
    expect(shortcutFor(key('f', { ctrlKey: true }), { ...rtlList, editing: true })).toBe('search');
    expect(shortcutFor(key('z', { metaKey: true }), rtlList)).toBe('undo');
    expect(shortcutFor(key('b', { ctrlKey: true }), rtlList)).toBeNull();
    expect(shortcutFor(key('Enter'), rtlList)).toBe('open');
    expect(shortcutFor(key('Escape'), { ...rtlList, inList: false })).toBe('back');
    // S, or س where an Arabic layout has it, goes to the sidebar; never while typing or with Ctrl.
    expect(shortcutFor(key('س', { code: 'KeyS' }), rtlList)).toBe('sidebar');
    expect(shortcutFor(key('s'), { ...rtlList, editing: true })).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true }), rtlList)).toBeNull();
  });

  it('show every highlight with Shift+H (H alone is the reading view’s: it highlights the selection)', () => {
    expect(shortcutFor(key('H', { shiftKey: true, code: 'KeyH' }), rtlList)).toBe('highlights');
    expect(shortcutFor(key('ا', { shiftKey: true, code: 'KeyH' }), { ...rtlList, inList: false })).toBe('highlights');
    expect(shortcutFor(key('h', { code: 'KeyH' }), rtlList)).toBeNull();
    expect(shortcutFor(key('H', { shiftKey: true, code: 'KeyH' }), { ...rtlList, editing: true })).toBeNull();
  });
});

describe('reading tracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the position once scrolling stops, and when the article is left', () => {
    const saved: [number, number][] = [];
    const tracker = new ReadingTracker({ savePosition: (id, p) => saved.push([id, p]), markRead: () => undefined });
    tracker.open({ id: 1, position: 0, read: false });
    tracker.scrolled(0.1);
    tracker.scrolled(0.2);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved).toEqual([[1, 0.2]]);
    tracker.scrolled(0.35);
    tracker.open({ id: 2, position: 0.5, read: true });
    expect(saved).toEqual([
      [1, 0.2],
      [1, 0.35],
    ]);
  });

  it('marks an article read at its end or after a while, once, and not after U', () => {
    const read: number[] = [];
    const tracker = new ReadingTracker({ savePosition: () => undefined, markRead: (id) => read.push(id) });
    tracker.open({ id: 1, position: 0, read: false });
    tracker.scrolled(0.99);
    tracker.scrolled(1);
    expect(read).toEqual([1]);

    tracker.open({ id: 2, position: 0, read: false });
    vi.advanceTimersByTime(READ_AFTER_MS - 1);
    expect(read).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(read).toEqual([1, 2]);

    tracker.open({ id: 3, position: 0, read: false });
    tracker.settle();
    tracker.scrolled(1);
    vi.advanceTimersByTime(READ_AFTER_MS);
    expect(read).toEqual([1, 2]);

    // Already read: nothing to do.
    tracker.open({ id: 4, position: 0, read: true });
    tracker.scrolled(1);
    expect(read).toEqual([1, 2]);
  });
});

describe('the English interface', () => {
  afterEach(() => applyLocale('ar', 'auto', false));

  it('has every string the Arabic one has', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ar).sort());
  });

  it('writes Western digits by default, Arabic-Indic ones when asked, and counts in English', () => {
    applyLocale('en', 'auto', false);
    expect(en.articleCount(1)).toBe('1 article');
    expect(en.articleCount(12000)).toBe('12,000 articles');
    applyLocale('en', 'arabic-indic', false);
    expect(formatNumber(3)).toBe('٣');
    applyLocale('ar', 'western', false);
    expect(ar.articleCount(3)).toBe('3 مقالات');
  });
});
