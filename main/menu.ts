/**
 * The application menu, in Arabic. Commands that need the renderer (focus the search box, refresh
 * the list) reach it as events on EVENT_CHANNEL.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ExportFormat } from '../common';

export interface MenuActions {
  /** ملف › استيراد… : the file dialog, then the import, in main. */
  importFiles(): void;
  /** بحث › البحث في المكتبة */
  focusSearch(): void;
  /** ملف › نسخ احتياطي… : a consistent copy of the library, while it stays open. */
  backup(): void;
  /** ملف › استعادة من نسخة احتياطية… : the current library is kept aside, never deleted. */
  restore(): void;
  /** ملف › تصدير › … : every article, one file each, into a folder. */
  exportAs(format: ExportFormat): void;
}

export function buildMenu(actions: MenuActions, options: { isDev: boolean; isMac: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu', label: 'صحيفة' });

  template.push(
    {
      label: 'ملف',
      submenu: [
        { label: 'استيراد…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        {
          label: 'تصدير',
          submenu: [
            { label: 'Markdown…', click: () => actions.exportAs('md') },
            { label: 'JSON…', click: () => actions.exportAs('json') },
            { label: 'HTML…', click: () => actions.exportAs('html') },
          ],
        },
        { type: 'separator' },
        { label: 'نسخ احتياطي…', click: () => actions.backup() },
        { label: 'استعادة من نسخة احتياطية…', click: () => actions.restore() },
        { type: 'separator' },
        options.isMac ? { role: 'close', label: 'إغلاق النافذة' } : { role: 'quit', label: 'خروج' },
      ],
    },
    {
      label: 'تحرير',
      submenu: [
        { role: 'undo', label: 'تراجع' },
        { role: 'redo', label: 'إعادة' },
        { type: 'separator' },
        { role: 'cut', label: 'قص' },
        { role: 'copy', label: 'نسخ' },
        { role: 'paste', label: 'لصق' },
        { role: 'selectAll', label: 'تحديد الكل' },
      ],
    },
    {
      label: 'عرض',
      submenu: [
        ...(options.isDev
          ? ([
              { role: 'reload', label: 'إعادة التحميل' },
              { role: 'toggleDevTools', label: 'أدوات المطور' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: 'الحجم الأصلي' },
        { role: 'zoomIn', label: 'تكبير' },
        { role: 'zoomOut', label: 'تصغير' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'ملء الشاشة' },
      ],
    },
    {
      label: 'بحث',
      submenu: [{ label: 'البحث في المكتبة', accelerator: 'CmdOrCtrl+F', click: () => actions.focusSearch() }],
    },
  );
  if (options.isMac) template.push({ role: 'windowMenu', label: 'نافذة' });
  return Menu.buildFromTemplate(template);
}
