/** The app's one window: locked-down web preferences, remembered bounds, the renderer's entry page. */
import fs from 'node:fs';
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY } from './app-origin';
import type { UserActivation } from './user-activation';
import { fitToDisplays, MIN_SIZE, readWindowState, writeWindowState, type WindowState } from './window-state';

export interface WindowOptions {
  preloadFile: string;
  /** Where the window's bounds are remembered between runs. */
  stateFile: string;
  /** Development builds get devtools and the repository's icon. */
  isDev: boolean;
  devIcon: string;
  /** Receives the window's clicks and key presses: a link opens only after one. */
  userActivation: UserActivation;
}

export function createWindow(options: WindowOptions): BrowserWindow {
  const { preloadFile } = options;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(readWindowState(options.stateFile), workAreas);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Sahifa',
    show: false,
    backgroundColor: '#fbfaf7',
    ...(options.isDev && fs.existsSync(options.devIcon) ? { icon: options.devIcon } : {}),
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
      devTools: options.isDev,
    },
  });
  window.webContents.on('input-event', (_event, input) => options.userActivation.noteInput(input));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // Remember the normal (unmaximized) bounds, so un-maximizing next time goes back to them.
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const saved: WindowState = { ...bounds, maximized: window.isMaximized() };
    writeWindowState(options.stateFile, saved);
  });

  void window.loadURL(APP_ENTRY);
  return window;
}
