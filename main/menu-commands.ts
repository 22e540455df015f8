/**
 * What the menu's commands do: import, back up, restore and export, each through the system
 * dialogs, in the interface's language. No Electron here: the dialogs come in (main/dialogs.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat, SahifaEvent } from '../common';
import type { Dialogs } from './dialogs';
import { invokeMethod } from './handlers';
import { exportArticles } from './library/export';
import type { Library } from './library/library';
import { backupPath, backupsDir, inspectBackup, withoutTrace } from './library/recovery';
import { restoreLibrary } from './library/restore';
import type { LibrarySession } from './library-session';
import type { MenuActions } from './menu';
import type { ShellStrings } from './shell-strings';

export interface MenuCommandDeps {
  session: LibrarySession;
  dialogs: Dialogs;
  /** The strings of the interface's language at the time of the command. */
  strings(): ShellStrings;
  notify(event: SahifaEvent): void;
  /** Opens the session's library again after a restore (checked as at start-up). */
  reopen(): Promise<Library>;
  /** The library cannot be opened again: the app ends. */
  fail(): void;
  nativeBinding?: string;
}

export function menuCommands(deps: MenuCommandDeps): MenuActions {
  const { session, dialogs, strings, notify } = deps;

  async function importFiles(): Promise<void> {
    const handlers = session.library ? session.handlers() : null;
    if (!handlers) return;
    try {
      const picked = await handlers.pickAndImport({});
      if (picked.supported && picked.report) notify({ type: 'library-changed', report: picked.report });
    } catch (error) {
      console.error('sahifa: import from the menu failed:', error);
      dialogs.error(strings().importFailed((error as Error).message));
    }
  }

  async function backup(): Promise<void> {
    const library = session.library;
    if (!library) return;
    const s = strings();
    fs.mkdirSync(backupsDir(session.file), { recursive: true });
    const target = await dialogs.save({
      title: s.backupDialog.title,
      buttonLabel: s.backupDialog.button,
      defaultPath: backupPath(session.file, 'manual'),
      filters: [{ name: s.library, extensions: ['sqlite'] }],
    });
    if (!target) return;
    try {
      await library.backup(target);
      await dialogs.message({ type: 'info', message: s.backupSaved, detail: target });
    } catch (error) {
      dialogs.error(s.backupFailed((error as Error).message));
    }
  }

  async function restore(): Promise<void> {
    if (!session.library) return;
    const s = strings();
    const picked = await dialogs.open({
      title: s.restoreDialog.title,
      buttonLabel: s.restoreDialog.button,
      defaultPath: backupsDir(session.file),
      properties: ['openFile'],
      filters: [
        { name: s.library, extensions: ['sqlite'] },
        { name: s.importDialog.allFiles, extensions: ['*'] },
      ],
    });
    const chosen = picked?.[0];
    if (!chosen) return;
    let articles: number;
    try {
      ({ articles } = inspectBackup(chosen, deps.nativeBinding));
    } catch (error) {
      dialogs.error(s.cannotRestoreFrom((error as Error).message));
      return;
    }
    const confirmed = await dialogs.message({
      type: 'warning',
      message: s.confirmRestore(articles),
      detail: s.confirmRestoreDetail,
      buttons: [s.restoreButton, s.cancelButton],
      defaultId: 1,
      cancelId: 1,
    });
    if (confirmed !== 0) return;

    await session.release();
    let previous: string | null = null;
    let failure: Error | null = null;
    try {
      ({ previous } = withoutTrace(chosen, () => restoreLibrary(session.file, chosen, deps.nativeBinding)));
    } catch (error) {
      failure = error as Error;
    }
    try {
      // Reopened either way: the restored library, or the untouched one when the restore failed.
      session.use(await deps.reopen());
    } catch (error) {
      dialogs.error(s.cannotReopen((error as Error).message));
      deps.fail();
      return;
    }
    notify({ type: 'library-changed', report: null });
    if (failure) dialogs.error(s.restoreFailed(failure.message));
    else await dialogs.message({ type: 'info', message: s.restored(articles), detail: previous ? s.previousKeptAt(previous) : '' });
  }

  async function exportAs(format: ExportFormat): Promise<void> {
    const library = session.library;
    if (!library) return;
    const s = strings();
    const picked = await dialogs.open({
      title: s.exportDialog.title(format),
      buttonLabel: s.exportDialog.button,
      properties: ['openDirectory', 'createDirectory'],
    });
    const folder = picked?.[0];
    if (!folder) return;
    try {
      const written = exportArticles(library.articles(), format, folder);
      await dialogs.message({ type: 'info', message: s.exported(written), detail: folder });
    } catch (error) {
      dialogs.error(s.exportFailed((error as Error).message));
    }
  }

  /** Through the same method as the window's import (validated like any call), then says what it added. */
  async function importOpml(): Promise<void> {
    const handlers = session.library ? session.handlers() : null;
    if (!handlers) return;
    const s = strings();
    const picked = await dialogs.open({
      title: s.opmlDialog.title,
      buttonLabel: s.opmlDialog.button,
      properties: ['openFile'],
      filters: [
        { name: s.opmlDialog.opml, extensions: ['opml', 'xml'] },
        { name: s.importDialog.allFiles, extensions: ['*'] },
      ],
    });
    const chosen = picked?.[0];
    if (!chosen) return;
    let outcome;
    try {
      outcome = await invokeMethod(handlers, 'importOpml', { name: path.basename(chosen), base64: fs.readFileSync(chosen).toString('base64') });
    } catch (error) {
      dialogs.error(s.opmlImportFailed((error as Error).message));
      return;
    }
    if ('error' in outcome) {
      dialogs.error(s.opmlImportFailed(outcome.error.message));
      return;
    }
    const report = outcome.result as { added: number; existing: number };
    notify({ type: 'library-changed', report: null });
    await dialogs.message({ type: 'info', message: s.opmlImported(report.added, report.existing), detail: chosen });
  }

  return {
    importFiles,
    importOpml,
    windowCommand: async (command) => notify({ type: 'menu-command', command }),
    focusSearch: async () => notify({ type: 'focus-search' }),
    backup,
    restore,
    exportAs,
  };
}
