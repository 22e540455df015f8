/**
 * How much an imported container may cost. Archives are the one input that can multiply itself
 * (a 40 KB "zip bomb" expands to petabytes), so every limit is checked from the archive's own
 * directory before anything is inflated, and enforced again while inflating, since the directory
 * can lie.
 */
import { ImportError, reason, type FailureReason } from './errors';
import { MAX_FILE_BYTES } from './sniff';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** What one imported archive may expand to, all its entries and the archives nested in it together. */
export const MAX_ARCHIVE_EXPANDED_BYTES = 1 * GB;
/** Entries in one archive's directory (folders included). */
export const MAX_ARCHIVE_ENTRIES = 10_000;
/** An archive inside an archive counts as level 2; a fourth level is refused. */
export const MAX_ARCHIVE_NESTING = 3;
/** One file inside an archive: the same limit as a file on disk. */
export const MAX_ENTRY_BYTES = MAX_FILE_BYTES;
/** One image embedded into an EPUB's article as a data: URI; larger ones keep only their alt text. */
export const MAX_EMBEDDED_IMAGE_BYTES = 10 * MB;
/** All images embedded into one EPUB's article (they are stored in the library with it). */
export const MAX_EMBEDDED_IMAGES_TOTAL_BYTES = 64 * MB;

export const NESTED_TOO_DEEP = `archives nested deeper than ${MAX_ARCHIVE_NESTING} levels`;
export const UNSAFE_PATH = 'unsafe path in the archive';

export function formatBytes(n: number): string {
  if (n >= GB) return `${+(n / GB).toFixed(1)} GB`;
  if (n >= MB) return `${Math.round(n / MB)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

function archiveTooLarge(what: string, limit: string): string {
  return `the archive is too large: ${what} (the limit is ${limit})`;
}

export function tooManyEntries(count: number): ImportError {
  const message = archiveTooLarge(`${count.toLocaleString('en')} entries`, `${MAX_ARCHIVE_ENTRIES.toLocaleString('en')}`);
  return new ImportError('archive-too-many-entries', message, { count, limit: MAX_ARCHIVE_ENTRIES });
}

/** `bytes`: what the archive's directory says it expands to, or null when inflating found it out. */
export function expandsTooMuch(bytes: number | null): ImportError {
  const limit = MAX_ARCHIVE_EXPANDED_BYTES;
  const what = bytes === null ? `it expands past ${formatBytes(limit)}` : `it would expand to ${formatBytes(bytes)}`;
  return new ImportError('archive-expands-too-much', archiveTooLarge(what, formatBytes(limit)), bytes === null ? { limit } : { size: bytes, limit });
}

export function entryTooLarge(bytes: number): FailureReason {
  return reason('file-too-large', `too large (${formatBytes(bytes)}, the limit is ${formatBytes(MAX_ENTRY_BYTES)})`, { size: bytes, limit: MAX_ENTRY_BYTES });
}
