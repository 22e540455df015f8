/**
 * The one contract between the renderer and the main process.
 *
 * Each method is declared once here: its input schema (validated in main on every call, from IPC
 * and from the browser mode alike) and its result type. Main's handlers, the preload bridge, the
 * browser-mode client and the renderer are all derived from this object, so adding a method is
 * one entry here plus its handler.
 *
 * This file must stay importable from every process: it imports zod and types only.
 */
import { z } from 'zod';
import type {
  Article,
  ArticleAnnotations,
  ArticleSummary,
  ImportFailure,
  ImportNote,
  ImportReport,
  LibraryStats,
  ListSort,
  Page,
  Range,
  SearchHit,
  SourceCount,
  TagCount,
} from '../main/library/types';
import { digitStyles, FONT_SIZE, LINE_HEIGHT, MEASURE, textFaces, themes, uiLanguages, type Settings } from './settings';

export type { Article, ArticleAnnotations, ArticleSummary, ImportFailure, ImportNote, ImportReport, LibraryStats, ListSort, Page, Range, SearchHit, SourceCount, TagCount };
export type { ImportFailureCode, ImportFailureDetail } from './import-failures';
export type { ImportNoteCode, ImportNoteDetail } from './import-notes';
export * from './settings';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const offset = z.number().int().min(0).max(10_000_000).default(0);
const limit = z.number().int().min(1).max(500).default(50);
const query = z.string().max(1_000);

export const listFilter = z.enum(['all', 'bookmarked']);
export type ListFilter = z.infer<typeof listFilter>;

// Reading (issue 6): list and search narrowing, tags, export.
export const listSort = z.enum(['date', 'title', 'source']);
const tagName = z.string().trim().min(1).max(60);
const sourceName = z.string().min(1).max(1_000);
/** Narrowing shared by the list and search. */
const narrowing = { unread: z.boolean().default(false), tag: tagName.optional(), source: sourceName.optional() };
export const exportFormat = z.enum(['md', 'html']);
export type ExportFormat = z.infer<typeof exportFormat>;

/** Every setting and its allowed values; stored values that no longer pass fall back to their default. */
export const settingsSchema = z.strictObject({
  textFace: z.enum(textFaces),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineHeight: z.number().min(LINE_HEIGHT.min).max(LINE_HEIGHT.max),
  measure: z.number().int().min(MEASURE.min).max(MEASURE.max),
  justify: z.boolean(),
  theme: z.enum(themes),
  language: z.enum(uiLanguages),
  digits: z.enum(digitStyles),
  hijri: z.boolean(),
}) satisfies z.ZodType<Settings>;
const settingsPatch = settingsSchema.partial();

/**
 * An export: saved by the desktop app's save dialog ('saved', or 'cancelled'), or handed back to a
 * shell without one (the browser mode) to download itself.
 */
export type ExportResult =
  | { kind: 'saved' | 'cancelled' }
  | { kind: 'content'; fileName: string; mimeType: string; content: string };

/** An article with the ranges of a query's matches in its text and title. */
export interface ArticleView extends Article, ArticleAnnotations {
  highlights: Range[];
  titleHighlights: Range[];
}

export type PickFilesResult = { supported: false } | { supported: true; report: ImportReport | null };

// Each entry: its input schema, and a phantom of its result type (never read at run time).
// Curried so that the result type is written out while the input type is inferred.
const method =
  <Result>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });

