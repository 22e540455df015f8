/**
 * HTML as feeds carry it, made ready for the sanitizer: markup re-serialized from XML (naked HTML,
 * Atom xhtml), relative links made absolute (the sanitizer drops links it cannot judge), character
 * references decoded in text that is otherwise plain, and one-line text for titles.
 */
import { ImportError } from '../errors';
import { MAX_DEPTH } from './doctype';
import { htmlDocument } from './window';
import { resolveUrl } from './dom';
import type { XmlElement, XmlNode } from './xml-tree';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

// Elements that never nest: empty ones, and those whose end tag HTML lets a writer leave out.
const FLAT = new Set([...VOID, 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rt', 'rp', 'html', 'head', 'body']);
export const HTML_TOO_DEEP = `unsafe HTML: elements nested more than ${MAX_DEPTH.toLocaleString('en')} levels deep`;

/**
 * Throws for HTML nested deeper than any article is: building such a tree takes time that grows
 * with the square of the depth (minutes for a 200 KB item). A linear scan of the tags.
 */
export function checkHtmlDepth(html: string): void {
  let depth = 0;
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (FLAT.has((m[2] ?? '').toLowerCase()) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > MAX_DEPTH) throw new ImportError('nested-too-deep', HTML_TOO_DEEP, { limit: MAX_DEPTH });
  }
}

export function parseHtmlFragment(html: string): DocumentFragment {
  const template = htmlDocument().createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Text on one line, for titles and names that feeds give as HTML. */
export function htmlToLine(html: string): string {
  return (parseHtmlFragment(html).textContent ?? '').replace(/\s+/g, ' ').trim();
}

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** Character references in text that is otherwise plain ("dot&quot;s" → 'dot"s'), lines kept. */
export function decodeHtmlEntities(text: string): string {
  if (!ENTITY.test(text)) return text;
  const template = htmlDocument().createElement('template');
  // Escaping < keeps the text a single text node: only the references are interpreted.
  template.innerHTML = text.replace(/</g, '&lt;');
  return template.content.textContent ?? text;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function startTag(el: XmlElement, name: string): string {
  let tag = `<${name}`;
  for (const attr of Array.from(el.attributes)) {
    // Namespace declarations mean nothing in HTML; xml:lang is HTML's lang.
    if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
    const attrName = attr.prefix === 'xml' && attr.localName === 'lang' ? 'lang' : attr.prefix ? null : attr.localName;
    if (attrName) tag += ` ${attrName}="${escapeAttribute(attr.value)}"`;
  }
  return `${tag}>`;
}

/**
 * Markup found as XML elements (Atom xhtml, or "naked" HTML in an RSS description) as an HTML
 * string. Written by hand because the DOM's serializers either add xmlns attributes (XML) or write
 * `<br></br>` for elements outside the HTML namespace, which HTML then reads as two line breaks.
 */
export function xmlNodesToHtml(parent: XmlElement): string {
  const out: string[] = [];
  // Iterative: a hostile feed can nest elements deeper than the call stack goes.
  const stack: (XmlNode | string)[] = [];
  for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const next = stack.pop() as XmlNode | string;
    if (typeof next === 'string') {
      out.push(next);
    } else if (next.nodeType === 3 || next.nodeType === 4) {
      out.push(escapeText(next.data));
    } else if (next.nodeType === 1) {
      const el = next;
      const name = el.localName.toLowerCase();
      out.push(startTag(el, name));
      if (VOID.has(name)) continue;
      stack.push(`</${name}>`);
      for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out.join('');
}

const URL_ATTRIBUTES: [string, string][] = [['a', 'href'], ['area', 'href'], ['img', 'src'], ['img', 'longdesc'], ['blockquote', 'cite'], ['q', 'cite'], ['ins', 'cite'], ['del', 'cite']];
// A URL attribute whose value has no scheme and is not a fragment: relative, to be resolved.
const RELATIVE_URL = /\s(href|src|cite|longdesc)\s*=\s*(["']?)(?![a-z][a-z0-9+.-]*:|#|\2\s*[a-z][a-z0-9+.-]*:)/i;

/** Relative links and image sources made absolute against `base` (xml:base, else the feed's link). */
export function resolveRelativeUrls(html: string, base: string | null): string {
  if (!base || !RELATIVE_URL.test(html)) return html;
  const fragment = parseHtmlFragment(html);
  for (const [tag, attr] of URL_ATTRIBUTES) {
    for (const el of Array.from(fragment.querySelectorAll(`${tag}[${attr}]`))) {
      const resolved = resolveUrl(el.getAttribute(attr) ?? '', base);
      if (resolved) el.setAttribute(attr, resolved);
    }
  }
  const holder = htmlDocument().createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}
