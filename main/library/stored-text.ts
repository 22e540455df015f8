/**
 * How an article's long columns (text, html, markdown) are kept in the file: compressed with
 * Brotli, as a BLOB that starts with a format byte, in the same column that holds plain TEXT in
 * libraries written before (and for values too short to gain). Reading takes either form, so a
 * library is readable at every step of its upgrade. Every reader of these columns goes through
 * decodeStored; every writer through encodeStored. Pure Node (zlib): parse threads encode too.
 */
import zlib from 'node:zlib';

/** The first byte of a compressed value: which codec wrote the rest. */
const BROTLI = 1;

/** Below this many UTF-16 units a value stays plain text: Brotli's frame costs more than it saves. */
const PLAIN_BELOW = 96;

/**
 * Quality 3: news text to 37% of its UTF-8 bytes for ~75 µs of CPU an article on this machine.
 * Quality 5 reaches 34% for twice the time, 9 and above no better for twenty times; deflate at
 * level 5 reaches 35% for ~95 µs. Decompressing costs ~30 µs whatever the quality. An import
 * compresses every article, so its time counts more than the last 3%.
 */
const QUALITY = 3;

/** A value as it is stored: plain text, or a compressed BLOB (a Buffer when read from the file). */
export type StoredValue = string | Uint8Array;

/** Keeps `value` compressed when that is smaller (a value a library column stores as TEXT or BLOB). */
export function encodeStored(value: string): StoredValue;
export function encodeStored(value: string | null): StoredValue | null;
export function encodeStored(value: string | null): StoredValue | null {
  if (value === null || value.length < PLAIN_BELOW) return value;
  const bytes = Buffer.from(value, 'utf8');
  const compressed = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  if (compressed.length + 1 >= bytes.length) return value;
  // A plain Uint8Array of its own: it reaches the writer from a parse thread as the same type, and
  // never carries the rest of Buffer's shared pool with it.
  const stored = new Uint8Array(compressed.length + 1);
  stored[0] = BROTLI;
  stored.set(compressed, 1);
  return stored;
}

/** The text a column holds, whichever form it was stored in. */
export function decodeStored(value: StoredValue): string;
export function decodeStored(value: StoredValue | null): string | null;
export function decodeStored(value: StoredValue | null): string | null {
  if (value === null || typeof value === 'string') return value;
  if (!(value instanceof Uint8Array) || value.length === 0) throw new Error(`an article column holds ${typeof value}, not text`);
  if (value[0] !== BROTLI) throw new Error(`an article column is compressed in an unknown format (${value[0]}): written by a newer Sahifa?`);
  const view = Buffer.from(value.buffer, value.byteOffset + 1, value.length - 1);
  return zlib.brotliDecompressSync(view).toString('utf8');
}

/** The articles table's columns kept through this codec. */
export const STORED_COLUMNS = ['text', 'html', 'markdown'] as const;
type StoredColumn = (typeof STORED_COLUMNS)[number];

/** A row read with `SELECT *`, its stored columns as text (for a snapshot that outlives the row). */
export function decodeRow<T extends Record<string, unknown>>(row: T): T {
  const decoded: Record<string, unknown> = { ...row };
  for (const column of STORED_COLUMNS) if (column in decoded) decoded[column] = decodeStored(decoded[column] as StoredValue | null);
  return decoded as T;
}

/** The same row, its stored columns as they are written (for an INSERT of every column). */
export function encodeRow<T extends Partial<Record<StoredColumn, unknown>>>(row: T): T {
  const encoded: Record<string, unknown> = { ...row };
  for (const column of STORED_COLUMNS) {
    const value = encoded[column];
    if (typeof value === 'string') encoded[column] = encodeStored(value);
  }
  return encoded as T;
}
