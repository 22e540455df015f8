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
/** `GET /api/events`: the events main pushes to the window, as Server-Sent Events. Not a method name. */
export const EVENTS_PATH = 'events';
/** A comment line now and then, so that nothing between here and the page drops an idle stream. */
const EVENT_KEEP_ALIVE_MS = 25_000;

export interface WebServerOptions {
  handlers: Handlers;
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
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token, 'utf8');
  let port = 0;

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
      await handleApi(request, response, url.pathname.slice('/api/'.length), host);
      return;
    }

    const fromQuery = tokenMatches(url.searchParams.get('token') ?? undefined);
    if (!fromCookie && !fromQuery) {
      sendText(response, 403, 'Forbidden: open the address Sahifa printed, token included.');
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

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
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
    const limit = name === 'importFileData' ? IMPORT_BODY_LIMIT : DEFAULT_BODY_LIMIT;
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
    const outcome = await invokeMethod(options.handlers, name, input);
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
