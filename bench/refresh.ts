/**
 * The refresh benchmark: local feeds of real Saudi news (HTML items, so every item goes through
 * the sanitizer and the Arabic analysis), served from 127.0.0.1 by several servers (hosts), and
 * refreshed as the app does it — on the refresh worker thread (main/subscriptions/refresh-thread.ts),
 * while this thread measures how late its own timers fire (the app's main thread must never be
 * blocked over 50 ms).
 *
 *   first      every feed new: feeds × items new articles, sanitized and indexed
 *   unchanged  every feed answers 304
 *
 * `npm run bench:refresh -- [--feeds 500] [--items 50] [--hosts 10] [--parse-threads N] [--built] [--json]`; `--built`
 * runs the refresh and parse threads from the app's bundles (`npm run build` first), as the app
 * does, instead of compiling the TypeScript sources on the fly. Targets on the
 * 2-core machine (500 × 50): first ≤ 20 s, unchanged ≤ 2 s, main thread never blocked > 50 ms.
 * The CPU is shared with other work on a busy machine: take the real figure on a quiet one.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance as nodePerformance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library } from '../main/library/library';
import type { RefreshSummary } from '../main/subscriptions/refresh';
import { RefreshThread } from '../main/subscriptions/refresh-thread';
import { FeedServer, news } from '../tests/fixtures/feed-server';

export interface RefreshFigures {
  feeds: number;
  items: number;
  refresh_first_s: number;
  refresh_first_articles: number;
  /** CPU time of every thread of the process during the first refresh: what a busy machine does not inflate. */
  refresh_first_cpu_s: number;
  refresh_unchanged_s: number;
  refresh_unchanged_not_modified: number;
  /** The longest any 10 ms timer of the main thread fired late, over both runs. */
  refresh_main_thread_max_block_ms: number;
  /** The share of the first refresh the main thread spent running code (event loop utilization). */
  refresh_main_thread_busy: number;
}

function escapeXml(s: string): string {
  // A few corpus articles hold control characters XML does not allow: this measures throughput,
  // not recovery (the tests cover broken feeds).
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Feed `f` of the benchmark: `items` real articles as HTML, each its own guid. */
export function feedBytes(f: number, items: number, pool: ReturnType<typeof news>): Buffer {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    const a = pool[(f * items + i) % pool.length]!;
    const html = a.content.split('\n').filter((p) => p.trim()).map((p) => `<p>${escapeXml(p)}</p>`).join('');
    entries.push(`<item><guid isPermaLink="false">bench-${f}-${i}</guid><title>${escapeXml(a.title.trim() || `خبر ${i}`)}</title>`
      + `<link>https://bench.example/${f}/${i}</link><pubDate>${new Date(Date.UTC(2015, 6, 21) + i * 60_000).toUTCString()}</pubDate>`
      + `<description><![CDATA[${html}]]></description></item>`);
  }
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موجز ${f}</title><link>https://bench.example/${f}</link><language>ar</language>${entries.join('')}</channel></rss>`);
}

/** How late a 10 ms timer fires, at worst, while `run` goes on. */
export async function watchMainThread<T>(run: () => Promise<T>): Promise<{ result: T; maxLateMs: number; busy: number }> {
  let maxLate = 0;
  // How much of the time the main thread was running code at all (serving the local feeds, hearing
  // from the refresh thread): near 0 means lateness is the machine's, not work on this thread.
  const before = nodePerformance.eventLoopUtilization();
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLate = Math.max(maxLate, now - expected);
    expected = now + 10;
  }, 10);
  try {
    const result = await run();
    return { result, maxLateMs: maxLate, busy: nodePerformance.eventLoopUtilization(before).utilization };
  } finally {
    clearInterval(timer);
  }
}

/** The refresh worker the app ships, when built (`npm run build`). */
export function builtRefreshWorker(): string {
  const file = fileURLToPath(new URL('../out/main/refresh-worker.mjs', import.meta.url));
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return file;
}

