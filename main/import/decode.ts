/**
 * Bytes → text with the encoding found in the order DESIGN.md sets: BOM, declaration, detector, UTF-8.
 * UTF-8 is tried before the detector only because a fatal UTF-8 decode is exact (random single-byte
 * text almost never validates), while detectors guess. Latin-1 is never a silent fallback: Arabic
 * windows-1256 bytes decode "successfully" as Latin-1 into mojibake, so every single-byte guess has
 * to read as plausible text in its own script before it is accepted.
 *
 * The same exactness outranks a declaration: bytes that are valid UTF-8 and hold multi-byte
 * sequences are UTF-8, whatever legacy charset the server, the meta tag or the prolog names (old
 * Arabic sites declared windows-1256, and pages saved or scraped from them keep the declaration
 * while the bytes are rewritten as UTF-8). Not one of the 29,421 news articles that windows-1256 can
 * write (ASCII-only ones aside) is valid UTF-8 in that encoding (bench/mojibake-eval.ts). Text garbled before it was
 * written (mojibake.ts) is restored after decoding. Every importer and every fetch goes through here.
 */
import chardet from 'chardet';
import { ImportError } from './errors';
import { repairMojibake, windows1252HighBytes, type Misreading } from './mojibake';

export interface DecodedText {
  text: string;
  /** The WHATWG label actually used, e.g. "utf-8", "windows-1256", "utf-32le". */
  encoding: string;
  /** The charset a declaration named, as written, when the bytes proved it wrong and `encoding` was used instead. */
  overridden?: string;
  /** Set when the text had been garbled before it was written and was restored: what it had been misread as. */
  repaired?: Misreading[];
}

export interface DecodeOptions {
  /**
   * A charset from outside the bytes, which outranks the file's own: an HTTP Content-Type header's
   * (charsetOf gives it), an MHTML part's.
   */
  transport?: string | null;
  /** A charset declared by the file itself (XML prolog, HTML meta), if any. */
  declared?: string | null;
}

/** The charset parameter of a Content-Type value ("text/html; charset=windows-1256"), or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType ?? '');
  return (m?.[1] ?? m?.[2])?.trim() || null;
}

const decoders = new Map<string, TextDecoder>();
function decoder(label: string, fatal: boolean): TextDecoder {
  const key = `${label}|${fatal}`;
  let d = decoders.get(key);
  if (!d) {
    d = new TextDecoder(label, { fatal, ignoreBOM: true });
    decoders.set(key, d);
  }
  return d;
}

/**
 * The bytes as text in that encoding. Node's windows-1252 (ICU's) is ISO-8859-1 for 0x80–0x9F, C1
 * controls where the Encoding Standard and every browser read punctuation (’ “ … –): those are
 * put right, for the label and for the labels that mean it (iso-8859-1, latin1, us-ascii…).
 */
function decodeAs(bytes: Uint8Array, label: string, fatal: boolean): string {
  const d = decoder(label, fatal);
  const text = d.decode(bytes);
  return d.encoding === 'windows-1252' ? windows1252HighBytes(text) : text;
}

/** Returns null when the bytes are not valid in that encoding. */
function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return decodeAs(bytes, label, true);
  } catch {
    return null;
  }
}

/** TextDecoder has no UTF-32; it is rare enough that a plain loop will do. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

interface Bom { encoding: string; length: number }

function sniffBom(b: Uint8Array): Bom | null {
  // UTF-32LE's BOM starts with UTF-16LE's, so it must be checked first.
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-32le') return decodeUtf32(bytes, true);
  if (encoding === 'utf-32be') return decodeUtf32(bytes, false);
  return decodeAs(bytes, encoding, false);
}

const SAMPLE = 64 * 1024;

/**
 * UTF-16 without a BOM: ASCII characters (spaces, digits, newlines — present even in Arabic text)
 * have a zero high byte, so NULs pile up at one parity. NUL is valid UTF-8, which is why this must
 * run before the UTF-8 check.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const units = n / 2;
  // Many NULs, nearly all on one side: the other side carries the low bytes of ASCII characters.
  let guess: 'utf-16le' | 'utf-16be' | null = null;
  if (odd >= units * 0.1 && even <= odd * 0.05) guess = 'utf-16le';
  else if (even >= units * 0.1 && odd <= even * 0.05) guess = 'utf-16be';
  if (!guess) return null;
  // Binary data can have that pattern too; text decodes to characters, not controls.
  const text = decoder(guess, false).decode(bytes.subarray(0, n));
  return hasFewControls(text) ? guess : null;
}

/** A decoded text is plausible when it is not full of controls or holes. */
function hasFewControls(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || (c >= 0x80 && c < 0xa0)) bad++;
  }
  return bad <= text.length * 0.01;
}

