/**
 * Single-file web pages (.mhtml/.mht, multipart/related as Chromium, Edge and Opera save them):
 * the first HTML part is the page; the images it refers to by Content-Location or cid: are
 * embedded from their own parts; then it is read like any saved page (html.ts). Stylesheets,
 * frames and scripts in the other parts are ignored.
 */
import type { NewArticle } from '../../common';
import { ImportError } from './errors';
import type { SourceFile } from './parser';
import { articleFromPage, decodePage, fileUrl } from './html';
import { decodeEncodedWords, parseMimeMessage, type MimePart } from './mime';

export const NO_PAGE_IN_MHTML = 'no web page found in the MHTML file';

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** URLs compare as the URL parser writes them, without their fragment. */
function normalizeUrl(value: string, base?: string): string | null {
  try {
    const url = base ? new URL(value, base) : new URL(value);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function webUrl(value: string | null | undefined): string | null {
  const url = value ? normalizeUrl(value) : null;
  return url && /^https?:/.test(url) ? url : null;
}

export function parseMhtml(file: SourceFile): NewArticle[] {
  const message = parseMimeMessage(file.bytes);
  const page = message.parts.find((p) => PAGE_TYPES.has(p.contentType.type));
  if (!page) throw new ImportError('mhtml-no-page', NO_PAGE_IN_MHTML);

  const snapshot = message.headers.get('snapshot-content-location');
  const pageUrl = webUrl(page.location) ?? webUrl(snapshot) ?? fileUrl(file.path);

  const byLocation = new Map<string, MimePart>();
  const byId = new Map<string, MimePart>();
  for (const part of message.parts) {
    if (part === page) continue;
    const location = part.location ? normalizeUrl(part.location, pageUrl) : null;
    if (location && !byLocation.has(location)) byLocation.set(location, part);
    if (part.contentId && !byId.has(part.contentId)) byId.set(part.contentId, part);
  }
  const resolveImage = (url: string): Uint8Array | null => {
    if (/^cid:/i.test(url)) {
      let id: string;
      try {
        id = decodeURIComponent(url.slice(4));
      } catch {
        id = url.slice(4);
      }
      return byId.get(id)?.body ?? null;
    }
    const key = normalizeUrl(url);
    return (key ? byLocation.get(key)?.body : null) ?? null;
  };

  const subject = message.headers.get('subject');
  const html = decodePage(page.body, page.contentType.params.get('charset') ?? null).text;
  return [articleFromPage({
    file,
    html,
    url: pageUrl,
    savedFrom: webUrl(snapshot) ?? webUrl(page.location),
    fallbackTitle: subject ? decodeEncodedWords(subject) : null,
    resolveImage,
  })];
}
