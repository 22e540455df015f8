/**
 * Every string the interface shows, in one place, so that translating the app is one file.
 *
 * Counts go through Intl.PluralRules: Arabic has six plural categories (zero, one, two, few,
 * many, other) and the noun changes with each ("مقالة واحدة", "مقالتان", "٣ مقالات", "١٢ مقالة").
 */

export const LOCALE = 'ar';
/** Arabic-Indic digits everywhere numbers are shown (counts, dates, reading time). */
export const NUMBER_LOCALE = 'ar-EG-u-nu-arab';
/** Gregorian calendar, Arabic month names, Arabic-Indic digits. */
export const DATE_LOCALE = 'ar-EG-u-nu-arab-ca-gregory';

const numberFormat = new Intl.NumberFormat(NUMBER_LOCALE);
const pluralRules = new Intl.PluralRules(LOCALE);

export const formatNumber = (n: number): string => numberFormat.format(n);

type PluralForms = Record<Intl.LDMLPluralRule, (n: string) => string>;

function plural(n: number, forms: PluralForms): string {
  return forms[pluralRules.select(n)](formatNumber(n));
}

export const strings = {
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
  importing: 'جارٍ الاستيراد…',
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
    const parts = [imported === 0 ? 'لم تُستورد مقالات جديدة' : `تم استيراد ${strings.articleCount(imported)}`];
    if (duplicates > 0) parts.push(`${formatNumber(duplicates)} مكرر`);
    if (failed > 0) parts.push(`${formatNumber(failed)} فشل`);
    return parts.join('، ');
  },
  importNothing: 'لم يُستورد شيء',
  importCancelled: 'أُلغي الاستيراد',
  importProgress: (done: number, total: number): string => `جارٍ الاستيراد… ${formatNumber(done)} من ${formatNumber(total)}`,
  importReadFailed: 'تعذّرت قراءة الملف',
} as const;
