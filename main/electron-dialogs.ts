/** Electron's system dialogs behind the Dialogs interface, attached to the window when there is one. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './dialogs';

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async open(options) {
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async save(options) {
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async message(options) {
      const parent = window();
      const full = { ...options, title: 'Sahifa', noLink: true };
      const result = parent ? await dialog.showMessageBox(parent, full) : await dialog.showMessageBox(full);
      return result.response;
    },
    error(message) {
      dialog.showErrorBox('Sahifa', message);
    },
  };
}
