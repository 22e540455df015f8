/**
 * Just enough MIME (RFC 2045–2047) to read MHTML (RFC 2557) as browsers write it: headers with
 * folding, multipart bodies split on their boundary (nested multiparts flattened), each part's
 * Content-Transfer-Encoding undone, and RFC 2047 encoded words in headers such as Subject.
 * It works on bytes throughout: a latin1 view of the buffer maps each byte to one character, so
 * offsets found in the string are offsets in the bytes.
 */

export interface MimeHeaders {
  /** Lower-cased name → unfolded value; the first occurrence of a name wins. */
  get(name: string): string | undefined;
}

export interface ContentType {
  /** Lower-cased "type/subtype"; "text/plain" when absent, as RFC 2045 says. */
  type: string;
  /** Lower-cased parameter names → values, quotes and escapes removed. */
  params: Map<string, string>;
}

export interface MimePart {
  headers: MimeHeaders;
  contentType: ContentType;
  /** The body with its transfer encoding undone. */
  body: Uint8Array;
  /** Content-Location as written (trimmed), or null. */
  location: string | null;
  /** Content-ID without its angle brackets, or null. */
  contentId: string | null;
}

export interface MimeMessage {
  headers: MimeHeaders;
  /** The leaf parts in document order (nested multiparts flattened). */
  parts: MimePart[];
}

const MAX_DEPTH = 8;
const MAX_PARTS = 10_000;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

class HeaderMap implements MimeHeaders {
  private map = new Map<string, string>();
  set(name: string, value: string): void {
    if (!this.map.has(name)) this.map.set(name, value);
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }
}

/** Header block text (no blank line) → headers; continuation lines start with a space or tab. */
export function parseHeaders(block: string): MimeHeaders {
  const headers = new HeaderMap();
  const unfolded = block.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[!-9;-~]+$/.test(name)) continue;
    headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

export function parseContentType(value: string | undefined): ContentType {
  const params = new Map<string, string>();
  if (!value) return { type: 'text/plain', params };
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase() || 'text/plain';
  if (semi >= 0) {
    const rest = value.slice(semi);
    const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const name = (m[1] ?? '').toLowerCase();
      const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
      if (!params.has(name)) params.set(name, raw);
    }
  }
  return { type, params };
}

/** Quoted-printable → bytes: `=XX` is a byte, `=` at a line end is a soft break, anything else is literal. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  const hex = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x3d) {
      out[n++] = c & 0xff;
      continue;
    }
    // Soft line break, possibly after transport padding: "=  \r\n".
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
    if (text.charCodeAt(j) === 0x0d && text.charCodeAt(j + 1) === 0x0a) {
      i = j + 1;
      continue;
    }
    if (text.charCodeAt(j) === 0x0a) {
      i = j;
      continue;
    }
    if (j === text.length) break;
    const hi = hex(text.charCodeAt(i + 1));
    const lo = hex(text.charCodeAt(i + 2));
    if (hi >= 0 && lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else {
      out[n++] = c; // a stray "=" is kept, as RFC 2045 advises decoders to do
    }
  }
  return out.subarray(0, n);
}

function decodeBody(raw: string, rawBytes: Uint8Array, encoding: string | undefined): Uint8Array {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'base64') {
    const b = Buffer.from(raw.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  if (e === 'quoted-printable') return decodeQuotedPrintable(raw);
  return rawBytes; // 7bit, 8bit, binary, or unknown: the bytes as they are
}

/** Where the headers end: the first empty line. */
function splitHead(text: string, from: number, to: number): { head: string; bodyStart: number } {
  const re = /\r?\n\r?\n/g;
  re.lastIndex = from;
  // A part may start straight with its blank line (no headers at all).
  if (text.startsWith('\r\n', from)) return { head: '', bodyStart: from + 2 };
  if (text.startsWith('\n', from)) return { head: '', bodyStart: from + 1 };
  const m = re.exec(text);
  if (!m || m.index >= to) return { head: text.slice(from, to), bodyStart: to };
  return { head: text.slice(from, m.index), bodyStart: m.index + m[0].length };
}

