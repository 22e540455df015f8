/**
 * The API's handlers, one per method of the contract (preload/api.ts), and the one entry point
 * both shells use to call them: `invokeMethod` validates the raw input against the method's schema
 * and turns every failure into the contract's ApiError shape. The IPC path (main/ipc.ts) and the
 * browser mode (main/web-server.ts) both go through it, so what the browser-mode tests exercise is
 * what the desktop app runs.
 *
 * No Electron here: what differs between the shells comes in as a `Platform`.
 */
import { api, type ApiError, type MethodArgs, type MethodName, type MethodResult } from '../preload/api';
import { importBuffers, importPaths } from './import/importer';
import { LibraryError, NotFoundError } from './library/errors';
import type { Library } from './library/library';
import { ImportError } from './import/errors';

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
}

export type Handlers = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> };

export interface HandlerDeps {
  library: Library;
  platform: Platform;
}

export function createHandlers({ library, platform }: HandlerDeps): Handlers {
  return {
    async listArticles({ filter, offset, limit }) {
      return library.list({ bookmarked: filter === 'bookmarked', offset, limit });
    },

    async getArticle({ id, query }) {
      const article = library.get(id);
      const ranges =
        query !== undefined && query.trim() !== ''
          ? library.matchRanges(id, query)
          : { highlights: [], titleHighlights: [] };
      return { ...article, highlights: ranges.highlights, titleHighlights: ranges.titleHighlights };
    },

    async search({ query, offset, limit, bookmarked }) {
      return library.search(query, { offset, limit, bookmarked });
    },

    async setBookmark({ id, bookmarked }) {
      library.setBookmarked(id, bookmarked);
      return { id, bookmarked };
    },

    async stats() {
      return library.stats();
    },

    async importPaths({ paths }) {
      return importPaths(library, paths);
    },

    async importFileData({ files }) {
      // Buffer.from skips characters outside the base64 alphabet instead of throwing; a file sent
      // mangled then fails in the importer with its own reason (empty, unsupported format...).
      const decoded = files.map(({ name, base64 }) => {
        const buffer = Buffer.from(base64, 'base64');
        return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
      });
      return importBuffers(library, decoded);
    },

    async pickAndImport() {
      const picking = platform.pickFiles();
      if (picking === null) return { supported: false };
      const paths = await picking;
      if (paths === null || paths.length === 0) return { supported: true, report: null };
      return { supported: true, report: await importPaths(library, paths) };
    },

    async openExternal({ url }) {
      const safe = safeExternalUrl(url);
      if (safe === null) return { opened: false };
      return { opened: await platform.openExternal(safe) };
    },
  };
}

/**
 * The URL to hand to the system browser, or null when it must not leave the app: anything but
 * plain http(s) (file:, javascript:, data:, custom schemes that launch other programs) and URLs
 * carrying credentials, which are a classic way to disguise where a link really goes.
 */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url.href;
}

export type InvokeOutcome = { result: unknown } | ApiError;

export function isMethodName(name: string): name is MethodName {
  // Own properties only: `__proto__`, `constructor` and `toString` are not methods.
  return Object.hasOwn(api, name);
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
  const parsed = api[name].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    return apiError('invalid-input', `Invalid input for ${name}: ${summarizeIssues(parsed.error.issues)}`);
  }
  // The schema and the handler belong to the same method; TypeScript cannot correlate the two
  // through the union of names, so the handler is called through its widest signature.
  const handler = handlers[name] as (args: unknown) => Promise<unknown>;
  try {
    return { result: await handler(parsed.data) };
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
