/**
 * Marks matches inside an article shown from its sanitized HTML.
 *
 * The API's ranges are offsets into the article's plain `text`, which the importer extracted from
 * that same HTML (or its Markdown source), in document order. So a match that is the k-th
 * occurrence of its exact spelling in the text is the k-th occurrence of that spelling among the
 * HTML's text nodes. No matching is decided here: the words and their order come from main.
 */
import type { Range } from '../common';

/** NodeFilter.SHOW_TEXT, spelled out so that this also runs on a DOM that is not the window's (tests). */
const SHOW_TEXT = 0x4;

interface Hit {
  node: Text;
  start: number;
  end: number;
}

/** How many times `word` occurs in `text` before `offset` (the match's own rank among its spellings). */
function occurrenceIndex(text: string, word: string, offset: number): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0 && at < offset; at = text.indexOf(word, at + 1)) count++;
  return count;
}

/** Every occurrence of `word` inside single text nodes, in document order. */
function occurrencesInNodes(nodes: readonly Text[], word: string): Hit[] {
  const hits: Hit[] = [];
  for (const node of nodes) {
    for (let at = node.data.indexOf(word); at >= 0; at = node.data.indexOf(word, at + word.length)) {
      hits.push({ node, start: at, end: at + word.length });
    }
  }
  return hits;
}

/** Wraps the matched words in <mark>; returns how many were marked. */
export function markWordsInDom(root: Node, text: string, ranges: readonly Range[]): number {
  const wanted = ranges
    .map(([from, to]) => ({ word: text.slice(from, to), from }))
    .filter(({ word }) => word.trim() !== '');
  if (wanted.length === 0) return 0;

  const nodes: Text[] = [];
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);

  const byWord = new Map<string, Hit[]>();
  const hits: Hit[] = [];
  for (const { word, from } of wanted) {
    if (!byWord.has(word)) byWord.set(word, occurrencesInNodes(nodes, word));
    const hit = byWord.get(word)![occurrenceIndex(text, word, from)];
    if (hit !== undefined && !hits.includes(hit)) hits.push(hit);
  }

  // Wrap from the end of the document backwards, so that splitting a text node never moves a hit
  // that is still to be wrapped (hits in one node are wrapped last-first).
  const order = new Map(nodes.map((node, i) => [node, i]));
  hits.sort((a, b) => order.get(b.node)! - order.get(a.node)! || b.start - a.start);
  let previous: Hit | null = null;
  let marked = 0;
  for (const hit of hits) {
    // Overlapping hits in one node (a word inside a phrase): keep the later one only.
    if (previous !== null && previous.node === hit.node && hit.end > previous.start) continue;
    const middle = hit.node.splitText(hit.start);
    middle.splitText(hit.end - hit.start);
    const mark = hit.node.ownerDocument.createElement('mark');
    middle.replaceWith(mark);
    mark.append(middle);
    previous = hit;
    marked++;
  }
  return marked;
}
