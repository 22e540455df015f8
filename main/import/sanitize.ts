/**
 * The one HTML sanitizer for everything imported (DESIGN.md, "Security": imported articles are
 * hostile). Beyond DOMPurify's defaults (no script, no handlers, no javascript: URLs) an article
 * must never reach the network or act on the app around it, so:
 *  - every remote resource reference is dropped (src, srcset, poster, CSS url(), <link>, <base>…);
 *    a remote image becomes its alt text; raster images embedded as data: URIs stay (no SVG: it can
 *    carry script);
 *  - links survive only as http(s) on <a>, marked rel="noopener noreferrer" (the app opens them in
 *    the system browser on click); every other scheme, and bare fragments, are dropped;
 *  - no frames, forms, plugins, refreshes, targets or fixed-position overlays;
 *  - ids and names are prefixed (DOMPurify's SANITIZE_NAMED_PROPS) so they cannot clobber the app's.
 */
import { safeHttpUrl } from './safe-url';
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import { jsdom } from './jsdom';
import { readableText } from './html-text';
import { isRasterDataUri } from '../library/image-data';
import { remoteImage } from './remote-images';

const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet',
  'param', 'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'noscript',
  'template', 'slot', 'portal', 'fencedframe', 'audio', 'video', 'source', 'track', 'svg', 'math', 'canvas', 'map', 'area',
  'dialog', 'xmp', 'plaintext', 'noembed', 'title',
];
// Removed together with what they hold: their text is UI (buttons, option lists), not article.
const FORBID_CONTENTS = ['button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'object', 'embed', 'applet', 'canvas', 'map', 'dialog', 'frameset', 'noframes'];
const FORBID_ATTR = [
  'target', 'ping', 'srcset', 'sizes', 'download', 'background', 'poster', 'action', 'formaction', 'xmlns', 'nonce',
  'integrity', 'crossorigin', 'referrerpolicy', 'attributionsrc', 'popover', 'popovertarget', 'popovertargetaction',
  'is', 'autofocus', 'contenteditable', 'usemap', 'longdesc', 'lowsrc', 'dynsrc', 'cite', 'data', 'codebase',
  'classid', 'manifest', 'xlink:href', 'itemtype', 'itemid', 'itemprop', 'itemscope', 'itemref', 'http-equiv',
];

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ADD_FORBID_CONTENTS: FORBID_CONTENTS,
  ADD_ATTR: ['dir', 'lang'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_NAMED_PROPS: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: true,
};

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

/**
 * DOMPurify over `window` with Sahifa's rules (config and hooks). Exported for bench/sanitizers.ts,
 * which measures the same rules over other DOM implementations; the app uses jsdom only.
 */
export function createPurifier(window: WindowLike): DOMPurify {
  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const tag = node.nodeName.toLowerCase();
    if (name === 'style') {
      if (isUnsafeStyle(data.attrValue)) data.keepAttr = false;
    } else if (name === 'src') {
      // A remote image someone downloaded beforehand (remote-images.ts) comes in as its bytes.
      const local = tag === 'img' ? remoteImage(data.attrValue) : null;
      if (local !== null && isRasterDataUri(local)) data.attrValue = local;
      else if (!(tag === 'img' && isRasterDataUri(data.attrValue))) data.keepAttr = false;
    } else if (name === 'href') {
      // On <a> a link is fine (the app opens http/https externally on click); anywhere else it loads.
      const link = tag === 'a' ? safeLink(data.attrValue) : null;
      if (link) data.attrValue = link;
      else data.keepAttr = false;
    } else if (name.startsWith('on')) {
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName.toLowerCase() !== 'a') return;
    node.removeAttribute('target');
    if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
    else node.removeAttribute('rel');
  });
  purify.setConfig(CONFIG);
  return purify;
}

let purifier: DOMPurify | null = null;
let purifierDocument: Document | null = null;

/** One jsdom window per process: creating one costs tens of milliseconds. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { JSDOM, VirtualConsole } = jsdom();
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  purifierDocument = window.document;
  purifier = createPurifier(window as unknown as WindowLike);
  return purifier;
}

/** An image that lost its source (remote, SVG, broken) reads as its alt text, or disappears. */
// getElementsByTagName, not querySelectorAll: jsdom leaves a listener on the shared window for every
// querySelectorAll on a new document, and sanitizing slowed down with every article it had seen.
function replaceSourcelessImages(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (img.hasAttribute('src')) continue;
    const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    if (alt) img.replaceWith(img.ownerDocument.createTextNode(alt));
    else img.remove();
  }
}

/** Sanitizes `html` with `purify` (made by createPurifier over the window of `document`). */
export function sanitizeToBodyWith(purify: DOMPurify, document: Document, html: string): Element {
  const body = purify.sanitize(html) as unknown as Element | null;
  // DOMPurify answers null for input it cannot parse into a body; that is an empty article.
  if (!body) return document.createElement('body');
  replaceSourcelessImages(body);
  return body;
}

function sanitizeToBody(html: string): Element {
  const purify = getPurifier();
  return sanitizeToBodyWith(purify, purifierDocument as Document, html);
}

export function sanitizeHtml(html: string): string {
  return sanitizeToBody(html).innerHTML;
}

export interface SanitizedArticle {
  /** The HTML to store and render. */
  html: string;
  /** Its readable text (html-text.ts rules): what the library indexes and highlights refer to. */
  text: string;
  /** How many (embedded) images survived: a page of pictures is an article even without text. */
  images: number;
}

/** Sanitizes once and reads the text off the same tree, so html and text always agree. */
export function sanitizeArticle(html: string): SanitizedArticle {
  const body = sanitizeToBody(html);
  return { html: body.innerHTML, text: readableText(body), images: body.getElementsByTagName('img').length };
}
