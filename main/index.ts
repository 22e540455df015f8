/**
 * The Electron main process: one window onto the library, the app:// protocol, the menu, and the
 * IPC handlers (thin: the work is in main/library and main/import through main/handlers.ts).
 * Bundled to out/main/index.cjs by scripts/build.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type WebContents } from 'electron';
import { EVENT_CHANNEL, importableExtensions, METHOD_NAMES, type ExportFormat, type SahifaEvent } from '../common';
import { importSamplesIfEmpty } from './first-run';
import { createHandlers, type Handlers, type Platform } from './handlers';
import { registerIpc } from './ipc';
import { exportArticles } from './library/export';
import { stopAllImports } from './import/jobs';
import { Library } from './library/library';
import { defaultLibraryPath } from './library/paths';
import {
  backupPath,
  backupsDir,
  inspectBackup,
  makeAutomaticBackup,
  openLibraryOrRecover,
  withoutTrace,
  type LibraryProblem,
  type RecoveryChoice,
} from './library/recovery';
import { restoreLibrary } from './library/restore';
import { buildMenu } from './menu';
import { nativeBindingPath } from './native';
import { APP_ENTRY } from './app-origin';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardWebContents, hardenSession } from './security';
import { UserActivation } from './user-activation';
import { fitToDisplays, MIN_SIZE, readWindowState, writeWindowState, type WindowState } from './window-state';

const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';

// out/main -> out/renderer, out/preload; assets/ in development, resources/ when packaged.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadFile = path.join(__dirname, '..', 'preload', 'index.cjs');
const samplesDir = app.isPackaged ? path.join(process.resourcesPath, 'samples') : path.join(__dirname, '..', '..', 'assets', 'samples');
const devIcon = path.join(__dirname, '..', '..', 'assets', 'icon.png');


// Tests run several instances side by side: each gets its own profile (and single-instance lock).
if (process.env.SAHIFA_USER_DATA) app.setPath('userData', path.resolve(process.env.SAHIFA_USER_DATA));

let mainWindow: BrowserWindow | null = null;
let library: Library | null = null;
let libraryFile = '';
/** The handlers of the library open now (a restore replaces both). */
let handlers: Handlers | null = null;
/** The reader's clicks and key presses in the window: a link opens only after one (main/user-activation.ts). */
const userActivation = new UserActivation();

function send(event: SahifaEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
}

const platform: Platform = {
  // Import progress and library changes, from imports running on worker threads.
  notify: send,
  pickFiles: async () => {
    const options: Electron.OpenDialogOptions = {
      title: 'استيراد مقالات',
      buttonLabel: 'استيراد',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'مقالات', extensions: [...importableExtensions] },
        { name: 'كل الملفات', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  },
  openExternal: async (url) => {
    // The renderer asks after a click; a renderer that asks by itself gets nothing.
    if (!userActivation.consume()) {
      console.error('sahifa: refused to open a link without a click or key press first');
      return false;
    }
    try {
      await shell.openExternal(url);
      return true;
    } catch {
      return false;
    }
  },
  // Exporting one article (issue 6): the save dialog picks where; nothing is written on cancel.
  saveFile: async ({ defaultName, content, filterName, extensions }) => {
    const options: Electron.SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), defaultName),
      filters: [{ name: filterName, extensions }],
    };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return false;
    await fs.promises.writeFile(result.filePath, content, 'utf8');
    return true;
  },
};

function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function createWindow(): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(readWindowState(windowStateFile()), workAreas);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Sahifa',
    show: false,
    backgroundColor: '#fbfaf7',
    ...(isDev && fs.existsSync(devIcon) ? { icon: devIcon } : {}),
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link fires auxclick, which can open windows a handler did not expect.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      devTools: isDev,
    },
  });
  window.webContents.on('input-event', (_event, input) => userActivation.noteInput(input));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // Remember the normal (unmaximized) bounds, so un-maximizing next time goes back to them.
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const saved: WindowState = { ...bounds, maximized: window.isMaximized() };
    writeWindowState(windowStateFile(), saved);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  void window.loadURL(APP_ENTRY);
  return window;
}

