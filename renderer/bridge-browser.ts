/**
 * The browser mode's `window.sahifa`: the same contract as the Electron preload bridge, carried
 * over same-origin HTTP. Each method POSTs its input as JSON to /api/<method>; the server checks
 * the auth cookie it set when the page was opened with ?token=…, validates the input against the
 * contract's schema and answers `{result}` or `{error:{code,message}}`.
 */
import { METHOD_NAMES, type ApiError, type MethodInput, type MethodName, type MethodResult, type SahifaApi, type SahifaEvent } from '../common';
import { installSahifa } from './sahifa';


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

/**
 * Events come as Server-Sent Events from GET /api/events (same origin: the auth cookie goes with
 * it). One stream serves every listener, open while anyone listens; EventSource reconnects by itself.
 */
const eventListeners = new Set<(event: SahifaEvent) => void>();
let eventSource: EventSource | null = null;

function onEvent(listener: (event: SahifaEvent) => void): () => void {
  eventListeners.add(listener);
  if (eventSource === null) {
    eventSource = new EventSource('/api/events');
    eventSource.onmessage = (message: MessageEvent<string>) => {
      let event: SahifaEvent;
      try {
        event = JSON.parse(message.data) as SahifaEvent;
      } catch {
        return;
      }
      for (const each of [...eventListeners]) each(event);
    };
  }
  return () => {
    eventListeners.delete(listener);
    if (eventListeners.size === 0) {
      eventSource?.close();
      eventSource = null;
    }
  };
}

function createBrowserBridge(): SahifaApi {
  const bridge: Record<string, unknown> = {
    shell: 'browser',
    onEvent,
  };
  for (const name of METHOD_NAMES) {
    bridge[name] = (input: MethodInput<typeof name>) => call(name, input);
  }
  return bridge as SahifaApi;
}

installSahifa(createBrowserBridge());
