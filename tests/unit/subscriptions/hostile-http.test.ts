/**
 * The hostile pages (tests/fixtures/hostile), served over HTTP: saved by address, or reached as a
 * feed item's full text, they are stored with nothing that runs or loads; with offline images on,
 * the only requests are for the page and its pictures, and only raster images are kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { refreshContext, refreshFeed } from '../../../main/subscriptions/refresh';
import { savePage } from '../../../main/subscriptions/subscribe';
import { FeedServer, PNG_1x1 } from '../../fixtures/feed-server';
import { dangers, runsSomething } from '../../fixtures/hostile-checks';

const fixtures = path.resolve('tests', 'fixtures', 'hostile');
const pages = fs.readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort();

let server: FeedServer;
let dir: string;
let library: Library;

beforeAll(async () => {
  server = await FeedServer.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-hostile-http-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  server.serve('/evil/pixel.png', { body: PNG_1x1, type: 'image/png' });
  for (const name of pages) {
    // Whatever the page points at, it points at this server, so that nothing could leave the machine.
    const html = fs.readFileSync(path.join(fixtures, name), 'utf8').replace(/https?:\/\/evil\.example/g, `${server.origin}/evil`);
    server.serve(`/pages/${name}`, { body: html, type: 'text/html; charset=utf-8' });
  }
});
afterAll(async () => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('hostile pages saved by address', () => {
  for (const name of pages) {
    it(`${name}: stored with nothing that runs or loads`, async () => {
      const ctx = refreshContext(library);
      try {
        const before = server.requests.length;
        const { id } = await savePage(ctx, server.url(`/pages/${name}`));
        const article = library.get(id);
        expect(article.text).toContain('معرض الكتاب الدولي');
        expect(dangers(article.html ?? '').filter((d) => !d.startsWith('a trace'))).toEqual([]);
        expect(runsSomething(article.html ?? '')).toBe(false);
        // Only the page and its pictures were asked for (as images): no script, style, frame or object.
        const asked = server.requests.slice(before);
        expect(asked[0]!.path).toBe(`/pages/${name}`);
        for (const r of asked.slice(1)) expect(r.headers.accept, `${name}: ${r.path}`).toMatch(/^image\//);
      } finally {
        ctx.close();
      }
    });
  }

  it('reached as full text of a feed item, a hostile page is sanitized the same way', async () => {
    const items = pages.map((name, i) => `<item><guid>h${i}</guid><title>عنوان ${i}</title><link>${server.url(`/pages/${name}`)}</link><description>ملخص</description></item>`);
    server.serve('/hostile-feed.xml', { body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>عدائي</title>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
    // A library of its own: the pages saved above would make these items duplicates.
    const fresh = Library.open(path.join(dir, 'full-text.sqlite'));
    const { feed } = fresh.feeds().add({ url: server.url('/hostile-feed.xml'), title: 'عدائي' });
    fresh.feeds().update(feed.id, { fullText: true });
    const ctx = refreshContext(fresh);
    try {
      expect(await refreshFeed(ctx, feed.id)).toMatchObject({ new: pages.length });
      for (const summary of fresh.list({ feeds: [feed.id], limit: 100 }).items) {
        const { html, text } = fresh.get(summary.id);
        expect(text).toContain('معرض الكتاب الدولي');
        expect(dangers(html ?? '').filter((d) => !d.startsWith('a trace'))).toEqual([]);
        expect(runsSomething(html ?? '')).toBe(false);
      }
    } finally {
      ctx.close();
      fresh.close();
    }
  });
});
