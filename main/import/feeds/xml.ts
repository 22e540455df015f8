/**
 * Feed text → XML tree (xml-tree.ts), safely and as forgivingly as correctness allows.
 *
 * Safety: the XML parser (saxes) never fetches a DTD or an external entity and does not expand
 * entities recursively; doctype.ts refuses entity bombs before parsing.
 * Forgiveness, in two steps. Always: a misplaced XML declaration is dropped and HTML's named
 * characters (&nbsp; — feeds use them, relying on a DTD no one reads) become numeric references.
 * When the document is not well-formed: bare "&" are escaped and undeclared namespace prefixes are
 * declared, then it is parsed again. Every change keeps the text's line numbers.
 */
import { ImportError, reason, type FailureReason } from '../errors';
import { checkDepth, readDoctype, type Doctype } from './doctype';
import { decodeHtmlEntities } from './html';
import { parseXmlDocument, type XmlDocument } from './xml-tree';

export interface XmlProblem {
  line: number;
  column: number;
  reason: string;
}

export function brokenXml(problem: XmlProblem): FailureReason {
  return reason('broken-xml', `broken XML at line ${problem.line}: ${problem.reason}`, { line: problem.line });
}

export class BrokenXmlError extends ImportError {
  constructor(readonly problem: XmlProblem) {
    super(brokenXml(problem));
  }
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** What the parser needs to know about a document's own declarations. */
export interface XmlSource {
  text: string;
  doctype: Doctype | null;
}

function problemOf(message: string, text: string, doctype: Doctype | null): XmlProblem {
  const m = /(\d+):(\d+): ([\s\S]*)$/.exec(message);
  const line = m ? Number(m[1]) : 1;
  const column = m ? Number(m[2]) : 0;
  let reason = (m?.[3] ?? message).split('\n')[0]?.replace(/\.$/, '').trim() || 'not well-formed';
  if (/undefined entity/.test(reason)) reason = undefinedEntityReason(text, line, doctype) ?? reason;
  return { line, column, reason };
}

/** Names the entity a line refers to without a definition, and says so if it is an external one. */
function undefinedEntityReason(text: string, line: number, doctype: Doctype | null): string | null {
  const lineText = text.split('\n', line)[line - 1] ?? '';
  for (const m of lineText.matchAll(/&([^\s&;#][^\s&;]*);/g)) {
    const name = m[1] ?? '';
    if (XML_ENTITIES.has(name) || doctype?.internal.has(name)) continue;
    if (doctype?.external.has(name)) return `external entity &${name}; (external entities are never loaded)`;
    return `undefined entity &${name};`;
  }
  return null;
}

export function parseOnce(text: string, doctype: Doctype | null): XmlDocument | XmlProblem {
  try {
    return parseXmlDocument(text);
  } catch (error) {
    return problemOf((error as Error).message, text, doctype);
  }
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

const htmlEntityCache = new Map<string, string | null>();

/** `&eacute;` → `&#233;`, or null when it is not one of HTML's named characters. */
function htmlEntityAsNumeric(name: string): string | null {
  let cached = htmlEntityCache.get(name);
  if (cached === undefined) {
    const reference = `&${name};`;
    const decoded = decodeHtmlEntities(reference);
    cached = decoded === reference ? null : Array.from(decoded, (c) => `&#${c.codePointAt(0)};`).join('');
    htmlEntityCache.set(name, cached);
  }
  return cached;
}

/** The always-safe clean-ups, and the safety checks (which throw for entity bombs and deep nesting). */
export function prepareXml(raw: string): XmlSource {
  let text = raw.replace(/^\ufeff/, '');
  // "<?xml …?>" after a comment or blank lines: the parser rejects it, but it means no harm.
  const misplaced = /^((?:\s|<!--[\s\S]*?-->)+)(<\?xml\s[\s\S]*?\?>)/.exec(text);
  if (misplaced) text = (misplaced[1] ?? '') + blank(misplaced[2] ?? '') + text.slice(misplaced[0].length);
  const doctype = readDoctype(text);
  checkDepth(text);
  text = text.replace(/&([A-Za-z][A-Za-z0-9]*);/g, (reference, name: string) => {
    if (XML_ENTITIES.has(name) || doctype?.internal.has(name) || doctype?.external.has(name)) return reference;
    return htmlEntityAsNumeric(name) ?? reference;
  });
  return { text, doctype };
}

// Outside CDATA and comments, an "&" that does not start a reference is a mistake for "&amp;".
const BARE_AMPERSAND = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?!(?:[A-Za-z_:][\w.:-]*|#\d+|#x[0-9a-fA-F]+);)/g;
const MAX_PREFIX_REPAIRS = 32;

/** Where the root element's name ends, to add namespace declarations there. */
function rootNameEnd(text: string, doctype: Doctype | null): number {
  const re = /<([A-Za-z_][^\s/>]*)/g;
  re.lastIndex = doctype?.end ?? 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Skip anything inside a leading comment.
    const before = text.slice(0, m.index);
    if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) continue;
    return m.index + m[0].length;
  }
  return -1;
}

/**
 * Repairs for a document that is not well-formed, each applied only when it helps. Returns the
 * repaired text and its parse: a Document, or the problem that remains.
 */
export function repairXml(source: XmlSource): { text: string; result: XmlDocument | XmlProblem } {
  let text = source.text.replace(BARE_AMPERSAND, (m) => (m === '&' ? '&amp;' : m));
  let result = parseOnce(text, source.doctype);
  for (let i = 0; i < MAX_PREFIX_REPAIRS && !isDocument(result); i++) {
    const unbound = /unbound namespace prefix: "([^"]+)"/.exec(result.reason);
    if (!unbound) break;
    const at = rootNameEnd(text, source.doctype);
    if (at < 0) break;
    const prefix = unbound[1] ?? '';
    text = `${text.slice(0, at)} xmlns:${prefix}="urn:x-undeclared:${encodeURIComponent(prefix)}"${text.slice(at)}`;
    result = parseOnce(text, source.doctype);
  }
  return { text, result };
}

export function isDocument(result: XmlDocument | XmlProblem): result is XmlDocument {
  return typeof (result as XmlDocument).documentElement === 'object';
}
