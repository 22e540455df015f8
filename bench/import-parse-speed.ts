/**
 * Parse throughput of the plain-text importer: 2,000 real Arabic news articles written as .txt
 * files, imported from the folder into a sink that stores nothing, so only reading, decoding,
 * sniffing, titling and language detection are measured.
 * Run: npx tsx bench/import-parse-speed.ts [count]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { importPaths } from '../main/import/importer';

interface SaudiNewsArticle { title?: string; content?: string }

const count = Number(process.argv[2] ?? 2000);
const corpus = path.resolve(process.cwd(), '../shared/corpus/saudinewsnet');
const folder = mkdtempSync(path.join(tmpdir(), 'sahifa-parse-bench-'));

try {
  let written = 0;
  for (const zip of readdirSync(corpus).filter((f) => f.endsWith('.zip')).sort()) {
    for (const [name, data] of Object.entries(unzipSync(readFileSync(path.join(corpus, zip))))) {
      if (!name.endsWith('.json')) continue;
      for (const a of JSON.parse(strFromU8(data)) as SaudiNewsArticle[]) {
        if (written >= count || !a.content?.trim()) continue;
        writeFileSync(path.join(folder, `${String(written).padStart(5, '0')}.txt`), `${a.title ?? ''}\n\n${a.content}\n`);
        written++;
      }
    }
    if (written >= count) break;
  }

  let articles = 0;
  const sink = { addArticles: (batch: unknown[]) => { articles += batch.length; return { imported: batch.length, duplicates: 0, ids: [] }; } };
  const started = performance.now();
  const report = await importPaths(sink, [folder]);
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({
    files: written,
    articles,
    failed: report.failed.length,
    failures: [...new Set(report.failed.map((f) => f.error))].slice(0, 5),
    seconds: Number(seconds.toFixed(3)),
    articlesPerSecond: Math.round(articles / seconds),
  }));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
