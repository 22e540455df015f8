/**
 * What the desktop shell says itself (the application menu and the system dialogs), in each
 * interface language. The renderer has its own strings (renderer/i18n); these are the few main
 * shows, chosen by the same `language` setting.
 */
import type { ExportFormat, UiLanguage } from '../common';

export interface ShellStrings {
  menu: {
    app: string;
    file: string;
    importFiles: string;
    subscribe: string;
    refreshFeeds: string;
    importOpml: string;
    exportOpml: string;
    export: string;
    backup: string;
    restore: string;
    closeWindow: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    view: string;
    reload: string;
    devTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    fullScreen: string;
    search: string;
    searchLibrary: string;
    window: string;
  };
  importDialog: { title: string; button: string; articles: string; allFiles: string };
  importFailed(reason: string): string;
  library: string;
  backupDialog: { title: string; button: string };
  backupSaved: string;
  backupFailed(reason: string): string;
  restoreDialog: { title: string; button: string };
  cannotRestoreFrom(reason: string): string;
  confirmRestore(articles: number): string;
  confirmRestoreDetail: string;
  restoreButton: string;
  cancelButton: string;
  cannotReopen(reason: string): string;
  restoreFailed(reason: string): string;
  restored(articles: number): string;
  previousKeptAt(file: string): string;
  exportDialog: { title(format: ExportFormat): string; button: string };
  exported(articles: number): string;
  exportFailed(reason: string): string;
  opmlDialog: { title: string; button: string; opml: string };
  opmlImported(added: number, existing: number): string;
  opmlImportFailed(reason: string): string;
  damaged: {
    message: string;
    nothingWritten: string;
    latestBackup(file: string): string;
    noBackup: string;
    restore: string;
    startNew: string;
    quit: string;
  };
  recovered: { restored: string; startedNew: string; damagedKeptAt(file: string): string };
  cannotOpen(reason: string): string;
  /** The browser mode's page while the library opens, and after "quit". */
  opening: string;
  stopped: string;
}

const EXPORT_NAMES: Record<ExportFormat, string> = { md: 'Markdown', json: 'JSON', html: 'HTML' };

const ar: ShellStrings = {
  menu: {
    app: 'صحيفة',
    file: 'ملف',
    importFiles: 'استيراد…',
    subscribe: 'اشترك في موقع أو خلاصة…',
    refreshFeeds: 'حدّث كل الخلاصات',
    importOpml: 'استورد اشتراكات (OPML)…',
    exportOpml: 'صدّر الاشتراكات (OPML)…',
    export: 'تصدير',
    backup: 'نسخ احتياطي…',
    restore: 'استعادة من نسخة احتياطية…',
    closeWindow: 'إغلاق النافذة',
    quit: 'خروج',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    view: 'عرض',
    reload: 'إعادة التحميل',
    devTools: 'أدوات المطور',
    resetZoom: 'الحجم الأصلي',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    fullScreen: 'ملء الشاشة',
    search: 'بحث',
    searchLibrary: 'البحث في المكتبة',
    window: 'نافذة',
  },
  importDialog: { title: 'استيراد مقالات', button: 'استيراد', articles: 'مقالات', allFiles: 'كل الملفات' },
  importFailed: (reason) => `تعذّر الاستيراد: ${reason}`,
  library: 'مكتبة صحيفة',
  backupDialog: { title: 'نسخ احتياطي للمكتبة', button: 'حفظ النسخة' },
  backupSaved: 'حُفظت نسخة احتياطية من المكتبة.',
  backupFailed: (reason) => `تعذّر النسخ الاحتياطي: ${reason}`,
  restoreDialog: { title: 'استعادة من نسخة احتياطية', button: 'استعادة' },
  cannotRestoreFrom: (reason) => `لا يمكن الاستعادة من هذا الملف: ${reason}`,
  confirmRestore: (articles) => `استبدال المكتبة الحالية بالنسخة الاحتياطية (${articles} مقالة)؟`,
  confirmRestoreDetail: 'تُحفظ المكتبة الحالية جانبًا في مجلدها ولا تُحذف.',
  restoreButton: 'استعادة',
  cancelButton: 'إلغاء',
  cannotReopen: (reason) => `تعذّر فتح المكتبة بعد الاستعادة: ${reason}`,
  restoreFailed: (reason) => `تعذّرت الاستعادة: ${reason}`,
  restored: (articles) => `استُعيدت ${articles} مقالة.`,
  previousKeptAt: (file) => `المكتبة السابقة محفوظة في: ${file}`,
  exportDialog: { title: (format) => `تصدير المقالات (${EXPORT_NAMES[format]})`, button: 'تصدير إلى هذا المجلد' },
  exported: (articles) => `صُدِّرت ${articles} مقالة.`,
  exportFailed: (reason) => `تعذّر التصدير: ${reason}`,
  opmlDialog: { title: 'استيراد اشتراكات', button: 'استورد', opml: 'اشتراكات OPML' },
  opmlImported: (added, existing) => `اشتراكات جديدة: ${added}، وموجودة من قبل: ${existing}.`,
  opmlImportFailed: (reason) => `تعذّر استيراد الاشتراكات: ${reason}`,
  damaged: {
    message: 'مكتبة صحيفة تالفة ولا يمكن فتحها.',
    nothingWritten: 'لم يُكتب في الملف شيء: سيُنقل جانبًا كما هو (لمحاولة استرجاعه لاحقًا) إن اخترت الاستعادة أو مكتبة جديدة.',
    latestBackup: (file) => `آخر نسخة احتياطية سليمة: ${file}`,
    noBackup: 'لا توجد نسخة احتياطية سليمة.',
    restore: 'استعادة آخر نسخة احتياطية',
    startNew: 'بدء مكتبة جديدة',
    quit: 'خروج',
  },
  recovered: {
    restored: 'استُعيدت آخر نسخة احتياطية.',
    startedNew: 'بدأت مكتبة جديدة.',
    damagedKeptAt: (file) => `المكتبة التالفة محفوظة كما هي في: ${file}`,
  },
  cannotOpen: (reason) => `تعذّر فتح المكتبة: ${reason}`,
  opening: 'تُفتح المكتبة…',
  stopped: 'توقّفت صحيفة وبقيت المكتبة كما هي.',
};

