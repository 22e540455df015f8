/**
 * The Electron main process: one window onto the library, the app:// protocol, the menu, and the
 * IPC handlers (thin: the work is in main/library and main/import through main/handlers.ts).
 * Bundled to out/main/index.cjs by scripts/build.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type WebContents } from 'electron';
import { EVENT_CHANNEL, type SahifaEvent } from '../preload/api';
import { importSamplesIfEmpty } from './first-run';
import { createHandlers, type Handlers, type Platform } from './handlers';
import { registerIpc } from './ipc';
import { Library } from './library/library';
import { defaultLibraryPath } from './library/paths';
import { buildMenu } from './menu';
import { nativeBindingPath } from './native';
import { APP_ENTRY } from './app-origin';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardWebContents, hardenSession } from './security';
import { fitToDisplays, MIN_SIZE, readWindowState, writeWindowState, type WindowState } from './window-state';

const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';

// out/main -> out/renderer, out/preload; assets/ in development, resources/ when packaged.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadFile = path.join(__dirname, '..', 'preload', 'index.cjs');
const samplesDir = app.isPackaged ? path.join(process.resourcesPath, 'samples') : path.join(__dirname, '..', '..', 'assets', 'samples');
const devIcon = path.join(__dirname, '..', '..', 'assets', 'icon.png');

/** File dialog filter: what the importers read. */
const IMPORTABLE = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'mhtml', 'mht', 'xml', 'rss', 'atom', 'rdf', 'json', 'epub', 'zip'];

// Tests run several instances side by side: each gets its own profile (and single-instance lock).
if (process.env.SAHIFA_USER_DATA) app.setPath('userData', path.resolve(process.env.SAHIFA_USER_DATA));

let mainWindow: BrowserWindow | null = null;
let library: Library | null = null;

function send(event: SahifaEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
}

const platform: Platform = {
  pickFiles: async () => {
    const options: Electron.OpenDialogOptions = {
      title: 'استيراد مقالات',
      buttonLabel: 'استيراد',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'مقالات', extensions: IMPORTABLE },
        { name: 'كل الملفات', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  },
  openExternal: async (url) => {
    try {
      await shell.openExternal(url);
      return true;
    } catch {
      return false;
    }
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
      spellcheck: false,
      safeDialogs: true,
      devTools: isDev,
    },
  });
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

async function importFromMenu(handlers: Handlers): Promise<void> {
  try {
    const picked = await handlers.pickAndImport({});
    if (picked.supported && picked.report) send({ type: 'library-changed', report: picked.report });
  } catch (error) {
    console.error('sahifa: import from the menu failed:', error);
    dialog.showErrorBox('Sahifa', `تعذّر الاستيراد: ${(error as Error).message}`);
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);

  const file = defaultLibraryPath();
  try {
    library = Library.open(file, { nativeBinding: nativeBindingPath() });
  } catch (error) {
    dialog.showErrorBox('Sahifa', `تعذّر فتح المكتبة: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  try {
    await importSamplesIfEmpty(library, samplesDir);
  } catch (error) {
    // A welcome, not a requirement.
    console.error('sahifa: samples not imported:', error);
  }

  const handlers = createHandlers({ library, platform });
  registerIpc(ipcMain, handlers, (): WebContents | null => mainWindow?.webContents ?? null);
  Menu.setApplicationMenu(
    buildMenu(
      {
        importFiles: () => void importFromMenu(handlers),
        focusSearch: () => send({ type: 'focus-search' }),
      },
      { isDev, isMac },
    ),
  );
  mainWindow = createWindow();
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
