/**
 * EPUB books: one article per book. Chapters in spine order (linear="no" items — notes, answer
 * keys that reading systems show only when linked — follow at the end, so links to them still
 * work and their text is searchable), metadata from the package, language and direction from what
 * the book is actually written in when the package says otherwise.
 */
import type { Direction, NewArticle } from '../../common';
import { decodeText } from './decode';
import { ImportError } from './errors';
import type { ParseContext, SourceFile } from './parser';
import { detectLanguage } from './language';
import { titleFromText } from './title';
import { titleFromFileName } from './plaintext';
import { renderChapters, type Chapter } from './epub/content';
import { isEncrypted } from './epub/encryption';
import { findPackagePath, PackageError, parsePackage, type BookPackage, type ManifestItem } from './epub/package';
import { fixVisualOrder } from './epub/visual-order';
import { EntryError, openArchive, type ZipArchive } from './zip';

export const EPUB_ENCRYPTED = 'the book is encrypted (DRM); it cannot be imported';

class DamagedBookError extends ImportError {}

function damaged(detail: string): ImportError {
  return new DamagedBookError('epub-damaged', `the EPUB file is damaged: ${detail}`);
}

/** A file of the book by path; names in the archive are matched exactly, then ignoring case. */
class BookFiles {
  private readonly lowerCase = new Map<string, string>();
  private readonly cache = new Map<string, Uint8Array | null>();

  constructor(private readonly archive: ZipArchive) {
    for (const e of archive.entries) if (!this.lowerCase.has(e.name.toLowerCase())) this.lowerCase.set(e.name.toLowerCase(), e.name);
  }

  names(): string[] {
    return this.archive.entries.map((e) => e.name);
  }

  /** Null when the book has no such file. Throws ImportError when the file is damaged or encrypted. */
  bytes(path: string): Uint8Array | null {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const entry = this.archive.get(path) ?? this.archive.get(this.lowerCase.get(path.toLowerCase()) ?? '');
    let bytes: Uint8Array | null = null;
    if (entry && !entry.isDirectory) {
      try {
        bytes = this.archive.read(entry);
      } catch (error) {
        if (!(error instanceof EntryError)) throw error;
        if (entry.encrypted) throw new ImportError('epub-encrypted', EPUB_ENCRYPTED);
        throw damaged(error.damage ? `${path} ${error.damage}` : `${path}: ${error.message}`);
      }
    }
    this.cache.set(path, bytes);
    return bytes;
  }

  /** An image or other resource: a damaged one is left out rather than failing the book. */
  optionalBytes(path: string): Uint8Array | null {
    try {
      return this.bytes(path);
    } catch (error) {
      if (error instanceof DamagedBookError) return null;
      throw error;
    }
  }

  text(path: string): string | null {
    const bytes = this.bytes(path);
    if (!bytes) return null;
    // XHTML is UTF-8 or UTF-16 by the spec; the prolog's declaration is honoured for the rest.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1] ?? null;
    return decodeText(bytes, { declared }).text.replace(/^\ufeff/, '');
  }
}

const CONTENT_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml', 'text/xml', '']);

function isContentDocument(item: ManifestItem): boolean {
  if (!CONTENT_TYPES.has(item.mediaType)) return false;
  return item.mediaType.includes('html') || /\.(x?html?|xht)$/i.test(item.path);
}

function readingOrder(book: BookPackage): ManifestItem[] {
  const linear = book.spine.filter((s) => s.linear).map((s) => s.item);
  const auxiliary = book.spine.filter((s) => !s.linear).map((s) => s.item);
  let items = [...linear, ...auxiliary].filter(isContentDocument);
  // A book without a usable spine still has its content documents, in manifest order.
  if (items.length === 0) items = [...book.manifest.values()].filter((i) => isContentDocument(i) && !i.properties.includes('nav'));
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.path) && seen.add(i.path));
}

// Languages written right to left (primary subtags).
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The text's script wins over a package language that contradicts it (the Arabic test book says
 * lang=fr); a declared tag that agrees keeps its region ("en-GB"); a text the detector cannot
 * name (French, say) keeps the declared language.
 */
