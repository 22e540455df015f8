/**
 * The one HTTP client for everything Sahifa fetches (feeds, pages, images). Built on node:http and
 * node:https rather than fetch() so that each rule is ours to enforce and to test:
 *  - http and https only, checked again on every redirect, at most MAX_REDIRECTS of them;
 *  - a chain of permanent redirects (301, 308) from the start gives the address to store from now
 *    on; a temporary one (302, 303, 307) breaks the chain;
 *  - a timeout on connecting and one on the whole exchange (headers and body), so a server that
 *    never answers, or a body that never ends, costs at most that;
 *  - a size cap counted on the decoded bytes while they stream in (gzip, deflate, br), so neither a
 *    huge body nor a compression bomb is ever held whole;
 *  - no cookies, no credentials (user:password in an address is dropped, never sent), no Referer;
 *    a User-Agent that names Sahifa and its version;
 *  - conditional requests from a stored ETag and Last-Modified; what a 200 or 304 says about them,
 *    and about how long to wait (Cache-Control max-age, Retry-After), comes back to the caller.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import packageJson from '../../package.json' with { type: 'json' };

export const USER_AGENT = `Sahifa/${packageJson.version} (desktop news reader; +https://github.com/sahifa-reader/sahifa)`;

export const MAX_REDIRECTS = 5;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
/** Feeds and pages: far above any real one. Images have their own, smaller caps (images.ts). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type FetchErrorCode =
  | 'bad-address' | 'unsupported-scheme' | 'too-many-redirects' | 'connect-timeout' | 'timeout' | 'too-large'
  | 'network' | 'not-found' | 'gone' | 'rate-limited' | 'http-status' | 'cancelled';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number | null; permanentUrl?: string | null; errno?: string } = {},
  ) {
    super(message);
  }
}

export interface FetchOptions {
  /** Validators from the last 200 (or 304): sent as If-None-Match and If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  maxBytes?: number;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  signal?: AbortSignal;
  /** Sockets kept open between requests (the refresher shares one per run). */
  agents?: Agents;
}

interface Common {
  /** The address the response came from, after redirects. */
  url: string;
  /** The address reached through permanent redirects only, when it differs from the one asked. */
  permanentUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Cache-Control max-age, in seconds, when the server gave one. */
  maxAgeSeconds: number | null;
}

export type FetchResult =
  | (Common & { status: 'ok'; bytes: Uint8Array; contentType: string | null; charset: string | null })
  | (Common & { status: 'not-modified' });

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

/** Keep-alive agents for a run of many requests; destroy() them when done. */
export function createAgents(maxSocketsPerHost = 6): Agents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: maxSocketsPerHost }),
    https: new https.Agent({ keepAlive: true, maxSockets: maxSocketsPerHost }),
  };
}

