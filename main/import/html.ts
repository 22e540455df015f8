/**
 * Saved web pages (.html/.htm/.xhtml, and "Web page, complete" with its `X_files/` folder): the
 * main content by Mozilla Readability, metadata from what the page declares, local images embedded
 * so the article reads offline, then sanitized. MHTML reuses articleFromPage with its own parts.
 *
 * jsdom never fetches or runs anything here: no `resources`, no `runScripts` (its defaults), and
 * the document's URL is only used to resolve relative links.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import type { JSDOM, VirtualConsole } from 'jsdom';
import { jsdom } from './jsdom';
import type { Direction, NewArticle } from '../../common';
import { decodeText, type DecodedText } from './decode';
import { ImportError } from './errors';
import type { SourceFile } from './parser';
import { imageDataUri } from '../library/image-data';
import { detectLanguage, firstStrongDirection } from './language';
import { reportDecoding, type NoteSink } from './notes';
import { cleanText, directionOf, languageTag, pageMetadata } from './page-metadata';
import { titleFromFileName } from './plaintext';
import { sanitizeArticle } from './sanitize';
import { titleFromText } from './title';

export const NO_ARTICLE_TEXT = 'no article text found in the page';
export const PAGE_TOO_COMPLEX = 'the page is too complex to read (too many or too deeply nested elements)';

/**
 * jsdom's parser and Readability both get slow on pathological pages, so a cheap scan of the markup
 * decides first: nesting deeper than this is refused outright (jsdom's insertion walks every
 * ancestor, so 5,000 nested divs take seconds and 20,000 overflow the stack)…
 */
const MAX_MARKUP_DEPTH = 500;
/** …and so are pages with more elements than any article needs. */
const MAX_MARKUP_ELEMENTS = 300_000;
/**
 * Readability is quadratic on large pages (it re-measures subtrees and retries up to four times);
 * past this many elements the page's body is read whole instead.
 */
const MAX_ELEMENTS_FOR_READABILITY = 8_000;
/**
 * Readability's cost grows with the square of nesting depth (it measures each element's subtree,
 * and retries up to four times): 500 nested divs take tens of seconds. Real pages stay well below
 * this; deeper ones are read whole, without Readability.
 */
const MAX_DEPTH_FOR_READABILITY = 100;
/** Embedded images live in the stored HTML; keep one article from becoming a photo archive. */
const MAX_EMBEDDED_BYTES = 40 * 1024 * 1024;
const MAX_EMBEDDED_IMAGES = 300;

const PRESCAN_BYTES = 4096;

/**
 * The charset a page declares in its first bytes, as the HTML spec's prescan finds it: <meta
 * charset>, <meta http-equiv=content-type content="…; charset=…">, or an XHTML file's XML prolog.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
  if (meta?.[1]) return meta[1];
  const prolog = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([a-z0-9_:.+-]+)["']/i.exec(head);
  return prolog?.[1] ?? null;
}

/**
 * BOM, then the transport's charset (an MHTML part's, an HTTP response's), then the page's own
 * declaration, then detection; bytes that prove to be UTF-8 are UTF-8 whatever is declared.
 */
export function decodePage(bytes: Uint8Array, transportCharset: string | null = null): DecodedText {
  return decodeText(bytes, { transport: transportCharset, declared: declaredCharset(bytes) });
}

export interface PageInput {
  file: SourceFile;
  /** The decoded page. */
  html: string;
  /** The document's URL: the file's, or the MHTML page's Content-Location. */
  url: string;
  /** Where the page was saved from, if the container says (MHTML). */
  savedFrom?: string | null;
  /** A title of last resort from the container (MHTML's Subject). */
  fallbackTitle?: string | null;
  /** The bytes of an image the page refers to by absolute URL, or null when the page did not bring it. */
  resolveImage(url: string): Uint8Array | null;
}

function silentConsole(): VirtualConsole {
  // jsdom reports CSS it cannot parse to the console; a user's import is not the place for that.
  return new (jsdom().VirtualConsole)();
}

/**
 * jsdom gives every <iframe>/<frame> a window of its own (about:blank, but a whole window): a page
 * with hundreds of them takes minutes. Frames never reach an article anyway, so they are renamed
 * into inert unknown elements before parsing.
 */
function withoutFrames(html: string): string {
  return html.replace(/<(\/?)(iframe|frame|frameset)(?=[\s/>])/gi, '<$1sahifa-removed-$2');
}

