/** The application menu (main/menu.ts) speaks the interface language, and its items run their commands. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../common';
import { menuTemplate, type MenuActions } from '../../../main/menu';
import { shellStrings } from '../../../main/shell-strings';

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    importFiles: async () => void calls.push('import'),
    focusSearch: async () => void calls.push('search'),
    backup: async () => void calls.push('backup'),
    restore: async () => void calls.push('restore'),
    exportAs: async (format: ExportFormat) => void calls.push(`export ${format}`),
    importOpml: async () => void calls.push('import opml'),
    windowCommand: async (command) => void calls.push(command),
  };
  return { calls, actions };
}

/** Every labelled item, depth first, as "Top › Item". */
function labels(items: MenuItemConstructorOptions[], prefix = ''): string[] {
  return items.flatMap((item) => {
    if (!item.label) return [];
    const name = prefix ? `${prefix} › ${item.label}` : item.label;
    return [name, ...(Array.isArray(item.submenu) ? labels(item.submenu, name) : [])];
  });
}

function find(items: MenuItemConstructorOptions[], path: string[]): MenuItemConstructorOptions {
  const [first, ...rest] = path;
  const item = items.find((candidate) => candidate.label === first);
  if (!item) throw new Error(`no menu item ${first}`);
  return rest.length === 0 ? item : find(item.submenu as MenuItemConstructorOptions[], rest);
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('the application menu', () => {
  it('is in Arabic for the Arabic interface and in English for the English one', () => {
    const { actions } = recordingActions();
    const arabic = labels(menuTemplate(actions, shellStrings.ar, { isDev: false, isMac: false }));
    const english = labels(menuTemplate(actions, shellStrings.en, { isDev: false, isMac: false }));
    expect(arabic).toContain('ملف › نسخ احتياطي…');
    expect(arabic).toContain('بحث › البحث في المكتبة');
    expect(english).toContain('File › Back Up…');
    expect(english).toContain('File › Restore from Backup…');
    expect(english).toContain('Search › Search the Library');
    // The same menu, item for item, in each language; no Arabic label left in the English one.
    expect(english).toHaveLength(arabic.length);
    expect(english.filter((label) => /[\u0600-\u06ff]/.test(label))).toEqual([]);
  });

  it('runs each command from its item, in either language', () => {
    for (const [strings, path] of [
      [shellStrings.en, { file: 'File', importFiles: 'Import…', export: 'Export', backup: 'Back Up…', restore: 'Restore from Backup…', search: 'Search', searchLibrary: 'Search the Library' }],
      [shellStrings.ar, { file: 'ملف', importFiles: 'استيراد…', export: 'تصدير', backup: 'نسخ احتياطي…', restore: 'استعادة من نسخة احتياطية…', search: 'بحث', searchLibrary: 'البحث في المكتبة' }],
    ] as const) {
      const { calls, actions } = recordingActions();
      const template = menuTemplate(actions, strings, { isDev: false, isMac: true });
      click(find(template, [path.file, path.importFiles]));
      click(find(template, [path.file, path.export, 'JSON…']));
      click(find(template, [path.file, path.backup]));
      click(find(template, [path.file, path.restore]));
      click(find(template, [path.search, path.searchLibrary]));
      expect(calls).toEqual(['import', 'export json', 'backup', 'restore', 'search']);
    }
  });

  it('has the subscriptions in the File menu, routed to the window\'s own commands, with keys that clash with nothing', () => {
    for (const [strings, file, items] of [
      [shellStrings.en, 'File', ['Subscribe…', 'Refresh All Feeds', 'Import Subscriptions (OPML)…', 'Export Subscriptions (OPML)…']],
      [shellStrings.ar, 'ملف', ['اشترك في موقع أو خلاصة…', 'حدّث كل الخلاصات', 'استورد اشتراكات (OPML)…', 'صدّر الاشتراكات (OPML)…']],
    ] as const) {
      const { calls, actions } = recordingActions();
      const template = menuTemplate(actions, strings, { isDev: true, isMac: false });
      for (const item of items) click(find(template, [file, item]));
      expect(calls).toEqual(['subscribe', 'refresh-feeds', 'import opml', 'export-opml']);
      const accelerators = (function all(list: MenuItemConstructorOptions[]): string[] {
        return list.flatMap((item) => [...(typeof item.accelerator === 'string' ? [item.accelerator] : []), ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
      })(template);
      expect(new Set(accelerators).size).toBe(accelerators.length);
      // Ctrl+R reloads the window (the developer menu's reload role); refreshing feeds must not take it.
      expect(find(template, [file, items[1]]).accelerator).toBe('F5');
      expect(find(template, [file, items[0]]).accelerator).toBe('CmdOrCtrl+N');
      expect(accelerators).not.toContain('CmdOrCtrl+R');
    }
  });

  it('offers the developer tools only in development', () => {
    const { actions } = recordingActions();
    expect(labels(menuTemplate(actions, shellStrings.en, { isDev: true, isMac: false }))).toContain('View › Developer Tools');
    expect(labels(menuTemplate(actions, shellStrings.en, { isDev: false, isMac: false }))).not.toContain('View › Developer Tools');
  });
});
