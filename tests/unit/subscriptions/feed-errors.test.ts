/**
 * Every way fetching a feed fails has its stable code, kept on the feed beside the English line
 * (which the command line shows as is): each against a local server that fails that way. And a
 * library from before the codes gets them from the English lines it kept.
 */
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRefreshLibrary, openRefreshLibrary } from '../../fixtures/refresh-library';
import { Library } from '../../../main/library/library';
import { migrations } from '../../../main/library/schema';
import { feedErrorCode } from '../../../main/subscriptions/feed-errors';
import { FetchError } from '../../../main/subscriptions/http';
import { refreshContext, refreshFeed } from '../../../main/subscriptions/refresh';
import { FeedServer } from '../../fixtures/feed-server';

let server: FeedServer;
let dir: string;
let library: Library;
let ctx: ReturnType<typeof refreshContext>;

beforeAll(async () => {
  server = await FeedServer.start();
  server
    .serve('/missing.xml', { body: 'no', type: 'text/plain', status: 404 })
    .serve('/gone.xml', { body: 'gone', type: 'text/plain', status: 410 })
    .serve('/private.xml', { body: 'no', type: 'text/plain', status: 403 })
    .serve('/busy.xml', { body: 'wait', type: 'text/plain', status: 429, headers: { 'retry-after': '120' } })
    .serve('/broken.xml', { body: 'down', type: 'text/plain', status: 500 })
    .serve('/teapot.xml', { body: 'tea', type: 'text/plain', status: 418 })
    .serve('/page.html', { body: '<!doctype html><html><head><title>صفحة</title></head><body><p>نص</p></body></html>', type: 'text/html' })
    .redirect('/loop', '/loop', 302)
    .redirect('/to-file', 'file:///etc/passwd', 302)
    .silent('/silent.xml')
    .huge('/huge.xml', 12 * 1024 * 1024);
});
afterAll(() => server.close());

beforeEach(() => {
  ({ dir, library, ctx } = openRefreshLibrary('sahifa-feed-errors-'));
  ctx.timeouts = { connectMs: 2_000, totalMs: 1_500 };
});
afterEach(() => closeRefreshLibrary({ dir, library, ctx }));

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function failureOf(url: string) {
  const feed = library.feeds().add({ url, title: url }).feed;
  const outcome = await refreshFeed(ctx, feed.id);
  return { outcome, feed: library.feeds().get(feed.id) };
}

describe('the code of a failed fetch', () => {
  it.each([
    ['/missing.xml', 'not-found', /not found \(404\)/],
    ['/gone.xml', 'gone', /gone \(410\)/],
    ['/private.xml', 'forbidden', /403/],
    ['/busy.xml', 'rate-limited', /wait \(429\)/],
    ['/broken.xml', 'server-error', /500/],
    ['/teapot.xml', 'http-error', /418/],
    ['/page.html', 'not-a-feed', /not a feed/],
    ['/loop', 'redirects', /redirects/],
    ['/to-file', 'unsupported-scheme', /only http and https/],
    ['/silent.xml', 'timeout', /within/],
    ['/huge.xml', 'too-large', /larger than/],
  ])('%s → %s, kept on the feed with the English line', async (route, code, english) => {
    const { outcome, feed } = await failureOf(server.url(route));
    expect(outcome).toMatchObject({ status: 'failed', errorCode: code });
    expect(feed.errorCode).toBe(code);
    expect(feed.lastError).toMatch(english);
  });

  it('tells a refused connection and a failed secure connection apart', async () => {
    const refused = await failureOf(`http://127.0.0.1:${await closedPort()}/feed.xml`);
    expect(refused.feed).toMatchObject({ errorCode: 'refused', lastError: expect.stringMatching(/ECONNREFUSED/) });
    // https to a server that speaks plain http: the TLS handshake fails.
    const tls = await failureOf(server.url('/missing.xml').replace(/^http:/, 'https:'));
    expect(tls.feed.errorCode).toBe('tls');
  });

  it('names a host that does not resolve, and anything unknown', () => {
    expect(feedErrorCode(new FetchError('network', 'could not reach x.invalid (ENOTFOUND)', { errno: 'ENOTFOUND' }))).toBe('dns');
    expect(feedErrorCode(new FetchError('network', 'could not reach x (ECONNRESET)', { errno: 'ECONNRESET' }))).toBe('network');
    expect(feedErrorCode(new FetchError('connect-timeout', 'could not connect'))).toBe('timeout');
    expect(feedErrorCode(new FetchError('bad-address', '"x" is not a web address'))).toBe('bad-address');
    expect(feedErrorCode(new Error('SQLITE_BUSY'))).toBe('unknown');
  });

  it('clears the code with the error when a fetch works again', async () => {
    server.serve('/flaky.xml', { body: 'down', type: 'text/plain', status: 503 });
    const { feed } = await failureOf(server.url('/flaky.xml'));
    expect(feed.errorCode).toBe('server-error');
    server.serve('/flaky.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>خلاصة</title><item><title>خبر</title><guid>1</guid><description>نص الخبر</description></item></channel></rss>', type: 'application/rss+xml' });
    await refreshFeed(ctx, feed.id);
    expect(library.feeds().get(feed.id)).toMatchObject({ lastError: null, errorCode: null });
  });
});

describe('a library from before the codes', () => {
  it('gets them from the English lines its feeds kept', () => {
    const file = path.join(dir, 'older.sqlite');
    const withCodes = migrations.findIndex((migration) => migration.toString().includes('ADD COLUMN error_code'));
    expect(withCodes).toBeGreaterThan(0);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    for (const migration of migrations.slice(0, withCodes)) migration(db);
    db.pragma(`user_version = ${withCodes}`);
    const insert = db.prepare("INSERT INTO feeds (uid, url, url_key, title, last_error, paused, created) VALUES (?, ?, ?, 't', ?, ?, '2026-11-01T00:00:00Z')");
    const lines: [string | null, string | null][] = [
      ['not found (404)', null],
      ['the feed is gone (410): the site says it will not come back', 'the feed is gone (410): the site says it will not come back'],
      ['no complete answer within 30 s', null],
      ['could not reach a.example (ECONNREFUSED)', null],
      ['the server answered 502 Bad Gateway', null],
      ['a web page, not a feed', null],
      ['something odd', null],
      [null, null],
    ];
    lines.forEach(([error, paused], i) => insert.run(`u${i}`, `https://a.example/${i}`, `a.example/${i}`, error, paused));
    db.close();

    const upgraded = Library.open(file);
    try {
      expect(upgraded.feeds().list().sort((a, b) => a.id - b.id).map((f) => f.errorCode)).toEqual(['not-found', 'gone', 'timeout', 'refused', 'server-error', 'not-a-feed', 'unknown', null]);
      expect(upgraded.feeds().list().every((f) => f.fullTextSuggestion === null)).toBe(true);
    } finally {
      upgraded.close();
    }
  });
});
