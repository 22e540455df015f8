/**
 * The fixed query list for the search evaluation (bench/eval.ts), the latency benchmark
 * (bench/run.ts) and the unit tests on real text (tests/unit/search). Every query is something a
 * reader of SaudiNewsNet would type; each kind exercises one promise of DESIGN.md "Arabic search".
 */

export type QueryKind =
  | 'word' // a plain word
  | 'clitic' // a word carrying و / ب / ل / ال, or searched without them
  | 'inflection' // plural, dual or feminine form
  | 'spelling' // hamza seats, alef variants, ى/ي, ة/ه, diacritics, tatweel, Arabic-Indic digits
  | 'phrase' // "quoted words"
  | 'and' // several words, all required
  | 'prefix' // word*
  | 'not' // -word
  | 'or'; // a OR b

export interface BenchQuery {
  query: string;
  kind: QueryKind;
  /** Part of the fast subset the unit tests check against the brute-force reference. */
  unit?: boolean;
}

export const QUERIES: readonly BenchQuery[] = [
  // Single words.
  { query: 'السعودية', kind: 'word', unit: true },
  { query: 'الرياض', kind: 'word' },
  { query: 'وزير', kind: 'word' },
  { query: 'النفط', kind: 'word', unit: true },
  { query: 'الحج', kind: 'word' },
  { query: 'اليمن', kind: 'word' },
  { query: 'الحوثيين', kind: 'word' },
  { query: 'داعش', kind: 'word', unit: true },
  { query: 'الإرهاب', kind: 'word' },
  { query: 'الأمطار', kind: 'word' },
  { query: 'المرور', kind: 'word' },
  { query: 'الهلال', kind: 'word' },
  // Clitics: conjunction و, prepositions ب / ل, the article ال.
  { query: 'والتعليم', kind: 'clitic', unit: true },
  { query: 'بالرياض', kind: 'clitic' },
  { query: 'بالمملكة', kind: 'clitic', unit: true },
  { query: 'للمواطنين', kind: 'clitic' },
  { query: 'والصحة', kind: 'clitic' },
  { query: 'مدارس', kind: 'clitic' },
  { query: 'الكتاب', kind: 'clitic' },
  { query: 'وزارة', kind: 'clitic' },
  // Plural, dual and feminine forms.
  { query: 'المعلمون', kind: 'inflection', unit: true },
  { query: 'معلمات', kind: 'inflection' },
  { query: 'الطالبات', kind: 'inflection' },
  { query: 'طالبة', kind: 'inflection' },
  { query: 'المستشفيات', kind: 'inflection', unit: true },
  { query: 'موظفين', kind: 'inflection' },
  { query: 'السعوديين', kind: 'inflection' },
  { query: 'اللاعبين', kind: 'inflection' },
  { query: 'الطرفان', kind: 'inflection' },
  // Spelling variants the normalization must fold.
  { query: 'مسئول', kind: 'spelling', unit: true },
  { query: 'مسؤولين', kind: 'spelling' },
  { query: 'الامير', kind: 'spelling', unit: true },
  { query: 'ادارة', kind: 'spelling' },
  { query: 'مستشفي', kind: 'spelling', unit: true },
  { query: 'القري', kind: 'spelling' },
  { query: 'هيئه', kind: 'spelling' },
  { query: 'المؤتمر', kind: 'spelling' },
  { query: 'السُّعُودِيَّة', kind: 'spelling', unit: true },
  { query: 'الســـعودية', kind: 'spelling' },
  { query: '٢٠١٥', kind: 'spelling' },
  { query: 'إسرائيل', kind: 'spelling' },
  // Phrases: surface words in order.
  { query: '"خادم الحرمين الشريفين"', kind: 'phrase', unit: true },
  { query: '"ولي العهد"', kind: 'phrase' },
  { query: '"وزارة الصحة"', kind: 'phrase', unit: true },
  { query: '"مجلس الوزراء"', kind: 'phrase' },
  { query: '"المملكة العربية السعودية"', kind: 'phrase' },
  { query: '"الأمم المتحدة"', kind: 'phrase' },
  { query: '"عاصفة الحزم"', kind: 'phrase' },
  { query: '"البيت الأبيض"', kind: 'phrase' },
  // Several words, all required.
  { query: 'وزير الخارجية', kind: 'and', unit: true },
  { query: 'أسعار النفط', kind: 'and' },
  { query: 'الأمطار جدة', kind: 'and' },
  { query: 'الهلال النصر', kind: 'and' },
  { query: 'الملك سلمان', kind: 'and' },
  { query: 'التحالف اليمن الحوثيين', kind: 'and' },
  // Prefixes, exclusions and alternatives.
  { query: 'سعود*', kind: 'prefix', unit: true },
  { query: 'الإرهاب*', kind: 'prefix' },
  { query: 'الهلال -النصر', kind: 'not', unit: true },
  { query: 'الرياض -جدة', kind: 'not' },
  { query: 'الهلال OR النصر', kind: 'or', unit: true },
  { query: 'جدة OR مكة الأمطار', kind: 'or' },
];

/** Queries of one or two words: what DESIGN.md's latency target is about. */
export function isShortQuery(q: BenchQuery): boolean {
  return q.kind !== 'phrase' && q.kind !== 'not' && q.kind !== 'or' && q.query.trim().split(/\s+/).length <= 2;
}
