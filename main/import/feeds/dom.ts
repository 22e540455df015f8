/**
 * Small helpers over a parsed feed's XML DOM. Feeds mix vocabularies by namespace (RSS 2.0 has
 * none, RSS 1.0 and Atom have their own, modules such as dc: and content: can be bound to any
 * prefix), so elements are always matched by namespace URI and local name, never by prefix.
 */
import type { XmlElement } from './xml-tree';

export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
} as const;

/** Either Atom: 0.3 feeds are still around and differ only in details. */
export const ATOM: readonly string[] = [NS.atom10, NS.atom03];
/** RSS 0.9x/2.0 elements have no namespace; RSS 1.0 (RDF) and 0.90 put theirs in one. */
export const RSS: readonly (string | null)[] = [null, NS.rss10, NS.rss090];

type Namespaces = readonly (string | null)[] | string | null;

function inNamespace(el: XmlElement, ns: Namespaces): boolean {
  if (Array.isArray(ns)) return ns.includes(el.namespaceURI);
  return el.namespaceURI === ns;
}

// Sibling pointers: one walk over the children, whichever tree (xml-tree.ts) holds them.
export function children(el: XmlElement, ns: Namespaces, localName: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === localName && inNamespace(c, ns)) found.push(c);
  return found;
}

export function child(el: XmlElement, ns: Namespaces, localName: string): XmlElement | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === localName && inNamespace(c, ns)) return c;
  return null;
}

/** The trimmed text of the first such child that has any, else null. */
export function childText(el: XmlElement, ns: Namespaces, ...localNames: string[]): string | null {
  for (const name of localNames) {
    for (const c of children(el, ns, name)) {
      const text = (c.textContent ?? '').trim();
      if (text) return text;
    }
  }
  return null;
}

/** xml:lang of the element or its nearest ancestor that has one ('' means "unknown" in XML). */
export function xmlLang(el: XmlElement | null): string | null {
  for (let e = el; e; e = e.parentElement) {
    const lang = e.getAttributeNS(NS.xml, 'lang');
    if (lang !== null) return lang.trim() || null;
  }
  return null;
}

/** An absolute http(s)/mailto/etc. URL from `href` against `base`, or null when it cannot be made absolute. */
export function resolveUrl(href: string, base: string | null): string | null {
  const value = href.trim();
  if (!value) return null;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * The base URI in force at `el`: xml:base attributes from the root down, each resolved against the
 * one above it, starting from `fallback` (the feed's own link).
 */
export function xmlBase(el: XmlElement | null, fallback: string | null): string | null {
  const chain: string[] = [];
  for (let e = el; e; e = e.parentElement) {
    const base = e.getAttributeNS(NS.xml, 'base');
    if (base !== null) chain.push(base);
  }
  let base = fallback;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i] ?? '', base) ?? base;
  return base;
}

/** Only web URLs identify an article; tag: URIs, urn:s and relative leftovers do not. */
export function webUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  const url = resolveUrl(href, base);
  return url && /^https?:\/\//i.test(url) ? url : null;
}