interface ScriptScore { letters: number; inScript: number; nonAsciiLatin: number; holes: number }

function scoreScript(text: string, script: RegExp): ScriptScore {
  const s: ScriptScore = { letters: 0, inScript: 0, nonAsciiLatin: 0, holes: 0 };
  for (const ch of text) {
    if (ch === '\ufffd' || (ch >= '\u0080' && ch < '\u00a0')) {
      s.holes++;
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    s.letters++;
    if (script.test(ch)) s.inScript++;
    if (ch > '\u007f' && /\p{Script=Latin}/u.test(ch)) s.nonAsciiLatin++;
  }
  return s;
}

type Family = 'arabic' | 'hebrew' | 'cyrillic' | 'greek' | 'latin' | 'cjk';

/** chardet's labels → the WHATWG labels TextDecoder accepts, grouped by the script they write. */
const FAMILIES: Record<Family, { labels: string[]; script: RegExp }> = {
  // windows-1256 is a superset of ISO-8859-6's letters, so it is tried first when both read well.
  arabic: { labels: ['windows-1256', 'iso-8859-6'], script: /\p{Script=Arabic}/u },
  // iso-8859-8-i: logical order, which is what text files hold; windows-1255 adds the vowel points.
  hebrew: { labels: ['windows-1255', 'iso-8859-8-i'], script: /\p{Script=Hebrew}/u },
  cyrillic: { labels: ['windows-1251', 'koi8-r', 'iso-8859-5'], script: /\p{Script=Cyrillic}/u },
  greek: { labels: ['windows-1253', 'iso-8859-7'], script: /\p{Script=Greek}/u },
  latin: { labels: ['windows-1252', 'iso-8859-2', 'windows-1250', 'windows-1254', 'windows-1257', 'windows-1258'], script: /\p{Script=Latin}/u },
  cjk: { labels: ['shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr', 'iso-2022-jp'], script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u },
};

function familyOf(chardetName: string): Family | null {
  const name = chardetName.toLowerCase();
  if (name === 'iso-8859-6' || name === 'windows-1256') return 'arabic';
  if (name === 'iso-8859-8' || name === 'windows-1255') return 'hebrew';
  if (name === 'iso-8859-5' || name === 'windows-1251' || name === 'koi8-r') return 'cyrillic';
  if (name === 'iso-8859-7' || name === 'windows-1253') return 'greek';
  if (/^(iso-8859-(1|2|9)|windows-125[02478])$/.test(name)) return 'latin';
  if (/^(shift_jis|euc-jp|euc-kr|gb18030|big5|iso-2022-(jp|kr|cn))$/.test(name)) return 'cjk';
  return null;
}

const LATIN_LABELS = new Set(['windows-1252', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16', 'windows-1250', 'windows-1254', 'windows-1257', 'windows-1258', 'macintosh']);

function isPlausible(text: string, family: Family): boolean {
  const s = scoreScript(text.length > SAMPLE ? text.slice(0, SAMPLE) : text, FAMILIES[family].script);
  if (s.letters === 0 || s.holes > Math.max(2, s.letters * 0.01)) return false;
  return family === 'latin'
    ? s.inScript >= s.letters * 0.9 && s.nonAsciiLatin <= s.inScript * 0.25
    : s.inScript >= s.letters * 0.6;
}

/**
 * The best decoding within one script family, or null when none reads as that script.
 * Latin is judged differently: Arabic bytes decoded as windows-1252 are all letters too
 * (ÇáÚÑÈíÉ), but real Latin-script prose is mostly plain ASCII letters.
 */
function bestInFamily(bytes: Uint8Array, family: Family): DecodedText | null {
  const { labels, script } = FAMILIES[family];
  let best: { decoded: DecodedText; score: number } | null = null;
  for (const label of labels) {
    const text = family === 'cjk' ? tryDecode(bytes, label) : decodeWith(bytes, label);
    if (text === null) continue;
    if (!isPlausible(text, family)) continue;
    const s = scoreScript(text.length > SAMPLE ? text.slice(0, SAMPLE) : text, script);
    const score = s.inScript - 10 * s.holes;
    if (!best || score > best.score) best = { decoded: { text, encoding: label }, score };
  }
  return best?.decoded ?? null;
}

function normalizeDeclared(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === 'utf-32' || l === 'utf-32le' || l === 'ucs-4') return 'utf-32le';
  if (l === 'utf-32be') return 'utf-32be';
  // The visual-order Hebrew label is almost always a mislabel for logical text.
  if (l === 'iso-8859-8' || l === 'iso_8859-8') return 'iso-8859-8-i';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

const CANNOT_TELL = 'cannot tell the text encoding';

export function isUtf8(bytes: Uint8Array): boolean {
  return tryDecode(bytes, 'utf-8') !== null;
}

/** Bytes with at least one byte past ASCII that decode as UTF-8 without error. */
function provenUtf8(bytes: Uint8Array): string | null {
  if (!bytes.some((b) => b >= 0x80)) return null;
  return tryDecode(bytes, 'utf-8');
}

function decodeBytes(bytes: Uint8Array, declaredLabel: string | null): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  if (declaredLabel) {
    const declared = normalizeDeclared(declaredLabel);
    // A "UTF-8" declaration on bytes that are not UTF-8 is a lie worth seeing through, and so is a
    // legacy one on bytes that prove to be UTF-8; any other declared single-byte charset decodes
    // every byte, so it is taken at its word.
    if (declared && declared !== 'utf-8') {
      if (declared.startsWith('utf-16') || declared.startsWith('utf-32')) {
        // "utf-16" declared in a file that is plainly 8-bit (an XML prolog copied from elsewhere) is not taken.
        if (!declared.startsWith('utf-16') || sniffUtf16WithoutBom(bytes)) return { text: decodeWith(bytes, declared), encoding: declared };
      } else {
        const utf8 = provenUtf8(bytes);
        if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
        const text = decodeWith(bytes, declared);
        // Old Arabic pages often declare Latin-1 while holding windows-1256: that declaration only
        // stands when the text reads as Latin-script prose; otherwise the detector decides.
        if (!LATIN_LABELS.has(declared) || isPlausible(text, 'latin')) return { text, encoding: declared };
      }
    }
  }

  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) {
    const text = tryDecode(bytes, utf16);
    if (text !== null) return { text, encoding: utf16 };
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  // Ask the detector, then keep only guesses whose text reads as their script.
  const tried = new Set<Family>();
  for (const match of chardet.analyse(bytes)) {
    if (match.confidence < 5) break;
    const name = match.name.toLowerCase();
    if (name === 'utf-16le' || name === 'utf-16be') {
      const text = tryDecode(bytes, name);
      if (text !== null && hasFewControls(text)) return { text, encoding: name };
      continue;
    }
    const family = familyOf(name);
    if (!family || tried.has(family)) continue;
    tried.add(family);
    const decoded = bestInFamily(bytes, family);
    if (decoded) return decoded;
  }
  throw new ImportError('unknown-encoding', CANNOT_TELL);
}

/** Whether reading as `used` went against `declared`; "utf-16" is kept in either byte order. */
function contradicts(declared: string, used: string): boolean {
  const normalized = normalizeDeclared(declared);
  if (normalized === used) return false;
  const family = (label: string | null): string | null => /^utf-(16|32)/.exec(label ?? '')?.[0] ?? null;
  return family(normalized) === null || family(normalized) !== family(used);
}

/**
 * The text of the bytes, in the encoding found in the order this module's header gives, its
 * mojibake undone; `overridden` and `repaired` say what was done, for the import report.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const claimed = options.transport || options.declared || null;
  const decoded = decodeBytes(bytes, claimed);
  if (claimed && contradicts(claimed, decoded.encoding)) decoded.overridden = claimed;
  const repair = repairMojibake(decoded.text);
  if (repair) {
    decoded.text = repair.text;
    decoded.repaired = repair.misreadAs;
  }
  return decoded;
}
