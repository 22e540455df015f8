/**
 * Zip archives: read safely, and every entry imported through the format registry as if it had
 * been a file of its own.
 *
 * The reader parses the central directory itself (fflate's unzipSync does not expose where each
 * entry starts, and we need that to inflate one entry at a time) and inflates with Node's zlib,
 * whose `maxOutputLength` stops a stream the moment it grows past a cap. Limits (limits.ts) are
 * checked from the directory before anything is inflated, then enforced while inflating: every
 * entry is capped at the size the directory declared, so a directory that lies cannot make the
 * archive expand past what was checked.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import type { NewArticle } from '../../common';
import { ImportError, reason, type FailureReason } from './errors';
import type { ParseContext, SourceFile } from './parser';
import { ENTRY_SEPARATOR } from './failure-lines';
import {
  MAX_ARCHIVE_ENTRIES, MAX_ARCHIVE_EXPANDED_BYTES, MAX_ARCHIVE_NESTING, MAX_EMBEDDED_IMAGE_BYTES, MAX_ENTRY_BYTES, NESTED_TOO_DEEP, UNSAFE_PATH,
  entryTooLarge, expandsTooMuch, tooManyEntries,
} from './limits';

// ---------------------------------------------------------------------------------------------
// Scope: what an archive and everything nested in it have used so far.

/** One imported file and everything unpacked from it share one expansion budget. */
interface ArchiveScope {
  /** How many archives enclose the file: 0 for a file the user chose. */
  depth: number;
  budget: { used: number };
}

// The registry hands a parser only the SourceFile, so nested archives find their enclosing
// archive's scope through the bytes this module unpacked for them.
const scopes = new WeakMap<Uint8Array, ArchiveScope>();

export function scopeOf(bytes: Uint8Array): ArchiveScope {
  return scopes.get(bytes) ?? { depth: 0, budget: { used: 0 } };
}

// ---------------------------------------------------------------------------------------------
// Reading the archive.

/** The archive's structure is broken; `detail` says how, for "the zip file is damaged: …". */
export class DamagedArchiveError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'DamagedArchiveError';
  }
}

export interface ZipEntry {
  /** The path inside the archive, as stored (forward slashes unless the archive is unsafe). */
  name: string;
  /** Declared by the central directory; the archive's content is never trusted to match. */
  size: number;
  compressedSize: number;
  method: number;
  encrypted: boolean;
  isDirectory: boolean;
  crc: number;
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

/**
 * Entry names are UTF-8 when flag 11 says so, and in practice often UTF-8 without it; older tools
 * wrote the DOS code page. Names are only shown and matched, so an undecodable one reads as Latin-1.
 */
function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    return latin1.decode(raw);
  }
}

function findEndOfDirectory(b: Uint8Array): number {
  const last = b.length - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (u32(b, at) === EOCD) return at;
  }
  throw new DamagedArchiveError('the end of the archive is missing (is the file cut short?)');
}

interface Directory { count: number; offset: number }

function readDirectoryLocation(b: Uint8Array): Directory {
  const eocd = findEndOfDirectory(b);
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  // ZIP64: the 16/32-bit fields are saturated and the real values live in a record before.
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR) {
    const record = u64(b, eocd - 12);
    if (record + 56 > b.length || u32(b, record) !== ZIP64_EOCD) throw new DamagedArchiveError('its ZIP64 directory is missing');
    count = u64(b, record + 32);
    offset = u64(b, record + 48);
  }
  return { count, offset };
}

