import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { markWordsInDom } from '../../../renderer/html-highlight';
import type { Range } from '../../../common';

function rangesOf(text: string, word: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
  return ranges;
}

describe('markWordsInDom', () => {
  it('marks, in the HTML, the words the ranges point at in the plain text, in order', () => {
    // A Markdown article: `text` is the source as written, `html` what the reader shows.
    const text = '## المفضلة\n\nاضغط **أضِف إلى المفضلة** ثم افتح «المفضلة» من الشريط.';
    const { document } = new JSDOM(
      '<div><h2>المفضلة</h2><p>اضغط <strong>أضِف إلى المفضلة</strong> ثم افتح «المفضلة» من الشريط.</p></div>',
    ).window;
    const root = document.querySelector('div')!;
    const count = markWordsInDom(root, text, rangesOf(text, 'المفضلة'));
    expect(count).toBe(3);
    const marks = [...root.querySelectorAll('mark')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['المفضلة', 'المفضلة', 'المفضلة']);
    expect(marks.map((mark) => mark.parentElement!.tagName)).toEqual(['H2', 'STRONG', 'P']);
    // The text reads the same: only wrapped, nothing lost or moved.
    expect(root.textContent).toBe('المفضلةاضغط أضِف إلى المفضلة ثم افتح «المفضلة» من الشريط.');
  });

  it('skips a word the HTML does not contain instead of marking a wrong place', () => {
    const text = 'كلمة غائبة ثم كلمة';
    const { document } = new JSDOM('<p>كلمة ثم كلمة</p>').window;
    const root = document.querySelector('p')!;
    expect(markWordsInDom(root, text, [[5, 10], [14, 18]])).toBe(1);
    expect(root.innerHTML).toBe('كلمة ثم <mark>كلمة</mark>');
  });
});
