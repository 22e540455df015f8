import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/import/decode';
import { ImportError } from '../../../main/import/errors';
import { bytes, encodings } from './helpers';

const read = (...p: string[]): Uint8Array => new Uint8Array(readFileSync(path.join(encodings, ...p)));
const derived = path.join(encodings, 'derived');
const utf8Article = readFileSync(path.join(derived, 'saudinewsnet_article.utf8.txt'), 'utf8');
const arabicLetters = (s: string): number => (s.match(/\p{Script=Arabic}/gu) ?? []).length;

describe('decodeText on the encodings corpus', () => {
  const articleFiles = readdirSync(derived).filter((f) => f.startsWith('saudinewsnet_article.'));

  it('has all six encodings of the article', () => {
    expect(articleFiles).toHaveLength(6);
  });

  it.each(articleFiles)('%s decodes to exactly the UTF-8 text', (file) => {
    expect(decodeText(read('derived', file)).text).toBe(utf8Article);
  });

  it.each([
    ['saudinewsnet_article.windows-1256.txt', 'windows-1256'],
    ['saudinewsnet_article.iso-8859-6.txt', 'iso-8859-6'],
    ['saudinewsnet_article.utf16le-bom.txt', 'utf-16le'],
    ['saudinewsnet_article.utf16be-bom.txt', 'utf-16be'],
    ['saudinewsnet_article.utf8-bom.txt', 'utf-8'],
  ])('%s is recognised as %s', (file, encoding) => {
    expect(decodeText(read('derived', file)).encoding).toBe(encoding);
  });

  it('decodes a one-line windows-1256 title', () => {
    expect(decodeText(read('derived', 'saudinewsnet_title_only.windows-1256.txt')).text).toContain('برلمان تونس يقر');
  });

  it('decodes the Arabic windows-1256 and ISO-8859-6 samples to the same text as their UTF-8 twin', () => {
    const utf8 = readFileSync(path.join(encodings, 'uchardet', 'ar_utf-8.txt'), 'utf8');
    expect(decodeText(read('uchardet', 'ar_windows-1256.txt')).text).toBe(utf8);
    expect(decodeText(read('uchardet', 'ar_iso-8859-6.txt')).text).toBe(utf8);
    expect(utf8).toContain('العربية');
  });

  it('decodes Arabic HTML without a charset as Arabic', () => {
    for (const file of ['windows-1256-arabic_chromium.html', 'iso-8859-6-arabic_chromium.html']) {
      const { text } = decodeText(read('chardet-py', file));
      expect(text).toContain('كتائب الشهيد عز الدين القسام');
      expect(text).not.toContain('\ufffd');
    }
  });

  it.each([
    ['uchardet', 'he_windows-1255.txt', 'שפה שמית'],
    ['uchardet', 'he_iso-8859-8.txt', 'החלקים של ISO 8859'],
    ['chardet-py', 'windows-1255-hebrew_ude_he2.txt', 'העברית היא שפה'],
  ])('decodes Hebrew %s/%s', (dir, file, phrase) => {
    const { text } = decodeText(read(dir, file));
    expect(text).toContain(phrase);
    expect(text).not.toContain('\ufffd');
  });

  it('decodes the Hebrew UTF-8 sample as UTF-8', () => {
    const r = decodeText(read('uchardet', 'he_utf-8.txt'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(readFileSync(path.join(encodings, 'uchardet', 'he_utf-8.txt'), 'utf8'));
  });
});

describe('decodeText traps', () => {
  it('reads UTF-16 without a BOM, which a naive UTF-8 check would accept', () => {
    const le = Buffer.from(utf8Article, 'utf16le');
    expect(decodeText(new Uint8Array(le))).toEqual({ text: utf8Article, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array(be))).toEqual({ text: utf8Article, encoding: 'utf-16be' });
  });

  it('reads UTF-32 with a BOM', () => {
    const s = 'صحيفة 📰 news';
    const le = Buffer.alloc(4 + [...s].length * 4);
    le.writeUInt32LE(0xfeff, 0);
    [...s].forEach((ch, i) => le.writeUInt32LE(ch.codePointAt(0) ?? 0, 4 + i * 4));
    expect(decodeText(new Uint8Array(le))).toEqual({ text: s, encoding: 'utf-32le' });
  });

  it('treats pure ASCII as UTF-8', () => {
    expect(decodeText(bytes('plain ascii\n'))).toEqual({ text: 'plain ascii\n', encoding: 'utf-8' });
  });

  it('follows a declared charset', () => {
    const r = decodeText(read('derived', 'saudinewsnet_article.iso-8859-6.txt'), { declared: 'ISO-8859-6' });
    expect(r).toEqual({ text: utf8Article, encoding: 'iso-8859-6' });
  });

  it('does not believe a Latin-1 declaration on Arabic bytes', () => {
    const r = decodeText(read('derived', 'saudinewsnet_article.windows-1256.txt'), { declared: 'iso-8859-1' });
    expect(r.text).toBe(utf8Article);
  });

  it('accepts genuine Latin-1 prose', () => {
    const french = 'Le café était très agréable, et la crème brûlée aussi. Nous avons mangé à la terrasse.';
    expect(decodeText(bytes(french, 'latin1')).text).toBe(french);
  });

  it('reads windows-1252 as windows-1252, and "iso-8859-1" as the same, as browsers do: 0x80–0x9F are punctuation', () => {
    // "It’s “smart” – and…" with windows-1252's quotes, dash and ellipsis, and a Latin-1 é.
    const latin = Uint8Array.from([...Buffer.from("It"), 0x92, ...Buffer.from('s '), 0x93, ...Buffer.from('smart'), 0x94, 0x20, 0x96, ...Buffer.from(' caf'), 0xe9, 0x85]);
    for (const declared of ['windows-1252', 'iso-8859-1', 'latin1']) {
      const r = decodeText(latin, { declared });
      expect(r).toMatchObject({ text: 'It’s “smart” – café…', encoding: 'windows-1252' });
      expect(r.text).not.toMatch(/[\u0080-\u009f]/);
      // Decoded so, not repaired afterwards.
      expect(r.repaired).toBeUndefined();
    }
  });

  it('never falls back to Latin-1 for bytes that read as nothing', () => {
    const junk = new Uint8Array(Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 37) % 128)));
    expect(() => decodeText(junk)).toThrow(ImportError);
    expect(() => decodeText(junk)).toThrow('cannot tell the text encoding');
  });

  it('gives Arabic letters, not mojibake, for every single-byte Arabic file', () => {
    const text = decodeText(read('derived', 'saudinewsnet_article.windows-1256.txt')).text;
    expect(arabicLetters(text)).toBeGreaterThan(500);
    expect(text).not.toMatch(/[ÀÇÈÉáãä]/);
  });
});