function createDocument(html: string, url: string): JSDOM {
  const { JSDOM } = jsdom();
  const markup = withoutFrames(html);
  try {
    return new JSDOM(markup, { url, contentType: 'text/html', virtualConsole: silentConsole() });
  } catch {
    return new JSDOM(markup, { contentType: 'text/html', virtualConsole: silentConsole() });
  }
}

function firstSrcsetCandidate(srcset: string | null): string | null {
  return srcset?.trim().split(/\s+/)[0]?.replace(/,$/, '') || null;
}

/** The image URL a browser would show for this <img>, seeing through lazy-loading placeholders. */
function imageSource(img: Element): string | null {
  const src = img.getAttribute('src')?.trim() ?? '';
  if (src !== '' && !src.startsWith('data:')) return src;
  // Lazy-loading pages put a placeholder (a 1px GIF, an SVG) in src and the picture elsewhere;
  // a real embedded image with nothing else is left as it is (the sanitizer judges it).
  const lazy = ['data-src', 'data-original', 'data-lazy-src'].map((a) => img.getAttribute(a)?.trim()).find((v) => v);
  return lazy ?? firstSrcsetCandidate(img.getAttribute('srcset') ?? img.getAttribute('data-srcset'));
}

/** Local images become data: URIs; whatever cannot be resolved is left for the sanitizer to drop. */
function embedImages(root: Element, baseUrl: string, resolve: PageInput['resolveImage']): void {
  let budget = MAX_EMBEDDED_BYTES;
  let count = 0;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = imageSource(img);
    if (!src) continue;
    let absolute: string;
    try {
      absolute = new URL(src, baseUrl).href;
    } catch {
      continue;
    }
    if (count >= MAX_EMBEDDED_IMAGES) break;
    const bytes = resolve(absolute);
    if (!bytes || bytes.byteLength > budget) continue;
    const uri = imageDataUri(bytes);
    if (!uri) continue;
    img.setAttribute('src', uri);
    img.removeAttribute('srcset');
    budget -= bytes.byteLength;
    count++;
  }
}

/**
 * dir/lang declared on the content's own wrappers (Readability keeps them in its output but reports
 * dir: null when the attribute sits on <article> rather than on an ancestor of the content).
 */
function wrapperAttribute(root: Element, attribute: 'dir' | 'lang'): string | null {
  let node: Element | null = root;
  for (let depth = 0; node && depth < 12; depth++) {
    const value = node.getAttribute(attribute);
    if (value && value.trim() !== '' && value.trim().toLowerCase() !== 'auto') return value;
    const only: Element | null = node.children.length === 1 ? node.children[0] ?? null : null;
    const ownText = Array.from(node.childNodes).some((c) => c.nodeType === 3 && (c.nodeValue ?? '').trim() !== '');
    node = only && !ownText ? only : null;
  }
  return null;
}

function scriptOf(lang: string): 'arabic' | 'hebrew' | 'other' {
  const primary = lang.split('-')[0] ?? '';
  if (['ar', 'fa', 'ur', 'ps', 'ku', 'ckb', 'sd', 'ug', 'prs'].includes(primary)) return 'arabic';
  if (['he', 'yi', 'iw'].includes(primary)) return 'hebrew';
  return 'other';
}

/**
 * A declared language stands unless the text plainly is in another script: templates declare
 * lang="en" on Arabic pages, and the Arabic EPUB in the corpus declares lang="fr".
 */
function chooseLanguage(declared: string | null, text: string): string | null {
  const detected = detectLanguage(text).lang;
  if (!declared) return detected;
  if (detected && scriptOf(declared) !== scriptOf(detected)) return detected;
  return declared;
}

function firstHeading(root: Element): string | null {
  return cleanText(root.querySelector('h1, h2, h3')?.textContent);
}

/** The deepest element nesting under `root`, walked without recursion; stops counting at `limit`. */
function nestingDepth(root: Element, limit: number): number {
  let max = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Element, number];
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return max;
}

type ReadabilityResult = NonNullable<ReturnType<Readability<Node>['parse']>>;

function readArticle(doc: Document, elements: number): ReadabilityResult | null {
  // Counted from the markup: a live getElementsByTagName('*') would be updated on every one of
  // Readability's mutations.
  if (elements > MAX_ELEMENTS_FOR_READABILITY) return null;
  if (nestingDepth(doc.documentElement, MAX_DEPTH_FOR_READABILITY) > MAX_DEPTH_FOR_READABILITY) return null;
  try {
    return new Readability<Node>(doc, { serializer: (node) => node }).parse();
  } catch {
    // Readability gives up on some broken trees; the page's body is still worth reading.
    return null;
  }
}