/** The [start, end) ranges of a multipart body's parts; the preamble and epilogue are ignored. */
function partRanges(text: string, from: number, to: number, boundary: string): [number, number][] {
  const delimiter = `--${boundary}`;
  const ranges: [number, number][] = [];
  let partStart = -1;
  let pos = from;
  while (pos < to) {
    const at = text.indexOf(delimiter, pos);
    if (at < 0 || at >= to) break;
    pos = at + delimiter.length;
    // A delimiter starts a line, and only transport padding may follow it on that line.
    if (at !== from && text.charCodeAt(at - 1) !== 0x0a) continue;
    const closing = text.startsWith('--', pos);
    let lineEnd = closing ? pos + 2 : pos;
    while (lineEnd < to && (text.charCodeAt(lineEnd) === 0x20 || text.charCodeAt(lineEnd) === 0x09)) lineEnd++;
    const eol = text.charCodeAt(lineEnd);
    if (lineEnd < to && eol !== 0x0d && eol !== 0x0a && !closing) continue;
    if (partStart >= 0) {
      // The line break before a delimiter belongs to the delimiter, not to the part.
      let end = at;
      if (text.charCodeAt(end - 1) === 0x0a) end--;
      if (text.charCodeAt(end - 1) === 0x0d) end--;
      ranges.push([partStart, Math.max(partStart, end)]);
    }
    if (closing) return ranges;
    if (eol === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a) lineEnd += 2;
    else if (lineEnd < to) lineEnd += 1;
    partStart = lineEnd;
    pos = lineEnd;
  }
  // No closing delimiter (a truncated file): keep the last part as far as it goes.
  if (partStart >= 0 && partStart < to) ranges.push([partStart, to]);
  return ranges;
}

function readEntity(text: string, bytes: Uint8Array, from: number, to: number, depth: number, out: MimePart[]): MimeHeaders {
  const { head, bodyStart } = splitHead(text, from, to);
  const headers = parseHeaders(head);
  const contentType = parseContentType(headers.get('content-type'));
  const boundary = contentType.params.get('boundary');
  if (contentType.type.startsWith('multipart/') && boundary && boundary.length <= 200 && depth < MAX_DEPTH) {
    for (const [start, end] of partRanges(text, bodyStart, to, boundary)) {
      if (out.length >= MAX_PARTS) break;
      readEntity(text, bytes, start, end, depth + 1, out);
    }
    return headers;
  }
  const raw = text.slice(bodyStart, to);
  const body = decodeBody(raw, bytes.subarray(bodyStart, to), headers.get('content-transfer-encoding'));
  const id = headers.get('content-id')?.trim().replace(/^<|>$/g, '') || null;
  out.push({ headers, contentType, body, location: headers.get('content-location')?.trim() || null, contentId: id });
  return headers;
}

export function parseMimeMessage(bytes: Uint8Array): MimeMessage {
  const text = latin1(bytes);
  const parts: MimePart[] = [];
  const headers = readEntity(text, bytes, 0, text.length, 0, parts);
  return { headers, parts };
}

function decodeCharset(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`) → text. Adjacent words are joined
 * as bytes before decoding, because encoders split multi-byte characters between words (Chromium
 * does, in the corpus's Subject lines).
 */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?\s]+)\?([qQbB])\?([^?\s]*)\?=/g;
  let out = '';
  let pendingCharset: string | null = null;
  let pending: number[] = [];
  let last = 0;
  const flush = (): void => {
    if (pendingCharset !== null) out += decodeCharset(Uint8Array.from(pending), pendingCharset);
    pendingCharset = null;
    pending = [];
  };
  for (let m = word.exec(value); m; m = word.exec(value)) {
    const between = value.slice(last, m.index);
    // Whitespace between two encoded words is folding, not text.
    if (!(pendingCharset !== null && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const charset = (m[1] ?? '').replace(/\*.*$/, ''); // RFC 2231 language suffix
    if (pendingCharset !== null && pendingCharset.toLowerCase() !== charset.toLowerCase()) flush();
    pendingCharset = charset;
    const data = m[3] ?? '';
    if ((m[2] ?? '').toLowerCase() === 'b') {
      for (const b of Buffer.from(data, 'base64')) pending.push(b);
    } else {
      for (const b of decodeQuotedPrintable(data.replace(/_/g, ' '))) pending.push(b);
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
