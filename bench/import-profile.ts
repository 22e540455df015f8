/**
 * Where an import's CPU goes, thread by thread: the news files of the benchmark (bench/.data,
 * written by `npm run bench`) imported end to end into a new library, as `npm run bench` does,
 * while every thread's CPU time is read from /proc (Linux) until the import ends. The machine may
 * be shared: CPU time per article is the figure to compare, wall time only says how busy it was.
 *
 * Run: node --import tsx bench/import-profile.ts [--size 10000] [--threads N] [--keep]
 * (add --cpu-prof --cpu-prof-dir=DIR to node for a profile of every thread).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { importPaths } from '../main/import/importer';
import { defaultParseThreads } from '../main/import/parse-pool';
import { Library } from '../main/library/library';
import { decodeStored, type StoredValue } from '../main/library/stored-text';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TICK_US = 1e6 / 100; // USER_HZ on Linux

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** Every thread's user + system CPU time so far, in µs, by thread id. */
function threadTimes(): Map<number, number> {
  const times = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * TICK_US);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

const size = Number(argument('size', '10000'));
const threads = process.argv.includes('--threads') ? Number(argument('threads', '1')) : undefined;
const batchSize = process.argv.includes('--batch') ? Number(argument('batch', '500')) : undefined;
const dataDir = path.join(HERE, '.data', `news-${size <= 10000 ? 10000 : size <= 100000 ? 100000 : 1000000}`);
const folders = fs.readdirSync(dataDir).sort().slice(0, Math.ceil(size / 1000)).map((f) => path.join(dataDir, f));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-import-profile-'));
const file = path.join(dir, 'library.sqlite');

try {
  const library = Library.open(file);
  const before = threadTimes();
  const peak = new Map(before);
  const sampler = setInterval(() => {
    for (const [tid, us] of threadTimes()) peak.set(tid, Math.max(peak.get(tid) ?? 0, us));
  }, 50);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const report = await importPaths(library, folders, { parseThreads: threads, batchSize });
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  for (const [tid, us] of threadTimes()) peak.set(tid, Math.max(peak.get(tid) ?? 0, us));
  library.close();

  const n = report.imported;
  const used = [...peak].map(([tid, us]) => ({ tid, us: us - (before.get(tid) ?? 0) })).filter((t) => t.us > 0);
  const writer = used.find((t) => t.tid === process.pid)?.us ?? 0;
  // Parse threads are the busy ones besides this one; the rest is V8's helpers (GC) and libuv's pool.
  const others = used.filter((t) => t.tid !== process.pid).sort((a, b) => b.us - a.us);
  const parseCount = threads ?? defaultParseThreads();
  const parse = others.slice(0, parseCount).reduce((sum, t) => sum + t.us, 0);
  const rest = others.slice(parseCount).reduce((sum, t) => sum + t.us, 0);
  const total = (cpu.user + cpu.system) / 1e6;

  const raw = new Database(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  let textBytes = 0;
  for (const row of raw.prepare('SELECT title, text FROM articles').iterate() as IterableIterator<{ title: string; text: StoredValue }>)
    textBytes += Buffer.byteLength(row.title) + Buffer.byteLength(decodeStored(row.text));
  raw.close();
  const fileBytes = fs.statSync(file).size;

  console.log(
    JSON.stringify({
      articles: n,
      failures: report.failed.length,
      wall_s: Math.round(wall * 10) / 10,
      articles_per_s: Math.round(n / wall),
      articles_per_cpu_s: Math.round(n / total),
      cpu_us_per_article: { writer: Math.round(writer / n), parse: Math.round(parse / n), other: Math.round(rest / n), total: Math.round((total * 1e6) / n) },
      writer_busy: Math.round((writer / 1e6 / wall) * 100) / 100,
      parse_busy: Math.round((parse / 1e6 / wall / parseCount) * 100) / 100,
      file_mb: Math.round(fileBytes / 1e5) / 10,
      text_mb: Math.round(textBytes / 1e5) / 10,
      file_per_text: Math.round((fileBytes / textBytes) * 100) / 100,
      load: os.loadavg().map((l) => Math.round(l * 10) / 10),
    }),
  );
} finally {
  if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(file);
}
