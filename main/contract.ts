/**
 * The contract's input schemas: main checks every call against them, from IPC and from the browser
 * mode alike, before a handler sees it. The inputs they accept are the ones common/contract.ts
 * declares; a type check below fails the build when the two disagree on any method.
 */
import { z } from 'zod';
import {
  articleExportFormats,
  digitStyles,
  FONT_SIZE,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_EXPORT_FORMATS,
  LINE_HEIGHT,
  listFilters,
  listSorts,
  MARK_READ_AGES,
  searchSorts,
  MEASURE,
  TAG_NAME_MAX,
  textFaces,
  themes,
  uiLanguages,
  type MethodInput,
  type MethodName,
  type Settings,
} from '../common';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const offset = z.number().int().min(0).max(10_000_000).default(0);
const limit = z.number().int().min(1).max(500).default(50);
const query = z.string().max(1_000);
const tagName = z.string().trim().min(1).max(TAG_NAME_MAX);
const sourceName = z.string().min(1).max(1_000);
const empty = z.strictObject({});
/** A highlight's stable id (a UUID). */
const highlightId = z.string().uuid();
/** UTF-16 offsets into an article's text; the library refuses those outside it, with the reason. */
const textOffset = z.number().int().min(0).max(1_000_000_000);
const highlightNote = z.string().max(10_000).nullable();
/** A site's or a feed's address as typed or pasted (checked for http(s) where it is fetched). */
const webAddress = z.string().trim().min(1).max(8_192);
/** A folder's path, "World / Gulf"; '' is the top. */
const folderPath = z.string().max(1_000);
/** Narrowing shared by the list and search. */
const narrowing = {
  unread: z.boolean().default(false),
  tag: tagName.optional(),
  source: sourceName.optional(),
  feed: id.optional(),
  folder: id.optional(),
};

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

export const inputSchemas = {
  listArticles: z.strictObject({
    filter: z.enum(listFilters).default('all'),
    ...narrowing,
    sort: z.enum(listSorts).default('date'),
    offset,
    limit,
  }),
  getArticle: z.strictObject({ id, query: query.optional() }),
  search: z.strictObject({
    query,
    offset,
    limit,
    bookmarked: z.boolean().default(false),
    highlighted: z.boolean().default(false),
    sort: z.enum(searchSorts).default('relevance'),
    ...narrowing,
  }),
  setBookmark: z.strictObject({ id, bookmarked: z.boolean() }),
  stats: empty,
  importPaths: z.strictObject({ paths: z.array(z.string().min(1).max(4_096)).min(1).max(10_000) }),
  importFileData: z.strictObject({
    files: z
      .array(z.strictObject({ name: z.string().min(1).max(1_024), base64: z.string().max(280_000_000) }))
      .min(1)
      .max(1_000),
  }),
  pickAndImport: empty,
  cancelImport: z.strictObject({ id }),
  openExternal: z.strictObject({ url: z.string().max(8_192) }),
  getSettings: empty,
  updateSettings: z.strictObject({ settings: settingsSchema.partial() }),
  saveReading: z.strictObject({ id, position: z.number().min(0).max(1).optional(), read: z.boolean().optional() }),
  setNote: z.strictObject({ id, note: z.string().max(10_000).nullable() }),
  setTags: z.strictObject({ id, tags: z.array(tagName).max(50) }),
  listTags: empty,
  listSources: empty,
  exportArticle: z.strictObject({ id, format: z.enum(articleExportFormats) }),
  deleteArticle: z.strictObject({ id }),
  restoreArticle: z.strictObject({ id }),
  articleHighlights: z.strictObject({ id }),
  addHighlight: z.strictObject({
    article: id,
    start: textOffset,
    end: textOffset,
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    note: highlightNote.optional(),
  }),
  updateHighlight: z.strictObject({ id: highlightId, color: z.enum(HIGHLIGHT_COLORS).optional(), note: highlightNote.optional() }),
  removeHighlight: z.strictObject({ id: highlightId }),
  listHighlights: z.strictObject({
    article: id.optional(),
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    tag: narrowing.tag,
    source: narrowing.source,
    feed: narrowing.feed,
    folder: narrowing.folder,
    offset,
    limit,
  }),
  exportHighlights: z.strictObject({ article: id.optional(), format: z.enum(HIGHLIGHT_EXPORT_FORMATS) }),
  listFeeds: empty,
  subscribe: z.strictObject({ url: webAddress, folder: folderPath.optional() }),
  unsubscribe: z.strictObject({ id, keepArticles: z.boolean() }),
  updateFeed: z.strictObject({
    id,
    title: z.string().max(1_000).optional(),
    folder: folderPath.optional(),
    intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
    fullText: z.boolean().optional(),
    images: z.boolean().optional(),
    retentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
    paused: z.boolean().optional(),
    dismissSuggestion: z.boolean().optional(),
  }),
  refreshFeeds: z.strictObject({ feed: id.optional(), folder: id.optional() }),
  markAllRead: z.strictObject({ feed: id.optional(), folder: id.optional(), olderThan: z.enum(MARK_READ_AGES).optional() }),
  markUnread: z.strictObject({ ids: z.array(id).max(1_000_000) }),
  savePage: z.strictObject({ url: webAddress }),
  // An OPML file of ten thousand feeds is about 2 MB; the browser mode takes 16 MB of JSON for it.
  importOpml: z.strictObject({ name: z.string().min(1).max(1_024), base64: z.string().max(14_000_000) }),
  exportOpml: empty,
  renameFolder: z.strictObject({ id, name: z.string().max(1_000) }),
  deleteFolder: z.strictObject({ id, unsubscribe: z.boolean(), keepArticles: z.boolean() }),
  restoreFolder: z.strictObject({
    id,
    feeds: z.array(id).max(100_000),
    folders: z.array(z.strictObject({ id, name: z.string().max(1_000), movedAs: z.string().max(1_000) })).max(100_000),
  }),
} as const satisfies Record<MethodName, z.ZodType>;

/** A method's input after its schema ran: defaults filled in, strings trimmed. */
export type MethodArgs<M extends MethodName> = z.output<(typeof inputSchemas)[M]>;

// The schemas accept exactly the inputs the contract declares: the same fields, each assignable
// both ways. A mismatch names the method in the error below.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
type Disagreeing = {
  [M in MethodName]: Agree<z.input<(typeof inputSchemas)[M]>, MethodInput<M>> extends true ? never : M;
}[MethodName];
const everySchemaMatchesTheContract: [Disagreeing] extends [never] ? true : Disagreeing = true;
void everySchemaMatchesTheContract;