async function importFromMenu(): Promise<void> {
  if (!handlers) return;
  try {
    const picked = await handlers.pickAndImport({});
    if (picked.supported && picked.report) send({ type: 'library-changed', report: picked.report });
  } catch (error) {
    console.error('sahifa: import from the menu failed:', error);
    dialog.showErrorBox('Sahifa', `تعذّر الاستيراد: ${(error as Error).message}`);
  }
}

/** Calls reach the handlers of the library open at the time of the call, across restores. */
function currentHandlers(): Handlers {
  const forwarding: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    forwarding[name] = (args) => {
      if (!handlers) return Promise.reject(new Error('The library is being replaced; try again in a moment.'));
      return (handlers[name] as (args: unknown) => Promise<unknown>)(args);
    };
  }
  return forwarding as Handlers;
}

function setLibrary(opened: Library): void {
  library = opened;
  handlers = createHandlers({ library: opened, platform, nativeBinding: nativeBindingPath() });
}

async function showMessage(options: Electron.MessageBoxOptions): Promise<number> {
  const result = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return result.response;
}

/** A damaged library at start-up: the reader decides; nothing moves before that. */
async function askAboutDamagedLibrary(problem: LibraryProblem): Promise<RecoveryChoice> {
  const choices: { label: string; choice: RecoveryChoice }[] = [
    ...(problem.latestBackup ? [{ label: 'استعادة آخر نسخة احتياطية', choice: 'restore' as const }] : []),
    { label: 'بدء مكتبة جديدة', choice: 'new' },
    { label: 'خروج', choice: 'quit' },
  ];
  const response = await showMessage({
    type: 'error',
    title: 'Sahifa',
    message: 'مكتبة صحيفة تالفة ولا يمكن فتحها.',
    detail: [
      problem.message,
      'لم يُكتب في الملف شيء: سيُنقل جانبًا كما هو (لمحاولة استرجاعه لاحقًا) إن اخترت الاستعادة أو مكتبة جديدة.',
      problem.latestBackup ? `آخر نسخة احتياطية سليمة: ${problem.latestBackup}` : 'لا توجد نسخة احتياطية سليمة.',
    ].join('\n\n'),
    buttons: choices.map((c) => c.label),
    defaultId: 0,
    cancelId: choices.length - 1,
    noLink: true,
  });
  return choices[response]?.choice ?? 'quit';
}

