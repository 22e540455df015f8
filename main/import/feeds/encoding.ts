/**
 * A feed's bytes → text, in the XML specification's order (appendix F): a byte order mark; else
 * the shape of the first four bytes, which tells UTF-32 and UTF-16 (either byte order) without a
 * BOM from ASCII-compatible encodings; else the charset the transport gives (an HTTP response's,
 * RFC 7303), else the prolog's encoding="…"; else detection. Bytes that prove to be UTF-8 are
 * UTF-8 whatever is declared (decode.ts).
 */
import { decodeText, isUtf8, type DecodedText } from '../decode';
import { ImportError } from '../errors';

/** The encoding the first bytes of `<?xml` or `<` imply, for files without a BOM. */
function wideEncodingOf(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return 'utf-32be';
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 !== 0) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  return null;
}

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)
    || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff);
}

/** encoding="…" from an XML declaration at the start of ASCII-compatible bytes. */
export function declaredEncoding(b: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  // The declaration belongs at the very start; files that put a comment or blank lines first still mean it.
  const m = /^(?:\s|<!--[\s\S]*?-->)*<\?xml\s[^?>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.replace(/^\u00ef\u00bb\u00bf/, ''));
  return m?.[1] ?? null;
}

/**
 * The bytes of the text between the tags. An undeclared feed is mostly ASCII markup, which
 * drowns the few hundred letters a detector (and decode.ts's plausibility check) must judge.
 */
function contentBytes(bytes: Uint8Array): Uint8Array {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return new Uint8Array(Buffer.from(latin1.replace(/<[^>]*>|&#?\w+;/g, ' '), 'latin1'));
}

/**
 * `transportCharset`: the charset HTTP's Content-Type gave, which outranks the XML declaration
 * (RFC 7303) but not a BOM or the byte pattern of UTF-16/32; decode.ts still sees through a false
 * one ("utf-8" on bytes that are not).
 */
export function decodeXml(bytes: Uint8Array, transportCharset: string | null = null): DecodedText {
  if (hasBom(bytes)) return decodeText(bytes);
  const wide = wideEncodingOf(bytes);
  // The byte pattern wins over a declaration: "utf-16" is declared for both byte orders.
  if (wide) return decodeText(bytes, { declared: wide });
  const declared = transportCharset || declaredEncoding(bytes);
  if ((declared && !/^utf-?8$/i.test(declared)) || isUtf8(bytes)) return decodeText(bytes, { declared });
  // Undeclared (or falsely declared UTF-8) single-byte text: judge the encoding on the content alone.
  let guess: DecodedText | null = null;
  try {
    guess = decodeText(contentBytes(bytes));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
  const decoded = guess && guess.encoding !== 'utf-8' ? decodeText(bytes, { declared: guess.encoding }) : decodeText(bytes);
  // The guess stood in for the declaration; the report names the one the file made.
  return declared ? { ...decoded, overridden: declared } : decoded;
}
