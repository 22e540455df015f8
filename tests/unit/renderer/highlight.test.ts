import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rangesWithin, splitParagraphs } from '../../../renderer/highlight';
import type { Range } from '../../../common';

const sample = fs.readFileSync(path.resolve(process.cwd(), '../shared/samples/000_1dff3df0f293edce.txt'), 'utf8');

/** Every occurrence of `word` in `text`, as the API would return them. */
function rangesOf(text: string, word: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
  return ranges;
}

describe('splitParagraphs', () => {
  it('keeps one paragraph a line of the news sample, with offsets into the full text', () => {
    const paragraphs = splitParagraphs(sample);
    expect(paragraphs).toHaveLength(sample.split('\n').filter((line) => line.trim() !== '').length);
    for (const paragraph of paragraphs) expect(sample.slice(paragraph.start, paragraph.start + paragraph.text.length)).toBe(paragraph.text);
  });

  it('drops blank lines and handles CRLF', () => {
    const paragraphs = splitParagraphs('أول\r\n\r\n  \r\nثانٍ');
    expect(paragraphs.map((p) => p.text)).toEqual(['أول', 'ثانٍ']);
    expect(paragraphs[1]!.start).toBe('أول\r\n\r\n  \r\n'.length);
  });
});

describe('rangesWithin', () => {
  it('puts each match of the full text into its own paragraph, where it spells the same word', () => {
    const ranges = rangesOf(sample, 'الفياض');
    expect(ranges.length).toBe(2);
    const marked = splitParagraphs(sample).flatMap((paragraph) =>
      rangesWithin(ranges, paragraph.start, paragraph.text.length).map(([from, to]) => paragraph.text.slice(from, to)),
    );
    expect(marked).toEqual(['الفياض', 'الفياض']);
  });

  it('cuts a phrase match that runs over a line break into two marks', () => {
    const text = 'مجلس الأمن\nالقومي الإيراني';
    const [first, second] = splitParagraphs(text);
    const phrase: Range[] = [[5, 17]];
    expect(rangesWithin(phrase, first!.start, first!.text.length)).toEqual([[5, 10]]);
    expect(rangesWithin(phrase, second!.start, second!.text.length)).toEqual([[0, 6]]);
  });
});
