/**
 * The Arabic interface: every string the app shows. The English table (en.ts) has the same shape,
 * checked by the type: a string added here and not translated there is a compile error.
 *
 * Counts go through Intl.PluralRules: Arabic has six plural categories (zero, one, two, few,
 * many, other) and the noun changes with each ("مقالة واحدة", "مقالتان", "٣ مقالات", "١٢ مقالة").
 */
import {
  isUnsupportedKind,
  type ImportFailureCode,
  type ImportFailureDetail,
  type ImportNoteCode,
  type ImportNoteDetail,
  type UnsupportedKind,
} from '../../common';
import { formatNumber, formatSize, isolate, plural } from '../locale';

/** Why a file was not imported, for every code (common/import-failures.ts): a sentence made from its values. */
export type ImportFailureStrings = { [C in ImportFailureCode]: (detail: ImportFailureDetail<C>) => string };
/** What the importer changed in a file it imported, for every code (common/import-notes.ts). */
export type ImportNoteStrings = { [C in ImportNoteCode]: (detail: ImportNoteDetail<C>) => string };

export const ar = {
  appName: 'صحيفة',
  appTagline: 'قارئ الأخبار العربية',

  library: 'المكتبة',
  bookmarks: 'المفضلة',
  navigation: 'الأقسام',

  searchPlaceholder: 'ابحث في المكتبة…',
  searchLabel: 'البحث في المقالات',
  searchShortcutHint: 'اضغط / أو Ctrl+F للبحث',
  clearSearch: 'مسح البحث',

  importButton: 'استيراد',
  importTitle: 'استيراد ملفات مقالات',
  dropHere: 'أفلت الملفات هنا لاستيرادها',
  dropHint: 'نص، HTML، MHTML، ملفات الأخبار (RSS/Atom)، EPUB، أو ملفات ZIP',
  importFailedTitle: 'تعذّر الاستيراد',
  dismiss: 'إغلاق',

  loading: 'جارٍ التحميل…',
  bootFailed: (reason: string): string => `تعذّر تشغيل الواجهة: ${reason}`,
  untitled: 'بلا عنوان',

  emptyLibraryTitle: 'مكتبتك فارغة',
  emptyLibraryText: 'استورد ملفات المقالات بالزر أعلاه أو اسحبها وأفلتها في النافذة.',
  emptyBookmarksTitle: 'لا توجد مقالات مفضلة بعد',
  emptyBookmarksText: 'افتح أي مقالة واضغط زر الحفظ أو المفتاح B لإضافتها إلى المفضلة.',
  emptyFilteredTitle: 'لا مقالات هنا',
  emptyUnreadText: 'قرأت كل المقالات في هذا القسم.',
  emptyFilteredText: 'غيّر المصدر أو الوسم لترى مقالات أخرى.',
  noReaderTitle: 'اختر مقالة لقراءتها',
  noReaderText: 'ستظهر المقالة هنا بخط مريح للقراءة.',

  bookmark: 'أضِف إلى المفضلة',
  unbookmark: 'أزِل من المفضلة',
  bookmarked: 'في المفضلة',
  bookmarkShortcut: 'المفتاح B',
  back: 'رجوع',
  articleNotFound: 'لم تعد هذه المقالة موجودة في المكتبة.',
  errorPrefix: 'حدث خطأ:',
  openOriginal: 'المصدر الأصلي',
  by: 'بقلم',

  noResults: (query: string): string => `لا نتائج لـ «${query}»`,
  noResultsHint: 'جرّب كلمة أخرى أو جزءًا من الكلمة متبوعًا بنجمة، مثل: اقتصا*',

  articleCount: (n: number): string =>
    plural(n, {
      zero: () => 'لا مقالات',
      one: () => 'مقالة واحدة',
      two: () => 'مقالتان',
      few: (d) => `${d} مقالات`,
      many: (d) => `${d} مقالة`,
      other: (d) => `${d} مقالة`,
    }),

  resultCount: (n: number): string =>
    plural(n, {
      zero: () => 'لا نتائج',
      one: () => 'نتيجة واحدة',
      two: () => 'نتيجتان',
      few: (d) => `${d} نتائج`,
      many: (d) => `${d} نتيجة`,
      other: (d) => `${d} نتيجة`,
    }),

  readingTime: (minutes: number): string =>
    plural(minutes, {
      zero: () => 'أقل من دقيقة قراءة',
      one: () => 'دقيقة قراءة',
      two: () => 'دقيقتا قراءة',
      few: (d) => `${d} دقائق قراءة`,
      many: (d) => `${d} دقيقة قراءة`,
      other: (d) => `${d} دقيقة قراءة`,
    }),

  /** "تم استيراد ٣ مقالات، ١ مكرر، ١ فشل": imported always first, then the parts that are not zero. */
  importSummary: (imported: number, duplicates: number, failed: number): string => {
    const parts = [imported === 0 ? 'لم تُستورد مقالات جديدة' : `تم استيراد ${ar.articleCount(imported)}`];
    if (duplicates > 0) parts.push(`${formatNumber(duplicates)} مكرر`);
    if (failed > 0) parts.push(`${formatNumber(failed)} فشل`);
    return parts.join('، ');
  },
  /** A feed's item that failed, after its file: "feed.xml › الخبر ٣". */
  failedFeedItem: (file: string, item: number): string => `${isolate(file)} › الخبر ${formatNumber(item)}`,
  importNothing: 'لم يُستورد شيء',
  importCancelled: 'أُلغي الاستيراد',
  importProgress: (done: number, total: number): string => `جارٍ الاستيراد… ${formatNumber(done)} من ${formatNumber(total)}`,
  // ---- the import progress bar
  importProgressLabel: 'تقدم الاستيراد',
  importPreparing: 'جارٍ تحضير الاستيراد…',
  /** "٣٤ / ٥٠٠٠" */
  importCounter: (done: number, total: number): string => `${formatNumber(done)} / ${formatNumber(total)}`,
  importCancel: 'إلغاء',
  importCancelling: 'جارٍ الإلغاء…',
  /** "أُلغي الاستيراد؛ حُفظ ما استورد قبل الإلغاء: ١٢٣ مقالة" */
  importCancelledKept: (imported: number): string => `أُلغي الاستيراد؛ حُفظ ما استورد قبل الإلغاء: ${ar.articleCount(imported)}`,

  // ---- why a file was not imported, by the code main gives (the file's name is shown above it)
  importFailures: {
    'not-found': () => 'الملف أو المجلد غير موجود',
    'permission-denied': () => 'ليس لديك إذن بقراءته',
    'not-a-file-or-folder': () => 'ليس ملفًا ولا مجلدًا',
    'is-a-folder': () => 'هذا مجلد وليس ملفًا',
    'too-many-links': () => 'روابط رمزية كثيرة أو دائرية',
    'too-many-open-files': () => 'ملفات كثيرة مفتوحة في وقت واحد؛ أعد المحاولة',
    'read-error': () => 'تعذّرت قراءة الملف',
    unexpected: ({ message }) => (message ? `خطأ غير متوقع: ${isolate(message)}` : 'خطأ غير متوقع'),
    'parse-crashed': ({ message }) => `تعطّلت قراءة هذا الملف (${isolate(message)})`,
    /** "الملف أكبر من الحد المسموح (٣٢ م.ب، والحد ٢٠ م.ب)" */
    'file-too-large': ({ size, limit }) => `الملف أكبر من الحد المسموح (${formatSize(size)}، والحد ${formatSize(limit)})`,
    'empty-file': () => 'الملف فارغ',
    'not-an-article': () => 'هذا ليس ملف مقالة',
    /** "صيغة غير مدعومة (.css)", "صيغة غير مدعومة (صورة)" */
    'unsupported-format': ({ format }): string => `صيغة غير مدعومة (${isolate(isUnsupportedKind(format) ? ar.fileKinds[format] : format)})`,
    'unknown-encoding': () => 'تعذّر التعرف على ترميز النص',
    'no-article-text': () => 'لم يُعثر على نص مقالة في الصفحة',
    'page-too-complex': () => 'الصفحة أعقد من أن تُقرأ',
    'mhtml-no-page': () => 'لا صفحة ويب في ملف MHTML',
    'broken-xml': ({ line }) => `ملف XML تالف عند السطر ${formatNumber(line)}`,
    'broken-json': ({ line }) => (line === undefined ? 'ملف JSON تالف' : `ملف JSON تالف عند السطر ${formatNumber(line)}`),
    'not-a-feed': () => 'ملف XML ليس خلاصة أخبار',
    'not-a-json-feed': () => 'خلاصة JSON Feed بلا قائمة أخبار',
    'unsupported-json': () => 'ملف JSON ليس خلاصة أخبار ولا مقالة مصدَّرة من «صحيفة»',
    'sahifa-article-damaged': () => 'ملف مقالة مصدَّرة من «صحيفة» تالف',
    'feed-no-items': () => 'الخلاصة لا تحوي أخبارًا',
    'feed-item-empty': () => 'خبر فارغ',
    'feed-item-invalid': () => 'خبر غير صالح',
    'feed-item-unreadable': ({ message }) => `تعذّرت قراءة هذا الخبر (${isolate(message)})`,
    'entity-bomb': () => 'ملف XML غير آمن: كياناته تتمدد إلى حجم هائل',
    'nested-too-deep': ({ limit }) => `ملف غير آمن: عناصر متداخلة لأكثر من ${formatNumber(limit)} مستوى`,
    'archive-too-many-entries': ({ count, limit }) => `الأرشيف كبير جدًا: فيه ${formatNumber(count)} ملف، والحد ${formatNumber(limit)}`,
    'archive-expands-too-much': ({ size, limit }) =>
      size === undefined
        ? `الأرشيف كبير جدًا: يتمدد إلى أكثر من ${formatSize(limit)}`
        : `الأرشيف كبير جدًا: يتمدد إلى ${formatSize(size)}، والحد ${formatSize(limit)}`,
    'archive-nested-too-deep': ({ limit }) =>
      `أرشيفات داخل أرشيفات لأكثر من ${plural(limit, {
        one: () => 'مستوى واحد',
        two: () => 'مستويين',
        few: (d) => `${d} مستويات`,
        other: (d) => `${d} مستوى`,
      })}`,
    'archive-unsafe-path': () => 'مسار غير آمن داخل الأرشيف',
    'archive-damaged': () => 'ملف ZIP تالف',
    'archive-entry-damaged': () => 'الملف تالف داخل الأرشيف',
    'archive-entry-encrypted': () => 'الملف محمي بكلمة مرور',
    'archive-unsupported-compression': ({ method }) => `الملف مضغوط بطريقة غير مدعومة (رقم ${formatNumber(method)})`,
    'epub-encrypted': () => 'الكتاب محمي بإدارة الحقوق الرقمية (DRM) ولا يمكن استيراده',
    'epub-damaged': () => 'ملف EPUB تالف',
    'epub-no-text': () => 'الكتاب لا يحوي نصًا',
  } satisfies ImportFailureStrings,
  // ---- what was changed in a file that was imported (the file's name is shown above it)
  importNotes: {
    /** "يعلن الملف ترميز windows-1256 لكن نصه بترميز UTF-8، فقُرئ به" */
    'encoding-overridden': ({ declared, used }) => `يعلن الملف ترميز ${isolate(declared)} لكن نصه بترميز ${isolate(used)}، فقُرئ به`,
    'text-repaired': ({ misreadAs }) => `أُصلح نص مشوّه: نص UTF-8 سبق أن قُرئ بترميز ${isolate(misreadAs)}`,
  } satisfies ImportNoteStrings,
  /** Kinds of file no importer reads, as 'unsupported-format' names them. */
  fileKinds: {
    pdf: 'PDF',
    image: 'صورة',
    audio: 'ملف صوتي',
    video: 'فيديو',
    'office document': 'مستند مكتبي',
    rtf: 'RTF',
    archive: 'أرشيف مضغوط',
  } satisfies Record<UnsupportedKind, string>,

  // ---- the list
  listLabel: 'قائمة المقالات',
  sortLabel: 'الترتيب',
  sortDate: 'الأحدث أولًا',
  sortTitle: 'حسب العنوان',
  sortSource: 'حسب المصدر',
  sortRelevance: 'الأقرب صلة',
  sourceLabel: 'المصدر',
  allSources: 'كل المصادر',
  withCount: (label: string, n: number): string => `${label} (${formatNumber(n)})`,
  unreadOnly: 'غير المقروءة',
  unread: 'غير مقروءة',
  tags: 'الوسوم',
  tagTitle: (name: string): string => `الوسم: ${name}`,

  // ---- the reader
  readerLabel: 'القارئ',
  readingProgress: 'تقدّم القراءة',
  markRead: 'علّم كمقروءة',
  markUnread: 'علّم كغير مقروءة',
  readShortcut: 'المفتاح U',
  copyLink: 'انسخ الرابط',
  linkCopied: 'نُسخ الرابط',
  copyFailed: 'تعذّر نسخ الرابط',
  exportLabel: 'صدّر المقالة',
  exportMarkdown: 'ملف Markdown',
  exportHtml: 'صفحة HTML',
  exported: 'حُفظت المقالة',
  deleteArticle: 'احذف المقالة',
  deleted: (title: string): string => `حُذفت «${title}»`,
  undo: 'تراجع',
  restored: 'أُعيدت المقالة',
  moreActions: 'إجراءات أخرى',
  tagsLabel: 'وسوم المقالة',
  addTag: 'أضف وسمًا',
  addTagPlaceholder: 'وسم جديد…',
  removeTag: (name: string): string => `أزل الوسم «${name}»`,
  noteLabel: 'ملاحظة على المقالة',
  notePlaceholder: 'اكتب ملاحظة تُحفظ مع المقالة في المفضلة…',
  saveNote: 'احفظ الملاحظة',
  noteSaved: 'حُفظت الملاحظة',
  // Highlights
  highlightsExported: 'حُفظت التظليلات',
  highlightRemoved: 'أُزيل التظليل',
  highlightToolbar: 'تظليل النص المحدد',
  highlightIn: (colour: string) => `ظلّل بالـ${colour}`,
  highlightWithNote: 'ظلّل وأضف ملاحظة',
  highlightEditor: 'التظليل',
  highlightColour: { yellow: 'أصفر', green: 'أخضر', blue: 'أزرق', pink: 'وردي' },
  highlightNote: 'ملاحظة على التظليل',
  highlightSaveNote: 'احفظ الملاحظة',
  highlightRemove: 'أزل التظليل',
  highlightClose: 'أغلق',
  highlightsOrphaned: (count: number) => (count === 1 ? 'تظليل واحد لم يعد في نص المقالة بعد تحديثه' : `${count} تظليلات لم تعد في نص المقالة بعد تحديثه`),
  exportHighlightsMd: 'صدّر التظليلات (Markdown)',
  exportHighlightsJson: 'صدّر التظليلات (JSON، تعليقات W3C)',
  // The highlights view
  highlights: 'التظليلات',
  highlightsListLabel: 'كل التظليلات، الأحدث أولًا',
  highlightCount: (n: number): string =>
    plural(n, {
      zero: () => 'لا تظليلات',
      one: () => 'تظليل واحد',
      two: () => 'تظليلان',
      few: (d) => `${d} تظليلات`,
      many: (d) => `${d} تظليلًا`,
      other: (d) => `${d} تظليل`,
    }),
  highlightColourName: (colour: string): string => `تظليل ${colour}:`,
  highlightNoteLabel: 'ملاحظة:',
  highlightOrphanedShort: 'لم يعد في النص',
  highlightColourLabel: 'اللون',
  allColours: 'كل الألوان',
  tagLabel: 'الوسم',
  allTags: 'كل الوسوم',
  feedLabel: 'الاشتراك',
  allFeeds: 'كل الاشتراكات',
  exportAllHighlights: 'صدّر كل التظليلات:',
  noHighlightsTitle: 'لا تظليلات بعد',
  noHighlightsText: 'حدّد كلمات في أي مقالة واختر لونًا من الشريط الذي يظهر فوقها، أو اضغط المفتاح H. تظهر تظليلاتك هنا مع ملاحظاتك.',
  noHighlightsFilteredTitle: 'لا تظليلات هنا',
  noHighlightsFilteredText: 'غيّر اللون أو الوسم أو الاشتراك لترى تظليلات أخرى.',

  // ---- settings
  settings: 'الإعدادات',
  settingsTitle: 'إعدادات القراءة والواجهة',
  close: 'إغلاق',
  readingSection: 'القراءة',
  interfaceSection: 'الواجهة',
  textFace: 'خط القراءة',
  faceNaskh: 'نسخ',
  faceAmiri: 'أميري',
  faceKufi: 'كوفي',
  faceSans: 'بلا زوائد',
  faceSystem: 'خط النظام',
  fontSize: 'حجم النص',
  lineHeight: 'تباعد الأسطر',
  measure: 'طول السطر',
  measureValue: (n: string): string => `${n} حرفًا`,
  alignment: 'محاذاة النص',
  alignStart: 'غير مضبوطة',
  alignJustify: 'مضبوطة من الجانبين',
  theme: 'المظهر',
  themeSystem: 'حسب النظام',
  themeLight: 'فاتح',
  themeDark: 'داكن',
  themeSepia: 'بني فاتح',
  language: 'لغة الواجهة',
  digits: 'الأرقام',
  digitsAuto: 'حسب اللغة',
  digitsArabicIndic: 'هندية (٠١٢٣)',
  digitsWestern: 'غربية (0123)',
  hijri: 'أظهر التاريخ الهجري بجانب الميلادي',
  settingsPreview: 'بسم الله الرحمن الرحيم. هكذا يبدو نص المقالات بالإعدادات التي اخترتها.',

  // ---- subscriptions (the sidebar's feeds and folders, their dialogs)
  subscriptions: 'الاشتراكات',
  subscribe: 'اشترك',
  subscribeTitle: 'اشترك في موقع أو خلاصة',
  subscribeAddress: 'عنوان الموقع أو الخلاصة',
  subscribeFolder: 'المجلد (اختياري)',
  subscribeFolderHint: 'مثل: أخبار / الخليج',
  subscribing: 'جارٍ الاشتراك…',
  subscribed: (title: string, n: number): string => `اشتركت في «${title}»: ${ar.articleCount(n)}`,
  alreadySubscribed: (title: string): string => `أنت مشترك في «${title}» من قبل`,
  cancel: 'إلغاء',
  save: 'احفظ',
  allSubscriptionsActions: 'إجراءات كل الاشتراكات',
  feedActions: (title: string): string => `إجراءات «${title}»`,
  expandFolder: (name: string): string => `افتح مجلد «${name}»`,
  refreshNow: 'حدّث الآن',
  refreshStarted: 'بدأ التحديث',
  markAllRead: 'علّم الكل كمقروء',
  markOlderThanDay: 'علّم الأقدم من يوم كمقروء',
  markOlderThanWeek: 'علّم الأقدم من أسبوع كمقروء',
  markedRead: (n: number): string => `صار مقروءًا: ${ar.articleCount(n)}`,
  markedUnread: 'عادت غير مقروءة',
  nothingToMark: 'لا شيء غير مقروء هنا',
  feedSettings: 'الإعدادات…',
  feedSettingsTitle: (title: string): string => `إعدادات «${title}»`,
  feedName: 'الاسم',
  feedFolder: 'المجلد',
  feedFolderTop: 'اتركه فارغًا ليكون في الأعلى',
  feedInterval: 'التحديث كل',
  everyMinutes: (minutes: number): string =>
    minutes < 60
      ? plural(minutes, { one: () => 'دقيقة', two: () => 'دقيقتين', few: (d) => `${d} دقائق`, many: (d) => `${d} دقيقة`, other: (d) => `${d} دقيقة` })
      : plural(minutes / 60, { one: () => 'ساعة', two: () => 'ساعتين', few: (d) => `${d} ساعات`, many: (d) => `${d} ساعة`, other: (d) => `${d} ساعة` }),
  feedFullText: 'اجلب النص الكامل لكل خبر جديد',
  feedFullTextSuggested: 'مقترح: أخبار هذه الخلاصة قصيرة',
  feedImages: 'احفظ الصور للقراءة دون اتصال',
  feedRetention: 'احتفظ بالأخبار',
  retentionForever: 'دائمًا',
  retentionDays: (days: number): string =>
    plural(days, { one: () => 'يومًا واحدًا', two: () => 'يومين', few: (d) => `${d} أيام`, many: (d) => `${d} يومًا`, other: (d) => `${d} يوم` }),
  feedRetentionHint: 'المقالات المفضلة والموسومة وذات الملاحظات والمظللة تبقى دائمًا.',
  feedPause: 'أوقف تحديث هذه الخلاصة',
  feedPaused: 'متوقفة',
  feedPausedWhy: (why: string): string => `متوقفة: ${why}`,
  feedError: (message: string): string => `فشل آخر تحديث: ${message}`,
  feedFailed: 'فشل آخر تحديث',
  unreadCount: (n: number): string => `غير المقروءة: ${formatNumber(n)}`,
  unsubscribe: 'ألغِ الاشتراك…',
  unsubscribeTitle: (title: string): string => `إلغاء الاشتراك في «${title}»`,
  unsubscribeQuestion: 'ماذا يحدث لمقالاتها؟',
  unsubscribeKeep: 'تبقى في المكتبة',
  unsubscribeDelete: 'تُحذف، إلا المفضلة والموسومة وذات الملاحظات والمظللة',
  unsubscribeConfirm: 'ألغِ الاشتراك',
  unsubscribed: (title: string): string => `أُلغي الاشتراك في «${title}»`,
  importOpml: 'استورد اشتراكات (OPML)…',
  exportOpml: 'صدّر الاشتراكات (OPML)',
  opmlImported: (added: number, existing: number): string => `اشتراكات جديدة: ${formatNumber(added)}، وموجودة من قبل: ${formatNumber(existing)}`,
  opmlExported: 'حُفظت الاشتراكات',
  savingPage: 'جارٍ حفظ الصفحة…',
  pageSaved: (title: string): string => `حُفظت «${title}»`,
  pageAlreadySaved: (title: string): string => `«${title}» في المكتبة من قبل`,
  noMoreUnread: 'لا مقالات غير مقروءة بعدها في هذه القائمة',

  // ---- keyboard shortcuts
  shortcuts: 'اختصارات لوحة المفاتيح',
  shortcutsHint: 'اضغط ? لعرض الاختصارات',
  keyNext: 'المقالة التالية في القائمة',
  keyPrevious: 'المقالة السابقة في القائمة',
  keySideways: 'التالية والسابقة أفقيًا (في الواجهة العربية: ← التالية و→ السابقة)',
  keyOpen: 'اقرأ المقالة المحددة (ينتقل التركيز إلى نصها)',
  keyBack: 'عُد إلى القائمة، أو أغلق النافذة المفتوحة',
  keySearch: 'ابحث',
  keyBookmark: 'أضف إلى المفضلة أو أزل منها',
  keyRead: 'علّم كمقروءة أو غير مقروءة',
  keyHighlight: 'ظلّل النص المحدد',
  keyHighlights: 'اعرض كل التظليلات',
  keyDelete: 'احذف المقالة',
  keyUndo: 'تراجع عن الحذف',
  keyPageDown: 'انزل صفحة في المقالة، وفي آخرها افتح التالية غير المقروءة',
  keyPageUp: 'اصعد صفحة في المقالة',
  keyMarkListRead: 'علّم القائمة كلها كمقروءة (مع تراجع)',
  keyHelp: 'اعرض هذه الاختصارات',
  or: 'أو',
};

export type Strings = typeof ar;
