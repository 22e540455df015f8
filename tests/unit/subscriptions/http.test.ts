/**
 * The fetcher's rules, each against a local server that breaks it: schemes, redirects (and which
 * ones move a feed), validators, compression, timeouts, the size cap while streaming, statuses,
 * and what is never sent (cookies, credentials, a Referer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { fetchUrl, FetchError, retryAfterMs } from '../../../main/subscriptions/http';
import { arabicFeed, FeedServer } from '../../fixtures/feed-server';

let server: FeedServer;
const feed = arabicFeed({ count: 3 });

beforeAll(async () => {
  server = await FeedServer.start();
  server
    .serve('/feed.xml', { body: feed, type: 'application/rss+xml', etag: '"v1"', lastModified: 'Tue, 21 Jul 2015 08:00:00 GMT', headers: { 'set-cookie': 'session=secret' } })
    .serve('/gzip.xml', { body: feed, type: 'application/rss+xml', encoding: 'gzip' })
    .serve('/deflate.xml', { body: feed, type: 'application/rss+xml', encoding: 'deflate' })
    .serve('/br.xml', { body: feed, type: 'application/rss+xml', encoding: 'br' })
    .redirect('/moved', '/feed.xml', 301)
    .redirect('/moved-twice', '/moved', 308)
    .redirect('/temporary', '/feed.xml', 302)
    .redirect('/moved-then-temporary', '/temporary', 301)
    .redirect('/loop', '/loop', 302)
    .redirect('/to-file', 'file:///etc/passwd', 302)
    .serve('/gone', { body: 'gone', status: 410 })
    .serve('/busy', { body: 'slow down', status: 429, headers: { 'retry-after': '120' } })
    .serve('/broken', { body: 'oops', status: 500 })
    .silent('/silent')
    .endless('/endless')
    .huge('/huge', 3 * 1024 * 1024)
    .huge('/bomb', 30 * 1024 * 1024, 'gzip');
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('what is sent', () => {
  it('names Sahifa and its version, sends no cookie, credentials or Referer, and keeps the validators', async () => {
    const first = await fetchUrl(server.url('/feed.xml').replace('http://', 'http://reader:hunter2@'));
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Tue, 21 Jul 2015 08:00:00 GMT', contentType: 'application/rss+xml' });
    await fetchUrl(server.url('/feed.xml'));
    for (const { headers } of server.seen('/feed.xml')) {
      expect(headers['user-agent']).toContain(`Sahifa/${packageJson.version}`);
      expect(headers.cookie).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
  });

  it('asks conditionally with both validators and gets a 304', async () => {
    const again = await fetchUrl(server.url('/feed.xml'), { etag: '"v1"', lastModified: 'Tue, 21 Jul 2015 08:00:00 GMT' });
    expect(again).toMatchObject({ status: 'not-modified', etag: '"v1"' });
    const last = server.seen('/feed.xml').at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Tue, 21 Jul 2015 08:00:00 GMT');
  });
});

describe('compression', () => {
  it.each(['gzip', 'deflate', 'br'])('reads %s bodies as the bytes sent', async (name) => {
    const result = await fetchUrl(server.url(`/${name}.xml`));
    expect(result.status === 'ok' && Buffer.from(result.bytes).equals(Buffer.from(feed))).toBe(true);
    expect(server.seen(`/${name}.xml`)[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('redirects', () => {
  it('a chain of permanent redirects gives the new address; a temporary one does not', async () => {
    expect(await fetchUrl(server.url('/moved-twice'))).toMatchObject({ status: 'ok', permanentUrl: server.url('/feed.xml') });
    expect(await fetchUrl(server.url('/temporary'))).toMatchObject({ status: 'ok', permanentUrl: null });
    expect(await fetchUrl(server.url('/moved-then-temporary'))).toMatchObject({ status: 'ok', permanentUrl: server.url('/temporary') });
  });

  it('stops after a few redirects, and never follows one to another scheme', async () => {
    expect((await failure(fetchUrl(server.url('/loop')))).code).toBe('too-many-redirects');
    expect(server.seen('/loop').length).toBe(6);
    expect((await failure(fetchUrl(server.url('/to-file')))).code).toBe('unsupported-scheme');
    expect((await failure(fetchUrl('ftp://example.com/feed'))).code).toBe('unsupported-scheme');
    expect((await failure(fetchUrl('file:///etc/passwd'))).code).toBe('unsupported-scheme');
  });
});

describe('statuses', () => {
  it('says 410 is gone, 429 asks to wait (with how long), 404 and 500 are failures', async () => {
    expect((await failure(fetchUrl(server.url('/gone')))).code).toBe('gone');
    const busy = await failure(fetchUrl(server.url('/busy')));
    expect(busy.code).toBe('rate-limited');
    expect(busy.details.retryAfterMs).toBe(120_000);
    expect((await failure(fetchUrl(server.url('/nowhere')))).code).toBe('not-found');
    expect(await failure(fetchUrl(server.url('/broken')))).toMatchObject({ code: 'http-status', details: { status: 500 } });
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
  });
});

describe('limits', () => {
  it('gives up on a server that never answers, and on a body that never ends', async () => {
    expect((await failure(fetchUrl(server.url('/silent'), { totalTimeoutMs: 400 }))).code).toBe('timeout');
    expect((await failure(fetchUrl(server.url('/endless'), { totalTimeoutMs: 400 }))).code).toBe('timeout');
  });

  it('stops reading a body past the cap, compressed or not', async () => {
    expect((await failure(fetchUrl(server.url('/huge'), { maxBytes: 1024 * 1024 }))).code).toBe('too-large');
    expect((await failure(fetchUrl(server.url('/bomb'), { maxBytes: 1024 * 1024 }))).code).toBe('too-large');
  });

  it('fails quickly and clearly when nothing listens', async () => {
    const error = await failure(fetchUrl('http://127.0.0.1:9/feed'));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/could not reach 127\.0\.0\.1:9/);
  });
});
