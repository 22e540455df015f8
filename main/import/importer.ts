/**
 * Files → articles → the library, in batches. Each batch is one call to the sink (one transaction
 * in the library), so an interrupted import leaves whole batches behind and re-running it finishes
 * the job: the library skips what it already has. One bad file never stops the others.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportFailure, ImportReport, NewArticle } from '../library/types';
import { ImportError } from './errors';
import { parserFor, type SourceFile } from './formats';
import { MAX_FILE_BYTES, sniffFormat, tooLarge } from './sniff';
import { reasonFor, walkPaths } from './walk';

export interface ArticleSink {
  addArticles(articles: NewArticle[]): { imported: number; duplicates: number; ids: number[] };
}
export interface ImportProgress { done: number; total: number; current: string }
export interface ImportOptions { batchSize?: number; onProgress?: (p: ImportProgress) => void; signal?: AbortSignal }

export const DEFAULT_BATCH_SIZE = 500;
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

/** Separates a container's path from an entry inside it in failures and origins. */
export const ENTRY_SEPARATOR = ' › ';

/** A file to import, read only when its turn comes so a large folder is never all in memory. */
interface PendingFile {
  path: string;
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
  readRelative?: SourceFile['readRelative'];
}

/** One resource a page refers to (an image in its `_files` folder); pages embed them, so keep them sane. */
export const MAX_RELATIVE_BYTES = 20 * 1024 * 1024;

function isInside(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * What a file read from disk may read next to itself: a relative path, resolved against the file's
 * own folder, that stays inside that folder even after symlinks are followed. A page is hostile:
 * `../../.ssh/id_rsa`, `/etc/passwd` or `file:///…` must come back as null, not as bytes.
 */
export function relativeReader(filePath: string): (relativePath: string) => Uint8Array | null {
  const folder = path.dirname(path.resolve(filePath));
  return (relativePath) => {
    if (relativePath === '' || relativePath.includes('\0') || path.isAbsolute(relativePath) || /^[a-z][a-z0-9+.-]*:/i.test(relativePath) || relativePath.startsWith('\\\\')) return null;
    const target = path.resolve(folder, relativePath);
    if (!isInside(folder, target)) return null;
    try {
      const real = realpathSync(target);
      if (!isInside(realpathSync(folder), real)) return null;
      const info = statSync(real);
      if (!info.isFile() || info.size > MAX_RELATIVE_BYTES) return null;
      const buffer = readFileSync(real);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch {
      return null;
    }
  };
}

/** Parse one file; every failure becomes a user-facing reason, never an exception. */
export async function parseFile(file: SourceFile, failures: ImportFailure[]): Promise<NewArticle[]> {
  try {
    const format = sniffFormat(file);
    const parser = parserFor(format);
    if (!parser) throw new ImportError(`unsupported format (${format})`);
    const articles = await parser(file, {
      fail: (entry, reason) => failures.push({ path: `${file.path}${ENTRY_SEPARATOR}${entry}`, error: reason }),
      parseEntry: (entry) => parseFile(entry, failures),
    });
    for (const a of articles) a.origin ??= file.path;
    return articles;
  } catch (error) {
    failures.push({ path: file.path, error: error instanceof ImportError ? error.message : unexpected(error) });
    return [];
  }
}

function unexpected(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').slice(0, 200);
  return line ? `could not import: ${line}` : 'could not import';
}

async function run(sink: ArticleSink, files: PendingFile[], failures: ImportFailure[], options: ImportOptions): Promise<ImportReport> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const report: ImportReport = { imported: 0, duplicates: 0, failed: failures, ids: [], cancelled: false };
  let batch: NewArticle[] = [];

  const flush = (): void => {
    if (batch.length === 0) return;
    const result = sink.addArticles(batch);
    batch = [];
    report.imported += result.imported;
    report.duplicates += result.duplicates;
    for (const id of result.ids) report.ids.push(id);
  };

  // Reading ahead while parsing keeps both the disk and the CPU busy; small files are mostly
  // waiting on the file system, so several are in flight, within a memory budget.
  const reads = new Map<number, Promise<Uint8Array | Error> | null>();
  let ahead = 0;
  let bytesAhead = 0;
  const readAhead = (current: number): void => {
    while (ahead < files.length && ahead - current < READ_AHEAD_FILES && (ahead === current || bytesAhead < READ_AHEAD_BYTES)) {
      const file = files[ahead] as PendingFile;
      if (file.size > MAX_FILE_BYTES) {
        reads.set(ahead, null);
      } else {
        bytesAhead += file.size;
        reads.set(ahead, file.read().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
      }
      ahead++;
    }
  };

  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as PendingFile;
    // Cancelling keeps what was parsed: those are whole articles, and a re-run skips them anyway.
    if (options.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    readAhead(i);
    const reading = reads.get(i) ?? null;
    reads.delete(i);
    if (reading) bytesAhead -= file.size;
    if (!reading) {
      failures.push({ path: file.path, error: tooLarge(file.size).message });
    } else {
      let bytes: Uint8Array | null = null;
      const result = await reading;
      if (result instanceof Error) failures.push({ path: file.path, error: reasonFor(result) });
      else bytes = result;
      if (bytes) {
        const source: SourceFile = { path: file.path, name: file.name, bytes };
        if (file.readRelative) source.readRelative = file.readRelative;
        for (const article of await parseFile(source, failures)) {
          batch.push(article);
          if (batch.length >= batchSize) flush();
        }
      }
    }
    done++;
    options.onProgress?.({ done, total: files.length, current: file.path });
    // Let the UI breathe (and an abort be noticed) between files.
    await yieldToEventLoop();
  }
  flush();
  return report;
}

export async function importPaths(sink: ArticleSink, paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const { files, failures } = await walkPaths(paths);
  const pending = files.map((f): PendingFile => ({
    path: f.path,
    name: path.basename(f.path),
    size: f.size,
    read: async () => {
      const buffer = await readFile(f.path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    readRelative: relativeReader(f.path),
  }));
  return run(sink, pending, failures, options);
}

export async function importBuffers(sink: ArticleSink, files: { name: string; bytes: Uint8Array }[], options: ImportOptions = {}): Promise<ImportReport> {
  const pending = files.map((f): PendingFile => ({
    path: f.name,
    name: path.basename(f.name),
    size: f.bytes.byteLength,
    read: async () => f.bytes,
  }));
  return run(sink, pending, [], options);
}
