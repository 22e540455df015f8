/**
 * Why a file could not be imported: one code per reason, which the interface says in its own
 * language (renderer/i18n), with the few values its sentence needs. The importer also writes every
 * reason as one line of English: the command line prints that line, and the interface falls back
 * to it for a code it does not know (a report from an older main).
 *
 * Plain values and types (no zod), like settings.ts, so the renderer can use them: main builds its
 * failures from this table (main/import/errors.ts), and the renderer checks what it receives
 * against it before translating.
 */

/** A value a reason's sentence takes: a number (sizes in bytes, counts, line numbers) or text; '?' when it may be missing. */
type ValueKind = 'number' | 'text' | 'number?' | 'text?';

/** Every reason, and the values its sentence needs. */
export const importFailureDetails = {
  // ---- reading the file (from disk, or in the browser)
  'not-found': {},
  'permission-denied': {},
  'not-a-file-or-folder': {},
  'is-a-folder': {},
  'too-many-links': {},
  'too-many-open-files': {},
  'read-error': {},
  /** An error no reason was written for; its first line, in English. */
  unexpected: { message: 'text' },
  /** The file stopped the thread that parsed it (a crash or running out of memory). */
  'parse-crashed': { message: 'text' },

  // ---- what the file is
  /** A file, or a file inside an archive, over the size limit; both in bytes. */
  'file-too-large': { size: 'number', limit: 'number' },
  'empty-file': {},
  /** Binary content that is no known format. */
  'not-an-article': {},
  /** `format`: an extension with its dot (".css") or a kind of file (one of unsupportedKinds). */
  'unsupported-format': { format: 'text' },
  'unknown-encoding': {},

  // ---- web pages
  'no-article-text': {},
  'page-too-complex': {},
  'mhtml-no-page': {},

  // ---- feeds and JSON
  'broken-xml': { line: 'number' },
  'broken-json': { line: 'number?' },
  /** XML whose root element (`element`) is no feed. */
  'not-a-feed': { element: 'text' },
  'not-a-json-feed': {},
  'unsupported-json': {},
  'sahifa-article-damaged': {},
  'feed-no-items': {},
  'feed-item-empty': {},
  'feed-item-invalid': {},
  'feed-item-unreadable': { message: 'text' },
  /** Entities that expand into gigabytes ("billion laughs"). */
  'entity-bomb': {},
  /** Elements nested deeper than `limit` levels (XML, or HTML inside a feed). */
  'nested-too-deep': { limit: 'number' },

  // ---- archives
  /** `count` entries where `limit` are allowed. */
  'archive-too-many-entries': { count: 'number', limit: 'number' },
  /** Expands to `size` bytes (when known) where `limit` are allowed. */
  'archive-expands-too-much': { size: 'number?', limit: 'number' },
  'archive-nested-too-deep': { limit: 'number' },
  'archive-unsafe-path': {},
  'archive-damaged': {},
  'archive-entry-damaged': {},
  'archive-entry-encrypted': {},
  'archive-unsupported-compression': { method: 'number' },

  // ---- e-books
  'epub-encrypted': {},
  'epub-damaged': {},
  'epub-no-text': {},
} as const satisfies Record<string, Readonly<Record<string, ValueKind>>>;

export type ImportFailureCode = keyof typeof importFailureDetails;

export const importFailureCodes = Object.keys(importFailureDetails) as ImportFailureCode[];

type Spec<C extends ImportFailureCode> = (typeof importFailureDetails)[C];
type ValueOf<Kind> = Kind extends 'number' | 'number?' ? number : string;

/** The values a code's sentence takes: for 'file-too-large', { size: number; limit: number }. */
export type ImportFailureDetail<C extends ImportFailureCode> = {
  [K in keyof Spec<C> as Spec<C>[K] extends `${string}?` ? never : K]: ValueOf<Spec<C>[K]>;
} & {
  [K in keyof Spec<C> as Spec<C>[K] extends `${string}?` ? K : never]?: ValueOf<Spec<C>[K]>;
};

/** Kinds of file sniff.ts recognises and no importer reads: 'unsupported-format' names them. */
export const unsupportedKinds = ['pdf', 'image', 'audio', 'video', 'office document', 'rtf', 'archive'] as const;
export type UnsupportedKind = (typeof unsupportedKinds)[number];

export function isUnsupportedKind(format: string): format is UnsupportedKind {
  return (unsupportedKinds as readonly string[]).includes(format);
}

export function isImportFailureCode(value: unknown): value is ImportFailureCode {
  return typeof value === 'string' && Object.hasOwn(importFailureDetails, value);
}

/** True when `detail` holds every value the code's sentence needs, each of the right kind. */
export function fitsDetail<C extends ImportFailureCode>(code: C, detail: unknown): detail is ImportFailureDetail<C> {
  const spec: Readonly<Record<string, ValueKind>> = importFailureDetails[code];
  const values: Record<string, unknown> = typeof detail === 'object' && detail !== null ? { ...detail } : {};
  return Object.entries(spec).every(([key, kind]) => {
    const value = values[key];
    if (value === undefined) return kind.endsWith('?');
    return kind.startsWith('number') ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string';
  });
}
