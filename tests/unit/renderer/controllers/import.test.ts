import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../common';
import { ImportController, type FileSender } from '../../../../renderer/controllers/import';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

const report = (imported: number, ids: number[], cancelled = false): ImportReport => ({ imported, duplicates: 0, failed: [], ids, cancelled });

/** A file sender the test drives: each batch of 100 waits for `next()`, and stops when cancelled. */
function batchSender(): FileSender & { next(): Promise<void>; signals: AbortSignal[] } {
  let release: () => void = () => undefined;
  const sender = Object.assign(
    async (files: readonly File[], onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<ImportReport> => {
      sender.signals.push(signal);
      let done = 0;
      while (done < files.length) {
        if (signal.aborted) return report(done, [], true);
        await new Promise<void>((resolve) => (release = resolve));
        done = Math.min(files.length, done + 100);
        onProgress(done, files.length);
      }
      return report(done, []);
    },
    {
      signals: [] as AbortSignal[],
      next: async () => {
        release();
        await settle();
      },
    },
  );
  return sender;
}

const files = (n: number): File[] => Array.from({ length: n }, (_, i) => new File([`مقالة ${i}`], `${i}.txt`));

describe('the import controller', () => {
  let api: FakeApi;
  let host: FakeHost;
  let imported: number;
  let sender: ReturnType<typeof batchSender>;
  let importer: ImportController;

  beforeEach(() => {
    api = fakeApi(1);
    host = new FakeHost();
    imported = 0;
    sender = batchSender();
    importer = new ImportController(host, { api, onImported: () => imported++, sendFiles: sender });
    host.connect();
  });

  afterEach(() => host.disconnect());

  it('a folder by path: preparing, then main counts the files, then the report once', async () => {
    const running = importer.importPaths(['/news']);
    expect(importer.progress).toEqual({ id: null, done: 0, total: 0, current: '', stage: 'files', cancelling: false });
    importer.progressed({ type: 'import-progress', id: 7, done: 3, total: 500, current: '/news/00003.txt', stage: 'files' });
    expect(importer.progress).toMatchObject({ id: 7, done: 3, total: 500, stage: 'files' });
    // A large import's last stage, after its last file: the bar says the index is being put in order.
    importer.progressed({ type: 'import-progress', id: 7, done: 500, total: 500, current: '', stage: 'index' });
    expect(importer.progress).toMatchObject({ id: 7, done: 500, total: 500, stage: 'index' });

    api.finishImport(report(500, [1, 2, 3]));
    await running;
    expect(importer.progress).toBeNull();
    expect(importer.status).toEqual({ kind: 'report', report: report(500, [1, 2, 3]) });
    expect(imported).toBe(1);

    // A progress event still on its way does not bring the bar back; main's own announcement of
    // the same report does not show it again.
    importer.progressed({ type: 'import-progress', id: 7, done: 499, total: 500, current: '/news/00499.txt', stage: 'files' });
    expect(importer.progress).toBeNull();
    const shown = importer.status;
    importer.libraryChanged(report(500, [1, 2, 3]));
    expect(importer.status).toBe(shown);
    importer.dismiss();
    expect(importer.status).toBeNull();
  });

  it('an import main started (the menu) ends with its announcement', () => {
    importer.progressed({ type: 'import-progress', id: 3, done: 1, total: 2, current: 'a.txt', stage: 'files' });
    importer.libraryChanged(report(2, [5, 6]));
    expect(importer.progress).toBeNull();
    expect(importer.status).toEqual({ kind: 'report', report: report(2, [5, 6]) });
  });

  it('cancelling an import by path before main named it waits for its first event', async () => {
    const running = importer.importPaths(['/news']);
    importer.cancel();
    expect(importer.progress?.cancelling).toBe(true);
    await settle();
    expect(api.inputs('cancelImport')).toEqual([]);
    importer.progressed({ type: 'import-progress', id: 9, done: 1, total: 500, current: 'a.txt', stage: 'files' });
    expect(importer.progress).toMatchObject({ id: 9, cancelling: true });
    expect(api.inputs('cancelImport')).toEqual([{ id: 9 }]);
    // Once.
    importer.cancel();
    importer.progressed({ type: 'import-progress', id: 9, done: 2, total: 500, current: 'b.txt', stage: 'files' });
    expect(api.inputs('cancelImport')).toEqual([{ id: 9 }]);
    api.finishImport(report(2, [2, 3], true));
    await running;
    expect(importer.status).toEqual({ kind: 'report', report: report(2, [2, 3], true) });
  });

  it('files the window sends in batches: progress per batch, and cancel stops before the next', async () => {
    const running = importer.importFiles(files(250));
    expect(importer.progress).toEqual({ id: null, done: 0, total: 250, current: '', stage: 'files', cancelling: false });
    await sender.next();
    expect(importer.progress).toMatchObject({ done: 100, total: 250 });
    importer.cancel();
    expect(sender.signals[0]!.aborted).toBe(true);
    await sender.next();
    await running;
    expect(importer.progress).toBeNull();
    expect(importer.status).toEqual({ kind: 'report', report: report(200, [], true) });
    // Nothing for main to cancel: the window stopped sending.
    expect(api.inputs('cancelImport')).toEqual([]);
  });

  it('a failed import says why, and the library is looked at again', async () => {
    const running = importer.importPaths(['/gone']);
    api.finishImport(new Error('/gone: no such file or folder'));
    await running;
    expect(importer.progress).toBeNull();
    expect(importer.status).toEqual({ kind: 'error', message: '/gone: no such file or folder' });
    expect(imported).toBe(1);
  });

  it('drops: by path when the shell knows where the files live, else their contents', async () => {
    const desktop = fakeApi(1, 'electron');
    const fromDesktop = new ImportController(new FakeHost(), { api: desktop, onImported: () => undefined, sendFiles: sender });
    void fromDesktop.importDropped(files(2));
    expect(desktop.inputs('importPaths')).toEqual([{ paths: ['/dropped/0.txt', '/dropped/1.txt'] }]);
    expect(sender.signals).toHaveLength(0);

    void importer.importDropped(files(2));
    expect(api.inputs('importPaths')).toEqual([]);
    expect(sender.signals).toHaveLength(1);
  });

  it('the import button: the desktop app picks with its dialog, the browser offers its file input', async () => {
    expect(importer.hasPicker).toBe(false);
    expect(await importer.pick()).toBe(false);
    const desktop = fakeApi(1, 'electron');
    desktop.pickAndImport = async () => ({ supported: true, report: report(1, [2]) });
    const picking = new ImportController(new FakeHost(), { api: desktop, onImported: () => imported++ });
    expect(await picking.pick()).toBe(true);
    expect(picking.status).toEqual({ kind: 'report', report: report(1, [2]) });
    expect(imported).toBe(1);
  });
});