export const api = {
  listArticles: method<Page<ArticleSummary>>()(
    z.strictObject({ filter: listFilter.default('all'), ...narrowing, sort: listSort.default('date'), offset, limit }),
  ),

  getArticle: method<ArticleView>()(z.strictObject({ id, query: query.optional() })),

  search: method<Page<SearchHit>>()(z.strictObject({ query, offset, limit, bookmarked: z.boolean().default(false), ...narrowing })),

  setBookmark: method<{ id: number; bookmarked: boolean }>()(z.strictObject({ id, bookmarked: z.boolean() })),

  stats: method<LibraryStats>()(z.strictObject({})),

  /** Import files or folders by path (the Electron file dialog and drops give paths). */
  importPaths: method<ImportReport>()(
    z.strictObject({ paths: z.array(z.string().min(1).max(4_096)).min(1).max(10_000) }),
  ),

  /** Import file contents the renderer read itself (drops and uploads in the browser mode). */
  importFileData: method<ImportReport>()(
    z.strictObject({
      files: z
        .array(z.strictObject({ name: z.string().min(1).max(1_024), base64: z.string().max(280_000_000) }))
        .min(1)
        .max(1_000),
    }),
  ),

  /** Opens the system file dialog and imports what the user picks (Electron only). */
  pickAndImport: method<PickFilesResult>()(z.strictObject({})),

  /**
   * Stops a running import (its id comes with its import-progress events) between two files; what
   * it imported so far stays and its report says cancelled. False when no such import is running.
   */
  cancelImport: method<{ cancelled: boolean }>()(z.strictObject({ id })),

  /** Opens an http(s) link in the system browser, after a user's click. */
  openExternal: method<{ opened: boolean }>()(z.strictObject({ url: z.string().max(8_192) })),

  // ---- Reading (issue 6)

  /** The reader's settings (stored in the library), defaults filled in. */
  getSettings: method<Settings>()(z.strictObject({})),
  /** Changes some settings; answers all of them. */
  updateSettings: method<Settings>()(z.strictObject({ settings: settingsPatch })),

  /** Where reading stopped (fraction 0..1 of the scroll) and/or whether the article is read. */
  saveReading: method<{ id: number; read?: boolean }>()(
    z.strictObject({ id, position: z.number().min(0).max(1).optional(), read: z.boolean().optional() }),
  ),
  /** A note on the article's bookmark (bookmarks it); null or blank clears the note. */
  setNote: method<{ id: number; note: string | null; bookmarked: boolean }>()(
    z.strictObject({ id, note: z.string().max(10_000).nullable() }),
  ),
  /** Replaces the article's tags; answers the tags it now has. */
  setTags: method<{ id: number; tags: string[] }>()(z.strictObject({ id, tags: z.array(tagName).max(50) })),
  listTags: method<TagCount[]>()(z.strictObject({})),
  listSources: method<SourceCount[]>()(z.strictObject({})),

  exportArticle: method<ExportResult>()(z.strictObject({ id, format: exportFormat })),
  /** Deletes an article; restoreArticle undoes it for a while (the last deletions are kept in memory). */
  deleteArticle: method<{ id: number; title: string }>()(z.strictObject({ id })),
  restoreArticle: method<{ id: number }>()(z.strictObject({ id })),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export const methodNames = Object.keys(api) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodResult<M extends MethodName> = Api[M]['result'];

/** Events main pushes to the renderer (menu actions, imports started outside the window). */
export type SahifaEvent =
  | { type: 'library-changed'; report: ImportReport | null }
  | { type: 'focus-search' }
  | { type: 'import-requested' }
  /** A running import, at most ten times a second: files done of total, and the last file done. */
  | { type: 'import-progress'; id: number; done: number; total: number; current: string };

/** What the renderer sees as `window.sahifa`. */
export type SahifaApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResult<M>>;
} & {
  onEvent(listener: (event: SahifaEvent) => void): () => void;
  /** Which shell the renderer runs in: the desktop app or the browser mode. */
  readonly shell: 'electron' | 'browser';
  /** Electron only: the path of a dropped File (folders can be imported by path only). */
  getPathForFile?(file: File): string;
};

export { channelOf, EVENT_CHANNEL } from './channels';

/** Errors cross the boundary as this shape, never as stack traces. */
export interface ApiError {
  error: { code: 'invalid-input' | 'not-found' | 'failed' | 'forbidden'; message: string };
}
