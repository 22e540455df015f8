/**
 * The OPML import benchmark: a subscription list of 8,000 feeds in nested folders (2,000 of them
 * already subscribed) imported into a library that follows 6,500 feeds, as a reader moving from
 * another reader with a large list would.
 *
 *   in place     parse and write on this thread, as the command line (`sahifa opml import`) does
 *   on thread    as the app does: the refresh thread imports (main/subscriptions/worker.ts) while
 *                this thread — the app's main thread — measures how late its own timers fire
 *
 * `npm run bench:opml -- [--feeds 8000] [--library 6500] [--in-place] [--json]`; `--in-place` skips
 * the thread (it also runs on older Sahifas, for a before/after). Nothing is fetched from outside:
 * the feeds' addresses are on 127.0.0.1, at a port nothing listens on, and the library's own feeds
 * are paused, so the refresh thread has nothing to do but the import (and the new feeds fail at once).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library } from '../main/library/library';
import { importOpml } from '../main/subscriptions/opml';
import { RefreshThread } from '../main/subscriptions/refresh-thread';
import { numberOption, round, watchMainThread } from './refresh';

export interface OpmlFigures {
  opml_feeds: number;
  opml_library_feeds: number;
  opml_added: number;
  opml_existing: number;
  /** Parse and write on one thread (the command line). */
  opml_in_place_s: number;
  /** From the app's request to the thread's report. */
  opml_on_thread_s: number | null;
  /** The longest any 10 ms timer of the main thread fired late while the thread imported. */
  opml_main_thread_max_block_ms: number | null;
}

const PER_FOLDER = 50;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Feeds first … first + count - 1 as OPML 2.0: groups of 50 in a folder inside one of 40 top folders. */
export function opmlFile(first: number, count: number): Uint8Array {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '<head><title>اشتراكات</title></head>', '<body>'];
  for (let group = first; group < first + count; group += PER_FOLDER) {
    const top = Math.floor(group / PER_FOLDER) % 40;
    lines.push(`<outline text="مجلد ${top}"><outline text="${escapeXml(`مواقع ${group} & أخبار`)}" type="rss">`);
    for (let f = group; f < Math.min(group + PER_FOLDER, first + count); f++) {
      const host = `127.0.${Math.floor(f / 250) % 250}.${(f % 250) + 1}`;
      lines.push(`  <outline type="rss" text="موجز ${f}" title="موجز ${f}" xmlUrl="http://${host}:9/feeds/${f}.xml?lang=ar&amp;n=${f}" htmlUrl="http://${host}:9/"/>`);
    }
    lines.push('</outline></outline>');
  }
  lines.push('</body>', '</opml>', '');
  return new TextEncoder().encode(lines.join('\n'));
}

/** A library following `count` feeds (paused: the benchmark's thread must not fetch them). */
function seededLibrary(file: string, count: number): void {
  const library = Library.open(file);
  try {
    const store = library.feeds();
    importOpml(store, opmlFile(0, count), 'seed.opml');
    store.inTransaction(() => {
      for (const feed of store.list()) store.update(feed.id, { paused: 'benchmark' });
    });
  } finally {
    library.close();
  }
}

export async function benchOpml(options: { feeds: number; library: number; inPlaceOnly?: boolean }, log: (s: string) => void = () => undefined): Promise<OpmlFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-opml-'));
  // The file overlaps the library by 2,000 feeds (or the whole library when smaller).
  const overlap = Math.min(2_000, options.library, options.feeds);
  const bytes = opmlFile(options.library - overlap, options.feeds);
  log(`${options.feeds} feeds in a ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB file, into a library of ${options.library} feeds (${overlap} already there)`);
  try {
    const seed = path.join(dir, 'seed.sqlite');
    seededLibrary(seed, options.library);

    const inPlaceFile = path.join(dir, 'in-place.sqlite');
    fs.copyFileSync(seed, inPlaceFile);
    const library = Library.open(inPlaceFile);
    const started = performance.now();
    const report = importOpml(library.feeds(), bytes, 'subscriptions.opml');
    const inPlace = (performance.now() - started) / 1000;
    library.close();
    log(`in place: ${JSON.stringify(report)} in ${inPlace.toFixed(2)} s`);

    let onThread: { seconds: number; maxLateMs: number } | null = null;
    if (!options.inPlaceOnly) {
      const threadFile = path.join(dir, 'on-thread.sqlite');
      fs.copyFileSync(seed, threadFile);
      const thread = new RefreshThread(threadFile, { parallel: 2, perHost: 1 });
      try {
        // The app's thread runs from the start: it is up (and has read its code) before any import.
        await thread.importOpml('empty.opml', opmlFile(0, 0));
        const run = await watchMainThread(async () => {
          const t0 = performance.now();
          const answer = await thread.importOpml('subscriptions.opml', bytes);
          return { answer, seconds: (performance.now() - t0) / 1000 };
        });
        onThread = { seconds: run.result.seconds, maxLateMs: run.maxLateMs };
        log(`on the refresh thread: ${JSON.stringify(run.result.answer)} in ${run.result.seconds.toFixed(2)} s, main thread late by ${run.maxLateMs.toFixed(1)} ms at most`);
      } finally {
        await thread.stop();
      }
    }
    return {
      opml_feeds: options.feeds,
      opml_library_feeds: options.library,
      opml_added: report.added,
      opml_existing: report.existing,
      opml_in_place_s: round(inPlace),
      opml_on_thread_s: onThread ? round(onThread.seconds) : null,
      opml_main_thread_max_block_ms: onThread ? round(onThread.maxLateMs) : null,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const argv = process.argv.slice(2);
  const options = { feeds: numberOption(argv, '--feeds', 8_000), library: numberOption(argv, '--library', 6_500), inPlaceOnly: argv.includes('--in-place') };
  console.log(`OPML import benchmark; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
  const figures = await benchOpml(options, console.log);
  if (argv.includes('--json')) console.log(JSON.stringify(figures));
}
