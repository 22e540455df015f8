/**
 * The API's handlers, one per method of the contract (common/contract.ts), and the one entry point
 * both shells use to call them: `invokeMethod` validates the raw input against the method's schema
 * and turns every failure into the contract's ApiError shape. The IPC path (main/ipc.ts) and the
 * browser mode (main/web-server.ts) both go through it, so what the browser-mode tests exercise is
 * what the desktop app runs.
 *
 * No Electron here: what differs between the shells comes in as a `Platform`.
 */
import { defaultSettings, type ApiError, type MethodName, type MethodResult, type SahifaEvent, type Settings } from '../common';
import { inputSchemas, settingsSchema, type MethodArgs } from './contract';
import { exportFileName, toHtml, toMarkdown } from './library/export';
import { highlightedArticles, highlightsDocument } from './library/highlight-export';
import { MAIN_LOCK_WAIT_MS, retryWhileLocked, RunningImports } from './running-imports';
import { LibraryError, NotFoundError } from './library/errors';
import type { Library } from './library/library';
import { ImportError } from './import/errors';
import { safeHttpUrl } from './import/safe-url';
import type { FeedRefresher } from './feed-refresher';
import { createSubscriptionHandlers, feedsOf } from './subscription-handlers';

/** What only a shell can do. */
export interface Platform {
  /**
   * Shows the system's open dialog. Returns null (not a promise) when the shell has no dialog
   * (the browser mode: the renderer then uses an <input type=file>); resolves to null when the
   * user cancels.
   */
  pickFiles(): Promise<string[] | null> | null;
  /** Opens a URL in the system browser; only ever called with plain http(s) URLs. */
  openExternal(url: string): Promise<boolean>;
  /**
   * Shows the system's save dialog for one file and writes it; resolves to false when the user
   * cancels. Absent where the shell has no dialog (the browser mode downloads instead).
   */
  saveFile?(file: { defaultName: string; content: string; filterName: string; extensions: string[] }): Promise<boolean>;
  /** Sends an event to the window (import progress, library changes); shells without a window leave it out. */
  notify?(event: SahifaEvent): void;
  /** The settings as they are after an update: the desktop shell follows the interface language. */
  settingsChanged?(settings: Settings): void;
}

/** The stored settings that are still allowed, over the defaults (a value from a newer Sahifa is ignored). */
export function storedSettings(library: Library): Settings {
  const stored = library.settings();
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as unknown as Settings;
}

export type Handlers = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> };

export interface HandlerDeps {
  library: Library;
  platform: Platform;
  /** The better-sqlite3 native module `library` was opened with: import workers open the same file with it. */
  nativeBinding?: string;
  /** The background refresh of feeds (feed-refresher.ts); without it, refreshFeeds is refused. */
  refresher?: FeedRefresher;
}

