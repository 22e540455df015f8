/**
 * The text of an article's (sanitized) HTML as the library stores, indexes and highlights it: one
 * paragraph per block element, paragraphs separated by a blank line. The reading view maps
 * highlight offsets back onto the HTML by walking it with these same rules, so they must stay
 * simple and stable:
 *  - a block element (p, h1–h6, li, blockquote, pre, figcaption, td, th, div, …) starts and ends a paragraph;
 *  - outside <pre>, runs of ASCII whitespace collapse to one space and each paragraph is trimmed;
 *  - <br> is a line break inside its paragraph (several in a row count as one, so that a blank line
 *    always separates paragraphs); <pre> keeps its text as written;
 *  - empty paragraphs disappear.
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD',
  'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
// Never text a reader sees, even if a sanitizer let them through.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface Paragraph { text: string; pre: boolean }

/**
 * The little of a tree the walk needs, which both a DOM Node (jsdom, the browser) and htmlparser2's
 * domhandler nodes (the sanitizer's tree, no DOM) provide under the same names.
 */
export interface TextTreeNode {
  readonly nodeType: number;
  readonly nodeValue?: string | null;
  readonly tagName?: string;
  readonly lastChild?: TextTreeNode | null;
  readonly previousSibling: TextTreeNode | null;
}

/** Readable text of everything under `root` (not including root's own block boundary). */
export function readableText(root: TextTreeNode): string {
  const paragraphs: Paragraph[] = [];
  let current = '';
  let currentIsPre = false;
  let preDepth = 0;

  const flush = (): void => {
    if (current !== '') paragraphs.push({ text: current, pre: currentIsPre });
    current = '';
    currentIsPre = false;
  };

  // Iterative walk: hostile pages nest elements deeply enough to overflow a recursive one.
  type Step = { node: TextTreeNode; leaving: boolean };
  const stack: Step[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push({ node: c, leaving: false });
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as Step;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (preDepth > 0) {
        current += value;
        currentIsPre = true;
      } else {
        current += value.replace(/[ \t\n\r\f]+/g, ' ');
      }
      continue;
    }
    // domhandler gives processing instructions nodeType 1 too, without a tag name.
    if (node.nodeType !== ELEMENT_NODE || !node.tagName) continue;
    const name = node.tagName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCKS.has(name);
    if (leaving) {
      if (block) flush();
      if (name === 'PRE') preDepth--;
      continue;
    }
    if (block) flush();
    if (name === 'PRE') preDepth++;
    stack.push({ node, leaving: true });
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push({ node: c, leaving: false });
  }
  flush();

  const out: string[] = [];
  for (const p of paragraphs) {
    const text = p.pre
      ? p.text.replace(/^\n+|\s+$/g, '')
      : p.text.replace(/ *\n[ \n]*/g, '\n').replace(/^[ \n]+|[ \n]+$/g, '');
    if (text !== '') out.push(text);
  }
  return out.join('\n\n');
}