async function backupFromMenu(): Promise<void> {
  if (!library) return;
  fs.mkdirSync(backupsDir(libraryFile), { recursive: true });
  const options: Electron.SaveDialogOptions = {
    title: 'نسخ احتياطي للمكتبة',
    buttonLabel: 'حفظ النسخة',
    defaultPath: backupPath(libraryFile, 'manual'),
    filters: [{ name: 'مكتبة صحيفة', extensions: ['sqlite'] }],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return;
  try {
    await library.backup(result.filePath);
    await showMessage({ type: 'info', title: 'Sahifa', message: 'حُفظت نسخة احتياطية من المكتبة.', detail: result.filePath });
  } catch (error) {
    dialog.showErrorBox('Sahifa', `تعذّر النسخ الاحتياطي: ${(error as Error).message}`);
  }
}

async function restoreFromMenu(): Promise<void> {
  if (!library) return;
  const options: Electron.OpenDialogOptions = {
    title: 'استعادة من نسخة احتياطية',
    buttonLabel: 'استعادة',
    defaultPath: backupsDir(libraryFile),
    properties: ['openFile'],
    filters: [
      { name: 'مكتبة صحيفة', extensions: ['sqlite'] },
      { name: 'كل الملفات', extensions: ['*'] },
    ],
  };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const backup = picked.canceled ? undefined : picked.filePaths[0];
  if (!backup) return;
  let articles: number;
  try {
    ({ articles } = inspectBackup(backup, nativeBindingPath()));
  } catch (error) {
    dialog.showErrorBox('Sahifa', `لا يمكن الاستعادة من هذا الملف: ${(error as Error).message}`);
    return;
  }
  const confirmed = await showMessage({
    type: 'warning',
    title: 'Sahifa',
    message: `استبدال المكتبة الحالية بالنسخة الاحتياطية (${articles} مقالة)؟`,
    detail: 'تُحفظ المكتبة الحالية جانبًا في مجلدها ولا تُحذف.',
    buttons: ['استعادة', 'إلغاء'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (confirmed !== 0) return;

  handlers = null;
  // An import still running would go on writing into the library being replaced.
  await stopAllImports();
  library.close();
  // Its search thread lets go of the file a moment later; the file is about to be replaced.
  await library.whenClosed();
  library = null;
  let previous: string | null = null;
  let failure: Error | null = null;
  try {
    ({ previous } = withoutTrace(backup, () => restoreLibrary(libraryFile, backup, nativeBindingPath())));
  } catch (error) {
    failure = error as Error;
  }
  try {
    // Reopened either way: the restored library, or the untouched one when the restore failed.
    setLibrary(Library.open(libraryFile, { nativeBinding: nativeBindingPath(), verify: true, parallelSearch: true }));
  } catch (error) {
    dialog.showErrorBox('Sahifa', `تعذّر فتح المكتبة بعد الاستعادة: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  send({ type: 'library-changed', report: null });
  if (failure) dialog.showErrorBox('Sahifa', `تعذّرت الاستعادة: ${failure.message}`);
  else await showMessage({ type: 'info', title: 'Sahifa', message: `استُعيدت ${articles} مقالة.`, detail: previous ? `المكتبة السابقة محفوظة في: ${previous}` : '' });
}

const EXPORT_NAMES: Record<ExportFormat, string> = { md: 'Markdown', json: 'JSON', html: 'HTML' };

async function exportFromMenu(format: ExportFormat): Promise<void> {
  if (!library) return;
  const options: Electron.OpenDialogOptions = {
    title: `تصدير المقالات (${EXPORT_NAMES[format]})`,
    buttonLabel: 'تصدير إلى هذا المجلد',
    properties: ['openDirectory', 'createDirectory'],
  };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const folder = picked.canceled ? undefined : picked.filePaths[0];
  if (!folder) return;
  try {
    const written = exportArticles(library.articles(), format, folder);
    await showMessage({ type: 'info', title: 'Sahifa', message: `صُدِّرت ${written} مقالة.`, detail: folder });
  } catch (error) {
    dialog.showErrorBox('Sahifa', `تعذّر التصدير: ${(error as Error).message}`);
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);

  libraryFile = defaultLibraryPath();
  try {
    // quick_check first: a damaged library is never written to; the reader chooses what happens.
    const outcome = await openLibraryOrRecover(libraryFile, {
      verify: true,
      nativeBinding: nativeBindingPath(),
      parallelSearch: true,
      choose: askAboutDamagedLibrary,
    });
    if (outcome.status === 'quit') {
      app.exit(1);
      return;
    }
    setLibrary(outcome.library);
    if (outcome.recovery?.damagedKeptAs) {
      await showMessage({
        type: 'info',
        title: 'Sahifa',
        message: outcome.recovery.action === 'restore' ? 'استُعيدت آخر نسخة احتياطية.' : 'بدأت مكتبة جديدة.',
        detail: `المكتبة التالفة محفوظة كما هي في: ${outcome.recovery.damagedKeptAs}`,
      });
    }
  } catch (error) {
    dialog.showErrorBox('Sahifa', `تعذّر فتح المكتبة: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  const opened = library!;
  try {
    await importSamplesIfEmpty(opened, samplesDir);
  } catch (error) {
    // A welcome, not a requirement.
    console.error('sahifa: samples not imported:', error);
  }

  registerIpc(ipcMain, currentHandlers(), (): WebContents | null => mainWindow?.webContents ?? null);
  Menu.setApplicationMenu(
    buildMenu(
      {
        importFiles: () => void importFromMenu(),
        focusSearch: () => send({ type: 'focus-search' }),
        backup: () => void backupFromMenu(),
        restore: () => void restoreFromMenu(),
        exportAs: (format) => void exportFromMenu(format),
      },
      { isDev, isMac },
    ),
  );
  mainWindow = createWindow();
  // The day's automatic backup, of a library that just passed its check.
  makeAutomaticBackup(opened).catch((error: unknown) => console.error('sahifa: automatic backup failed:', error));
}

if (!app.requestSingleInstanceLock()) {
  // Another Sahifa has the library open: it shows itself (second-instance below), this one leaves.
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('org.sahifa.reader');

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });

  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  app.on('will-quit', () => {
    library?.close();
    library = null;
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('sahifa: failed to start:', error);
      app.exit(1);
    });
}
