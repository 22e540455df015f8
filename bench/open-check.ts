/**
 * What the check before opening a library costs a command (not a test):
 *
 *   full        checkLibraryFile with a full quick_check (the file changed, or a day passed)
 *   unchanged   checkLibraryFile when the file is as a passed check left it: stat, 100 header bytes
 *               and the small record beside the library
 *   open        the unchanged check, Library.open and close (recording the file as checked): what
 *               every `sahifa` command pays before its own work
 *   backup      the day's automatic backup, which the day's first command also waits for
 *
 *   npx tsx bench/open-check.ts [--articles 100000] [--runs 5] [--json]
 *
 * The library is the UI benchmark's (bench/.data/ui-<n>.sqlite, built once by
 * buildRepeatedNewsLibrary); the record of its last check sits beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkLibraryFile, rememberVerified } from '../main/library/integrity';
import { Library } from '../main/library/library';
import { buildRepeatedNewsLibrary } from './corpora';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const file = path.join(process.cwd(), 'bench', '.data', `ui-${ARTICLES}.sqlite`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  buildRepeatedNewsLibrary(file, ARTICLES);
  const bytes = fs.statSync(file).size;

  // One read of the whole file first, so that every run meets the same (warm) page cache.
  checkLibraryFile(file, { full: true });
  const full = Array.from({ length: RUNS }, () => time(() => checkLibraryFile(file, { full: true })));
  const unchanged = Array.from({ length: RUNS * 20 }, () =>
    time(() => {
      if (checkLibraryFile(file).check !== 'unchanged') throw new Error('the library changed during the benchmark');
    }),
  );
  const open = Array.from({ length: RUNS * 4 }, () =>
    time(() => {
      const { checkedAt } = checkLibraryFile(file);
      const library = Library.open(file, { afterClose: () => rememberVerified(file, checkedAt!) });
      library.close();
    }),
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-backup-'));
  const library = Library.open(file);
  const started = performance.now();
  await library.backup(path.join(dir, 'backup.sqlite'));
  const backup = performance.now() - started;
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const result = {
    articles: ARTICLES,
    library_bytes: bytes,
    full_check_ms: round(median(full)),
    unchanged_check_ms: round(median(unchanged)),
    open_and_close_ms: round(median(open)),
    automatic_backup_ms: round(backup),
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`${ARTICLES} articles, ${(bytes / 1024 / 1024).toFixed(0)} MB`);
    console.log(`full quick_check            ${result.full_check_ms} ms (median of ${RUNS})`);
    console.log(`unchanged file, no check    ${result.unchanged_check_ms} ms (median of ${RUNS * 20})`);
    console.log(`check + open + close        ${result.open_and_close_ms} ms (median of ${RUNS * 4})`);
    console.log(`the day's automatic backup  ${result.automatic_backup_ms} ms`);
  }
}

await main();