/** An http(s) address without credentials or fragment, or a FetchError saying why not. */
export function fetchableUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    throw new FetchError('bad-address', `"${raw}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('unsupported-scheme', `only http and https addresses are fetched, not ${url.protocol.replace(/:$/, '')}:`);
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  return url;
}

/** Retry-After as milliseconds from now: seconds, or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function maxAgeOf(cacheControl: string | undefined): number | null {
  const m = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl ?? '');
  return m ? Number(m[1]) : null;
}

/** "text/xml; charset=windows-1256" → ["text/xml", "windows-1256"]. */
export function parseContentType(value: string | undefined): { type: string | null; charset: string | null } {
  if (!value) return { type: null, charset: null };
  const [type = '', ...params] = value.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find((c) => c) ?? null;
  return { type: type.trim().toLowerCase() || null, charset };
}

function header(res: IncomingMessage, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The decoded body stream for a Content-Encoding (several may be stacked), or a FetchError. */
function decoded(res: IncomingMessage): Readable {
  const encodings = (header(res, 'content-encoding') ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e && e !== 'identity');
  let stream: Readable = res;
  for (const encoding of encodings.reverse()) {
    if (encoding === 'gzip' || encoding === 'x-gzip') stream = stream.pipe(zlib.createGunzip());
    // "deflate" is meant to be zlib-wrapped; some servers send raw deflate. unzip() reads gzip and zlib.
    else if (encoding === 'deflate') stream = stream.pipe(zlib.createUnzip());
    else if (encoding === 'br') stream = stream.pipe(zlib.createBrotliDecompress());
    else throw new FetchError('http-status', `the server sent an encoding Sahifa cannot read (${encoding})`);
  }
  return stream;
}

class StaleSocketError extends Error {}

/** request(), again on a fresh socket when a reused one turns out to be closed. */
async function requestOnce(url: URL, headers: Record<string, string>, options: FetchOptions, deadline: number): Promise<Exchange> {
  try {
    return await request(url, headers, options, deadline);
  } catch (error) {
    if (!(error instanceof StaleSocketError)) throw error;
    // On a socket of its own: the pool may hold more sockets the server has closed.
    const fresh = { ...options, agents: { http: new http.Agent(), https: new https.Agent() } };
    try {
      return await request(url, headers, fresh, deadline);
    } catch (again) {
      throw again instanceof StaleSocketError ? new FetchError('network', again.message) : again;
    }
  }
}

interface Exchange {
  res: IncomingMessage;
  /** Reads the (decoded) body, up to the cap. */
  body(): Promise<Uint8Array>;
  /** Drops the body (a redirect, a 304, an error page) and stops the timers. */
  discard(): void;
}

/** One request, no redirects followed. Rejects with FetchError on timeouts and network errors. */
function request(url: URL, headers: Record<string, string>, options: FetchOptions, deadline: number): Promise<Exchange> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const agent = options.agents ? (secure ? options.agents.https : options.agents.http) : undefined;
    const req = (secure ? https : http).request(url, { method: 'GET', headers, agent });
    let settled = false;
    let bodyFailed: ((error: FetchError) => void) | null = null;
    const fail = (error: FetchError): void => {
      req.destroy();
      if (!settled) {
        settled = true;
        reject(error);
      } else bodyFailed?.(error);
    };
    const total = setTimeout(
      () => fail(new FetchError('timeout', `no complete answer within ${Math.round((options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS) / 1000)} s`)),
      Math.max(0, deadline - Date.now()),
    );
    const onAbort = (): void => fail(new FetchError('cancelled', 'cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = (): void => {
      clearTimeout(total);
      options.signal?.removeEventListener('abort', onAbort);
    };
    req.on('socket', (socket) => {
      // A reused keep-alive socket is connected already.
      if (!socket.connecting) return;
      const connect = setTimeout(() => fail(new FetchError('connect-timeout', `could not connect to ${url.host} within ${Math.round(connectTimeoutMs / 1000)} s`)), connectTimeoutMs);
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    req.on('error', (error) => {
      cleanup();
      // A kept-alive socket the server closed meanwhile: the request never reached it; try anew.
      const code = (error as NodeJS.ErrnoException).code;
      if (!settled && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) {
        settled = true;
        reject(new StaleSocketError(`could not reach ${url.host} (${code})`));
        return;
      }
      fail(error instanceof FetchError ? error : new FetchError('network', `could not reach ${url.host} (${code ?? error.message})`, { errno: code }));
    });
    req.on('response', (res) => {
      settled = true;
      const body = (): Promise<Uint8Array> =>
        new Promise<Uint8Array>((resolveBody, rejectBody) => {
          bodyFailed = (error) => {
            cleanup();
            rejectBody(error);
          };
          const declared = Number(header(res, 'content-length'));
          if (Number.isFinite(declared) && declared > maxBytes) {
            fail(new FetchError('too-large', `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
            return;
          }
          let stream: Readable;
          try {
            stream = decoded(res);
          } catch (error) {
            fail(error as FetchError);
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              stream.destroy();
              fail(new FetchError('too-large', `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (error) => fail(new FetchError('network', `the answer from ${url.host} was cut or garbled (${error.message})`)));
          stream.on('end', () => {
            cleanup();
            const all = Buffer.concat(chunks);
            resolveBody(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
          });
        });
      const discard = (): void => {
        cleanup();
        // A short known body is read off so the socket can serve the next request; anything else
        // (a redirect that streams forever) closes it.
        const length = Number(header(res, 'content-length'));
        if (res.statusCode === 304 || (Number.isFinite(length) && length <= 65_536)) res.resume();
        else res.destroy();
      };
      resolve({ res, body, discard });
    });
    req.end();
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs an address, following redirects by the rules above. Resolves with the body (200) or
 * not-modified (304); anything else rejects with a FetchError whose code says what happened.
 */
export async function fetchUrl(address: string, options: FetchOptions = {}): Promise<FetchResult> {
  const start = fetchableUrl(address);
  const deadline = Date.now() + (options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  let url = start;
  let permanent: URL = start;
  let onlyPermanent = true;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const { res, body, discard: drop } = await requestOnce(url, headers, options, deadline);
    const status = res.statusCode ?? 0;
    const permanentUrl = permanent.href === start.href ? null : permanent.href;
    const common = (): Common => ({
      url: url.href,
      permanentUrl,
      etag: header(res, 'etag') ?? null,
      lastModified: header(res, 'last-modified') ?? null,
      maxAgeSeconds: maxAgeOf(header(res, 'cache-control')),
    });
    if (REDIRECTS.has(status)) {
      drop();
      const location = header(res, 'location');
      if (!location) throw new FetchError('http-status', `the server redirected (${status}) without saying where`, { status });
      if (hop >= MAX_REDIRECTS) throw new FetchError('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`, { permanentUrl });
      url = fetchableUrl(location, url.href);
      if (onlyPermanent && (status === 301 || status === 308)) permanent = url;
      else onlyPermanent = false;
      continue;
    }
    if (status === 304) {
      drop();
      return { status: 'not-modified', ...common() };
    }
    if (status >= 200 && status < 300) {
      const bytes = await body();
      const { type, charset } = parseContentType(header(res, 'content-type'));
      return { status: 'ok', ...common(), bytes, contentType: type, charset };
    }
    drop();
    const wait = retryAfterMs(header(res, 'retry-after'));
    if (status === 410) throw new FetchError('gone', 'the feed is gone (410): the site says it will not come back', { status, permanentUrl });
    if (status === 404) throw new FetchError('not-found', 'not found (404)', { status, permanentUrl });
    if (status === 429 || (status === 503 && wait !== null)) {
      throw new FetchError('rate-limited', `the server asks to wait (${status})`, { status, retryAfterMs: wait, permanentUrl });
    }
    throw new FetchError('http-status', `the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, { status, retryAfterMs: wait, permanentUrl });
  }
}
