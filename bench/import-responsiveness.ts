/**
 * Is the main thread free during a bulk import? (DESIGN.md: "the main process is never blocked for
 * more than 50 ms during a bulk import".)
 *
 *   npx tsx bench/import-responsiveness.ts [--count 5000] [--batch N] [--no-writes] [--no-compare] [--json]
 *
 * Writes `count` real news articles (tests/fixtures/corpus.ts) as .txt files into a temporary
 * folder, opens the library on the main thread as the app does, and imports the folder through
 * the app's handlers (importPaths → main/running-imports.ts → the job API, main/import/jobs.ts:
 * a worker thread with its own connection) while the main thread plays the window through the
 * same handlers: every 100 ms it lists the newest articles and counts them (reads), every 500 ms
 * it toggles a bookmark (a write, which finds the worker committing a batch now and then). It
 * measures the main thread's event-loop delay (perf_hooks.monitorEventLoopDelay, sampled every
 * 10 ms: a value is the time between two samples, so 10 ms means no delay) and the slowest read
 * and write as the window would see them. For comparison it then runs the same import in-process
 * (importPaths on the main thread, as before the worker), unless --no-compare.
 *
 * Control: on a loaded machine an event loop is late even with nothing to do, and that is not the
 * import's doing. So a separate, idle Node process measures its own event-loop delay during the
 * same seconds (and an idle second is measured first): where it is as late as the main thread,
 * the delay is the machine's (other processes, and the worker itself taking a core).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createHandlers, invokeMethod, type Handlers } from '../main/handlers';
import { importPaths } from '../main/import/importer';
import { Library } from '../main/library/library';
import type { ArticleSummary, ImportReport, Page } from '../common';
import { newsArticles } from '../tests/fixtures/corpus';

interface Phase {
  name: string;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  progressEvents: number;
  eventLoopDelayMs: { max: number; p99: number; p50: number };
  /** The same, in an idle process during the same seconds. */
  idleProcessDelayMs: { max: number; p99: number };
  slowestReadMs: number;
  slowestWriteMs: number;
}

const ms = (ns: number): number => Math.round(ns / 1e4) / 100;

const CONTROL = `const { monitorEventLoopDelay } = require('node:perf_hooks');
const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
process.stdin.resume();
process.stdin.on('end', () => { h.disable(); process.stdout.write(JSON.stringify({ max: h.max, p99: h.percentile(99) })); });`;

/** An idle Node process measuring its own event-loop delay until stopped. */
function idleProcess(): { stop(): Promise<{ max: number; p99: number }> } {
  const child = spawn(process.execPath, ['-e', CONTROL], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.end();
      await exited;
      const { max, p99 } = JSON.parse(out) as { max: number; p99: number };
      return { max: ms(max), p99: ms(p99) };
    },
  };
}

/** The window's work while an import runs, through the handlers: reads every 100 ms, a bookmark toggled every 500 ms. */
function playTheWindow(handlers: Handlers, withWrites: boolean): { stop(): { slowestReadMs: number; slowestWriteMs: number } } {
  let slowestRead = 0;
  let slowestWrite = 0;
  let bookmarked = false;
  const reads = setInterval(() => {
    const started = performance.now();
    void Promise.all([invokeMethod(handlers, 'listArticles', { limit: 50 }), invokeMethod(handlers, 'stats', {})]).then(() => {
      slowestRead = Math.max(slowestRead, performance.now() - started);
    });
  }, 100);
  const writes = setInterval(() => {
    if (!withWrites) return;
    void invokeMethod(handlers, 'listArticles', { limit: 1 }).then(async (listed) => {
      const first = 'result' in listed ? (listed.result as Page<ArticleSummary>).items[0] : undefined;
      if (!first) return;
      bookmarked = !bookmarked;
      const started = performance.now();
      const outcome = await invokeMethod(handlers, 'setBookmark', { id: first.id, bookmarked });
      if ('error' in outcome) throw new Error(outcome.error.message);
      slowestWrite = Math.max(slowestWrite, performance.now() - started);
    });
  }, 500);
  return {
    stop() {
      clearInterval(reads);
      clearInterval(writes);
      return { slowestReadMs: Math.round(slowestRead * 100) / 100, slowestWriteMs: Math.round(slowestWrite * 100) / 100 };
    },
  };
}