/** Central directory → entries. Throws before reading a directory longer than the entry limit. */
export function listEntries(b: Uint8Array): ZipEntry[] {
  const { count, offset } = readDirectoryLocation(b);
  if (count > MAX_ARCHIVE_ENTRIES) throw tooManyEntries(count);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw new DamagedArchiveError('its directory is broken');
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    const crc = u32(b, at + 16);
    let compressedSize = u32(b, at + 20);
    let size = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const externalAttributes = u32(b, at + 38);
    let localOffset = u32(b, at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > b.length) throw new DamagedArchiveError('its directory is broken');
    const name = decodeName(b.subarray(nameStart, extraStart), (flags & 0x800) !== 0);
    // ZIP64 extra field: 64-bit values for exactly the fields saturated above, in this order.
    for (let x = extraStart; x + 4 <= extraStart + extraLength;) {
      const id = u16(b, x);
      const length = u16(b, x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (size === 0xffffffff) { size = u64(b, field); field += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(b, field); field += 8; }
        if (localOffset === 0xffffffff) localOffset = u64(b, field);
      }
      x += 4 + length;
    }
    // MS-DOS "directory" attribute, for the archivers that do not end folder names with "/".
    const isDirectory = name.endsWith('/') || (size === 0 && (externalAttributes & 0x10) !== 0);
    entries.push({ name, size, compressedSize, method, encrypted: (flags & 1) !== 0, isDirectory, crc, offset: localOffset });
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/**
 * An archive entry that cannot be read, and why. `damage` is set when the entry is damaged, as a
 * predicate ("is cut short") that a caller can put after the entry's name.
 */
export class EntryError extends ImportError {
  constructor(why: FailureReason, readonly damage: string | null = null) {
    super(why);
  }
}

function damagedEntry(damage: string): EntryError {
  return new EntryError(reason('archive-entry-damaged', `the archive is damaged: the file ${damage}`), damage);
}

export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  /**
   * Reads the directory and checks the limits; throws DamagedArchiveError or ImportError.
   * `budget` is shared with the archives that enclose this one.
   */
  constructor(private readonly bytes: Uint8Array, private readonly budget: { used: number } = { used: 0 }) {
    this.entries = listEntries(bytes);
    let declared = 0;
    for (const e of this.entries) {
      if (!e.isDirectory) declared += e.size;
      if (!this.byName.has(e.name)) this.byName.set(e.name, e);
    }
    if (budget.used + declared > MAX_ARCHIVE_EXPANDED_BYTES) throw expandsTooMuch(budget.used + declared);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /**
   * The entry's bytes, inflated no further than its declared size. Throws EntryError for an entry
   * that cannot be read, ImportError when the archive as a whole goes over its budget.
   */
  read(entry: ZipEntry): Uint8Array {
    if (entry.encrypted) throw new EntryError(reason('archive-entry-encrypted', 'the file is encrypted (password-protected)'));
    if (entry.size > MAX_ENTRY_BYTES) throw new EntryError(entryTooLarge(entry.size));
    const b = this.bytes;
    const at = entry.offset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL) throw damagedEntry('is missing');
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw damagedEntry('is cut short');
    const raw = b.subarray(start, end);

    // The directory sizes were checked against the budget; the content is held to them.
    if (this.budget.used + entry.size > MAX_ARCHIVE_EXPANDED_BYTES) throw expandsTooMuch(null);
    let data: Uint8Array;
    if (entry.method === 0) {
      if (raw.length !== entry.size) throw damagedEntry('has the wrong size');
      data = raw;
    } else if (entry.method === 8) {
      try {
        // maxOutputLength must be positive; an empty entry inflated to one byte is caught below.
        const inflated = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
        data = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') throw damagedEntry('expands past its stated size (a "zip bomb"?)');
        throw damagedEntry('cannot be decompressed');
      }
      if (data.length !== entry.size) throw damagedEntry('has the wrong size');
    } else {
      const method = entry.method;
      throw new EntryError(reason('archive-unsupported-compression', `the file uses a compression method Sahifa cannot read (method ${method})`, { method }));
    }
    if (crc32(data) !== entry.crc) throw damagedEntry('fails its checksum');
    this.budget.used += data.length;
    return data;
  }
}

/** Opens an archive for a parser, with the right scope, turning structural damage into `damaged(detail)`. */
export function openArchive(file: SourceFile, damaged: (detail: string) => ImportError): { archive: ZipArchive; scope: ArchiveScope } {
  const scope = scopeOf(file.bytes);
  try {
    return { archive: new ZipArchive(file.bytes, scope.budget), scope };
  } catch (error) {
    if (error instanceof DamagedArchiveError) throw damaged(error.detail);
    throw error;
  }
}

