/**
 * The one HTML sanitizer for everything imported (DESIGN.md, "Security": imported articles are
 * hostile). Beyond DOMPurify's defaults (no script, no handlers, no javascript: URLs) articles must
 * never reach the network, so every remote resource reference is dropped; embedded data: images stay.
 */
import createDOMPurify from 'dompurify';
import type { DOMPurify, WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';

const FORBID_TAGS = ['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'option', 'noscript', 'template', 'portal', 'audio', 'video', 'source', 'track'];
// Attributes that make a browser fetch something.
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'xlink:href', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'cite']);
const SAFE_LINK = /^(https?:|mailto:|#)/i;
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml);/i;

let purifier: DOMPurify | null = null;

/** One jsdom window per process: creating one costs tens of milliseconds. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as WindowLike);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(value)) {
      data.keepAttr = false;
    } else if (RESOURCE_ATTRIBUTES.has(name)) {
      // Only images may carry data, and only as data: URIs.
      if (!((name === 'src') && node.nodeName.toLowerCase() === 'img' && DATA_IMAGE.test(value))) data.keepAttr = false;
    } else if (name === 'href') {
      // On <a> a link is fine (the app opens http/https externally on click); anywhere else (SVG <use>, <image>) it loads.
      if (node.nodeName.toLowerCase() !== 'a' || !SAFE_LINK.test(value)) data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // A link target could open a window; links are opened by the app, never by the page.
    if (node.nodeName.toLowerCase() === 'a') {
      node.removeAttribute('target');
    }
  });
  purifier = purify;
  return purify;
}

export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['target', 'ping'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
  });
}
