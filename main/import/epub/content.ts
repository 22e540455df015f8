/**
 * A book's chapters → one article's HTML and text. Each chapter's body becomes a <section>, in
 * reading order; images come along as data: URIs (the reader is offline and the book's files are
 * not kept), and the result goes through the one sanitizer, which also reads the text off the
 * sanitized tree, so what is searchable is exactly what is shown. (Links between chapters are
 * dropped by the sanitizer like every non-http link; the text of the link stays.)
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { imageDataUri } from '../../library/image-data';
import { sanitizeArticle } from '../sanitize';
import { MAX_EMBEDDED_IMAGES_TOTAL_BYTES, MAX_EMBEDDED_IMAGE_BYTES } from '../limits';
import { resolvePath } from './package';
import { domWindow, parseXhtml } from './xml';

export interface Chapter {
  /** Path inside the archive, for resolving its relative links and images. */
  path: string;
  source: string;
}

/** A file of the book by its path in the archive; null when it is missing or unreadable. */
export type ReadResource = (path: string) => Uint8Array | null;

export interface BookContent {
  html: string;
  text: string;
  /** How many images were embedded. */
  images: number;
}

const OPS_NAMESPACE = 'http://www.idpf.org/2007/ops';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

class ImageEmbedder {
  private readonly cache = new Map<string, string | null>();
  private total = 0;
  count = 0;

  constructor(private readonly read: ReadResource) {}

  /** The image at `path` as a data: URI, or null when it is missing, not raster, or over a limit. */
  dataUri(path: string): string | null {
    let uri = this.cache.get(path);
    if (uri === undefined) {
      const bytes = this.read(path);
      uri = bytes && bytes.length <= MAX_EMBEDDED_IMAGE_BYTES ? imageDataUri(bytes) : null;
      this.cache.set(path, uri);
    }
    if (uri === null || this.total + uri.length > MAX_EMBEDDED_IMAGES_TOTAL_BYTES) return null;
    this.total += uri.length;
    this.count++;
    return uri;
  }
}

function epubTypes(el: Element): string[] {
  const value = el.getAttributeNS(OPS_NAMESPACE, 'type') ?? el.getAttribute('epub:type') ?? '';
  return value.split(/\s+/).filter(Boolean);
}

/** Print page numbers ("169") and hidden parts (a nav's landmarks) are not the book's text. */
function removeNonContent(body: Element): void {
  for (const el of [...body.getElementsByTagName('*')]) {
    if (!el.isConnected) continue;
    const name = el.localName.toLowerCase();
    if (name === 'script' || name === 'style' || name === 'link' || name === 'meta' || name === 'title'
      || el.hasAttribute('hidden') || epubTypes(el).includes('pagebreak')) el.remove();
  }
}

function sectionId(index: number): string {
  return `c${index + 1}`;
}

function embedImages(body: Element, chapter: Chapter, images: ImageEmbedder): void {
  const doc = body.ownerDocument;
  for (const img of [...body.getElementsByTagName('img')]) {
    const path = resolvePath(chapter.path, img.getAttribute('src') ?? '');
    const uri = path ? images.dataUri(path) : null;
    if (uri) img.setAttribute('src', uri);
    else img.removeAttribute('src');
    img.removeAttribute('srcset');
  }
  // Covers are often an <svg> wrapping an <image>; the sanitizer keeps images only as <img>.
  for (const svg of [...body.getElementsByTagNameNS('*', 'svg')]) {
    if (!svg.isConnected) continue; // inside an <svg> already replaced
    const replacements: Element[] = [];
    for (const image of [...svg.getElementsByTagNameNS('*', 'image')]) {
      const href = image.getAttributeNS(XLINK_NAMESPACE, 'href') ?? image.getAttribute('xlink:href') ?? image.getAttribute('href') ?? '';
      const path = resolvePath(chapter.path, href);
      const uri = path ? images.dataUri(path) : null;
      if (!uri) continue;
      const img = doc.createElementNS('http://www.w3.org/1999/xhtml', 'img');
      img.setAttribute('src', uri);
      img.setAttribute('alt', '');
      replacements.push(img);
    }
    if (replacements.length > 0) svg.replaceWith(...replacements);
  }
}

function languageOf(doc: Document, body: Element): { lang: string | null; dir: string | null } {
  const html = doc.documentElement;
  const lang = body.getAttribute('xml:lang') ?? body.getAttribute('lang') ?? html.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')
    ?? html.getAttribute('xml:lang') ?? html.getAttribute('lang');
  const dir = body.getAttribute('dir') ?? html.getAttribute('dir');
  return { lang: lang?.trim() || null, dir: dir === 'rtl' || dir === 'ltr' ? dir : null };
}

/**
 * Chapter by chapter, yielding in between: jsdom and the sanitizer take a good second on a long
 * book, and the process importing it has other work to answer. Sanitizing sections one at a time
 * gives the same html and text as sanitizing the whole: a section is a block, so its text is its
 * own paragraphs, and the article's text is theirs joined by a blank line.
 */
export async function renderChapters(chapters: Chapter[], read: ReadResource): Promise<BookContent> {
  const out = domWindow().document.implementation.createHTMLDocument('');
  const images = new ImageEmbedder(read);
  const html: string[] = [];
  const text: string[] = [];

  for (const [index, chapter] of chapters.entries()) {
    if (index > 0) await yieldToEventLoop();
    const doc = parseXhtml(chapter.source);
    const body = doc.body ?? doc.getElementsByTagNameNS('*', 'body')[0];
    if (!body) continue;
    removeNonContent(body);
    embedImages(body, chapter, images);
    const section = out.createElement('section');
    section.id = sectionId(index);
    const { lang, dir } = languageOf(doc, body);
    if (lang) section.setAttribute('lang', lang);
    if (dir) section.setAttribute('dir', dir);
    // Imported into an HTML document, XHTML elements serialize as HTML the sanitizer reads as such.
    for (const child of [...body.childNodes]) section.appendChild(out.importNode(child, true));
    const sanitized = sanitizeArticle(section.outerHTML);
    html.push(sanitized.html);
    if (sanitized.text) text.push(sanitized.text);
  }
  return { html: html.join('\n'), text: text.join('\n\n'), images: images.count };
}
