import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { CONTENT_SECURITY_POLICY } from '../../../main/static-files';
import { HOLDING_PAGE_POLICY, startWebServer, type WebServer } from '../../../main/web-server';

const shared = path.resolve(process.cwd(), '../shared');
const arabicArticle = path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_article.utf8.txt');

const SECRET = 'library secret that must never be served';

let dir: string;
let library: Library;
let server: WebServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-web-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>صحيفة</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  const platform = { pickFiles: () => null, openExternal: async () => false };
  server = await startWebServer({ handlers: createHandlers({ library, platform }), rendererDir });
});

afterAll(async () => {
  await server.close();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests: fetch would not let a test send a foreign Host header. */
function request(
  pathAndQuery: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; target?: WebServer } = {},
): Promise<Answer> {
  const target = options.target ?? server;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${target.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sahifa-token': server.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the browser-mode server', () => {
  it('prints an address on loopback with a 64-hex-digit token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{64}$`));
  });

  it('refuses the page without the token, or with a wrong one', async () => {
    expect((await request('/')).status).toBe(403);
    expect((await request('/assets/app.js')).status).toBe(403);
    expect((await request(`/?token=${'0'.repeat(64)}`)).status).toBe(403);
    expect((await request(`/?token=${server.token.slice(0, 10)}`)).status).toBe(403);
  });

  it('serves the page with the token, sets an HttpOnly SameSite=Strict cookie and the CSP', async () => {
    const answer = await request(`/?token=${server.token}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('صحيفة');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain(`=${server.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const name = cookie.slice(0, cookie.indexOf('='));
    const script = await request('/assets/app.js', { headers: { cookie: `${name}=${server.token}` } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const font = await request('/assets/font.woff2', { headers: { cookie: `${name}=${server.token}` } });
    expect(font.headers['content-type']).toBe('font/woff2');
    expect((await request('/assets/app.js', { headers: { cookie: `${name}=wrong` } })).status).toBe(403);
  });

  it('refuses foreign Host headers (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      expect((await request(`/?token=${server.token}`, { headers: { host } })).status).toBe(403);
      expect((await api('stats', {}, { host })).status).toBe(403);
    }
    expect((await request(`/?token=${server.token}`, { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%5c..%5csecret.txt', '/link.txt', '/index.html%00.js'])(
    'never serves a file outside the renderer: %s',
    async (target) => {
      const answer = await request(`${target}?token=${server.token}`);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    },
  );

  it('answers the API with the token header, and refuses it without', async () => {
    const answer = await api('stats', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ result: { articles: 0, bookmarks: 0 } });

    const anonymous = await request('/api/stats', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(403);
    expect(JSON.parse(anonymous.body)).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect((await api('stats', {}, { 'x-sahifa-token': 'f'.repeat(64) })).status).toBe(403);
  });

  it('refuses cross-origin calls, non-JSON bodies and other verbs', async () => {
    expect((await api('stats', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('stats', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await api('stats', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await request('/api/stats', { headers: { 'x-sahifa-token': server.token } })).status).toBe(405);
    const broken = await request('/api/stats', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sahifa-token': server.token },
      body: '{"',
    });
    expect(broken.status).toBe(400);
  });

  it('maps contract errors to HTTP statuses', async () => {
    expect((await api('__proto__', {})).status).toBe(404);
    expect((await api('constructor', {})).status).toBe(404);
    const invalid = await api('getArticle', { id: -3 });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.code).toBe('invalid-input');
    const missing = await api('getArticle', { id: 999 });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not-found');
  });

  it('refuses bodies over 1 MB for ordinary methods', async () => {
    const answer = await api('search', { query: 'ا'.repeat(1024 * 1024) });
    expect(answer.status).toBe(413);
  });

  it('takes an OPML file over a megabyte (thousands of feeds, as other readers export them)', async () => {
    const outlines = Array.from(
      { length: 2_500 },
      (_, i) =>
        `<outline type="rss" text="صحيفة الأخبار اليومية ${i}" title="صحيفة الأخبار اليومية ${i}" description="آخر الأخبار المحلية والعربية والدولية من مراسلينا ${i}" xmlUrl="https://news${i}.example.com/feeds/latest/rss.xml" htmlUrl="https://news${i}.example.com/"/>`,
    );
    const opml = `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body><outline text="أخبار">${outlines.join('')}</outline></body></opml>`;
    const base64 = Buffer.from(opml).toString('base64');
    expect(base64.length).toBeGreaterThan(1024 * 1024);
    const answer = await api('importOpml', { name: 'big.opml', base64 });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).result).toEqual({ added: 2_500, existing: 0, folders: 1 });
  });

  it('imports an uploaded Arabic file and finds it', async () => {
    const base64 = fs.readFileSync(arabicArticle).toString('base64');
    const imported = await api('importFileData', { files: [{ name: 'tunis.txt', base64 }] });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body).result.imported).toBe(1);
    const found = JSON.parse((await api('search', { query: 'برلمان تونس' })).body).result;
    expect(found.total).toBe(1);
    expect(found.items[0].title).toContain('تونس');
  });

  it('has no file dialog and opens no links', async () => {
    expect(JSON.parse((await api('pickAndImport', {})).body)).toEqual({ result: { supported: false } });
    expect(JSON.parse((await api('openExternal', { url: 'https://example.com/' })).body)).toEqual({ result: { opened: false } });
  });
});

describe('before the library is open (a damaged library is being asked about)', () => {
  it('shows only the holding page, takes a choice from it alone, and serves the app once open', async () => {
    const chosen: string[] = [];
    const holding = await startWebServer({
      rendererDir: path.join(dir, 'renderer'),
      holdingPage: { html: () => '<!doctype html><form method="post" action="/choose"></form>', choose: (choice) => chosen.push(choice) },
    });
    try {
      const origin = `http://127.0.0.1:${holding.port}`;
      const cookie = `sahifa_token_${holding.port}=${holding.token}`;
      const form = { 'content-type': 'application/x-www-form-urlencoded', cookie, origin };
      expect((await request('/', { target: holding })).status).toBe(403);

      const page = await request(`/?token=${holding.token}`, { target: holding });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<form method="post" action="/choose">');
      expect(page.headers['content-security-policy']).toBe(HOLDING_PAGE_POLICY);
      expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
      // The app's files are not served yet, and the API is closed.
      expect((await request('/assets/app.js', { target: holding, headers: { cookie } })).body).not.toContain('console.log');
      const early = await request('/api/stats', { target: holding, method: 'POST', headers: { 'content-type': 'application/json', 'x-sahifa-token': holding.token }, body: '{}' });
      expect(early.status).toBe(503);

      // A choice from another site, without the token, or as JSON is refused.
      expect((await request('/choose', { target: holding, method: 'POST', headers: { ...form, origin: 'https://evil.example' }, body: 'choice=new' })).status).toBe(403);
      expect((await request('/choose', { target: holding, method: 'POST', headers: { ...form, cookie: '' }, body: 'choice=new' })).status).toBe(403);
      expect((await request('/choose', { target: holding, method: 'POST', headers: { ...form, 'content-type': 'application/json' }, body: '{"choice":"new"}' })).status).toBe(403);
      expect(chosen).toEqual([]);

      const posted = await request('/choose', { target: holding, method: 'POST', headers: form, body: 'choice=new' });
      expect(posted.status).toBe(303);
      expect(posted.headers.location).toBe('/');
      expect(chosen).toEqual(['new']);

      holding.open(createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } }));
      expect((await request('/', { target: holding, headers: { cookie } })).body).toContain('<title>صحيفة</title>');
      const stats = await request('/api/stats', { target: holding, method: 'POST', headers: { 'content-type': 'application/json', 'x-sahifa-token': holding.token }, body: '{}' });
      expect(stats.status).toBe(200);
    } finally {
      await holding.close();
    }
  });
});
