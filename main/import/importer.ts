/**
 * Files → articles → the library, in batches. Each batch is one call to the sink (one transaction
 * in the library), so an interrupted import leaves whole batches behind and re-running it finishes
 * the job: the library skips what it already has. One bad file never stops the others.
 *
 * Large imports parse on other threads (parse-pool.ts) while this one writes; small ones parse
 * here. Either way the articles reach the sink in file order, so ids follow the order of the files.
 */
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BULK_FROM, type BulkWrites } from '../library/index-upkeep';
import type { AddResult } from '../library/library';
import type { PreparedArticle } from '../library/prepare';
import type { ImportFailure, ImportNote, ImportReport, ImportStage, NewArticle } from '../../common';
import { parseRead, readSource, type FileToParse, type ParsedFile } from './parse-file';
import { defaultParseThreads, ParsePool } from './parse-pool';
import { MAX_FILE_BYTES } from './sniff';
import type { SourceFile } from './parser';
import { walkPaths } from './walk';

export { MAX_RELATIVE_BYTES, parseFile, relativeReader } from './parse-file';

export interface ArticleSink {
  addArticles(articles: NewArticle[]): AddResult;
  /** Articles already analysed (library/prepare.ts), as parse threads send them; the library has it. */
  addPrepared?(articles: PreparedArticle[]): AddResult;
  /** A large import starts: the sink may write faster, and put things in order when it ends (the library has it). */
  startBulkImport?(): BulkWrites;
}

export interface ImportProgress { done: number; total: number; current: string; stage: ImportStage }
export interface ImportOptions {
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Parse threads: 0 parses on this thread. By default, one per spare core for imports of PARSE_THREADS_MIN_FILES or more. */
  parseThreads?: number;
  /** Files from which an import is large and written in bulk (library/index-upkeep.ts BULK_FROM); tests lower it. */
  bulkFrom?: number;
  /** Tests: the parse thread's script (one that crashes), and no parsing here while threads start. */
  parseWorkerScript?: string;
  waitForParseThreads?: boolean;
}

export const DEFAULT_BATCH_SIZE = 500;

/**
 * Below this many files, a parse thread is not worth starting: this thread parses while it starts,
 * and a fresh thread runs cold code for its first few hundred files. Measured with the app's
 * bundles on two cores (.txt news): 100 files take 0.27 s here and 0.34 s with a thread, 300 files
 * the same either way, 1,000 files 1.3 s here and 1.0 s with a thread.
 */
export const PARSE_THREADS_MIN_FILES = 300;

// Reading ahead while parsing keeps both the disk and the CPU busy; small files are mostly waiting
// on the file system, so several are in flight, within a memory budget.
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

/**
 * Parse threads keep working while a batch is written, as far as this many files past the batch:
 * a batch is written in one go, and a thread that waits for the writer is a core left idle.
 */
const PARSE_AHEAD_PAST_BATCH = 64;
const PARSE_AHEAD_MAX_FILES = 2048;

/** File `index`'s articles and failures, asked for in file order. */
type ParsedInOrder<T> = (index: number) => Promise<ParsedFile<T>>;

/** Parses on this thread, reading a few files ahead. */
function parseHere(files: FileToParse[]): ParsedInOrder<NewArticle> {
  const reads = new Map<number, Promise<SourceFile | ImportFailure>>();
  let ahead = 0;
  let bytesAhead = 0;
  const weight = (file: FileToParse): number => (file.size > MAX_FILE_BYTES ? 0 : file.size);
  return async (index) => {
    while (ahead < files.length && ahead - index < READ_AHEAD_FILES && (ahead === index || bytesAhead < READ_AHEAD_BYTES)) {
      const file = files[ahead] as FileToParse;
      bytesAhead += weight(file);
      reads.set(ahead, readSource(file));
      ahead++;
    }
    const reading = reads.get(index) as Promise<SourceFile | ImportFailure>;
    reads.delete(index);
    bytesAhead -= weight(files[index] as FileToParse);
    return parseRead(await reading);
  };
}

