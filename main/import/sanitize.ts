/**
 * The one HTML sanitizer for everything imported (DESIGN.md, "Security": imported articles are
 * hostile): feed items, full-text and saved pages, HTML, Markdown, EPUB and JSON files. An allowlist
 * (sanitize-html over htmlparser2, no DOM): only article elements and harmless attributes come out,
 * re-serialized with every text and attribute value escaped. Beyond "no script, no handlers", an
 * article must never reach the network or act on the app around it, so:
 *  - every remote resource reference is dropped (src, srcset, poster, CSS url(), <link>, <base>…);
 *    a remote image becomes its alt text; raster images embedded as data: URIs stay (no SVG: it can
 *    carry script), and so do remote images a caller downloaded beforehand (remote-images.ts);
 *  - links survive only as http(s) on <a>, marked rel="noopener noreferrer" (the app opens them in
 *    the system browser on click); every other scheme, and bare fragments, are dropped;
 *  - no frames, forms, plugins, media, SVG, MathML, refreshes, targets or fixed-position overlays;
 *  - ids and names are prefixed "user-content-" so they cannot clobber the app's.
 *
 * The rules are the ones the app applied with DOMPurify on jsdom until 2026-11 (docs/benchmarks.md,
 * "Sanitizer alternatives": same text and structure on the corpus, 27× less CPU). Raw-text and
 * foreign-content elements (script, style, textarea, title, noscript, template, svg, math, iframe,
 * xmp, plaintext…) never come out, with their content, so the HTML stored contains nothing a browser
 * parses differently from htmlparser2: what the reading view's Chromium builds is the tree this
 * module read the text from.
 */
import sanitizeHtmlLib from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import { safeHttpUrl } from './safe-url';
import { readableText } from './html-text';
import { isRasterDataUri } from '../library/image-data';
import { remoteImage } from './remote-images';

/**
 * Article elements: what DOMPurify allowed by default minus what Sahifa forbade, obsolete and
 * unknown ones included (blink, marquee, content…: harmless, and dropping them would join the text
 * on either side differently from before).
 */
const ALLOWED_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blink', 'blockquote', 'br', 'caption',
  'center', 'content', 'decorator', 'element', 'marquee', 'menuitem', 'shadow', 'spacer',
  'cite', 'code', 'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'dir', 'div', 'dl', 'dt', 'em', 'fieldset',
  'figcaption', 'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'i', 'img', 'ins',
  'kbd', 'label', 'legend', 'li', 'main', 'mark', 'menu', 'meter', 'nav', 'nobr', 'ol', 'p', 'picture', 'pre', 'progress',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'search', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

/**
 * Removed together with what they hold: code, styles, raw text, foreign content (SVG, MathML),
 * embedded documents and media, and UI whose text is not article (buttons, option lists). Any
 * other element not allowed is dropped and its content kept, as DOMPurify did.
 */
const REMOVED_WITH_CONTENT = [
  'script', 'style', 'template', 'title', 'head', 'svg', 'math', 'noscript', 'iframe', 'frame', 'frameset', 'noembed',
  'noframes', 'plaintext', 'xmp', 'audio', 'video', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist',
  'output', 'object', 'embed', 'applet', 'canvas', 'map', 'dialog', 'portal', 'fencedframe', 'slot',
];

/** Attributes that describe text or layout and can load nothing, on every allowed element. */
const GLOBAL_ATTRIBUTES = [
  'dir', 'lang', 'title', 'class', 'id', 'style', 'align', 'valign', 'width', 'height', 'hidden', 'role', 'translate',
  'bgcolor', 'border', 'cellpadding', 'cellspacing', 'clear', 'nowrap', 'noshade', 'summary', 'aria-*',
];

// An image that lost its source becomes a <span> holding its alt text. (Not an unknown tag dropped
// with its text kept: sanitize-html 2.17 then writes that tag's name as the end tag of the next
// element closed at the same depth.)
const IMAGE_AS_ALT = 'span';
const NAMED_PROPS_PREFIX = 'user-content-';

/** http(s) links only, judged by the URL parser (as the browser will read them), kept as written. */
export function safeLink(value: string): string | null {
  const trimmed = value.trim();
  return safeHttpUrl(trimmed) ? trimmed : null;
}

/**
 * An inline style is kept only when it cannot load anything or cover the app: no url()/image()/
 * image-set(), no legacy script hooks, no @import, no escapes (which could spell any of those),
 * no fixed/absolute/sticky positioning.
 */
