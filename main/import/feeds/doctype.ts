/**
 * The DOCTYPE of a feed, read before parsing to refuse what could hurt: entities that expand into
 * gigabytes ("billion laughs", or one large entity referenced a million times). External DTDs and
 * external entities are never read by the parser at all (jsdom's XML parser has no code to load
 * them); this module only names them, so a reference to one fails with a reason a user can read.
 */
import { ImportError } from '../errors';

/** What all entity references in one document may expand to, in characters. */
export const MAX_ENTITY_EXPANSION = 8 * 1024 * 1024;
const MAX_NESTING = 16;

export interface Doctype {
  /** Internal general entities: name → replacement text as declared. */
  internal: Map<string, string>;
  /** General entities declared SYSTEM or PUBLIC: never loaded. */
  external: Set<string>;
  /** Where the DOCTYPE declaration ends in the text. */
  end: number;
}

// Names as loosely as jsdom registers them (anything up to a space), so none escapes the budget.
const ENTITY = /<!ENTITY\s+(%\s+)?(\S+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;
const REFERENCE = /&([^\s&;#][^\s&;]*);/g;

export const ENTITY_BOMB = 'unsafe XML: its entities expand too much (an entity-expansion attack)';

/** Real feeds nest a few dozen levels; thousands only serve to exhaust the parser and the stack. */
export const MAX_DEPTH = 1000;
const HTML_VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
export const TOO_DEEP = `unsafe XML: elements nested more than ${MAX_DEPTH.toLocaleString('en')} levels deep`;

/**
 * Throws when elements nest deeper than MAX_DEPTH. A linear scan of the tags, before any parser
 * (jsdom's tree building slows down, and recursive code overflows, long before memory runs out).
 */
export function checkDepth(xml: string): void {
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0 && i < xml.length; i = xml.indexOf('<', i + 1)) {
    const next = xml[i + 1];
    if (next === '/') {
      depth--;
    } else if (next === '!') {
      if (xml.startsWith('<!--', i)) i = skipPast(xml, i + 4, '-->', false) - 1;
      else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, i + 9, ']]>', false) - 1;
    } else if (next === '?') {
      i = skipPast(xml, i + 2, '?>', false) - 1;
    } else {
      const end = xml.indexOf('>', i);
      if (end < 0) return;
      // HTML's empty elements, written naked into a feed without their "/", close themselves.
      const name = /^[^\s/>]*/.exec(xml.slice(i + 1, i + 12))?.[0].toLowerCase() ?? '';
      if (xml[end - 1] !== '/' && !HTML_VOID.has(name) && ++depth > MAX_DEPTH) throw new ImportError('nested-too-deep', TOO_DEEP, { limit: MAX_DEPTH });
      i = end;
    }
  }
}

/** Where a construct that ends with `end` (skipping quoted strings when asked) ends, or the text's end. */
function skipPast(xml: string, from: number, end: string, quotes: boolean): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quotes && (c === '"' || c === "'")) {
      const close = xml.indexOf(c, i + 1);
      if (close < 0) return xml.length;
      i = close;
    } else if (xml.startsWith(end, i)) {
      return i + end.length;
    }
  }
  return xml.length;
}

/**
 * The DOCTYPE's position and internal subset, found the way a parser finds it: only in the prolog
 * (after the declaration, comments and processing instructions), with quoted strings skipped so a
 * "]>" inside an entity value cannot end the subset early.
 */
function findDoctype(xml: string): { subset: string; end: number } | null {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i] ?? '')) i++;
    if (xml.startsWith('<?', i)) i = skipPast(xml, i + 2, '?>', false);
    else if (xml.startsWith('<!--', i)) i = skipPast(xml, i + 4, '-->', false);
    else break;
  }
  if (!/^<!DOCTYPE\s/i.test(xml.slice(i, i + 10))) return null;
  let j = i + 9;
  let subset = '';
  for (; j < xml.length; j++) {
    const c = xml[j];
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, j + 1);
      j = close < 0 ? xml.length : close;
    } else if (c === '[') {
      const start = j + 1;
      for (j = start; j < xml.length && xml[j] !== ']'; j++) {
        const d = xml[j];
        if (d === '"' || d === "'") {
          const close = xml.indexOf(d, j + 1);
          j = close < 0 ? xml.length : close;
        } else if (xml.startsWith('<!--', j)) {
          j = skipPast(xml, j + 4, '-->', false) - 1;
        }
      }
      subset = xml.slice(start, j);
    } else if (c === '>') {
      break;
    }
  }
  return { subset, end: Math.min(j + 1, xml.length) };
}

/** The document's DOCTYPE declarations, or null when it has none; throws ImportError for entity bombs. */
export function readDoctype(xml: string): Doctype | null {
  const found = findDoctype(xml);
  if (!found) return null;
  const internal = new Map<string, string>();
  const external = new Set<string>();
  for (const e of found.subset.matchAll(ENTITY)) {
    if (e[1]) continue; // parameter entities only matter inside the DTD, which is not processed
    const name = e[2] ?? '';
    if (e[5]) external.add(name);
    else if (!internal.has(name)) internal.set(name, e[3] ?? e[4] ?? '');
  }
  checkExpansion(xml.slice(found.end), internal);
  return { internal, external, end: found.end };
}

/** Throws when the entities, fully expanded where they are used, would exceed the budget. */
function checkExpansion(body: string, internal: Map<string, string>): void {
  if (internal.size === 0) return;
  const sizes = new Map<string, number>();
  const sizeOf = (name: string, depth: number): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    if (depth > MAX_NESTING) throw new ImportError('entity-bomb', ENTITY_BOMB);
    const value = internal.get(name) ?? '';
    sizes.set(name, Infinity); // a reference back to itself is a loop
    let size = value.length;
    for (const r of value.matchAll(REFERENCE)) {
      const ref = r[1] ?? '';
      if (!internal.has(ref)) continue;
      size += sizeOf(ref, depth + 1);
      if (size > MAX_ENTITY_EXPANSION) throw new ImportError('entity-bomb', ENTITY_BOMB);
    }
    sizes.set(name, size);
    return size;
  };
  let total = 0;
  for (const r of body.matchAll(REFERENCE)) {
    const ref = r[1] ?? '';
    if (!internal.has(ref)) continue;
    total += sizeOf(ref, 0);
    if (total > MAX_ENTITY_EXPANSION) throw new ImportError('entity-bomb', ENTITY_BOMB);
  }
  for (const name of internal.keys()) sizeOf(name, 0);
}
