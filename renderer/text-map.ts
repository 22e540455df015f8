/**
 * Where the article's `text` is in the reading view's DOM, both ways: to draw the reader's
 * highlights (ranges main stores as UTF-16 offsets into `text`) and to turn a selection back into
 * such offsets.
 *
 * The reading view shows either the text itself (one paragraph a line) or the article's sanitized
 * HTML, whose readable text main/import/html-text.ts extracted as `text` (or, for Markdown, whose
 * source is `text`). Either way the visible characters appear in `text` in the same order, with
 * whitespace laid out differently and, for Markdown, syntax in between. So the two are aligned
 * character by character, ignoring whitespace and skipping what only `text` has. Nothing is
 * searched for here: the ranges come from main; this only says where they are on screen.
 */
import type { HighlightColor, Range } from '../common';

/** NodeFilter.SHOW_TEXT, spelled out so that this also runs on a DOM that is not the window's (tests). */
const SHOW_TEXT = 0x4;
/** How far ahead in `text` a visible character is looked for before it counts as the view's own. */
const LOOKAHEAD = 400;
const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x200f || code === 0x200e;

export interface TextMap {
  /** The DOM's text nodes in document order, and where each starts in their concatenation. */
  readonly nodes: readonly Text[];
  readonly nodeStarts: readonly number[];
  /** Aligned characters: their index in the concatenation and their offset in `text`, both increasing. */
  readonly domIndex: Int32Array;
  readonly textOffset: Int32Array;
}

export function buildTextMap(root: Node, text: string): TextMap {
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
    nodeStarts.push(length);
    length += (node as Text).data.length;
  }
  const domIndex: number[] = [];
  const textOffset: number[] = [];
  let at = 0;
  nodes.forEach((node, n) => {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (isSpace(code)) continue;
      const limit = Math.min(text.length, at + LOOKAHEAD);
      let k = at;
      while (k < limit && text.charCodeAt(k) !== code) k++;
      if (k >= limit) continue; // only the view has it (a list number, a caption added by the sanitizer)
      domIndex.push(nodeStarts[n]! + i);
      textOffset.push(k);
      at = k + 1;
    }
  });
  return { nodes, nodeStarts, domIndex: Int32Array.from(domIndex), textOffset: Int32Array.from(textOffset) };
}

/** The first index of a sorted array whose value is ≥ `value`. */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A piece of one text node: [from, to) within its data. */
export interface NodePiece {
  node: Text;
  from: number;
  to: number;
}

/** The pieces of text nodes that show [start, end) of `text`; none when nothing of it is shown. */
export function piecesOf(map: TextMap, start: number, end: number): NodePiece[] {
  const first = lowerBound(map.textOffset, start);
  const last = lowerBound(map.textOffset, end) - 1;
  if (first > last) return [];
  const from = map.domIndex[first]!;
  const to = map.domIndex[last]! + 1;
  const pieces: NodePiece[] = [];
  for (let n = nodeAt(map, from); n < map.nodes.length && map.nodeStarts[n]! < to; n++) {
    const node = map.nodes[n]!;
    const nodeStart = map.nodeStarts[n]!;
    const piece = { node, from: Math.max(0, from - nodeStart), to: Math.min(node.data.length, to - nodeStart) };
    if (piece.to > piece.from) pieces.push(piece);
  }
  return pieces;
}

/** The index of the text node holding concatenation index `index`. */
function nodeAt(map: TextMap, index: number): number {
  let low = 0;
  let high = map.nodes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (map.nodeStarts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A boundary point of a DOM range as an index into the text nodes' concatenation. */
function concatenationIndex(map: TextMap, container: Node, offset: number): number {
  const asText = map.nodes.indexOf(container as Text);
  if (asText >= 0) return map.nodeStarts[asText]! + offset;
  // A point between an element's children: the first text node after it, else the end.
  const after = container.childNodes[offset] ?? null;
  for (let n = 0; n < map.nodes.length; n++) {
    const node = map.nodes[n]!;
    const followsPoint =
      after === null
        ? (container.compareDocumentPosition(node) & 0x04) !== 0 && !container.contains(node) // DOCUMENT_POSITION_FOLLOWING
        : after === node || after.contains(node) || (after.compareDocumentPosition(node) & 0x04) !== 0;
    if (followsPoint) return map.nodeStarts[n]!;
  }
  const lastNode = map.nodes.length - 1;
  return lastNode < 0 ? 0 : map.nodeStarts[lastNode]! + map.nodes[lastNode]!.data.length;
}

/** The part of a DOM range the view shows from `text`, as [start, end) offsets into `text`; null when none. */
export function textRangeOf(map: TextMap, range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }): Range | null {
  const from = concatenationIndex(map, range.startContainer, range.startOffset);
  const to = concatenationIndex(map, range.endContainer, range.endOffset);
  const first = lowerBound(map.domIndex, from);
  const last = lowerBound(map.domIndex, to) - 1;
  if (first > last) return null;
  return [map.textOffset[first]!, map.textOffset[last]! + 1];
}

export interface DrawnHighlight {
  id: string;
  start: number;
  end: number;
  color: HighlightColor;
  /** Shown as a tooltip and read out with the highlight. */
  note?: string | null;
}

/**
 * Wraps each highlight's pieces in <mark class="reader-highlight" data-highlight=ID data-color=C>;
 * where highlights overlap, the one that starts first keeps the overlap. Returns how many marks
 * were made. `map` must be built on `root` as it is now; it is stale afterwards.
 */
export function drawHighlights(map: TextMap, highlights: readonly DrawnHighlight[]): number {
  type Job = NodePiece & { highlight: DrawnHighlight; order: number };
  const jobs: Job[] = [];
  const byStart = [...highlights].sort((a, b) => a.start - b.start || a.end - b.end);
  byStart.forEach((highlight, order) => {
    for (const piece of piecesOf(map, highlight.start, highlight.end)) jobs.push({ ...piece, highlight, order });
  });
  const nodeOrder = new Map(map.nodes.map((node, i) => [node, i]));
  // From the end of the document backwards, so splitting a node never moves a piece still to wrap.
  jobs.sort((a, b) => nodeOrder.get(b.node)! - nodeOrder.get(a.node)! || b.from - a.from || b.order - a.order);
  let marks = 0;
  let previous: Job | null = null;
  for (const job of jobs) {
    let to = job.to;
    if (previous !== null && previous.node === job.node) to = Math.min(to, previous.from);
    if (to <= job.from) continue;
    const middle = job.node.splitText(job.from);
    middle.splitText(to - job.from);
    const mark = job.node.ownerDocument.createElement('mark');
    mark.className = 'reader-highlight';
    mark.dataset['highlight'] = job.highlight.id;
    mark.dataset['color'] = job.highlight.color;
    if (job.highlight.note) mark.title = job.highlight.note;
    middle.replaceWith(mark);
    mark.append(middle);
    previous = { ...job, to };
    marks++;
  }
  return marks;
}
