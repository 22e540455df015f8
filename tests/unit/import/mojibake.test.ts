import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeText } from '../../../main/import/decode';
import { decodeXml } from '../../../main/import/feeds/encoding';
import { repairMojibake } from '../../../main/import/mojibake';
import { readAsLatin1, readAsWindows1252, readAsWindows1256, utf8Bytes, windows1256Bytes } from '../../fixtures/encodings';
import { encodings } from './helpers';

const article = readFileSync(path.join(encodings, 'derived', 'saudinewsnet_article.utf8.txt'), 'utf8');
const HEADLINE = 'وزارة الصحة: تسجيل ٣ حالات جديدة – «كورونا» في الرياض';

describe('repairMojibake', () => {
  it.each([
    ['windows-1256', 'windows-1256', readAsWindows1256, 'ظˆط²ط§ط±ط©'],
    ['windows-1252, as browsers read it', 'windows-1252', readAsWindows1252, 'ÙˆØ²Ø§Ø±Ø©'],
    ['ISO-8859-1', 'windows-1252', readAsLatin1, 'Ù\u0088Ø²Ø§Ø±Ø©'],
  ] as const)('restores UTF-8 that was read as %s', (_, misreading, garble, looksLike) => {
    const garbled = garble(HEADLINE);
    expect(garbled).toContain(looksLike);
    expect(repairMojibake(garbled)).toEqual({ text: HEADLINE, misreadAs: [misreading], stretches: 1 });
    expect(repairMojibake(garble(article))?.text).toBe(article);
  });

  it('puts right the C1 controls any text may carry: UTF-8 read as ISO-8859-1, and windows-1252 punctuation', () => {
    // feedparser's encoding__double-encoded-html and encoding__demoronize-1, in English and in Arabic.
    expect(repairMojibake('Wait\u00e2\u0080\u00a6 don\u0092t')).toEqual({ text: 'Wait… don’t', misreadAs: ['windows-1252'], stretches: 1 });
    expect(repairMojibake(`\u0093${HEADLINE}\u0094`)?.text).toBe(`“${HEADLINE}”`);
    // Latin letters that merely look like UTF-8 read as Latin-1 stay: only C1 controls prove it.
    expect(repairMojibake('Ã©tude à Montréal')).toBeNull();
  });

  it('restores only the garbled part of a text that is partly clean', () => {
    const text = `${readAsWindows1256(HEADLINE)}\n\n${article}`;
    expect(repairMojibake(text)?.text).toBe(`${HEADLINE}\n\n${article}`);
  });

  it('restores text garbled twice over', () => {
    expect(repairMojibake(readAsWindows1252(readAsWindows1256(HEADLINE)))?.text).toBe(HEADLINE);
  });

  it.each([
    'ظلال الطائرة فوق الظروف الصعبة',
    // A letter then a comma, a quote or a question mark already has the shape of a UTF-8 sequence in windows-1256.
    'ضغط، الشارع، مبدأ، منشأ؟ «الوسط» ملجأ…',
    article,
    // One garbled-looking pair proves nothing.
    'كلمة ط§ وحدها',
    'Plain English, café and São Paulo.',
  ])('leaves real text alone: %s', (text) => {
    expect(repairMojibake(text)).toBeNull();
  });
});

describe('decodeText and declarations', () => {
  it('takes the transport charset before the file’s own, and reads proven UTF-8 under either', () => {
    const writable = 'وزارة الصحة: تسجيل 3 حالات جديدة – «كورونا» في الرياض';
    expect(decodeText(windows1256Bytes(writable)!, { transport: 'windows-1256', declared: 'utf-8' })).toEqual({ text: writable, encoding: 'windows-1256' });
    expect(decodeText(utf8Bytes(HEADLINE), { transport: 'windows-1256', declared: 'windows-1256' })).toEqual({ text: HEADLINE, encoding: 'utf-8', overridden: 'windows-1256' });
  });

  it('keeps a legacy declaration on ASCII and on bytes that are not UTF-8, with nothing to note', () => {
    expect(decodeText(utf8Bytes('Plain ASCII'), { declared: 'windows-1256' })).toEqual({ text: 'Plain ASCII', encoding: 'windows-1256' });
    expect(decodeText(windows1256Bytes('الظروف')!, { declared: 'windows-1256' })).toEqual({ text: 'الظروف', encoding: 'windows-1256' });
  });

  it('notes a restored text', () => {
    expect(decodeText(utf8Bytes(readAsWindows1256(HEADLINE)))).toEqual({ text: HEADLINE, encoding: 'utf-8', repaired: ['windows-1256'] });
  });

  it.each([
    ['text/html; charset=windows-1256', 'windows-1256'],
    ['text/html;charset="UTF-8"', 'UTF-8'],
    ['application/rss+xml; type=x; charset = gb2312 ; q=1', 'gb2312'],
    ['text/html', null],
    [null, null],
  ])('charsetOf(%s) is %s', (header, charset) => {
    expect(charsetOf(header)).toBe(charset);
  });
});

describe('a feed fetched with a charset in its Content-Type', () => {
  const rss = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${HEADLINE}</title></channel></rss>`;

  it('takes the header before the prolog, and proven UTF-8 before either', () => {
    const legacy = windows1256Bytes(rss('utf-8').replace('٣', '3'))!;
    const decoded = decodeXml(legacy, charsetOf('application/rss+xml; charset=windows-1256'));
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.text).toContain(HEADLINE.replace('٣', '3'));
    expect(decoded).not.toHaveProperty('overridden');
    expect(decodeXml(utf8Bytes(rss('windows-1256')), charsetOf('text/xml; charset=windows-1256'))).toMatchObject({ encoding: 'utf-8', overridden: 'windows-1256' });
    expect(decodeXml(utf8Bytes(rss('windows-1256')), null).text).toContain(HEADLINE);
  });
});
