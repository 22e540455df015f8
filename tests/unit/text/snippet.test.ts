import { describe, expect, it } from 'vitest';
import type { Range } from '../../../common';
import { makeSnippet } from '../../../main/text/snippet';

/** Ranges of every occurrence of `word` in `text`. */
function find(text: string, word: string): Range[] {
  const ranges: Range[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) ranges.push([i, i + word.length]);
  return ranges;
}
const marked = ({ snippet, highlights }: { snippet: string; highlights: Range[] }): string[] =>
  highlights.map(([s, e]) => snippet.slice(s, e));

/** w0 w1 … w(n-1), with the given words replaced. */
function numbered(n: number, replace: Record<number, string> = {}): string {
  return Array.from({ length: n }, (_, i) => replace[i] ?? `w${i}`).join(' ');
}

describe('makeSnippet', () => {
  it('returns a short text whole, without ellipses, with highlights on the matched words', () => {
    const text = 'وزير الصحة يزور المستشفى';
    const result = makeSnippet(text, find(text, 'المستشفى'));
    expect(result.snippet).toBe(text);
    expect(marked(result)).toEqual(['المستشفى']);
  });

  it('keeps diacritics of the matched word as written', () => {
    const text = 'قَرَأْتُ الْكِتَابَ أَمْسِ';
    const result = makeSnippet(text, find(text, 'الْكِتَابَ'));
    expect(marked(result)).toEqual(['الْكِتَابَ']);
  });

  it('cuts a long text at word boundaries around the match, with ellipses', () => {
    const text = numbered(200, { 100: 'target' });
    const result = makeSnippet(text, find(text, 'target'), { words: 10 });
    expect(result.snippet.startsWith('… w')).toBe(true);
    // The match sits in the middle of the window, not at its edge.
    expect(result.snippet).toBe('… w96 w97 w98 w99 target w101 w102 w103 w104 w105 …');
    expect(result.snippet.split(' ').filter((w) => w !== '…')).toHaveLength(10);
    expect(marked(result)).toEqual(['target']);
  });

  it('picks the densest cluster of matches, not the first match', () => {
    const text = numbered(300, { 10: 'hit', 200: 'hit', 203: 'hit', 206: 'hit' });
    const result = makeSnippet(text, find(text, 'hit'), { words: 12 });
    expect(marked(result)).toEqual(['hit', 'hit', 'hit']);
    expect(result.snippet).toContain('hit w201 w202 hit w204 w205 hit');
    expect(result.snippet).not.toContain('w10 ');
  });

  it('prefers the earliest cluster when two are equally dense', () => {
    const text = numbered(300, { 50: 'hit', 52: 'hit', 250: 'hit', 252: 'hit' });
    const result = makeSnippet(text, find(text, 'hit'), { words: 10 });
    expect(result.snippet).toContain('hit w51 hit');
    expect(result.snippet).not.toContain('w251');
  });

  it('starts at the beginning of the text when nothing matched', () => {
    const text = numbered(100);
    const result = makeSnippet(text, [], { words: 5 });
    expect(result).toEqual({ snippet: 'w0 w1 w2 w3 w4 …', highlights: [] });
  });

  it('collapses line breaks into spaces and keeps highlights on the right words', () => {
    const text = 'السطر الأول\n\nفيه خبر\r\nعن الرياض\n  والرياض جميلة';
    const matches = [...find(text, 'الرياض'), ...find(text, 'خبر')];
    const result = makeSnippet(text, matches);
    expect(result.snippet).toBe('السطر الأول فيه خبر عن الرياض والرياض جميلة');
    expect(marked(result)).toEqual(['خبر', 'الرياض', 'الرياض']);
  });

  it('keeps highlights right after an ellipsis and collapsed breaks in a cut window', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `سطر${i}`);
    lines[40] = 'مطلوب';
    const text = lines.join('\n');
    const result = makeSnippet(text, find(text, 'مطلوب'), { words: 6 });
    expect(result.snippet).not.toContain('\n');
    expect(result.snippet.startsWith('… ')).toBe(true);
    expect(marked(result)).toEqual(['مطلوب']);
  });

  it('returns empty text as is', () => {
    expect(makeSnippet('', [])).toEqual({ snippet: '', highlights: [] });
  });
});
