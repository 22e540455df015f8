/**
 * Encoding repair on real text (`npm run bench:mojibake`, i.e. `tsx bench/mojibake-eval.ts`):
 *
 * 1. False repairs — every SaudiNewsNet article (title and body, as one file would hold them) and
 *    every Tashkeela line, as they are: main/import/mojibake.ts must change none of them.
 * 2. Repairs — the same texts garbled the ways text arrives garbled (UTF-8 read as windows-1256,
 *    as windows-1252 the way browsers read it, as ISO-8859-1, and twice as windows-1256; a garbled
 *    title above a clean body): how many come back exactly.
 * 3. Declarations — each article's UTF-8 bytes under a windows-1256 declaration must read as UTF-8,
 *    and its windows-1256 bytes must never pass for UTF-8 (decode.ts trusts the bytes only then).
 *
 * About three minutes here.
 *
 * Exit code 1 when a false repair or a wrong decoding is found.
 */
import { decodeText, isUtf8 } from '../main/import/decode';
import { repairMojibake } from '../main/import/mojibake';
import { newsArticles } from '../tests/fixtures/corpus';
import { readAsLatin1, readAsWindows1252, readAsWindows1256, utf8Bytes, windows1256Bytes } from '../tests/fixtures/encodings';
import { tashkeelaLines } from './corpora';

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;

interface Text { name: string; text: string }

const news: Text[] = newsArticles().map((a, i) => ({ name: `news #${i + 1} (${a.source})`, text: `${a.title}\n\n${a.content}` }));
const tashkeela: Text[] = tashkeelaLines().map((line, i) => ({ name: `tashkeela line ${i + 1}`, text: line }));
const corpora: [string, Text[]][] = [['SaudiNewsNet', news], ['Tashkeela', tashkeela]];

let failed = false;
const rows: string[] = [];

// 1. False repairs on clean text.
for (const [corpus, texts] of corpora) {
  const started = performance.now();
  const wrong = texts.filter((t) => repairMojibake(t.text) !== null);
  const ms = performance.now() - started;
  const mb = texts.reduce((n, t) => n + t.text.length, 0) / 1e6;
  rows.push(`| ${corpus} | clean, as published | ${texts.length} | ${wrong.length} false repairs | ${(mb / (ms / 1000)).toFixed(0)} M chars/s |`);
  for (const t of wrong.slice(0, 5)) console.error(`false repair: ${t.name}`);
  if (wrong.length > 0) failed = true;
}

// 2. Garbled text restored.
const garblings: [string, (t: Text) => string, (t: Text) => string][] = [
  ['UTF-8 read as windows-1256', (t) => readAsWindows1256(t.text), (t) => t.text],
  ['UTF-8 read as windows-1252 (browsers)', (t) => readAsWindows1252(t.text), (t) => t.text],
  ['UTF-8 read as ISO-8859-1', (t) => readAsLatin1(t.text), (t) => t.text],
  ['read as windows-1256 twice (written out and misread again)', (t) => readAsWindows1256(readAsWindows1256(t.text)), (t) => t.text],
];
for (const [corpus, texts] of corpora) {
  for (const [how, garble, expected] of garblings) {
    let restored = 0;
    let changedWrongly = 0;
    for (const t of texts) {
      const result = repairMojibake(garble(t))?.text;
      if (result === expected(t)) restored++;
      else if (result !== undefined) changedWrongly++;
    }
    rows.push(`| ${corpus} | ${how} | ${texts.length} | ${restored} restored (${pct(restored, texts.length)}); ${changedWrongly} changed but not restored | |`);
  }
}
{
  // A garbled title above a clean body: only the title changes.
  let restored = 0;
  const withTitles = newsArticles().map((a) => ({ garbled: `${readAsWindows1256(a.title)}\n\n${a.content}`, clean: `${a.title}\n\n${a.content}` }));
  for (const t of withTitles) if (repairMojibake(t.garbled)?.text === t.clean) restored++;
  rows.push(`| SaudiNewsNet | title read as windows-1256, body clean | ${withTitles.length} | ${restored} restored (${pct(restored, withTitles.length)}) | |`);
}

// 3. Declarations against the bytes.
{
  let readAsUtf8 = 0;
  let passForUtf8 = 0;
  let encodable = 0;
  for (const t of news) {
    // A byte order mark at the start is read as one, not as text.
    if (decodeText(utf8Bytes(t.text), { declared: 'windows-1256' }).text === t.text.replace(/^\ufeff/, '')) readAsUtf8++;
    const legacy = windows1256Bytes(t.text);
    // ASCII is the same bytes in both; only text with Arabic in it can prove anything.
    if (!legacy || !legacy.some((b) => b >= 0x80)) continue;
    encodable++;
    if (isUtf8(legacy)) passForUtf8++;
  }
  rows.push(`| SaudiNewsNet | UTF-8 bytes declared windows-1256 | ${news.length} | ${readAsUtf8} read as UTF-8 (${pct(readAsUtf8, news.length)}) | |`);
  rows.push(`| SaudiNewsNet | windows-1256 bytes (articles with non-ASCII that windows-1256 can write) | ${encodable} | ${passForUtf8} valid UTF-8 by accident | |`);
  if (readAsUtf8 !== news.length || passForUtf8 > 0) failed = true;
}

console.log('| corpus | text | texts | result | clean-text speed |');
console.log('|---|---|---:|---|---:|');
for (const row of rows) console.log(row);
process.exitCode = failed ? 1 : 0;
