/**
 * Images embedded into articles as data: URIs, so that a saved page reads offline without a single
 * network request. Only raster formats, recognised by their magic numbers: a file's name or a MIME
 * header can lie, and SVG is excluded because an SVG document can carry script.
 */

export type RasterImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/bmp';

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
}

/** The raster format these bytes are in, from their first bytes, or null for anything else. */
export function rasterImageType(b: Uint8Array): RasterImageType | null {
  if (b.length < 8) return null;
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(b, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(b, 8, 12))) return 'image/avif';
  if (ascii(b, 0, 2) === 'BM' && b.length > 26) return 'image/bmp';
  return null;
}

/** A data: URI for a raster image, or null when the bytes are not one. */
export function imageDataUri(bytes: Uint8Array): string | null {
  const type = rasterImageType(bytes);
  if (!type) return null;
  return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

const DATA_URI = /^data:(image\/[a-z0-9.+-]+);base64,([a-z0-9+/]*={0,2})$/i;

/**
 * Whether a src value is a base64 data: URI whose declared type is a raster format AND whose
 * payload starts like that format: `data:image/png;base64,<svg…>` is refused.
 */
export function isRasterDataUri(value: string): boolean {
  const m = DATA_URI.exec(value.replace(/[\s]+/g, ''));
  if (!m) return false;
  const declared = (m[1] ?? '').toLowerCase().replace('image/jpg', 'image/jpeg');
  const head = Buffer.from((m[2] ?? '').slice(0, 64), 'base64');
  const actual = rasterImageType(new Uint8Array(head.buffer, head.byteOffset, head.byteLength));
  return actual !== null && actual === declared;
}