async function measure(name: string, handlers: Handlers, withWrites: boolean, run: (onProgress: () => void) => Promise<ImportReport | null>): Promise<Phase> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let progressEvents = 0;
  const control = idleProcess();
  const window = playTheWindow(handlers, withWrites);
  histogram.enable();
  const started = performance.now();
  const report = await run(() => progressEvents++);
  const seconds = (performance.now() - started) / 1000;
  histogram.disable();
  const { slowestReadMs, slowestWriteMs } = window.stop();
  const idleProcessDelayMs = await control.stop();
  const articles = report?.imported ?? 0;
  return {
    name,
    articles,
    seconds: Math.round(seconds * 100) / 100,
    articlesPerSecond: Math.round(articles / seconds),
    progressEvents,
    eventLoopDelayMs: { max: ms(histogram.max), p99: ms(histogram.percentile(99)), p50: ms(histogram.percentile(50)) },
    idleProcessDelayMs,
    slowestReadMs,
    slowestWriteMs,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '5000' },
      batch: { type: 'string' },
      'no-writes': { type: 'boolean', default: false },
      'no-compare': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const withWrites = !values['no-writes'];
  const batchSize = values.batch === undefined ? undefined : Number(values.batch);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-responsiveness-'));
  const log = (line: string): void => {
    if (!values.json) console.log(line);
  };
  try {
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    newsArticles(count).forEach((article, i) => {
      fs.writeFileSync(path.join(folder, `${String(i + 1).padStart(6, '0')}.txt`), `${article.title}\n\n${article.content}\n\n(${i + 1})\n`);
    });
    log(`${count} article files in ${folder}; ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    const phases: Phase[] = [];
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await sleep(1000);
    idle.disable();
    const idleMs = { max: ms(idle.max), p99: ms(idle.percentile(99)), p50: ms(idle.percentile(50)) };
    log(`idle main thread, 1 s: event-loop delay max ${idleMs.max} ms, p99 ${idleMs.p99} ms`);

    const workerLibrary = Library.open(path.join(dir, 'worker.sqlite'));
    let onWorkerProgress = (): void => undefined;
    const workerHandlers = createHandlers({
      library: workerLibrary,
      platform: {
        pickFiles: () => null,
        openExternal: async () => false,
        notify: (event) => {
          if (event.type === 'import-progress') onWorkerProgress();
        },
      },
    });
    if (batchSize) console.warn('--batch applies to the in-process import only: the worker uses WORKER_BATCH_SIZE (main/import/jobs.ts)');
    phases.push(
      await measure('worker (job API)', workerHandlers, withWrites, (onProgress) => {
        onWorkerProgress = onProgress;
        return workerHandlers.importPaths({ paths: [folder] });
      }),
    );
    workerLibrary.close();

    if (!values['no-compare']) {
      const inProcessFile = path.join(dir, 'in-process.sqlite');
      const inProcessLibrary = Library.open(inProcessFile);
      const inProcessHandlers = createHandlers({ library: inProcessLibrary, platform: { pickFiles: () => null, openExternal: async () => false } });
      phases.push(
        await measure('in-process (before)', inProcessHandlers, withWrites, (onProgress) =>
          importPaths(inProcessLibrary, [folder], { onProgress, ...(batchSize ? { batchSize } : {}) }),
        ),
      );
      inProcessLibrary.close();
    }

    if (values.json) {
      console.log(JSON.stringify({ count, loadAverage: os.loadavg(), idle: idleMs, phases }));
    } else {
      for (const p of phases) {
        log(
          `${p.name}: ${p.articles} articles in ${p.seconds} s (${p.articlesPerSecond}/s), ${p.progressEvents} progress callbacks; ` +
            `main event-loop delay max ${p.eventLoopDelayMs.max} ms, p99 ${p.eventLoopDelayMs.p99} ms, p50 ${p.eventLoopDelayMs.p50} ms ` +
            `(idle process meanwhile: max ${p.idleProcessDelayMs.max} ms, p99 ${p.idleProcessDelayMs.p99} ms); ` +
            `slowest read ${p.slowestReadMs} ms, slowest bookmark write ${p.slowestWriteMs} ms`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
