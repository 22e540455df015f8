/**
 * Drawing highlights (offsets into an article's text) on the reading view's DOM, and reading a
 * selection back as offsets: on a real news article shown as paragraphs, on a real right-to-left
 * page shown from its HTML, and on Markdown whose text is its source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readableText } from '../../../main/import/html-text';
import { parseMarkdown } from '../../../main/import/markdown';
import { splitParagraphs } from '../../../renderer/highlight';
import { buildTextMap, drawHighlights, piecesOf, textRangeOf } from '../../../renderer/text-map';
import { CORPUS, newsArticles } from '../../fixtures/corpus';

const visible = (s: string) => s.replace(/\s+/g, '');

function marksOf(root: Element): Map<string, string> {
  const byId = new Map<string, string>();
  for (const mark of root.querySelectorAll('mark.reader-highlight')) {
    const id = (mark as HTMLElement).dataset['highlight']!;
    byId.set(id, (byId.get(id) ?? '') + mark.textContent);
  }
  return byId;
}

function paragraphsView(text: string): Element {
  const { document } = new JSDOM('<div></div>').window;
  const root = document.querySelector('div')!;
  for (const paragraph of splitParagraphs(text)) {
    const p = document.createElement('p');
    p.textContent = paragraph.text;
    root.append(p);
  }
  return root;
}

describe('a news article shown as paragraphs', () => {
  const text = newsArticles(50).find((a) => a.content.split('\n').filter((l) => l.trim()).length >= 4)!.content;
  const breakAt = text.indexOf('\n', 200);

  it('draws a highlight inside a paragraph and one across a paragraph break, each exactly', () => {
    const root = paragraphsView(text);
    const highlights = [
      { id: 'a', start: 20, end: 95, color: 'yellow' as const },
      { id: 'b', start: breakAt - 30, end: breakAt + 40, color: 'green' as const },
    ];
    expect(drawHighlights(buildTextMap(root, text), highlights)).toBe(3);
    const marks = marksOf(root);
    expect(marks.get('a')).toBe(text.slice(20, 95).trim());
    expect(visible(marks.get('b')!)).toBe(visible(text.slice(breakAt - 30, breakAt + 40)));
    expect(root.querySelector('mark[data-highlight="b"]')!.getAttribute('data-color')).toBe('green');
    // The text the reader sees is unchanged.
    expect(visible(root.textContent!)).toBe(visible(text));
  });

  it('reads a selection back as the offsets it shows, mid-word included', () => {
    const root = paragraphsView(text);
    const map = buildTextMap(root, text);
    for (const [start, end] of [[3, 17], [breakAt - 5, breakAt + 12], [text.length - 9, text.length]] as const) {
      const pieces = piecesOf(map, start, end);
      const range = { startContainer: pieces[0]!.node, startOffset: pieces[0]!.from, endContainer: pieces.at(-1)!.node, endOffset: pieces.at(-1)!.to };
      const [from, to] = textRangeOf(map, range)!;
      expect(visible(text.slice(from, to))).toBe(visible(text.slice(start, end)));
    }
  });

  it('overlapping highlights are drawn once each place, and 500 highlights all show', () => {
    const root = paragraphsView(text);
    const many = Array.from({ length: 500 }, (_, i) => {
      const start = Math.floor((i * (text.length - 12)) / 500);
      return { id: `h${i}`, start, end: start + 12, color: 'blue' as const };
    });
    drawHighlights(buildTextMap(root, text), many);
    expect(visible(root.textContent!)).toBe(visible(text));
    const marked = [...root.querySelectorAll('mark.reader-highlight')].map((m) => m.textContent).join('');
    expect(visible(marked).length).toBeLessThanOrEqual(visible(text).length);
    expect(marksOf(root).size).toBeGreaterThan(450);
  });
});

describe('a right-to-left page shown from its HTML (Readability test page)', () => {
  const html = fs.readFileSync(path.join(CORPUS, 'readability', 'rtl-1', 'expected.html'), 'utf8');

  it('draws a highlight at the offsets of the text extracted from the same HTML', () => {
    const { document } = new JSDOM(html).window;
    const root = document.body;
    const text = readableText(root);
    const start = text.indexOf(' ', Math.floor(text.length / 3)) + 1;
    const end = text.indexOf(' ', start + 60);
    drawHighlights(buildTextMap(root, text), [{ id: 'x', start, end, color: 'pink' }]);
    expect(visible(marksOf(root).get('x')!)).toBe(visible(text.slice(start, end)));
    const mark = root.querySelector('mark')!;
    const map = buildTextMap(root, readableText(root));
    expect(textRangeOf(map, { startContainer: mark.firstChild!, startOffset: 0, endContainer: mark.lastChild!, endOffset: mark.lastChild!.textContent!.length })).toEqual([start, end]);
  });
});

describe('Markdown, whose text is what it renders to', () => {
  it('places a highlight across inline markup (bold, a link)', async () => {
    const source = '## الأسواق\n\nقال **وزير المالية** إن [الميزانية](https://example.com/) تبلغ 2015 مليار ريال.';
    const [article] = await parseMarkdown({ path: 'a.md', name: 'a.md', bytes: new TextEncoder().encode(source) });
    const { document } = new JSDOM(`<div>${article!.html}</div>`).window;
    const root = document.querySelector('div')!;
    const text = article!.text;
    const start = text.indexOf('وزير');
    const end = text.indexOf('تبلغ') + 'تبلغ'.length;
    drawHighlights(buildTextMap(root, text), [{ id: 'm', start, end, color: 'yellow' }]);
    expect(marksOf(root).get('m')).toBe('وزير المالية إن الميزانية تبلغ');
    expect(root.querySelector('strong mark, mark strong') ?? root.querySelector('strong')!.querySelector('mark')).not.toBeNull();
  });
});
