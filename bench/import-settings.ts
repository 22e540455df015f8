/**
 * The import under other write settings (not a test): the benchmark's news files imported end to end
 * (`importPaths`, as `npm run bench` does) into a fresh library whose full-text index was given
 * another FTS5 `hashsize` or `automerge`, with another transaction size. Prints one JSON line:
 * articles/s, CPU seconds (all threads), the index's segments and the file's size.
 *
 *   npx tsx bench/import-settings.ts [--articles 100000] [--batch 500] [--hashsize BYTES]
 *     [--automerge N --crisismerge N --bulk-from N] [--optimize] [--page-size BYTES]
 *
 * An import of BULK_FROM files or more sets its own merge rules while it runs (index-upkeep.ts):
 * `--automerge` and `--crisismerge` only hold with `--bulk-from` above the number of files.
 *
 * What it showed is in docs/benchmarks.md ("Import at a million, and what the FTS5 write settings
 * give"). The input is written once by bench/news-files.ts into bench/.data/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DEFAULT_BATCH_SIZE, importPaths } from '../main/import/importer';
import { BOUND_ID } from '../main/library/rank';
import { Library } from '../main/library/library';
import { ensureNewsFiles } from './news-files';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    hashsize: { type: 'string' },
    automerge: { type: 'string' },
    crisismerge: { type: 'string' },
    optimize: { type: 'boolean', default: false },
    // The file's page size (SQLite's default 4096), given to the empty file before the library's tables.
    'page-size': { type: 'string' },
    // Imports of this many files or more write in bulk (index-upkeep.ts); a larger figure turns it off.
    'bulk-from': { type: 'string' },
  },
});
const articles = Number(values.articles);
const files = ensureNewsFiles(path.join(path.dirname(fileURLToPath(import.meta.url)), '.data'), articles, (s) => console.error(s));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-import-settings-'));
const file = path.join(dir, 'library.sqlite');
try {
  if (values['page-size']) {
    const empty = new Database(file);
    empty.pragma(`page_size = ${Number(values['page-size'])}`);
    empty.exec('VACUUM');
    empty.close();
  }
  // Set once the library is open: opening puts the usual rules in place (index-upkeep.ts).
  const library = Library.open(file);
  const raw = new Database(file);
  // FTS5 takes these only as integers (a bound JavaScript number is a REAL).
  const setting = raw.prepare(`INSERT INTO article_index (article_index, rank) VALUES (?, ${BOUND_ID})`);
  if (values.hashsize) setting.run('hashsize', Number(values.hashsize));
  if (values.automerge) setting.run('automerge', Number(values.automerge));
  if (values.crisismerge) setting.run('crisismerge', Number(values.crisismerge));
  raw.close();

  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await importPaths(library, files.folders, {
    batchSize: Number(values.batch),
    ...(values['bulk-from'] ? { bulkFrom: Number(values['bulk-from']) } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  library.close();

  const db = new Database(file);
  const segmentsBefore = db.prepare('SELECT count(DISTINCT segid) FROM article_index_idx').pluck().get();
  const optimizeCpu = process.cpuUsage();
  const optimizeStarted = performance.now();
  if (values.optimize) db.exec("INSERT INTO article_index (article_index) VALUES ('optimize')");
  const optimizeSeconds = (performance.now() - optimizeStarted) / 1000;
  const optimizeUsed = process.cpuUsage(optimizeCpu);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const segments = db.prepare('SELECT count(DISTINCT segid) FROM article_index_idx').pluck().get();
  const pageSize = db.pragma('page_size', { simple: true });
  db.close();
  console.log(
    JSON.stringify({
      batch: Number(values.batch),
      hashsize: values.hashsize ? Number(values.hashsize) : 'usual (8 MB)',
      automerge: values.automerge ? Number(values.automerge) : 'default (4)',
      bulk_from: values['bulk-from'] ? Number(values['bulk-from']) : 'default',
      page_size: pageSize,
      imported: report.imported,
      seconds: Math.round(seconds * 10) / 10,
      articles_per_s: Math.round(report.imported / seconds),
      cpu_s: Math.round((used.user + used.system) / 1e5) / 10,
      segments_after_import: segmentsBefore,
      segments,
      optimize_s: Math.round(optimizeSeconds * 10) / 10,
      optimize_cpu_s: Math.round((optimizeUsed.user + optimizeUsed.system) / 1e5) / 10,
      mb: Math.round(fs.statSync(file).size / 1e6),
      load: os.loadavg().map((x) => Math.round(x * 10) / 10),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
