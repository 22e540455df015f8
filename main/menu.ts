/**
 * The application menu, in the interface's language (main/shell-strings.ts). Commands that need
 * the renderer (focus the search box, refresh the list) reach it as events on EVENT_CHANNEL.
 * Electron only as types: the shell builds the menu from this template.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ExportFormat, MenuCommand } from '../common';
import type { ShellStrings } from './shell-strings';

export interface MenuActions {
  /** File › Import… : the file dialog, then the import, in main. */
  importFiles(): Promise<void>;
  /** Search › Search the Library */
  focusSearch(): Promise<void>;
  /** File › Back Up… : a consistent copy of the library, while it stays open. */
  backup(): Promise<void>;
  /** File › Restore from Backup… : the current library is kept aside, never deleted. */
  restore(): Promise<void>;
  /** File › Export › … : every article, one file each, into a folder. */
  exportAs(format: ExportFormat): Promise<void>;
  /** File › Import Subscriptions (OPML)… : the file dialog, then the same import as the window's. */
  importOpml(): Promise<void>;
  /** File › Subscribe…, Refresh All Feeds, Export Subscriptions (OPML)… : the window's own commands. */
  windowCommand(command: MenuCommand): Promise<void>;
}

export function menuTemplate(actions: MenuActions, strings: ShellStrings, options: { isDev: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const s = strings.menu;
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu', label: s.app });

  template.push(
    {
      label: s.file,
      submenu: [
        { label: s.importFiles, accelerator: 'CmdOrCtrl+O', click: () => void actions.importFiles() },
        { type: 'separator' },
        // Refreshing is F5 (as in other feed readers), never Ctrl+R: that reloads the window in development.
        { label: s.subscribe, accelerator: 'CmdOrCtrl+N', click: () => void actions.windowCommand('subscribe') },
        { label: s.refreshFeeds, accelerator: 'F5', click: () => void actions.windowCommand('refresh-feeds') },
        { label: s.importOpml, click: () => void actions.importOpml() },
        { label: s.exportOpml, click: () => void actions.windowCommand('export-opml') },
        { type: 'separator' },
        {
          label: s.export,
          submenu: [
            { label: 'Markdown…', click: () => void actions.exportAs('md') },
            { label: 'JSON…', click: () => void actions.exportAs('json') },
            { label: 'HTML…', click: () => void actions.exportAs('html') },
          ],
        },
        { type: 'separator' },
        { label: s.backup, click: () => void actions.backup() },
        { label: s.restore, click: () => void actions.restore() },
        { type: 'separator' },
        options.isMac ? { role: 'close', label: s.closeWindow } : { role: 'quit', label: s.quit },
      ],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        { type: 'separator' },
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        ...(options.isDev
          ? ([
              { role: 'reload', label: s.reload },
              { role: 'toggleDevTools', label: s.devTools },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: s.fullScreen },
      ],
    },
    {
      label: s.search,
      submenu: [{ label: s.searchLibrary, accelerator: 'CmdOrCtrl+F', click: () => void actions.focusSearch() }],
    },
  );
  if (options.isMac) template.push({ role: 'windowMenu', label: s.window });
  return template;
}
