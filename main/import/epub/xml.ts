/**
 * XML and XHTML documents of a book, parsed with jsdom's DOMParser (never fetching a DTD or
 * anything else). Real books are often not quite XML: HTML entities such as &nbsp; without their
 * DTD, stray ampersands. Those are repaired, and what stays broken is read as HTML.
 */
import type { JSDOM } from 'jsdom';
import { jsdom } from '../jsdom';

let window: JSDOM['window'] | null = null;

/** One window for every book: creating one costs tens of milliseconds. */
export function domWindow(): JSDOM['window'] {
  window ??= new (jsdom().JSDOM)('').window;
  return window;
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const entityCache = new Map<string, string>();

/** The character an HTML named entity stands for, as a numeric reference XML understands. */
function numericEntity(name: string): string | null {
  let cached = entityCache.get(name);
  if (cached === undefined) {
    const area = domWindow().document.createElement('textarea');
    area.innerHTML = `&${name};`;
    const value = area.value;
    cached = value === `&${name};` ? '' : [...value].map((c) => `&#${c.codePointAt(0) ?? 0};`).join('');
    entityCache.set(name, cached);
  }
  return cached || null;
}

function repairEntities(source: string): string {
  return source.replace(/&(#x[0-9a-fA-F]+;|#[0-9]+;|([A-Za-z][A-Za-z0-9]*);)?/g, (match, whole: string | undefined, name: string | undefined) => {
    if (!whole) return '&amp;'; // a bare ampersand
    if (!name || XML_ENTITIES.has(name)) return match;
    return numericEntity(name) ?? `&amp;${name};`;
  });
}

function isParseError(doc: Document): boolean {
  return doc.getElementsByTagNameNS('http://www.mozilla.org/newlayout/xml/parsererror.xml', 'parsererror').length > 0;
}

/** The parser's message for a document that is not well-formed, e.g. "1:177: undefined entity.". */
function parseErrorOf(doc: Document): string {
  const node = doc.getElementsByTagNameNS('http://www.mozilla.org/newlayout/xml/parsererror.xml', 'parsererror')[0];
  return (node?.textContent ?? '').trim();
}

export type ParsedXml = { doc: Document; error: null } | { doc: null; error: string };

/** A package or container document: XML, or nothing. */
export function parseXml(source: string): ParsedXml {
  const parser = new (domWindow().DOMParser)();
  let doc = parser.parseFromString(source, 'application/xml');
  if (!isParseError(doc)) return { doc, error: null };
  doc = parser.parseFromString(repairEntities(source), 'application/xml');
  if (!isParseError(doc)) return { doc, error: null };
  return { doc: null, error: parseErrorOf(doc) };
}

/** A content document: XHTML when it is well-formed (after repairs), else read as HTML as browsers do. */
export function parseXhtml(source: string): Document {
  const parser = new (domWindow().DOMParser)();
  const doc = parser.parseFromString(repairEntities(source), 'application/xhtml+xml');
  if (!isParseError(doc)) return doc;
  return parser.parseFromString(source, 'text/html');
}

/**
 * Elements by local name whatever their namespace or prefix: package documents come with the
 * OPF and Dublin Core namespaces, with `opf:` prefixes, or (when read as HTML) as "dc:title".
 */
export function elements(root: Document | Element, localName: string): Element[] {
  const out: Element[] = [];
  for (const el of root.getElementsByTagName('*')) {
    const name = el.localName.toLowerCase();
    if (name === localName || name.endsWith(`:${localName}`)) out.push(el);
  }
  return out;
}

export function firstElement(root: Document | Element, localName: string): Element | null {
  return elements(root, localName)[0] ?? null;
}

/** An attribute by local name, whatever its prefix (`xml:lang`, `opf:role`). */
export function attribute(el: Element, localName: string): string | null {
  const direct = el.getAttribute(localName);
  if (direct !== null) return direct;
  for (const attr of el.attributes) {
    if (attr.localName === localName || attr.name.endsWith(`:${localName}`)) return attr.value;
  }
  return null;
}

export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
