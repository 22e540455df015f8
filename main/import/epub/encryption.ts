/**
 * DRM: an EPUB whose content is encrypted (Adobe ADEPT, Apple FairPlay, Readium LCP, …) lists the
 * encrypted files in META-INF/encryption.xml. Font obfuscation uses the same file but only scrambles
 * embedded fonts so they cannot be lifted out of the book; the text is readable, so it is no DRM.
 */
import { elements, parseXml } from './xml';

const FONT_OBFUSCATION = new Set([
  'http://www.idpf.org/2008/embedding', // IDPF font obfuscation
  'http://ns.adobe.com/pdf/enc#RC', // Adobe font obfuscation
]);

/** True when encryption.xml encrypts something other than fonts (or cannot be read, which is as bad). */
export function isEncrypted(encryptionXml: string): boolean {
  const parsed = parseXml(encryptionXml);
  if (!parsed.doc) return true;
  const methods = elements(parsed.doc, 'encryptedkey').length > 0 ? ['key'] : [];
  for (const data of elements(parsed.doc, 'encrypteddata')) {
    // Only the EncryptedData's own method, not the one inside a KeyInfo's EncryptedKey.
    const method = [...data.children].find((c) => c.localName.toLowerCase() === 'encryptionmethod');
    methods.push(method?.getAttribute('Algorithm') ?? 'unknown');
  }
  return methods.some((m) => !FONT_OBFUSCATION.has(m));
}
