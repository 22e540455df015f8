/**
 * Imports started in the window (the import button, a drop) and announced by main (a folder
 * imported by path, the menu): the progress bar while one runs, then its report or its error.
 *
 * Two kinds of import, two ways to cancel. Files the window holds itself (the file input, a drop
 * in the browser) are sent in batches and stop before the next batch. An import by path runs in
 * main, which names it in its first progress event; cancelling before that event waits for it.
 * Events may cross: a progress event still on its way after the report must not bring the bar
 * back, and the report main announces after our own call's answer is shown once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ImportReport, SahifaApi, SahifaEvent } from '../../common';
import type { ImportProgressState, ImportStatus } from '../view-state';
import { messageOf } from '../error-message';
import { importFiles } from '../file-import';

export type ImportApi = Pick<SahifaApi, 'shell' | 'pickAndImport' | 'importPaths' | 'importFileData' | 'cancelImport' | 'getPathForFile'>;

/** Sends files the window holds, in batches, reporting how many are done; stops at `signal`. */
export type FileSender = (files: readonly File[], onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<ImportReport>;

type ProgressEvent = Extract<SahifaEvent, { type: 'import-progress' }>;

/** Same import seen twice (our own call's report, then main's library-changed event): show it once. */
const reportKey = (report: ImportReport): string => `${report.imported}/${report.duplicates}/${report.failed.length}/${report.ids.join(',')}`;

export interface ImportControllerOptions {
  api: ImportApi;
  /** An import ended: the library changed (or may have). */
  onImported: () => void;
  sendFiles?: FileSender;
}

export class ImportController implements ReactiveController {
  /** The last import's report or error, until dismissed. */
  status: ImportStatus | null = null;
  /** The import running now (its bar and cancel button), null when none. */
  progress: ImportProgressState | null = null;

  private readonly api: ImportApi;
  private readonly onImported: () => void;
  private readonly sendFiles: FileSender;
  /** Cancels the import of files the window sends in batches itself. */
  private fileImportAbort: AbortController | null = null;
  /** Imports whose report arrived: a progress event of theirs still on its way must not bring the bar back. */
  private readonly finishedImports = new Set<number>();
  private lastReportKey = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    options: ImportControllerOptions,
  ) {
    this.api = options.api;
    this.onImported = options.onImported;
    this.sendFiles = options.sendFiles ?? ((files, onProgress, signal) => importFiles(files, onProgress, signal, options.api));
    host.addController(this);
  }

  hostDisconnected(): void {
    this.fileImportAbort?.abort();
  }

  /** The desktop app has its own dialog for files and folders. */
  get hasPicker(): boolean {
    return this.api.shell === 'electron';
  }

  /**
   * The import button: the desktop app picks files and folders with its own dialog and imports
   * them by path. Resolves false when the window must offer its file input instead.
   */
  async pick(): Promise<boolean> {
    if (!this.hasPicker) return false;
    try {
      const picked = await this.api.pickAndImport({});
      if (!picked.supported) return false;
      if (picked.report !== null) this.showReport(picked.report);
    } catch (error) {
      this.setStatus({ kind: 'error', message: messageOf(error) });
    }
    return true;
  }

  /** Dropped files: by path when the shell knows where they live (which also takes whole folders). */
  importDropped(files: readonly File[]): Promise<void> {
    const getPath = this.api.getPathForFile?.bind(this.api);
    const paths = getPath === undefined ? [] : files.map((file) => getPath(file)).filter((path) => path !== '');
    return paths.length === files.length ? this.importPaths(paths) : this.importFiles(files);
  }

  async importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const abort = new AbortController();
    this.fileImportAbort = abort;
    this.status = null;
    this.setProgress({ id: null, done: 0, total: files.length, current: '', stage: 'files', cancelling: false });
    try {
      const report = await this.sendFiles(
        files,
        (done, total) => {
          if (this.fileImportAbort === abort && this.progress !== null) this.setProgress({ ...this.progress, done, total });
        },
        abort.signal,
      );
      this.showReport(report);
    } catch (error) {
      this.fail(error);
    } finally {
      if (this.fileImportAbort === abort) this.fileImportAbort = null;
    }
  }

  async importPaths(paths: string[]): Promise<void> {
    this.status = null;
    // The number of files is known once main has read the folders: its first progress event says.
    this.setProgress({ id: null, done: 0, total: 0, current: '', stage: 'files', cancelling: false });
    try {
      this.showReport(await this.api.importPaths({ paths }));
    } catch (error) {
      this.fail(error);
    }
  }

  cancel(): void {
    const progress = this.progress;
    if (progress === null || progress.cancelling) return;
    this.setProgress({ ...progress, cancelling: true });
    if (progress.id === null) {
      // Files sent in batches stop before the next batch; an import by path whose id is not known
      // yet is cancelled as soon as its first progress event names it.
      this.fileImportAbort?.abort();
      return;
    }
    this.cancelInMain(progress.id);
  }

  /** Main's progress event for an import by path. */
  progressed(event: ProgressEvent): void {
    if (this.finishedImports.has(event.id)) return;
    const before = this.progress;
    const cancelling = before?.cancelling ?? false;
    this.setProgress({ id: event.id, done: event.done, total: event.total, current: event.current, stage: event.stage, cancelling });
    if (cancelling && before?.id === null && this.fileImportAbort === null) this.cancelInMain(event.id);
  }

  /** Main says the library changed, with the report of the import that changed it, if one did. */
  libraryChanged(report: ImportReport | null): void {
    // An import by path is over (main announces its end after its last progress event).
    if (this.progress?.id != null) this.finishProgress();
    if (report !== null && reportKey(report) !== this.lastReportKey) {
      this.lastReportKey = reportKey(report);
      this.setStatus({ kind: 'report', report });
    }
  }

  dismiss(): void {
    this.setStatus(null);
  }

  private showReport(report: ImportReport): void {
    this.finishProgress();
    this.lastReportKey = reportKey(report);
    this.setStatus({ kind: 'report', report });
    this.onImported();
  }

  private fail(error: unknown): void {
    this.finishProgress();
    this.setStatus({ kind: 'error', message: messageOf(error) });
    this.onImported();
  }

  private finishProgress(): void {
    if (this.progress?.id != null) this.finishedImports.add(this.progress.id);
    this.setProgress(null);
  }

  private cancelInMain(id: number): void {
    this.api.cancelImport({ id }).catch((error: unknown) => console.warn('sahifa: cancelling the import failed', error));
  }

  private setProgress(progress: ImportProgressState | null): void {
    this.progress = progress;
    this.host.requestUpdate();
  }

  private setStatus(status: ImportStatus | null): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
