/**
 * The sanitizer the app used until 2026-11 — DOMPurify over one shared jsdom window, with the app's
 * config and hooks exactly as they were — kept for the benchmarks only: bench/sanitizers.ts measures
 * other candidates against it, and bench/sanitizer-text.ts compares its readable text with the
 * app's sanitizer (main/import/sanitize.ts, sanitize-html) on the whole corpus. Never used by the app.
 */
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readableText } from '../main/import/html-text';
import { isRasterDataUri } from '../main/library/image-data';
import { isUnsafeStyle, safeLink } from '../main/import/sanitize';
import { remoteImage } from '../main/import/remote-images';
import type { SanitizedArticle } from '../main/import/sanitize';

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

/**
 * DOMPurify over `window` with Sahifa's former rules (config and hooks); bench/sanitizers.ts also
 * applies them over other DOM implementations.
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

export function domPurifyHtml(html: string): string {
  return sanitizeToBody(html).innerHTML;
}


/** Sanitizes once and reads the text off the same tree, so html and text always agree. */
export function domPurifyArticle(html: string): SanitizedArticle {
  const body = sanitizeToBody(html);
  return { html: body.innerHTML, text: readableText(body), images: body.getElementsByTagName('img').length };
}
