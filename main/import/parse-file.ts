/**
 * One file → its articles and failures: read it (from disk, or from memory for importBuffers),
 * sniff it, parse it. Every failure becomes a user-facing reason, never an exception. Runs on the
 * importing thread or on a parse thread (parse-worker.ts), so it knows nothing of the library.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { prepareArticle, type PreparedArticle } from '../library/prepare';
import type { ImportFailure, ImportNote, NewArticle } from '../../common';
import { ImportError, reasonOf } from './errors';
import { parserFor } from './formats';
import { addNote } from './notes';
import type { SourceFile } from './parser';
import { MAX_FILE_BYTES, sniffFormat, tooLarge } from './sniff';
import { reasonFor } from './walk';
import { ENTRY_SEPARATOR } from './failure-lines';

/** One resource a page refers to (an image in its `_files` folder); pages embed them, so keep them sane. */
export const MAX_RELATIVE_BYTES = 20 * 1024 * 1024;

/** A file to import: on disk (read only when its turn comes), or already in memory. */
export interface FileToParse {
  /** Shown in failures and stored as `origin`: the path on disk, or the name given with the bytes. */
  path: string;
  /** The file's own name, for its extension and as a last-resort title. */
  name: string;
  size: number;
  /** The contents of a file given in memory; a file without them is read from `path`. */
  bytes?: Uint8Array;
}

/** What one file gave: its articles (of an entry in a container too), its failures and its notes, in order. */
export interface ParsedFile<T = NewArticle> {
  articles: T[];
  failures: ImportFailure[];
  notes: ImportNote[];
}

function isInside(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * What a file read from disk may read next to itself: a relative path, resolved against the file's
 * own folder, that stays inside that folder even after symlinks are followed. A page is hostile:
 * `../../.ssh/id_rsa`, `/etc/passwd` or `file:///…` must come back as null, not as bytes.
 */
export function relativeReader(filePath: string): (relativePath: string) => Uint8Array | null {
  const folder = path.dirname(path.resolve(filePath));
  return (relativePath) => {
    if (relativePath === '' || relativePath.includes('\0') || path.isAbsolute(relativePath) || /^[a-z][a-z0-9+.-]*:/i.test(relativePath) || relativePath.startsWith('\\\\')) return null;
    const target = path.resolve(folder, relativePath);
    if (!isInside(folder, target)) return null;
    try {
      const real = realpathSync(target);
      if (!isInside(realpathSync(folder), real)) return null;
      const info = statSync(real);
      if (!info.isFile() || info.size > MAX_RELATIVE_BYTES) return null;
      const buffer = readFileSync(real);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch {
      return null;
    }
  };
}

/** Parse one file; every failure becomes a user-facing reason, never an exception. */
export async function parseFile(file: SourceFile, failures: ImportFailure[], notes: ImportNote[] = []): Promise<NewArticle[]> {
  try {
    const format = sniffFormat(file);
    const parser = parserFor(format);
    if (!parser) throw new ImportError('unsupported-format', `unsupported format (${format})`, { format });
    const articles = await parser(file, {
      fail: (entry, reason) => failures.push({ path: `${file.path}${ENTRY_SEPARATOR}${entry}`, ...reason }),
      note: (reason) => addNote(notes, file.path, reason),
      failItem: (item, reason) => failures.push({ path: file.path, item, ...reason }),
      parseEntry: (entry) => parseFile(entry, failures, notes),
    });
    for (const a of articles) a.origin ??= file.path;
    return articles;
  } catch (error) {
    failures.push({ path: file.path, ...reasonOf(error) });
    return [];
  }
}

/** A file that will not be read: too large (then it is not read at all), or given in memory. */
function sourceWithoutReading(file: FileToParse): SourceFile | ImportFailure | null {
  if (file.size > MAX_FILE_BYTES) return { path: file.path, ...tooLarge(file.size).reason };
  if (file.bytes) return { path: file.path, name: file.name, bytes: file.bytes };
  return null;
}

function sourceRead(file: FileToParse, buffer: Buffer): SourceFile {
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return { path: file.path, name: file.name, bytes, readRelative: relativeReader(file.path) };
}

/** The file ready to parse, or why it cannot be: too large (then it is not read at all), unreadable. */
export async function readSource(file: FileToParse): Promise<SourceFile | ImportFailure> {
  const early = sourceWithoutReading(file);
  if (early) return early;
  try {
    return sourceRead(file, await readFile(file.path));
  } catch (error) {
    return { path: file.path, ...reasonFor(error) };
  }
}

/**
 * readSource, blocking: for a parse thread, which has nothing else to do meanwhile. A news file is
 * read in one system call each for open, stat, read and close here, where the promise's version
 * sends each of them to libuv's pool and back (a thread woken four times a file).
 */
export function readSourceSync(file: FileToParse): SourceFile | ImportFailure {
  const early = sourceWithoutReading(file);
  if (early) return early;
  try {
    return sourceRead(file, readFileSync(file.path));
  } catch (error) {
    return { path: file.path, ...reasonFor(error) };
  }
}

export function isFailure(read: SourceFile | ImportFailure): read is ImportFailure {
  return 'error' in read;
}

/** What a file read by readSource gives. */
export async function parseRead(read: SourceFile | ImportFailure): Promise<ParsedFile> {
  if (isFailure(read)) return { articles: [], failures: [read], notes: [] };
  const failures: ImportFailure[] = [];
  const notes: ImportNote[] = [];
  const articles = await parseFile(read, failures, notes);
  return { articles, failures, notes };
}

/**
 * parseRead, then what the library computes before a write (prepare.ts), so that the thread
 * writing to the library only writes.
 */
export async function parseAndPrepare(read: SourceFile | ImportFailure): Promise<ParsedFile<PreparedArticle>> {
  const { articles, failures, notes } = await parseRead(read);
  return { articles: articles.map(prepareArticle), failures, notes };
}
