/**
 * The browser mode's `window.sahifa`: the same contract as the Electron preload bridge, carried
 * over same-origin HTTP. Each method POSTs its input as JSON to /api/<method>; the server checks
 * the auth cookie it set when the page was opened with ?token=…, validates the input against the
 * contract's schema and answers `{result}` or `{error:{code,message}}`.
 *
 * Only types come from preload/api.ts: its runtime half (zod schemas) belongs to main.
 */
import type { ApiError, MethodInput, MethodName, MethodResult, SahifaApi } from '../preload/api';
import { installSahifa } from './sahifa';

/** Every method of the contract; `satisfies` makes a method added to the contract a compile error here until listed. */
const methods = {
  listArticles: true,
  getArticle: true,
  search: true,
  setBookmark: true,
  stats: true,
  importPaths: true,
  importFileData: true,
  pickAndImport: true,
  openExternal: true,
} as const satisfies Record<MethodName, true>;

/** An error the API reported, with the contract's code so callers can tell "not found" from failures. */
export class SahifaApiError extends Error {
  constructor(
    readonly code: ApiError['error']['code'],
    message: string,
  ) {
    super(message);
    this.name = 'SahifaApiError';
  }
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body as { error: unknown };
  return typeof error === 'object' && error !== null && 'message' in error;
}

async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const response = await fetch(`/api/${name}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new SahifaApiError('failed', `${name}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  if (isApiError(body)) throw new SahifaApiError(body.error.code, body.error.message);
  if (!response.ok) throw new SahifaApiError('failed', `${name}: HTTP ${response.status}`);
  if (typeof body === 'object' && body !== null && 'result' in body) {
    return (body as { result: MethodResult<M> }).result;
  }
  return body as MethodResult<M>;
}

function createBrowserBridge(): SahifaApi {
  const bridge: Record<string, unknown> = {
    shell: 'browser',
    // The server pushes nothing: the renderer refreshes itself after the imports it starts.
    onEvent: () => () => undefined,
  };
  for (const name of Object.keys(methods) as MethodName[]) {
    bridge[name] = (input: MethodInput<typeof name>) => call(name, input);
  }
  return bridge as SahifaApi;
}

installSahifa(createBrowserBridge());