export function isUnsafeStyle(value: string): boolean {
  if (value.includes('\\')) return true;
  const css = value.replace(/\/\*[\s\S]*?\*\//g, '').toLowerCase();
  return /url\s*\(|image\s*\(|image-set|cross-fade|element\s*\(|expression\s*\(|@import|-moz-binding|behavior\s*:|javascript:|vbscript:|position\s*:\s*(fixed|absolute|sticky)/.test(css);
}

/** Every element's attributes: unsafe styles dropped, ids and names prefixed. */
function commonAttributes(attribs: sanitizeHtmlLib.Attributes): sanitizeHtmlLib.Attributes {
  const kept: sanitizeHtmlLib.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name === 'style' && isUnsafeStyle(value)) continue;
    kept[name] = (name === 'id' || name === 'name') && !value.startsWith(NAMED_PROPS_PREFIX) ? NAMED_PROPS_PREFIX + value : value;
  }
  return kept;
}

/** What sanitize-html's frames also carry (undeclared by its types): the name a transform gave, its text. */
interface SanitizerFrame extends sanitizeHtmlLib.IFrame {
  name?: string;
  innerText?: string;
}

const OPTIONS: sanitizeHtmlLib.IOptions = {
  allowedTags: ALLOWED_TAGS,
  nonTextTags: REMOVED_WITH_CONTENT,
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    '*': GLOBAL_ATTRIBUTES,
    a: ['href', 'name', 'rel'],
    img: ['src', 'alt'],
    td: ['colspan', 'rowspan', 'headers', 'scope'],
    th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    ul: ['type'],
    li: ['value', 'type'],
    time: ['datetime'],
    del: ['datetime'],
    ins: ['datetime'],
    data: ['value'],
    meter: ['value', 'min', 'max', 'low', 'high', 'optimum'],
    progress: ['value', 'max'],
    details: ['open'],
    font: ['color', 'face', 'size'],
  },
  // Links: http(s) only (and judged again by safeLink); images: data: only (and only raster ones).
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Styles are judged whole by isUnsafeStyle, not parsed property by property.
  allowedStyles: undefined,
  parseStyleAttributes: false,
  allowVulnerableTags: false,
  transformTags: {
    '*': (tagName, attribs) => ({ tagName, attribs: commonAttributes(attribs) }),
    a: (tagName, attribs) => {
      // No target (the app opens links itself); rel is the app's, not the page's.
      const { target: _target, rel: _rel, href, ...rest } = attribs;
      const link = href === undefined ? null : safeLink(href);
      return { tagName, attribs: link === null ? rest : { ...rest, href: link, rel: 'noopener noreferrer' } };
    },
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      // A remote image someone downloaded beforehand (remote-images.ts) comes in as its bytes.
      const local = remoteImage(src);
      const kept = local !== null && isRasterDataUri(local) ? local : isRasterDataUri(src) ? src : null;
      if (kept !== null) return { tagName, attribs: { ...attribs, src: kept } };
      // An image that lost its source (remote, SVG, broken) reads as its alt text, or disappears.
      return { tagName: IMAGE_AS_ALT, attribs: {}, text: (attribs.alt ?? '').replace(/\s+/g, ' ').trim() };
    },
  },
  // Void elements written as such: a "</br>" would read as a second line break in a browser.
  selfClosing: ['img', 'br', 'hr', 'wbr', 'col'],
  // An image with neither a source nor an alt text leaves nothing behind, not an empty <span>.
  exclusiveFilter: (frame) => frame.tag === 'img' && (frame as SanitizerFrame).name === IMAGE_AS_ALT && !(frame as SanitizerFrame).innerText,
};

/**
 * What an HTML parser in a browser does to the input stream before anything else: CR LF and lone
 * CR become LF, and NUL is never text. Done first so the text read here is the text Chromium shows.
 */
function normalizedInput(html: string): string {
  // eslint-disable-next-line no-control-regex
  return html.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
}

export function sanitizeHtml(html: string): string {
  return sanitizeHtmlLib(normalizedInput(html), OPTIONS);
}

export interface SanitizedArticle {
  /** The HTML to store and render. */
  html: string;
  /** Its readable text (html-text.ts rules): what the library indexes and highlights refer to. */
  text: string;
  /** How many (embedded) images survived: a page of pictures is an article even without text. */
  images: number;
}

function countImages(html: string): number {
  // The sanitized HTML has no comments, raw text or attributes holding "<": every "<img" is an image.
  let count = 0;
  for (let at = html.indexOf('<img'); at >= 0; at = html.indexOf('<img', at + 4)) count++;
  return count;
}

/** Sanitizes once and reads the text off the sanitized HTML's tree, so html and text always agree. */
export function sanitizeArticle(html: string): SanitizedArticle {
  const clean = sanitizeHtml(html);
  return { html: clean, text: readableText(parseDocument(clean)), images: countImages(clean) };
}