export function createHandlers({ library, platform, nativeBinding, refresher }: HandlerDeps): Handlers {
  // Imports run on worker threads, each with its own connection to the library file (main/import/jobs.ts).
  const imports = new RunningImports({
    libraryFile: library.file,
    nativeBinding,
    notify: (event) => platform.notify?.(event),
    whenIdle: () => library.releaseMemory(),
  });
  // Their transactions lock out this connection's writes for a moment: never wait long, blocking (see invokeMethod).
  library.setLockWait(MAIN_LOCK_WAIT_MS);
  return {
    async listArticles({ filter, unread, tag, source, feed, folder, sort, offset, limit }) {
      return library.list({ bookmarked: filter === 'bookmarked', unread, tag, source, feeds: feedsOf(library, feed, folder), sort, offset, limit });
    },

    async getArticle({ id, query }) {
      const article = library.get(id);
      const ranges =
        query !== undefined && query.trim() !== ''
          ? library.matchRanges(id, query)
          : { highlights: [], titleHighlights: [] };
      return { ...article, ...library.annotations(id), highlights: ranges.highlights, titleHighlights: ranges.titleHighlights };
    },

    async search({ query, offset, limit, bookmarked, highlighted, unread, tag, source, feed, folder, sort }) {
      const feeds = feedsOf(library, feed, folder);
      return library.searchInParallel(query, { offset, limit, bookmarked, highlighted, unread, tag, source, feeds, sort });
    },

    async setBookmark({ id, bookmarked }) {
      library.setBookmarked(id, bookmarked);
      return { id, bookmarked };
    },

    async stats() {
      return library.stats();
    },

    async importPaths({ paths }) {
      return imports.run({ paths }, { announce: true });
    },

    async importFileData({ files }) {
      // Decoded by the worker. Buffer.from skips characters outside the base64 alphabet instead of
      // throwing; a file sent mangled then fails in the importer with its own reason (empty, ...).
      return imports.run({ files }, { announce: false });
    },

    async pickAndImport() {
      const picking = platform.pickFiles();
      if (picking === null) return { supported: false };
      const paths = await picking;
      if (paths === null || paths.length === 0) return { supported: true, report: null };
      return { supported: true, report: await imports.run({ paths }, { announce: true }) };
    },

    async cancelImport({ id }) {
      return { cancelled: imports.cancel(id) };
    },

    async openExternal({ url }) {
      const safe = safeExternalUrl(url);
      if (safe === null) return { opened: false };
      return { opened: await platform.openExternal(safe) };
    },

    // ---- Reading: settings, reading state, notes, tags, export of one article, delete and undo

    async getSettings() {
      return storedSettings(library);
    },

    async updateSettings({ settings }) {
      library.updateSettings(settings);
      const updated = storedSettings(library);
      platform.settingsChanged?.(updated);
      return updated;
    },

    async saveReading({ id, position, read }) {
      library.saveReading(id, { position, read });
      return read === undefined ? { id } : { id, read };
    },

    async setNote({ id, note }) {
      library.setNote(id, note);
      return { id, note: library.annotations(id).note, bookmarked: library.get(id).bookmarked };
    },

    async setTags({ id, tags }) {
      return { id, tags: library.setTags(id, tags) };
    },

    async listTags() {
      return library.tags();
    },

    async listSources() {
      return library.sources();
    },

    async exportArticle({ id, format }) {
      const article = library.get(id);
      const content = format === 'md' ? toMarkdown(article) : toHtml(article);
      const fileName = exportFileName(article, format);
      if (platform.saveFile === undefined) {
        return { kind: 'content', fileName, mimeType: format === 'md' ? 'text/markdown' : 'text/html', content };
      }
      const saved = await platform.saveFile({
        defaultName: fileName,
        content,
        filterName: format === 'md' ? 'Markdown' : 'HTML',
        extensions: format === 'md' ? ['md'] : ['html'],
      });
      return { kind: saved ? 'saved' : 'cancelled' };
    },

    async deleteArticle({ id }) {
      const deleted = library.deleteArticle(id);
      return { id, title: deleted.row.title };
    },

    // The undo is kept in the library (trash.ts), so it works after a restart too.
    async restoreArticle({ id }) {
      return { id: library.restoreArticle(id) };
    },

    // ---- Highlights

    async articleHighlights({ id }) {
      library.get(id);
      return library.highlights.ofArticle(id);
    },

    async addHighlight({ article, start, end, color, note }) {
      return library.highlights.add(article, { start, end, color, note });
    },

    async updateHighlight({ id, color, note }) {
      return library.highlights.update(id, { color, note });
    },

    async removeHighlight({ id }) {
      const removed = library.highlights.remove(id);
      return { id: removed.id, article: removed.article };
    },

    async listHighlights({ article, color, tag, source, feed, folder, offset, limit }) {
      return library.highlights.list({ article, color, tag, source, feeds: feedsOf(library, feed, folder), offset, limit });
    },

    async exportHighlights({ article, format }) {
      const items = highlightedArticles(library, article);
      const content = highlightsDocument(items, format);
      const fileName =
        items.length === 1 ? exportFileName(items[0]!.article, format).replace(/(\.\w+)$/, '-highlights$1') : `sahifa-highlights.${format}`;
      const [mimeType, filterName] = format === 'md' ? ['text/markdown', 'Markdown'] : ['application/ld+json', 'Web Annotations (JSON-LD)'];
      if (platform.saveFile === undefined) return { kind: 'content', fileName, mimeType, content };
      const saved = await platform.saveFile({ defaultName: fileName, content, filterName, extensions: [format] });
      return { kind: saved ? 'saved' : 'cancelled' };
    },

    // ---- Subscriptions
    ...createSubscriptionHandlers(library, platform.saveFile?.bind(platform), refresher),
  };
}

/**
 * The URL to hand to the system browser, or null when it must not leave the app: anything but
 * plain http(s) (file:, javascript:, data:, custom schemes that launch other programs) and URLs
 * carrying credentials, which are a classic way to disguise where a link really goes.
 */
export function safeExternalUrl(raw: string): string | null {
  return safeHttpUrl(raw)?.href ?? null;
}

export type InvokeOutcome = { result: unknown } | ApiError;

export function isMethodName(name: string): name is MethodName {
  // Own properties only: `__proto__`, `constructor` and `toString` are not methods.
  return Object.hasOwn(inputSchemas, name);
}

/**
 * Calls a method by name with input straight from the other side of a trust boundary.
 * Never throws: every failure comes back as an ApiError whose message is one line, without stack.
 */
export async function invokeMethod(handlers: Handlers, name: string, rawInput: unknown): Promise<InvokeOutcome> {
  if (!isMethodName(name)) {
    return apiError('not-found', `Unknown method "${name.slice(0, 100)}".`);
  }
  // Methods without arguments may be called with nothing at all.
  const parsed = inputSchemas[name].safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    return apiError('invalid-input', `Invalid input for ${name}: ${summarizeIssues(parsed.error.issues)}`);
  }
  // The schema and the handler belong to the same method; TypeScript cannot correlate the two
  // through the union of names, so the handler is called through its widest signature.
  const handler = handlers[name] as (args: unknown) => Promise<unknown>;
  try {
    // A write that finds an import worker committing a batch is tried again, without blocking.
    return { result: await retryWhileLocked(() => handler(parsed.data)) };
  } catch (error) {
    return errorToApiError(name, error);
  }
}

function errorToApiError(name: MethodName, error: unknown): ApiError {
  if (error instanceof NotFoundError) return apiError('not-found', oneLine(error.message));
  if (error instanceof LibraryError || error instanceof ImportError) return apiError('failed', oneLine(error.message));
  // Unexpected: keep the details (stack included) in the process's log, send the message only.
  console.error(`sahifa: ${name} failed:`, error);
  const message = error instanceof Error ? error.message : String(error);
  return apiError('failed', oneLine(message) || `${name} failed.`);
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

function summarizeIssues(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const where = issue.path.map((key) => String(key)).join('.');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return oneLine(shown.join('; ') + more);
}

function oneLine(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

function apiError(code: ApiError['error']['code'], message: string): ApiError {
  return { error: { code, message } };
}
