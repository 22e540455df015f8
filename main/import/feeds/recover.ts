/**
 * Items from a feed that is not well-formed. Each <item>…</item> or <entry>…</entry> is parsed on
 * its own, inside the feed's own start (its root and channel, with their namespaces, xml:base and
 * xml:lang, and the channel's title and link when that part is sound), so an item that is fine in
 * itself comes out exactly as it would from a sound feed. Line numbers are those of the file.
 */
import type { Doctype } from './doctype';
import { isDocument, parseOnce, type XmlProblem } from './xml';
import type { XmlDocument } from './xml-tree';

export interface RecoveredItem {
  /** 1-based position of the item in the file. */
  index: number;
  line: number;
  /** The feed's start with this one item in it, or why the item could not be read. */
  result: XmlDocument | XmlProblem;
}

const ITEM_START = /<((?:[A-Za-z_][\w.-]*:)?(?:item|entry))(?=[\s/>])/g;
// Markup that can hide a "<": skipped whole when finding the elements open at a point.
const TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

function linesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The start tags still open at the end of `head` (outermost first), as written. */
function openStartTags(head: string, from: number): { name: string; tag: string }[] {
  const stack: { name: string; tag: string }[] = [];
  TAG.lastIndex = from;
  for (let m = TAG.exec(head); m; m = TAG.exec(head)) {
    if (m[0] === '') {
      TAG.lastIndex++;
      continue;
    }
    const [whole, closing, opening, , selfClosing] = m;
    if (closing) {
      const at = stack.map((s) => s.name).lastIndexOf(closing);
      if (at >= 0) stack.length = at;
    } else if (opening && !selfClosing) {
      stack.push({ name: opening, tag: whole });
    }
  }
  return stack;
}

interface ItemChunk { start: number; end: number }

function itemChunks(text: string, from: number): ItemChunk[] {
  const starts: { at: number; name: string }[] = [];
  ITEM_START.lastIndex = from;
  for (let m = ITEM_START.exec(text); m; m = ITEM_START.exec(text)) starts.push({ at: m.index, name: m[1] ?? '' });
  return starts.map((s, i) => {
    const next = starts[i + 1]?.at ?? text.length;
    const rest = text.slice(s.at, next);
    const selfClosing = /^<[^>]*\/>/.exec(rest);
    if (selfClosing) return { start: s.at, end: s.at + selfClosing[0].length };
    const close = new RegExp(`</${s.name.replace(/[.]/g, '\\.')}\\s*>`).exec(rest);
    // An item that never closes runs to the next one: parsing it reports what is wrong.
    return { start: s.at, end: close ? s.at + close.index + close[0].length : next };
  });
}

/** Every item of a broken feed, parsed alone; empty when the feed has no items to try. */
export function recoverItems(text: string, doctype: Doctype | null): RecoveredItem[] {
  const bodyStart = doctype?.end ?? 0;
  const chunks = itemChunks(text, bodyStart);
  const first = chunks[0];
  if (!first) return [];

  const head = text.slice(0, first.start);
  const open = openStartTags(head, bodyStart);
  const closers = open.map((o) => `</${o.name}>`).reverse().join('');
  // The whole start of the feed if it is sound; else only the open elements, for their namespaces.
  const prolog = text.slice(0, bodyStart);
  const candidates = [head, prolog + open.map((o) => o.tag).join('')];
  const prefix = candidates.find((c) => isDocument(parseOnce(c + closers, doctype))) ?? candidates[1] ?? '';
  const prefixLines = linesIn(prefix, 0, prefix.length);

  let line = 1;
  let counted = 0;
  return chunks.map((chunk, i) => {
    line += linesIn(text, counted, chunk.start);
    counted = chunk.start;
    const result = parseOnce(prefix + text.slice(chunk.start, chunk.end) + closers, doctype);
    if (!isDocument(result)) {
      // Back from the line in the stitched text to the line in the file.
      result.line = result.line > prefixLines ? line + (result.line - prefixLines - 1) : line;
    }
    return { index: i + 1, line, result };
  });
}
