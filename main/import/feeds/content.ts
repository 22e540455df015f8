/**
 * An item's content, however the feed wrote it — HTML escaped as text, HTML in CDATA, HTML as
 * naked XML elements, Atom xhtml, base64, or plain text — as one thing: sanitized HTML plus the
 * readable text. The same markup written any of those ways gives the same result.
 */
import { sanitizeArticle } from '../sanitize';
import { NS } from './dom';
import { checkHtmlDepth, decodeHtmlEntities, htmlToLine, resolveRelativeUrls, xmlNodesToHtml } from './html';
import { repairedMarkupText } from '../mojibake';
import type { XmlElement } from './xml-tree';

export interface Body {
  /** Sanitized HTML, or null when there is nothing to show. */
  html: string | null;
  /**
   * Readable text: paragraphs separated by "\n\n". For HTML it is read off the sanitized tree by
   * html-text.ts's rules, the ones the reading view uses to place highlights.
   */
  text: string;
}

export const EMPTY_BODY: Body = { html: null, text: '' };

// A tag, a closing tag or a comment: what makes a string HTML rather than text that mentions "<".
const MARKUP = /<(\/?[a-z][a-z0-9:-]*(\s[^<>]*)?\/?|!--)>/i;

export function looksLikeHtml(s: string): boolean {
  return MARKUP.test(s);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Plain text keeps its lines; blank lines separate paragraphs. Spaces are collapsed as HTML would,
 * so the text is exactly what html-text.ts reads back from the HTML made of it.
 */
export function plainBody(raw: string): Body {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const rawLine of repairedMarkupText(raw).split(/\r\n?|\n/)) {
    const line = rawLine.replace(/[ \t\f\r]+/g, ' ').replace(/^ | $/g, '');
    if (line) {
      current.push(line);
    } else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  if (paragraphs.length === 0) return EMPTY_BODY;
  return {
    html: paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`).join(''),
    text: paragraphs.map((lines) => lines.join('\n')).join('\n\n'),
  };
}

export function htmlBody(raw: string, base: string | null): Body {
  if (!raw.trim()) return EMPTY_BODY;
  checkHtmlDepth(raw);
  const { html, text, images } = sanitizeArticle(resolveRelativeUrls(repairedMarkupText(raw), base));
  // Markup with nothing to read or see (an empty <span>, a tracking link) is no content.
  return { html: text || images > 0 ? html.trim() : null, text };
}

/**
 * RSS says nothing reliable about what a description holds: HTML escaped or in CDATA, naked
 * elements, or plain text with (sometimes doubly) escaped characters. Markup is read as HTML;
 * text without any keeps its lines, its character references decoded.
 */
export function guessedBody(el: XmlElement, base: string | null): Body {
  if (el.firstElementChild !== null) return htmlBody(xmlNodesToHtml(el), base);
  const raw = el.textContent ?? '';
  if (looksLikeHtml(raw)) return htmlBody(raw, base);
  return plainBody(decodeHtmlEntities(raw));
}

/** The inline XHTML of an Atom text construct: the children of its wrapping xhtml:div. */
function xhtmlBody(el: XmlElement, base: string | null): Body {
  const first = el.firstElementChild;
  const only = first && !first.nextElementSibling ? first : undefined;
  const hasLooseText = Array.from(el.childNodes).some((n) => (n.nodeType === 3 || n.nodeType === 4) && (n.textContent ?? '').trim() !== '');
  const wrapper = only && !hasLooseText && only.localName === 'div' && only.namespaceURI === NS.xhtml ? only : el;
  return htmlBody(xmlNodesToHtml(wrapper), base);
}

function base64Text(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  const bytes = Buffer.from(compact, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null; // binary: an image or a file, nothing to read
  }
}

function isXmlMediaType(type: string): boolean {
  return /[/+]xml$/.test(type);
}

/**
 * What an Atom text construct or content holds once its declared type and mode are applied — each
 * layer of encoding undone exactly once: the XML parser has already undone the XML escaping, so
 * `html` is HTML source, `text` is text to show as it is (a "<" in it is a character), and `xhtml`
 * is the element whose child nodes are the markup. Null for base64 that decodes to no text.
 * Types: text / html / xhtml (Atom 1.0), MIME types and the escaped / xml / base64 modes of
 * Atom 0.3; any other media type in Atom 1.0 is base64.
 */
type AtomContent = { form: 'text'; text: string; escaped: boolean } | { form: 'html'; html: string } | { form: 'xhtml'; el: XmlElement } | null;

function atomContent(el: XmlElement): AtomContent {
  const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
  const mode = (el.getAttribute('mode') ?? '').trim().toLowerCase();
  const atom03 = el.namespaceURI === NS.atom03;
  const raw = el.textContent ?? '';

  const isHtml = type === 'html' || type === 'text/html';
  const isXhtml = type === 'xhtml' || type === 'application/xhtml+xml';
  const isText = type === 'text' || type === 'text/plain';
  const base64 = mode === 'base64' || (!atom03 && !isHtml && !isXhtml && !isText && !type.startsWith('text/') && !isXmlMediaType(type));

  if (base64) {
    const decoded = base64Text(raw);
    if (decoded === null) return null;
    return type.startsWith('text/') && !isHtml ? { form: 'text', text: decoded, escaped: false } : { form: 'html', html: decoded };
  }
  if (isXhtml) return mode === 'escaped' ? { form: 'html', html: raw } : { form: 'xhtml', el };
  if (isHtml) return { form: 'html', html: el.firstElementChild !== null ? xmlNodesToHtml(el) : raw };
  if (el.firstElementChild !== null) return { form: 'xhtml', el };
  return { form: 'text', text: raw, escaped: mode === 'escaped' };
}

export function atomBody(el: XmlElement, base: string | null): Body {
  const content = atomContent(el);
  if (content === null) return EMPTY_BODY;
  if (content.form === 'html') return htmlBody(content.html, base);
  if (content.form === 'xhtml') return xhtmlBody(content.el, base);
  // Atom 0.3 feeds escape HTML and forget to say text/html: content with tags in it is HTML.
  if (content.escaped && looksLikeHtml(content.text)) return htmlBody(content.text, base);
  return plainBody(content.text);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A title or name on one line, from an Atom text construct, decoded once by its declared type:
 * "History of the &lt;blink&gt; tag" in xhtml, or escaped twice in html, keeps "<blink>" as words.
 */
export function atomLine(el: XmlElement | null): string {
  const content = el ? atomContent(el) : null;
  if (content === null) return '';
  if (content.form === 'html') return htmlToLine(repairedMarkupText(content.html));
  if (content.form === 'xhtml') return oneLine(repairedMarkupText(content.el.textContent ?? ''));
  return oneLine(repairedMarkupText(content.text));
}

/** A title from RSS or JSON, where HTML and escaped characters turn up uninvited. */
export function guessedLine(raw: string | null): string {
  if (!raw) return '';
  const s = repairedMarkupText(raw);
  if (looksLikeHtml(s)) return htmlToLine(s);
  return decodeHtmlEntities(s).replace(/\s+/g, ' ').trim();
}
