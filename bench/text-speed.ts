/**
 * Micro-benchmark: analyzeText throughput on real Arabic news (SaudiNewsNet), the work the
 * importer does for every article. Run with `npx tsx bench/text-speed.ts [zip ...]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { analyzeText } from '../main/text/analyze';
import { normalize } from '../main/text/normalize';
import { tokenize } from '../main/text/tokenize';

interface SaudiNewsArticle {
  title: string;
  content: string;
}

const corpusDir = path.resolve(process.cwd(), '../shared/corpus/saudinewsnet');
const zips = process.argv.slice(2);
const files = zips.length > 0 ? zips : readdirSync(corpusDir).filter((f) => f.endsWith('.zip')).sort().slice(0, 3).map((f) => path.join(corpusDir, f));

const texts: string[] = [];
for (const file of files) {
  for (const bytes of Object.values(unzipSync(readFileSync(file)))) {
    const articles = JSON.parse(strFromU8(bytes)) as SaudiNewsArticle[];
    for (const a of articles) texts.push(`${a.title}\n${a.content}`);
  }
}
const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;

function measure(label: string, run: (text: string) => unknown): void {
  for (const t of texts.slice(0, 200)) run(t); // warm up the JIT
  const rounds = 3;
  const started = process.hrtime.bigint();
  let units = 0;
  for (let r = 0; r < rounds; r++) for (const t of texts) units += (run(t) as { length: number }).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9 / rounds;
  console.log(
    `${label.padEnd(12)} ${(megabytes / seconds).toFixed(1).padStart(6)} MB/s  ${Math.round(texts.length / seconds).toString().padStart(7)} articles/s  (${(units / rounds).toFixed(0)} items)`,
  );
}

console.log(`${texts.length} articles, ${megabytes.toFixed(1)} MB UTF-8, from ${files.map((f) => path.basename(f)).join(', ')}`);
measure('tokenize', tokenize);
measure('normalize', normalize);
measure('analyzeText', analyzeText);
