/**
 * What the desktop shell does for the handlers (main/handlers.ts Platform): the open and save
 * dialogs, links to the system browser after a click, events to the window. No Electron here:
 * dialogs and the browser come in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importableExtensions, type SahifaEvent } from '../common';
import type { Dialogs } from './dialogs';
import type { Platform } from './handlers';
import type { ShellStrings } from './shell-strings';
import type { UserActivation } from './user-activation';


export interface DesktopPlatformDeps {
  dialogs: Dialogs;
  strings(): ShellStrings;
  notify(event: SahifaEvent): void;
  /** The reader's clicks and key presses in the window (main/user-activation.ts). */
  userActivation: UserActivation;
  /** Opens a URL in the system browser; rejects when it cannot. */
  openInBrowser(url: string): Promise<void>;
  /** Where a save dialog starts. */
  documentsDir(): string;
}

export function desktopPlatform(deps: DesktopPlatformDeps): Platform {
  return {
    // Import progress and library changes, from imports running on worker threads.
    notify: deps.notify,
    pickFiles: () => {
      const s = deps.strings().importDialog;
      return deps.dialogs.open({
        title: s.title,
        buttonLabel: s.button,
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: s.articles, extensions: [...importableExtensions] },
          { name: s.allFiles, extensions: ['*'] },
        ],
      });
    },
    openExternal: async (url) => {
      // The renderer asks after a click; a renderer that asks by itself gets nothing.
      if (!deps.userActivation.consume()) {
        console.error('sahifa: refused to open a link without a click or key press first');
        return false;
      }
      try {
        await deps.openInBrowser(url);
        return true;
      } catch {
        return false;
      }
    },
    // Exporting one article: the save dialog picks where; nothing is written on cancel.
    saveFile: async ({ defaultName, content, filterName, extensions }) => {
      const target = await deps.dialogs.save({
        defaultPath: path.join(deps.documentsDir(), defaultName),
        filters: [{ name: filterName, extensions }],
      });
      if (!target) return false;
      await fs.promises.writeFile(target, content, 'utf8');
      return true;
    },
  };
}
