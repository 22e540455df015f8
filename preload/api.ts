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
  ArticleSummary,
  ImportReport,
  LibraryStats,
  Page,
  Range,
  SearchHit,
} from '../main/library/types';

export type { Article, ArticleSummary, ImportReport, LibraryStats, Page, Range, SearchHit };

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const offset = z.number().int().min(0).max(10_000_000).default(0);
const limit = z.number().int().min(1).max(500).default(50);
const query = z.string().max(1_000);

export const listFilter = z.enum(['all', 'bookmarked']);
export type ListFilter = z.infer<typeof listFilter>;

/** An article with the ranges of a query's matches in its text and title. */
export interface ArticleView extends Article {
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
  listArticles: method<Page<ArticleSummary>>()(z.strictObject({ filter: listFilter.default('all'), offset, limit })),

  getArticle: method<ArticleView>()(z.strictObject({ id, query: query.optional() })),

  search: method<Page<SearchHit>>()(z.strictObject({ query, offset, limit, bookmarked: z.boolean().default(false) })),

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

  /** Opens an http(s) link in the system browser, after a user's click. */
  openExternal: method<{ opened: boolean }>()(z.strictObject({ url: z.string().max(8_192) })),
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
  | { type: 'import-requested' };

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
