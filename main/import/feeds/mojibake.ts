/**
 * Two encoding accidents feeds are known for (feedparser repairs both, and its conformance files
 * test them). C1 control characters (U+0080–U+009F) never belong in text: they are windows-1252
 * punctuation (’ “ … –) mislabelled as ISO-8859-1. And UTF-8 read as Latin-1 and encoded again
 * ("…" as "&#226;&#128;&#166;") comes back when its bytes form valid UTF-8 again.
 */

import { WINDOWS_1252_HIGH_CONTROLS } from '../mojibake';

const C1 = /[\u0080-\u009f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
// A UTF-8 lead byte and its continuation bytes, each read as one Latin-1 character.
const DOUBLE_ENCODED = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;

function redecode(sequence: string): string {
  // Only sequences with a C1 control: "Ã©" may be a Latin-1 text's own letters, "â\u0080¦" never is.
  if (!C1.test(sequence)) return sequence;
  try {
    return utf8.decode(Uint8Array.from(sequence, (c) => c.charCodeAt(0)));
  } catch {
    return sequence;
  }
}

export function repairMojibake(text: string): string {
  if (!C1.test(text)) return text;
  return text
    .replace(DOUBLE_ENCODED, redecode)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH_CONTROLS[c.charCodeAt(0) - 0x80] ?? c);
}