function bookLanguage(book: BookPackage, detected: string | null): string | null {
  const declared = book.languages[0] ?? book.packageLang;
  if (!detected) return declared?.trim() || null;
  return declared && primary(declared) === detected ? declared.trim() : detected;
}

function bookDirection(book: BookPackage, lang: string | null, firstStrong: Direction): Direction {
  if (book.pageProgression === 'rtl') return 'rtl';
  if (lang && RTL_LANGUAGES.has(primary(lang))) return 'rtl';
  if (book.pageProgression === 'ltr') return 'ltr';
  return firstStrong;
}

function isRightToLeftText(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  const rtl = s.match(/[\p{Script=Arabic}\p{Script=Hebrew}]/gu) ?? [];
  return letters.length > 0 && rtl.length > letters.length / 2;
}

/**
 * The main title; in a right-to-left book whose title is in another script, its right-to-left
 * alternate-script title (preferring the book's language), put back in reading order if stored
 * in visual order.
 */
function bookTitle(book: BookPackage, dir: Direction, lang: string | null): string | null {
  const main = book.titles.find((t) => t.type === 'main') ?? book.titles[0];
  if (!main) return null;
  let title = main.text;
  if (dir === 'rtl' && !isRightToLeftText(title)) {
    const alternates = main.alternates.filter((a) => isRightToLeftText(a.text));
    const chosen = alternates.find((a) => lang && a.lang && primary(a.lang) === primary(lang)) ?? alternates[0];
    if (chosen) title = chosen.text;
  }
  return fixVisualOrder(title) || null;
}

/** Authors when the package gives roles (translators, editors are left out), else every creator. */
function bookByline(book: BookPackage): string | null {
  const authors = book.creators.filter((c) => c.role === 'aut');
  const names = (authors.length > 0 ? authors : book.creators).map((c) => c.name);
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

/** dc:date as ISO 8601, keeping its precision: "2012" stays a year rather than becoming 1 January. */
function bookDate(date: string | null): string | null {
  if (!date) return null;
  const d = date.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) return d;
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function bookUrl(book: BookPackage): string | null {
  return book.identifiers.map((i) => i.replace(/^url:/i, '')).find((i) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(i)) ?? null;
}

export async function parseEpub(file: SourceFile, _context?: ParseContext): Promise<NewArticle[]> {
  const { archive } = openArchive(file, damaged);
  const files = new BookFiles(archive);

  const encryption = files.bytes('META-INF/encryption.xml');
  if (encryption && isEncrypted(decodeText(encryption).text)) throw new ImportError('epub-encrypted', EPUB_ENCRYPTED);

  let book: BookPackage;
  try {
    const container = files.text('META-INF/container.xml');
    const packagePath = findPackagePath(container, files.names());
    const opf = files.text(packagePath);
    if (opf === null) throw new PackageError(`its package document ${packagePath} is missing`);
    book = parsePackage(opf, packagePath);
  } catch (error) {
    if (error instanceof PackageError) throw damaged(error.message);
    throw error;
  }

  const chapters: Chapter[] = [];
  for (const item of readingOrder(book)) {
    const source = files.text(item.path);
    if (source !== null) chapters.push({ path: item.path, source }); // a missing chapter is the book's loss, not a reason to refuse the rest
  }
  if (chapters.length === 0) throw damaged('it has no chapters');

  const { html, text } = await renderChapters(chapters, (path) => files.optionalBytes(path));
  if (text.trim() === '') throw new ImportError('epub-no-text', 'not an article file (the book has no text)');

  const detected = detectLanguage(text);
  const lang = bookLanguage(book, detected.lang);
  const dir = bookDirection(book, lang, detected.dir);
  return [{
    title: bookTitle(book, dir, lang) ?? (titleFromText(text) || titleFromFileName(file.name)),
    byline: bookByline(book),
    source: book.publisher,
    url: bookUrl(book),
    lang,
    dir,
    published: bookDate(book.date),
    text,
    html,
    origin: file.path,
  }];
}
