/**
 * What kind of file this is, from its content first and its extension second: extensions lie
 * (a saved page called .txt, a feed called .php), magic numbers do not.
 */
import { sniffUtf16WithoutBom } from './decode';
import { ImportError } from './errors';
import type { Format } from './parser';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const NOT_AN_ARTICLE = 'not an article file';
export const EMPTY_FILE = 'not an article file (it is empty)';

export function tooLarge(size: number): ImportError {
  const mb = Math.round(size / (1024 * 1024));
  return new ImportError('file-too-large', `file is too large (${mb} MB, the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MB)`, { size, limit: MAX_FILE_BYTES });
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
}

function sniffBinary(b: Uint8Array, ext: string): Format | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    // EPUB's first entry is an uncompressed "mimetype" file holding its media type (OCF spec).
    if (ascii(b, 30, 38) === 'mimetype' && ascii(b, 38, 58) === 'application/epub+zip') return 'epub';
    if (ext === 'epub') return 'epub';
    if (['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'].includes(ext)) return 'office document';
    return 'zip';
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || ascii(b, 0, 4) === 'GIF8'
    || (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') || (startsWith(b, [0x42, 0x4d]) && ['bmp', 'dib'].includes(ext))
    || startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) || ascii(b, 4, 12) === 'ftypavif'
    || (startsWith(b, [0x00, 0x00, 0x01, 0x00]) && ext === 'ico')) return 'image';
  if (ascii(b, 4, 8) === 'ftyp' || startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]) || (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 11) === 'AVI')) return 'video';
  if (ascii(b, 0, 3) === 'ID3' || ascii(b, 0, 4) === 'OggS' || ascii(b, 0, 4) === 'fLaC' || (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE')
    || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ext === 'mp3')) return 'audio';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return 'office document';
  if (startsWith(b, [0x1f, 0x8b]) || ascii(b, 0, 4) === 'Rar!' || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(b, [0x42, 0x5a, 0x68])
    || startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a])) return 'archive';
  if (ascii(b, 0, 5) === '{\\rtf') return 'rtf';
  return null;
}

const HEAD = 4096;

/** Text in a wide encoding (BOM or the NUL pattern) is not binary even though it is full of NULs. */
function wideEncoding(b: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  if (startsWith(b, [0xff, 0xfe, 0, 0])) return 'utf-32le';
  if (startsWith(b, [0, 0, 0xfe, 0xff])) return 'utf-32be';
  if (startsWith(b, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(b, [0xfe, 0xff])) return 'utf-16be';
  return sniffUtf16WithoutBom(b);
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0;
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) controls++;
  }
  return controls > n * 0.02;
}

/**
 * Bytes as one character each. Buffer's latin1 is some twenty times faster than
 * TextDecoder('latin1') (which is windows-1252 through ICU in Node 20); the two differ only in
 * 0x80–0x9F, which are neither markup nor white space in either.
 */
function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/** The start of the file as text, enough to spot markup; exact decoding happens in the parser. */
function headText(b: Uint8Array, wide: ReturnType<typeof wideEncoding>): string {
  const head = b.subarray(0, HEAD);
  let text: string;
  if (wide === 'utf-16le' || wide === 'utf-16be') text = new TextDecoder(wide).decode(head);
  else if (wide) text = ''; // UTF-32 text: rare enough to treat by extension only
  else text = latin1(head); // markup is ASCII in every encoding we read
  return text.replace(/^[\ufeff\u00ef\u00bb\u00bf\s]+/, '');
}

function isBlank(b: Uint8Array, wide: ReturnType<typeof wideEncoding>): boolean {
  if (wide === 'utf-32le' || wide === 'utf-32be') return b.every((c, i) => i < 4 || c === 0 || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09);
  const text = wide ? new TextDecoder(wide).decode(b) : latin1(b);
  return /^[\s\ufeff\u00ef\u00bb\u00bf]*$/.test(text);
}

export const MARKDOWN_EXT = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);
export const TEXT_EXT = new Set(['txt', 'text', '']);
export const HTML_EXT = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml']);

/** Throws ImportError for files that are not articles at all (binary junk, empty files). */
export function sniffFormat(file: { name: string; bytes: Uint8Array }): Format {
  const b = file.bytes;
  const ext = extensionOf(file.name);
  const binary = sniffBinary(b, ext);
  if (binary) return binary;

  const wide = wideEncoding(b);
  if (!wide && looksBinary(b)) throw new ImportError('not-an-article', NOT_AN_ARTICLE);
  const head = headText(b, wide);
  if (head.trim() === '' && isBlank(b, wide)) throw new ImportError('empty-file', EMPTY_FILE);
  const lower = head.toLowerCase();

  if (ext === 'mht' || ext === 'mhtml' || (/^(from|mime-version|subject|date|content-type|snapshot-content-location):/m.test(lower.slice(0, 1024)) && lower.includes('multipart/related'))) return 'mhtml';
  if (MARKDOWN_EXT.has(ext)) return 'md';
  if (lower.startsWith('<')) {
    if (/<(rss|feed|rdf:rdf)[\s>]/.test(lower)) return 'feed';
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(lower)) return 'html';
    if (HTML_EXT.has(ext)) return 'html';
    if (lower.startsWith('<?xml') || ['xml', 'rss', 'atom', 'rdf'].includes(ext)) return 'xml';
  }
  if (lower.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version/.test(lower)) return 'json feed';
  if (ext === 'json' && (lower.startsWith('{') || lower.startsWith('['))) return 'json';
  if (HTML_EXT.has(ext)) return 'html';
  if (['xml', 'rss', 'atom', 'rdf'].includes(ext)) return 'xml';
  if (TEXT_EXT.has(ext)) return 'txt';
  throw new ImportError('unsupported-format', `unsupported format (.${ext})`, { format: `.${ext}` });
}