/** Takes each file's articles in order, writing them in batches; progress and cancel between files. */
async function write<T>(
  files: FileToParse[],
  parsed: ParsedInOrder<T>,
  addBatch: (batch: T[]) => AddResult,
  failures: ImportFailure[],
  options: ImportOptions,
): Promise<ImportReport> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const notes: ImportNote[] = [];
  const report: ImportReport = { imported: 0, duplicates: 0, failed: failures, notes, ids: [], cancelled: false };
  let batch: T[] = [];

  const flush = (): void => {
    if (batch.length === 0) return;
    const result = addBatch(batch);
    batch = [];
    report.imported += result.imported;
    report.duplicates += result.duplicates;
    for (const id of result.ids) report.ids.push(id);
  };

  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as FileToParse;
    // Cancelling keeps what was parsed: those are whole articles, and a re-run skips them anyway.
    if (options.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    const result = await parsed(i);
    for (const failure of result.failures) failures.push(failure);
    for (const n of result.notes) notes.push(n);
    for (const article of result.articles) {
      batch.push(article);
      if (batch.length >= batchSize) flush();
    }
    done++;
    options.onProgress?.({ done, total: files.length, current: file.path, stage: 'files' });
    // Let the UI breathe (and an abort be noticed) between files.
    await yieldToEventLoop();
  }
  flush();
  return report;
}

async function parseAndWrite(sink: ArticleSink, files: FileToParse[], failures: ImportFailure[], options: ImportOptions): Promise<ImportReport> {
  const threads = options.parseThreads ?? (files.length >= PARSE_THREADS_MIN_FILES ? defaultParseThreads() : 0);
  if (threads <= 0) return write(files, parseHere(files), (batch) => sink.addArticles(batch), failures, options);

  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const pool = new ParsePool(files, {
    threads,
    aheadFiles: Math.min(PARSE_AHEAD_MAX_FILES, batchSize + PARSE_AHEAD_PAST_BATCH),
    aheadBytes: READ_AHEAD_BYTES,
    script: options.parseWorkerScript,
    parseWhileStarting: options.waitForParseThreads !== true,
  });
  const addBatch = (batch: PreparedArticle[]): AddResult =>
    sink.addPrepared ? sink.addPrepared(batch) : sink.addArticles(batch.map((prepared) => prepared.article));
  try {
    return await write(files, (index) => pool.parsed(index), addBatch, failures, options);
  } finally {
    await pool.close();
  }
}

/**
 * The import, large ones in bulk (ArticleSink.startBulkImport): the index is tidied before the
 * report, so a finished import leaves a library as quick to search as it will be. A cancelled or
 * failed import only puts the usual writes back.
 */
async function run(sink: ArticleSink, files: FileToParse[], failures: ImportFailure[], options: ImportOptions): Promise<ImportReport> {
  const bulk = files.length >= (options.bulkFrom ?? BULK_FROM) ? sink.startBulkImport?.() : undefined;
  if (bulk === undefined) return parseAndWrite(sink, files, failures, options);
  let report: ImportReport;
  try {
    report = await parseAndWrite(sink, files, failures, options);
  } catch (error) {
    try {
      bulk.end(0);
    } catch {
      // The import's own error is the one to report; the library puts the rules back when next opened.
    }
    throw error;
  }
  const tidy = bulk.end(report.imported);
  if (report.cancelled) return report;
  // Every file is in: the bar says what the rest of the wait is for.
  options.onProgress?.({ done: files.length, total: files.length, current: '', stage: 'index' });
  // Between steps, other writers get the lock and a cancel is noticed (the articles are all in by then).
  while (!options.signal?.aborted && tidy()) await yieldToEventLoop();
  return report;
}

export async function importPaths(sink: ArticleSink, paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const { files, failures } = await walkPaths(paths);
  return run(sink, files.map((f) => ({ path: f.path, name: path.basename(f.path), size: f.size })), failures, options);
}

export async function importBuffers(sink: ArticleSink, files: { name: string; bytes: Uint8Array }[], options: ImportOptions = {}): Promise<ImportReport> {
  const pending = files.map((f): FileToParse => ({ path: f.name, name: path.basename(f.name), size: f.bytes.byteLength, bytes: f.bytes }));
  return run(sink, pending, [], options);
}
