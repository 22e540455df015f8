/**
 * The browser mode's HTTP server: the built renderer and the API over loopback, for end-to-end
 * tests and UI work without Electron. The protocol the renderer's client (renderer/bridge-browser.ts)
 * speaks is described at the top of main/web.ts.
 *
 * Whoever can reach the port could read and change the library, so: loopback only, a random token
 * per run on every request, Host checked against DNS rebinding, Origin checked on the API, bodies
 * capped.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, SahifaEvent } from '../common';
import { invokeMethod, isMethodName, type Handlers } from './handlers';
import { readStaticFile, SECURITY_HEADERS } from './static-files';

export const TOKEN_HEADER = 'x-sahifa-token';
/** Large enough for the contract's biggest importFileData call (base64 grows files by a third). */
export const IMPORT_BODY_LIMIT = 300 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** An OPML file (base64) or the ids an undo of "mark all read" gives back: bigger than most calls. */
export const LARGE_BODY_LIMIT = 16 * 1024 * 1024;
const LARGE_BODIES = new Set<string>(['importOpml', 'markUnread']);
/** `GET /api/events`: the events main pushes to the window, as Server-Sent Events. Not a method name. */
export const EVENTS_PATH = 'events';
/** A comment line now and then, so that nothing between here and the page drops an idle stream. */
const EVENT_KEEP_ALIVE_MS = 25_000;

/**
 * What the server shows while the library is not open yet (it is damaged and the person is asked
 * what to do): one server-made page, no script, and the choice posted back from its form.
 */
export interface HoldingPage {
  html(): string;
  /** The `choice` field of a form posted to CHOICE_PATH (same origin, token cookie). */
  choose(choice: string): void;
}

/** Where the holding page's form posts. Not under /api/: the API only takes JSON. */
export const CHOICE_PATH = '/choose';
/** The holding page's own policy: no script at all, its one inline style, its form to this server. */
export const HOLDING_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface WebServerOptions {
  /** The API's handlers; absent until the library is open (see open() and holdingPage). */
  handlers?: Handlers;
  /** Shown instead of the app until open() is called. */
  holdingPage?: HoldingPage;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** For tests; a fresh random token otherwise. */
  token?: string;
}

