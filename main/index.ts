/**
 * The Electron main process: the app's life cycle, wiring the pieces together. The window is in
 * window.ts, the menu in menu.ts and menu-commands.ts, the dialogs in electron-dialogs.ts, what the
 * handlers ask of the shell in desktop-platform.ts, the open library in library-session.ts; the
 * work is in main/library and main/import through main/handlers.ts.
 * Bundled to out/main/index.cjs by scripts/build.mjs.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { EVENT_CHANNEL, type SahifaEvent } from '../common';
import { askAboutDamagedLibrary } from './damaged-library-dialog';
import { desktopPlatform } from './desktop-platform';
import { electronDialogs } from './electron-dialogs';
import { importSamplesIfEmpty } from './first-run';
import { createHandlers, storedSettings } from './handlers';
import { registerIpc } from './ipc';
import { defaultLibraryPath } from './library/paths';
import { openLibraryOrRecover, type RecoveryOutcome } from './library/recovery';
import { LibrarySession } from './library-session';
import { ThreadRefresher } from './feed-refresher';
import { menuTemplate, type MenuActions } from './menu';
import { menuCommands } from './menu-commands';
import { nativeBindingPath } from './native';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardWebContents, hardenSession } from './security';
import { ShellLanguage } from './shell-language';
import { UserActivation } from './user-activation';
import { createWindow } from './window';

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
/** The reader's clicks and key presses in the window: a link opens only after one (main/user-activation.ts). */
const userActivation = new UserActivation();
const dialogs = electronDialogs(() => mainWindow);
/** The menu and the dialogs speak the interface language, and follow it when it changes. */
const shellLanguage = new ShellLanguage(() => setApplicationMenu());
const strings = () => shellLanguage.strings();
/** The menu's commands, once the library is open. */
let commands: MenuActions | null = null;

function setApplicationMenu(): void {
  if (commands) Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(commands, strings(), { isDev, isMac })));
}

function send(event: SahifaEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
}

const platform = desktopPlatform({
  dialogs,
  strings,
  notify: send,
  userActivation,
  openInBrowser: (url) => shell.openExternal(url),
  documentsDir: () => app.getPath('documents'),
  settingsChanged: (settings) => shellLanguage.follow(settings.language),
});

const librarySession = new LibrarySession(defaultLibraryPath(), (library) => {
  // Feeds refresh on their own thread while the library is open; it stops before the library closes.
  const refresher = new ThreadRefresher(library.file, { nativeBinding: nativeBindingPath(), notify: send });
  return { handlers: createHandlers({ library, platform, nativeBinding: nativeBindingPath(), refresher }), stop: () => refresher.stop() };
});

function openWindow(): BrowserWindow {
  const window = createWindow({
    preloadFile,
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    isDev,
    devIcon,
    userActivation,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** The library, checked and opened as every shell opens it; a damaged one is asked about in a dialog. */
async function openLibrary(): Promise<RecoveryOutcome> {
  const outcome = await openLibraryOrRecover(librarySession.file, {
    nativeBinding: nativeBindingPath(),
    parallelSearch: true,
    choose: (problem) => askAboutDamagedLibrary(dialogs, strings(), problem),
  });
  if (outcome.status === 'opened') shellLanguage.follow(storedSettings(outcome.library).language);
  return outcome;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);

  try {
    // Checked first: a damaged library is never written to; the reader chooses what happens.
    const outcome = await openLibrary();
    if (outcome.status === 'quit') {
      app.exit(1);
      return;
    }
    librarySession.use(outcome.library);
    // The day's automatic backup, of a library that just passed its check, goes on in the background.
    outcome.automaticBackup.catch((error: unknown) => console.error('sahifa: automatic backup failed:', error));
    if (outcome.recovery?.damagedKeptAs) {
      const s = strings().recovered;
      await dialogs.message({
        type: 'info',
        message: outcome.recovery.action === 'restore' ? s.restored : s.startedNew,
        detail: s.damagedKeptAt(outcome.recovery.damagedKeptAs),
      });
    }
  } catch (error) {
    dialogs.error(strings().cannotOpen((error as Error).message));
    app.exit(1);
    return;
  }
  const opened = librarySession.library!;
  try {
    await importSamplesIfEmpty(opened, samplesDir);
  } catch (error) {
    // A welcome, not a requirement.
    console.error('sahifa: samples not imported:', error);
  }

  registerIpc(ipcMain, librarySession.handlers(), (): WebContents | null => mainWindow?.webContents ?? null);
  commands = menuCommands({
    session: librarySession,
    dialogs,
    strings,
    notify: send,
    reopen: async () => {
      const outcome = await openLibrary();
      if (outcome.status === 'quit') throw new Error(outcome.problem.message);
      return outcome.library;
    },
    fail: () => app.exit(1),
    nativeBinding: nativeBindingPath(),
  });
  setApplicationMenu();
  mainWindow = openWindow();
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
    if (librarySession.library && BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Quits once the refresh thread has finished its last write and the library is closed.
    event.preventDefault();
    closed = true;
    void librarySession.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('sahifa: failed to start:', error);
      app.exit(1);
    });
}