// Elements that never hold others, or that the parser closes by itself when the next one opens:
// counting them as nesting would make every page of unclosed <p>s look infinitely deep.
const NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * A conservative estimate of the element count and nesting depth, from the markup alone, before
 * jsdom builds a tree that could take minutes or blow the stack. Comments and raw-text elements
 * (script, style…) are skipped so their contents do not count.
 */
export function markupShape(html: string): { elements: number; depth: number } {
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;
  const lower = html.toLowerCase();
  const open = new Map<string, number>();
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (m[1]) {
      const n = open.get(name) ?? 0;
      if (n > 0) {
        open.set(name, n - 1);
        depth--;
      }
      continue;
    }
    elements++;
    if (RAW_TEXT.has(name)) {
      const close = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = close < 0 ? html.length : close;
      continue;
    }
    if (NOT_NESTING.has(name) || m[3]) continue;
    open.set(name, (open.get(name) ?? 0) + 1);
    depth++;
    if (depth > maxDepth) maxDepth = depth;
  }
  return { elements, depth: maxDepth };
}

export function articleFromPage(input: PageInput): NewArticle {
  const shape = markupShape(input.html);
  if (shape.depth > MAX_MARKUP_DEPTH || shape.elements > MAX_MARKUP_ELEMENTS) throw new ImportError('page-too-complex', PAGE_TOO_COMPLEX);
  const dom = createDocument(input.html, input.url);
  try {
    const doc = dom.window.document;
    // A <base> would let the page point its relative URLs (its images) anywhere it likes.
    for (const base of Array.from(doc.querySelectorAll('base'))) base.remove();
    const meta = pageMetadata(doc, { source: input.html, savedFrom: input.savedFrom ?? null });
    const documentTitle = cleanText(doc.title);

    const result = readArticle(doc, shape.elements);
    const content = result?.content;
    const root: Element | null = content && content.nodeType === 1 ? (content as Element) : doc.body;
    if (!root) throw new ImportError('no-article-text', NO_ARTICLE_TEXT);

    embedImages(root, doc.baseURI, input.resolveImage);
    const { html, text, images } = sanitizeArticle(root.innerHTML);
    if (text === '' && images === 0) throw new ImportError('no-article-text', NO_ARTICLE_TEXT);

    const dir: Direction = directionOf(wrapperAttribute(root, 'dir')) ?? directionOf(result?.dir) ?? meta.dir
      ?? firstStrongDirection(text) ?? 'ltr';
    const declaredLang = languageTag(wrapperAttribute(root, 'lang')) ?? meta.lang ?? languageTag(result?.lang);
    const title = meta.title ?? cleanText(result?.title) ?? documentTitle ?? cleanText(input.fallbackTitle)
      ?? firstHeading(root) ?? (titleFromText(text) || titleFromFileName(input.file.name));

    return {
      title,
      byline: meta.byline ?? cleanText(result?.byline),
      source: meta.siteName ?? cleanText(result?.siteName),
      url: meta.url,
      lang: chooseLanguage(declaredLang, text),
      dir,
      published: meta.published ?? isoDateOrNull(result?.publishedTime),
      text,
      html,
      origin: input.file.path,
    };
  } finally {
    // Detach the tree first: close() empties <body> node by node, updating every live collection
    // Readability created on each removal, which is quadratic on a large page.
    dom.window.document.body?.remove();
    dom.window.close();
  }
}

function isoDateOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function fileUrl(filePath: string): string {
  return pathToFileURL(path.resolve(filePath)).href;
}

/**
 * For a page read from disk: an absolute file: URL inside the page's own folder → the bytes, via
 * SourceFile.readRelative (which refuses anything outside that folder on its own, too).
 */
function relativeImageResolver(file: SourceFile, pageUrl: string): PageInput['resolveImage'] {
  const folderUrl = new URL('.', pageUrl).href;
  return (absolute) => {
    if (!file.readRelative || !absolute.startsWith(folderUrl)) return null;
    let relative: string;
    try {
      relative = decodeURIComponent(absolute.slice(folderUrl.length).replace(/[?#].*$/, ''));
    } catch {
      return null;
    }
    return relative === '' ? null : file.readRelative(relative);
  };
}

export function parseHtml(file: SourceFile, notes?: NoteSink): NewArticle[] {
  const text = reportDecoding(decodePage(file.bytes), notes);
  const url = fileUrl(file.path);
  return [articleFromPage({ file, html: text, url, resolveImage: relativeImageResolver(file, url) })];
}
