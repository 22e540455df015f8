/**
 * A feed's XML as a light tree: saxes (the parser jsdom itself uses for XML, with the options jsdom
 * gives it) straight into plain objects that carry the DOM's names for the little the feed readers
 * use — elements by namespace URI and local name, attributes, text and CDATA, siblings, textContent —
 * instead of a jsdom document, whose nodes cost several times the parse itself (and jsdom a second
 * of loading in every thread that reads a feed). Comments and processing instructions are dropped:
 * no reader looks at them, and textContent leaves them out anyway.
 *
 * Safety as before: saxes never fetches a DTD or an external entity; the internal entities of the
 * DOCTYPE are declared to it as jsdom declares them (doctype.ts refuses entity bombs first).
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';

export interface XmlAttr {
  /** The qualified name as written ("xml:lang", "href"). */
  readonly name: string;
  readonly localName: string;
  readonly prefix: string | null;
  readonly namespaceURI: string | null;
  readonly value: string;
}

export type XmlNode = XmlElement | XmlText;

abstract class XmlChild {
  parentNode: XmlElement | null = null;
  previousSibling: XmlNode | null = null;
  nextSibling: XmlNode | null = null;

  get parentElement(): XmlElement | null {
    return this.parentNode;
  }
}

/** A text node (nodeType 3) or a CDATA section (4). */
export class XmlText extends XmlChild {
  constructor(readonly nodeType: 3 | 4, public data: string) {
    super();
  }

  get nodeValue(): string {
    return this.data;
  }

  get textContent(): string {
    return this.data;
  }
}

export class XmlElement extends XmlChild {
  readonly nodeType = 1;
  readonly childNodes: XmlNode[] = [];
  readonly children: XmlElement[] = [];

  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly prefix: string | null,
    readonly attributes: readonly XmlAttr[],
  ) {
    super();
  }

  get tagName(): string {
    return this.prefix ? `${this.prefix}:${this.localName}` : this.localName;
  }

  get firstChild(): XmlNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): XmlNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }

  get firstElementChild(): XmlElement | null {
    return this.children[0] ?? null;
  }

  get nextElementSibling(): XmlElement | null {
    for (let n = this.nextSibling; n; n = n.nextSibling) if (n.nodeType === 1) return n;
    return null;
  }

  getAttribute(name: string): string | null {
    for (const a of this.attributes) if (a.name === name) return a.value;
    return null;
  }

  getAttributeNS(namespaceURI: string | null, localName: string): string | null {
    for (const a of this.attributes) if (a.namespaceURI === namespaceURI && a.localName === localName) return a.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  /** The text of every text and CDATA node below, in document order. */
  get textContent(): string {
    const parts: string[] = [];
    // Iterative: a hostile feed can nest deeper than the call stack goes.
    const stack: XmlNode[] = [...this.childNodes].reverse();
    while (stack.length > 0) {
      const node = stack.pop() as XmlNode;
      if (node.nodeType === 1) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
      else parts.push(node.data);
    }
    return parts.join('');
  }

  append(child: XmlNode): void {
    const last = this.lastChild;
    child.parentNode = this;
    child.previousSibling = last;
    if (last) last.nextSibling = child;
    this.childNodes.push(child);
    if (child.nodeType === 1) this.children.push(child);
  }
}

export interface XmlDocument {
  readonly nodeType: 9;
  readonly documentElement: XmlElement;
}

function attribute(a: SaxesAttributeNS): XmlAttr {
  const prefix = a.prefix === '' ? null : a.prefix;
  return { name: prefix ? `${prefix}:${a.local}` : a.local, localName: a.local, prefix, namespaceURI: a.uri === '' ? null : a.uri, value: a.value };
}

// As jsdom reads a DOCTYPE's internal subset: each <!ENTITY name "value"> it declares.
const ENTITY_DECLARATION = /<!ENTITY ([^ ]+) "([^"]+)">/g;

/**
 * Parses a whole XML document; throws saxes' error ("line:column: reason") when it is not
 * well-formed, or when it has no root element.
 */
export function parseXmlDocument(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  const open: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  // Text outside the root element is no node of the document.
  parser.on('text', (data) => open[open.length - 1]?.append(new XmlText(3, data)));
  parser.on('cdata', (data) => open[open.length - 1]?.append(new XmlText(4, data)));
  parser.on('opentag', (tag: SaxesTagNS) => {
    const el = new XmlElement(tag.local, tag.uri === '' ? null : tag.uri, tag.prefix === '' ? null : tag.prefix, Object.values(tag.attributes).map(attribute));
    const parent = open[open.length - 1];
    if (parent) parent.append(el);
    else root ??= el;
    open.push(el);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('doctype', (doctype) => {
    for (const [, name, value] of doctype.matchAll(ENTITY_DECLARATION)) {
      if (!(name! in parser.ENTITIES)) parser.ENTITIES[name!] = value!;
    }
  });
  // The first error ends the parse, as it does in jsdom (which throws from this handler).
  parser.on('error', (error) => {
    failure ??= error;
    throw error;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw failure ?? error;
  }
  if (!root) throw new Error('document must contain a root element');
  return { nodeType: 9, documentElement: root };
}
