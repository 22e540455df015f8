/**
 * Marks the API's match ranges in text. The ranges are computed in main, on the original text
 * ([start, end) UTF-16 offsets); here they are only cut to the pieces being shown.
 */
import { html, type TemplateResult } from 'lit';
import type { Range } from '../common';

export interface Paragraph {
  text: string;
  /** Offset of the paragraph's first character in the article's full text. */
  start: number;
}

/** The article's paragraphs (one a line), with their offsets; blank lines are dropped. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const line = /[^\r\n]+/g;
  for (let match = line.exec(text); match !== null; match = line.exec(text)) {
    if (match[0].trim() !== '') paragraphs.push({ text: match[0], start: match.index });
  }
  return paragraphs;
}

/**
 * The ranges that fall inside [start, start + length), shifted to be relative to `start`.
 * A range across a paragraph break (a phrase match) is cut in two, one part in each paragraph.
 */
export function rangesWithin(ranges: readonly Range[], start: number, length: number): Range[] {
  const end = start + length;
  const inside: Range[] = [];
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    inside.push([Math.max(from, start) - start, Math.min(to, end) - start]);
  }
  return inside.sort((a, b) => a[0] - b[0]);
}

/** `text` with each range wrapped in <mark>; overlapping or out-of-bounds ranges are tolerated. */
export function marked(text: string, ranges: readonly Range[]): Array<string | TemplateResult> {
  if (ranges.length === 0) return [text];
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, at);
    const end = Math.min(to, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