export interface WebServer {
  /** The address to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Sends an event to every page listening on /api/events. */
  send(event: SahifaEvent): void;
  /** The library is open: the API answers with these handlers, pages are the app's. */
  open(handlers: Handlers): void;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token, 'utf8');
  let port = 0;
  let handlers: Handlers | null = options.handlers ?? null;

  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('sahifa: browser mode request failed:', error);
      if (!response.headersSent) sendJson(response, 500, apiError('failed', 'Internal error.'));
      else response.destroy();
    });
  });

  const cookieName = () => `sahifa_token_${port}`;
  /** The pages listening on /api/events. */
  const eventStreams = new Set<http.ServerResponse>();

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (candidate === undefined) return false;
    const bytes = Buffer.from(candidate, 'utf8');
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // A page on another site may resolve its own name to 127.0.0.1 (DNS rebinding); its requests
    // then carry its own Host, never ours.
    const host = request.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendText(response, 403, 'Forbidden: unexpected Host.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const fromCookie = tokenMatches(readCookie(request.headers.cookie, cookieName()));

    if (url.pathname.startsWith('/api/')) {
      const header = request.headers[TOKEN_HEADER];
      if (!fromCookie && !tokenMatches(typeof header === 'string' ? header : undefined)) {
        sendJson(response, 403, apiError('forbidden', 'Missing or wrong token.'));
        return;
      }
      if (handlers === null) {
        sendJson(response, 503, apiError('failed', 'The library is not open yet.'));
        return;
      }
      await handleApi(request, response, handlers, url.pathname.slice('/api/'.length), host);
      return;
    }

    const fromQuery = tokenMatches(url.searchParams.get('token') ?? undefined);
    if (!fromCookie && !fromQuery) {
      sendText(response, 403, 'Forbidden: open the address Sahifa printed, token included.');
      return;
    }
    if (handlers === null) {
      await handleHoldingPage(request, response, url, host, fromQuery && !fromCookie);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (file === null) {
      sendText(response, 404, 'Not found.');
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': file.contentType };
    if (fromQuery && !fromCookie) {
      // The page's own requests (scripts, styles, fonts, API calls) then carry the token.
      headers['Set-Cookie'] = `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    send(response, 200, request.method === 'HEAD' ? Buffer.alloc(0) : file.body, headers, file.body.length);
  }

  /** Before the library is open: the holding page, and the choice its form posts (token cookie, same origin). */
  async function handleHoldingPage(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    host: string,
    setCookie: boolean,
  ): Promise<void> {
    const page = options.holdingPage;
    if (url.pathname === CHOICE_PATH && request.method === 'POST') {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (request.headers.origin !== `http://${host}` || contentType !== 'application/x-www-form-urlencoded') {
        sendText(response, 403, 'Forbidden: post the choice from the page Sahifa shows.');
        return;
      }
      const body = await readBody(request, 1024);
      if (body === 'too-large') {
        sendText(response, 413, 'Too large.', { Connection: 'close' });
        return;
      }
      page?.choose(new URLSearchParams(body.toString('utf8')).get('choice') ?? '');
      send(response, 303, Buffer.alloc(0), { Location: '/' });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    const body = Buffer.from(page?.html() ?? 'Sahifa is opening the library…', 'utf8');
    const headers: Record<string, string> = {
      'Content-Type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'Content-Security-Policy': HOLDING_PAGE_POLICY,
      // Under no-referrer a browser posts the form with "Origin: null"; the choice needs its origin.
      'Referrer-Policy': 'same-origin',
    };
    if (setCookie) headers['Set-Cookie'] = `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    send(response, 200, request.method === 'HEAD' ? Buffer.alloc(0) : body, headers, body.length);
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    handlers: Handlers,
    name: string,
    host: string,
  ): Promise<void> {
    if (name === EVENTS_PATH && request.method === 'GET') {
      openEventStream(request, response, host);
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, apiError('invalid-input', 'Use POST.'), { Allow: 'POST' });
      return;
    }
    // Cookies are SameSite=Strict already; a foreign Origin is refused anyway, and requiring JSON
    // means no plain HTML form can ever post here.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      sendJson(response, 403, apiError('forbidden', 'Cross-origin requests are refused.'));
      return;
    }
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      sendJson(response, 415, apiError('invalid-input', 'Send JSON (Content-Type: application/json).'));
      return;
    }
    if (!isMethodName(name)) {
      sendJson(response, 404, apiError('not-found', `Unknown method "${name.slice(0, 100)}".`));
      return;
    }
    const limit = name === 'importFileData' ? IMPORT_BODY_LIMIT : LARGE_BODIES.has(name) ? LARGE_BODY_LIMIT : DEFAULT_BODY_LIMIT;
    const body = await readBody(request, limit);
    if (body === 'too-large') {
      sendJson(response, 413, apiError('invalid-input', `Request body larger than ${limit} bytes.`), {
        Connection: 'close',
      });
      return;
    }
    let input: unknown = undefined;
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(response, 400, apiError('invalid-input', 'The request body is not valid JSON.'));
        return;
      }
    }
    const outcome = await invokeMethod(handlers, name, input);
    if ('error' in outcome) sendJson(response, STATUS_OF[outcome.error.code], outcome);
    else sendJson(response, 200, outcome);
  }

  /** The token was checked by the caller, like for every /api/ request. */
  function openEventStream(request: http.IncomingMessage, response: http.ServerResponse, host: string): void {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      sendJson(response, 403, apiError('forbidden', 'Cross-origin requests are refused.'));
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    // Sent at once, so that the page knows it is connected before the first event.
    response.write(': connected\n\n');
    eventStreams.add(response);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), EVENT_KEEP_ALIVE_MS);
    keepAlive.unref();
    response.on('close', () => {
      clearInterval(keepAlive);
      eventStreams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    send(event) {
      const frame = `data: ${JSON.stringify(event)}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    },
    open(opened) {
      handlers = opened;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const STATUS_OF: Record<ApiError['error']['code'], number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  failed: 500,
};

function apiError(code: ApiError['error']['code'], message: string): ApiError {
  return { error: { code, message } };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks, size));
    });
    request.on('error', (error) => {
      if (!done) reject(error);
    });
  });
}

function send(
  response: http.ServerResponse,
  status: number,
  body: Buffer,
  headers: Record<string, string>,
  contentLength = body.length,
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    'Content-Length': String(contentLength),
    ...headers,
  });
  response.end(body);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(response, status, Buffer.from(JSON.stringify(value) ?? 'null', 'utf8'), {
    'Content-Type': 'application/json; charset=utf-8',
    ...headers,
  });
}

function sendText(response: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  send(response, status, Buffer.from(text, 'utf8'), { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
}