export async function benchRefresh(options: { feeds: number; items: number; hosts: number; script?: string; parseThreads?: number }, log: (s: string) => void = () => undefined): Promise<RefreshFigures> {
  const pool = news(Math.min(options.feeds * options.items, 31_000));
  const servers = await Promise.all(Array.from({ length: options.hosts }, () => FeedServer.start()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-refresh-'));
  const file = path.join(dir, 'library.sqlite');
  const library = Library.open(file);
  let thread: RefreshThread | null = null;
  try {
    for (let f = 0; f < options.feeds; f++) {
      const server = servers[f % servers.length]!;
      server.serve(`/feed-${f}.xml`, { body: feedBytes(f, options.items, pool), type: 'application/rss+xml; charset=utf-8', etag: `"f${f}"` });
      library.feeds().add({ url: server.url(`/feed-${f}.xml`), title: `موجز ${f}` });
    }
    // Offline images play no part here: the items have none.
    let onRun: (summary: RefreshSummary) => void = () => undefined;
    const nextRun = () => new Promise<RefreshSummary>((resolve) => (onRun = resolve));

    const cpuBefore = process.cpuUsage();
    const first = await watchMainThread(async () => {
      const started = performance.now();
      const done = nextRun();
      thread = new RefreshThread(file, { onRun: (s) => onRun(s), parallel: 8, perHost: 4, script: options.script, parseThreads: options.parseThreads });
      const summary = await done;
      return { summary, seconds: (performance.now() - started) / 1000 };
    });
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    log(`first refresh: ${first.result.summary.new} new articles from ${options.feeds} feeds in ${first.result.seconds.toFixed(2)} s, ${cpuSeconds.toFixed(1)} s of CPU (main thread late by ${first.maxLateMs.toFixed(1)} ms at most, busy ${(first.busy * 100).toFixed(1)}% of the time)`);

    const unchanged = await watchMainThread(async () => {
      const started = performance.now();
      const done = nextRun();
      thread!.refreshNow();
      const summary = await done;
      return { summary, seconds: (performance.now() - started) / 1000 };
    });
    log(`unchanged refresh: ${unchanged.result.summary.not_modified} × 304 in ${unchanged.result.seconds.toFixed(2)} s (main thread late by ${unchanged.maxLateMs.toFixed(1)} ms at most)`);
    if (first.result.summary.failed.length + unchanged.result.summary.failed.length > 0) {
      log(`failures: ${JSON.stringify([...first.result.summary.failed, ...unchanged.result.summary.failed].slice(0, 3))}`);
    }
    return {
      feeds: options.feeds,
      items: options.items,
      refresh_first_s: round(first.result.seconds),
      refresh_first_articles: first.result.summary.new,
      refresh_first_cpu_s: round(cpuSeconds),
      refresh_unchanged_s: round(unchanged.result.seconds),
      refresh_unchanged_not_modified: unchanged.result.summary.not_modified,
      refresh_main_thread_max_block_ms: round(Math.max(first.maxLateMs, unchanged.maxLateMs)),
      refresh_main_thread_busy: round(first.busy),
    };
  } finally {
    await (thread as RefreshThread | null)?.stop();
    library.close();
    await Promise.all(servers.map((s) => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const round = (x: number) => Math.round(x * 100) / 100;

/** A numeric option of a benchmark's command line (`--feeds 500`), or its default. */
export function numberOption(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: number) => numberOption(argv, name, fallback);
  const threads = argv.includes('--parse-threads') ? value('--parse-threads', 1) : undefined;
  const options = { feeds: value('--feeds', 500), items: value('--items', 50), hosts: value('--hosts', 10), script: argv.includes('--built') ? builtRefreshWorker() : undefined, parseThreads: threads };
  console.log(`refresh benchmark: ${options.feeds} feeds × ${options.items} items on ${options.hosts} local hosts, ${options.script ? 'built bundles' : 'from source'}; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
  const figures = await benchRefresh(options, console.log);
  console.log(`load average at the end: ${os.loadavg()[0]!.toFixed(1)}`);
  if (argv.includes('--json')) console.log(JSON.stringify(figures));
}