/** Bytes unpacked from an archive, registered so that a nested archive knows how deep it is. */
export function unpacked(bytes: Uint8Array, parent: ArchiveScope): Uint8Array {
  scopes.set(bytes, { depth: parent.depth + 1, budget: parent.budget });
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Importing a zip file.

/**
 * `../x`, `/x`, `C:x`, `a\b`: names that would land outside the archive if it were extracted.
 * Nothing is extracted, but such a name is a sign of a hostile archive and a confusing origin.
 */
export function isUnsafePath(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split('/').some((segment) => segment === '..');
}

// Tool droppings, as walk.ts skips them in folders.
const JUNK_FILES = new Set(['Thumbs.db', 'desktop.ini']);

function isJunk(name: string): boolean {
  const segments = name.split('/');
  if (segments[0] === '__MACOSX') return true;
  const base = segments[segments.length - 1] ?? '';
  return JUNK_FILES.has(base) || segments.some((s) => s.startsWith('.') && s !== '.' && s !== '..');
}

const PAGE_ASSETS = /^(.*)_(files|archivos|fichiers|Dateien|bestanden|file)$/;
const PAGE_EXTENSIONS = ['html', 'htm', 'xhtml', 'shtml'];

/**
 * A browser's "Web page, complete" keeps `page_files/…` next to `page.html`: those are the page's
 * images and styles, read by the page's importer, not articles of their own.
 */
function savedPageFolders(names: Set<string>): Set<string> {
  const folders = new Set<string>();
  for (const name of names) {
    const segments = name.split('/');
    for (let i = 0; i < segments.length - 1; i++) {
      const m = PAGE_ASSETS.exec(segments[i] ?? '');
      if (!m) continue;
      const parent = segments.slice(0, i).join('/');
      const prefix = parent ? `${parent}/` : '';
      if (PAGE_EXTENSIONS.some((ext) => names.has(`${prefix}${m[1] ?? ''}.${ext}`))) folders.add(`${prefix}${segments[i]}/`);
    }
  }
  return folders;
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * SourceFile.readRelative for an entry: another entry of the same archive, by a path relative to the
 * entry's folder (a saved page's `X_files/` images). Confined to that folder, like files on disk.
 */
function relativeReader(archive: ZipArchive, entryName: string): (relativePath: string) => Uint8Array | null {
  const folder = entryName.includes('/') ? entryName.slice(0, entryName.lastIndexOf('/') + 1) : '';
  return (relativePath) => {
    if (isUnsafePath(relativePath) || /^[a-z][a-z0-9+.-]*:/i.test(relativePath)) return null;
    const target = relativePath.split('/').filter((s) => s !== '' && s !== '.').join('/');
    const entry = archive.get(folder + target);
    if (!entry || entry.isDirectory || entry.size > MAX_EMBEDDED_IMAGE_BYTES) return null;
    try {
      return archive.read(entry);
    } catch (error) {
      if (error instanceof EntryError) return null;
      throw error;
    }
  };
}

const ZIP_DAMAGED = (detail: string): ImportError => new ImportError('archive-damaged', `the zip file is damaged: ${detail}`);

// A long archive of small files must not hold the main process: yield this often.
const YIELD_EVERY_MS = 15;

export async function parseZip(file: SourceFile, context: ParseContext): Promise<NewArticle[]> {
  const parent = scopeOf(file.bytes);
  if (parent.depth + 1 > MAX_ARCHIVE_NESTING) throw new ImportError('archive-nested-too-deep', NESTED_TOO_DEEP, { limit: MAX_ARCHIVE_NESTING });
  const { archive, scope } = openArchive(file, ZIP_DAMAGED);

  const files = archive.entries.filter((e) => !e.isDirectory && !isJunk(e.name));
  const assets = savedPageFolders(new Set(files.map((e) => e.name)));
  const articles: NewArticle[] = [];
  let lastYield = Date.now();
  for (const entry of files) {
    if (isUnsafePath(entry.name)) {
      context.fail(entry.name, reason('archive-unsafe-path', UNSAFE_PATH));
      continue;
    }
    if ([...assets].some((folder) => entry.name.startsWith(folder))) continue;
    let bytes: Uint8Array;
    try {
      bytes = unpacked(archive.read(entry), scope);
    } catch (error) {
      if (error instanceof EntryError) {
        context.fail(entry.name, error.reason);
        continue;
      }
      throw error; // the archive as a whole is over its budget
    }
    const child: SourceFile = { path: `${file.path}${ENTRY_SEPARATOR}${entry.name}`, name: baseName(entry.name), bytes, readRelative: relativeReader(archive, entry.name) };
    for (const article of await context.parseEntry(child)) articles.push(article);
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  return articles;
}