const en: ShellStrings = {
  menu: {
    app: 'Sahifa',
    file: 'File',
    importFiles: 'Import…',
    subscribe: 'Subscribe…',
    refreshFeeds: 'Refresh All Feeds',
    importOpml: 'Import Subscriptions (OPML)…',
    exportOpml: 'Export Subscriptions (OPML)…',
    export: 'Export',
    backup: 'Back Up…',
    restore: 'Restore from Backup…',
    closeWindow: 'Close Window',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    search: 'Search',
    searchLibrary: 'Search the Library',
    window: 'Window',
  },
  importDialog: { title: 'Import articles', button: 'Import', articles: 'Articles', allFiles: 'All files' },
  importFailed: (reason) => `The import failed: ${reason}`,
  library: 'Sahifa library',
  backupDialog: { title: 'Back up the library', button: 'Save backup' },
  backupSaved: 'A backup of the library was saved.',
  backupFailed: (reason) => `The backup failed: ${reason}`,
  restoreDialog: { title: 'Restore from a backup', button: 'Restore' },
  cannotRestoreFrom: (reason) => `Cannot restore from this file: ${reason}`,
  confirmRestore: (articles) => `Replace the current library with the backup (${articles} articles)?`,
  confirmRestoreDetail: 'The current library is kept aside in its folder, never deleted.',
  restoreButton: 'Restore',
  cancelButton: 'Cancel',
  cannotReopen: (reason) => `Cannot open the library after the restore: ${reason}`,
  restoreFailed: (reason) => `The restore failed: ${reason}`,
  restored: (articles) => `${articles} articles restored.`,
  previousKeptAt: (file) => `The previous library is kept at: ${file}`,
  exportDialog: { title: (format) => `Export articles (${EXPORT_NAMES[format]})`, button: 'Export to this folder' },
  exported: (articles) => `${articles} articles exported.`,
  exportFailed: (reason) => `The export failed: ${reason}`,
  opmlDialog: { title: 'Import subscriptions', button: 'Import', opml: 'OPML subscriptions' },
  opmlImported: (added, existing) => `New subscriptions: ${added}; already there: ${existing}.`,
  opmlImportFailed: (reason) => `The subscriptions could not be imported: ${reason}`,
  damaged: {
    message: 'The Sahifa library is damaged and cannot be opened.',
    nothingWritten:
      'Nothing was written to the file: it is moved aside as it is (to try to rescue it later) if you restore or start a new library.',
    latestBackup: (file) => `Latest healthy backup: ${file}`,
    noBackup: 'There is no healthy backup.',
    restore: 'Restore the latest backup',
    startNew: 'Start a new library',
    quit: 'Quit',
  },
  recovered: {
    restored: 'The latest backup was restored.',
    startedNew: 'A new library was started.',
    damagedKeptAt: (file) => `The damaged library is kept as it was at: ${file}`,
  },
  cannotOpen: (reason) => `Cannot open the library: ${reason}`,
  opening: 'Opening the library…',
  stopped: 'Sahifa stopped; the library was left as it was.',
};

export const shellStrings: Record<UiLanguage, ShellStrings> = { ar, en };
