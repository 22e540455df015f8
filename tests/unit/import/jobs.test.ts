/**
 * Imports as jobs on a worker thread (main/import/jobs.ts), against a real library file that the
 * test also holds open, as the app's main thread does: progress, cancel, re-run, consistency.
 * The worker runs from its TypeScript source here (worker-source.mjs), as in development.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../main/import/importer';
import { startImport, workerScript } from '../../../main/import/jobs';
import { Library, LibraryError } from '../../../main/library/library';
import { RunningImports } from '../../../main/running-imports';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;

/** Real news articles as .txt files (title, blank line, body), each one different. */
function writeArticles(folder: string, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  newsArticles(count).forEach((article, i) => {
    fs.writeFileSync(path.join(folder, `${String(i + 1).padStart(5, '0')}.txt`), `${article.title}\n\n${article.content}\n\n(${i + 1})\n`);
  });
}

function quickCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('quick_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-jobs-'));
  writeArticles(path.join(dir, 'small'), 300);
  writeArticles(path.join(dir, 'large'), 2000);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an import job', () => {
  it('imports a folder of real articles on a worker, with progress that only goes forward', async () => {
    const file = path.join(dir, 'progress.sqlite');
    const library = Library.open(file);
    try {
      const folder = path.join(dir, 'small');
      const updates: ImportProgress[] = [];
      const job = startImport(file, { paths: [folder] }, { onProgress: (p) => updates.push(p), progressIntervalMs: 0 });
      const report = await job.done;

      expect(report).toMatchObject({ imported: 300, duplicates: 0, failed: [], cancelled: false });
      expect(report.ids).toHaveLength(300);
      // The main thread's own connection sees what the worker wrote.
      expect(library.stats().articles).toBe(300);
      const newest = library.list({ limit: 1 }).items[0];
      expect(newest?.dir).toBe('rtl');

      expect(updates.length).toBeGreaterThan(1);
      expect(updates.every((u) => u.total === 300)).toBe(true);
      updates.forEach((u, i) => {
        expect(u.current.startsWith(folder)).toBe(true);
        if (i > 0) expect(u.done).toBeGreaterThan(updates[i - 1]!.done);
      });
      expect(updates.at(-1)?.done).toBe(300);
    } finally {
      library.close();
    }
  });

  it('sends at most one progress update per interval, and always the last one', async () => {
    const file = path.join(dir, 'throttled.sqlite');
    const updates: ImportProgress[] = [];
    const report = await startImport(file, { paths: [path.join(dir, 'small')] }, { onProgress: (p) => updates.push(p), progressIntervalMs: 60_000 }).done;
    expect(report.imported).toBe(300);
    // The first file (the bar appears at once) and the last (it ends full); nothing in between.
    expect(updates.map((u) => u.done)).toEqual([1, 300]);
    expect(updates.every((u) => u.stage === 'files')).toBe(true);
  });

  it('a large import tells the window when its files are all in and its index is being put in order', async () => {
    const file = path.join(dir, 'index-stage.sqlite');
    const updates: ImportProgress[] = [];
    const report = await startImport(file, { paths: [path.join(dir, 'large')] }, { onProgress: (p) => updates.push(p), progressIntervalMs: 60_000 }).done;
    expect(report.imported).toBe(2000);
    // The first file, then every file in and the index being put in order (it stands for the last file).
    expect(updates.map((u) => [u.done, u.stage])).toEqual([
      [1, 'files'],
      [2000, 'index'],
    ]);
  });

  it('keeps what it committed when cancelled, reports cancelled, and a re-run finishes without duplicates', async () => {
    const file = path.join(dir, 'cancel.sqlite');
    const library = Library.open(file);
    try {
      const folder = path.join(dir, 'large');
      const job = startImport(file, { paths: [folder] }, {
        batchSize: 50,
        progressIntervalMs: 0,
        onProgress: (p) => {
          if (p.done === 100) job.cancel();
        },
      });
      const first = await job.done;

      expect(first.cancelled).toBe(true);
      expect(first.imported).toBeGreaterThanOrEqual(100);
      expect(first.imported).toBeLessThan(2000);
      expect(first.ids).toHaveLength(first.imported);
      expect(library.stats().articles).toBe(first.imported);
      expect(quickCheck(file)).toBe('ok');

      const second = await startImport(file, { paths: [folder] }).done;
      expect(second).toMatchObject({ cancelled: false, duplicates: first.imported, imported: 2000 - first.imported, failed: [] });
      expect(library.stats().articles).toBe(2000);
      expect(new Set([...first.ids, ...second.ids]).size).toBe(2000);
      expect(quickCheck(file)).toBe('ok');
    } finally {
      library.close();
    }
  });

  it('imports file contents sent as base64, decoding them on the worker', async () => {
    const file = path.join(dir, 'contents.sqlite');
    const text = fs.readFileSync(path.join(dir, 'small', '00001.txt'));
    const report = await startImport(file, {
      files: [
        { name: 'first.txt', base64: text.toString('base64') },
        { name: 'scan.pdf', base64: Buffer.from('%PDF-1.4\n%âãÏÓ\n').toString('base64') },
      ],
    }).done;
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual([{ path: 'scan.pdf', code: 'unsupported-format', detail: { format: 'pdf' }, error: 'unsupported format (pdf)' }]);
  });

  it('tells the window when the last of its imports has ended, once their threads are gone', async () => {
    const file = path.join(dir, 'idle.sqlite');
    const library = Library.open(file);
    const idle: number[] = [];
    const imports = new RunningImports({ libraryFile: file, whenIdle: () => idle.push(library.stats().articles) });
    try {
      const small = imports.run({ paths: [path.join(dir, 'small')] }, { announce: false });
      const large = imports.run({ paths: [path.join(dir, 'large')] }, { announce: false });
      await small;
      await large;
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Once, after both: not when the first ended while the second still ran.
      expect(idle).toEqual([library.stats().articles]);
      expect(idle[0]).toBe(2000);
      expect(() => library.releaseMemory()).not.toThrow();
    } finally {
      library.close();
    }
    // A closed library has nothing to give back, and says nothing.
    expect(() => library.releaseMemory()).not.toThrow();
  });

  it('fails with the library error when the file is not a Sahifa library, leaving it unchanged', async () => {
    const file = path.join(dir, 'not-a-library.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const before = fs.readFileSync(file);
    const job = startImport(file, { paths: [path.join(dir, 'small')] });
    await expect(job.done).rejects.toThrow(LibraryError);
    await expect(job.done).rejects.toThrow(/not a Sahifa library/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('workerScript', () => {
  it('finds the bundled worker next to the bundle, or the source through tsx', () => {
    expect(workerScript('file:///app/out/main/index.cjs')).toBe(path.normalize('/app/out/main/import-worker.cjs'));
    expect(workerScript('file:///app/out/main/web.mjs')).toBe(path.normalize('/app/out/main/import-worker.mjs'));
    expect(workerScript('file:///repo/main/import/jobs.ts')).toBe(path.normalize('/repo/main/import/worker-source.mjs'));
    expect(fs.existsSync(workerScript())).toBe(true);
  });
});
