/**
 * Offline images stored once each: feeds whose items repeat a real photo (the corpus's JPEG) keep
 * one copy of it in the library, referred to from every article, and every way of reading an
 * article — the reader, the exports, a backup — gets it back as a data: URI. An image no article
 * shows any more (nor one waiting for an undo) is tombstoned, and comes back when downloaded again.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRefreshLibrary, openRefreshLibrary } from '../../fixtures/refresh-library';
import { Library } from '../../../main/library/library';
import { decodeStored, type StoredValue } from '../../../main/library/stored-text';
import { refreshContext, refreshFeeds, SETTING_IMAGES } from '../../../main/subscriptions/refresh';
import { savePage, subscribe } from '../../../main/subscriptions/subscribe';
import { arabicFeed, FeedServer, news, PNG_1x1 } from '../../fixtures/feed-server';
import { CORPUS } from '../../fixtures/corpus';

const JPEG = fs.readFileSync(path.join(CORPUS, 'saved-pages', 'arabic-titlepage_files', 'titlepage.jpg'));

let server: FeedServer;
let dir: string;
let file: string;
let library: Library;
let ctx: ReturnType<typeof refreshContext>;

beforeAll(async () => {
  server = await FeedServer.start();
  server.serve('/photo.jpg', { body: JPEG, type: 'image/jpeg' });
  server.serve('/dot.png', { body: PNG_1x1, type: 'image/png' });
});
afterAll(() => server.close());
beforeEach(() => ({ dir, file, library, ctx } = openRefreshLibrary('sahifa-images-')));
afterEach(() => closeRefreshLibrary({ dir, library, ctx }));

/** What the library file holds, read with a connection of its own. */
function stored<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const dataUri = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('offline images stored once', () => {
  it('keeps one copy of a photo that every item of two feeds shows, and gives it back wherever the article is read', async () => {
    server.serve('/a.xml', { body: arabicFeed({ count: 3, image: server.url('/photo.jpg') }), type: 'application/rss+xml' });
    server.serve('/b.xml', { body: arabicFeed({ count: 2, from: 3, image: server.url('/photo.jpg') }), type: 'application/rss+xml' });
    server.serve('/c.xml', { body: arabicFeed({ count: 1, from: 5, image: server.url('/dot.png') }), type: 'application/rss+xml' });
    for (const feed of ['/a.xml', '/b.xml', '/c.xml']) await subscribe(ctx, server.url(feed));

    const images = stored<{ uid: string; sha256: string; type: string; size: number }>('SELECT uid, sha256, type, size FROM images ORDER BY id');
    expect(images.map((i) => [i.type, i.size])).toEqual([['image/jpeg', JPEG.byteLength], ['image/png', PNG_1x1.byteLength]]);
    expect(images.every((i) => /^[0-9a-f-]{36}$/.test(i.uid))).toBe(true);
    // The articles hold references, never the bytes.
    const rows = stored<{ html: StoredValue }>('SELECT html FROM articles');
    expect(rows).toHaveLength(6);
    for (const html of rows.map((row) => decodeStored(row.html))) {
      expect(html).toMatch(/<img[^>]+src="sahifa-image:[0-9a-f]{64}"/);
      expect(html).not.toContain('data:');
    }
    expect(stored('SELECT * FROM article_images')).toHaveLength(6);

    const ids = library.list().items.map((s) => s.id);
    for (const id of ids) {
      const html = library.get(id).html!;
      expect(html.includes(dataUri('image/jpeg', JPEG)) || html.includes(dataUri('image/png', PNG_1x1))).toBe(true);
      expect(html).not.toContain('sahifa-image:');
      expect(html).not.toContain(server.origin);
    }
    // Exports read articles through the library too.
    const exported = [...library.articles()];
    expect(exported.filter((a) => a.html!.includes(dataUri('image/jpeg', JPEG)))).toHaveLength(5);

    // A backup is a library like any other: its articles show their images.
    const copy = path.join(dir, 'backup.sqlite');
    await library.backup(copy);
    const restored = Library.open(copy);
    try {
      expect(restored.get(ids[0]!).html).toContain('data:image/');
    } finally {
      restored.close();
    }
  });

  it('tombstones an image nothing shows any more, not while an undo can bring its article back, and revives it when it returns', async () => {
    server.serve('/d.xml', { body: arabicFeed({ count: 1, from: 10, image: server.url('/dot.png') }), type: 'application/rss+xml' });
    const { feed } = await subscribe(ctx, server.url('/d.xml'));
    const id = library.list({ feeds: [feed.id] }).items[0]!.id;

    library.deleteArticle(id);
    expect(library.feeds().items.sweepImages()).toBe(0);
    library.restoreArticle(id);
    expect(library.get(id).html).toContain(dataUri('image/png', PNG_1x1));

    library.deleteArticle(id);
    library.purgeDeleted(new Date(Date.now() + 2 * 86_400_000));
    expect(library.feeds().items.sweepImages()).toBe(1);
    const [tombstone] = stored<{ uid: string; bytes: Buffer | null; deleted: string | null }>('SELECT uid, bytes, deleted FROM images');
    expect(tombstone).toMatchObject({ bytes: null, deleted: expect.any(String) });

    // The same picture in a new item: the same row, its bytes back.
    server.serve('/e.xml', { body: arabicFeed({ count: 1, from: 11, image: server.url('/dot.png') }), type: 'application/rss+xml' });
    const e = await subscribe(ctx, server.url('/e.xml'));
    await refreshFeeds(ctx, [e.feed.id]);
    expect(stored<{ uid: string; deleted: string | null }>('SELECT uid, deleted FROM images')).toEqual([{ uid: tombstone!.uid, deleted: null }]);
    expect(library.get(library.list({ feeds: [e.feed.id] }).items[0]!.id).html).toContain(dataUri('image/png', PNG_1x1));
  });

  it('stores the images of pages saved by their address once each, as a feed’s, and reads them back from the library', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
    server.serve('/drawing.svg', { body: svg, type: 'image/svg+xml' });
    server.serve('/not-an-image.png', { body: '<html><body>error</body></html>', type: 'image/png' });
    const pageOf = (n: number, images: string[]) => {
      const a = news(40 + n)[39 + n]!;
      const pictures = images.map((src, i) => `<p><img src="${src}" alt="صورة ${i}"></p>`).join('');
      return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${a.title}</title></head><body><article><h1>${a.title}</h1>${pictures}${a.content.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    };
    server.serve('/first.html', { body: pageOf(1, ['/photo.jpg', '/drawing.svg']), type: 'text/html; charset=utf-8' });
    server.serve('/second.html', { body: pageOf(2, ['/photo.jpg', '/dot.png', '/not-an-image.png']), type: 'text/html; charset=utf-8' });

    const first = await savePage(ctx, server.url('/first.html'));
    const second = await savePage(ctx, server.url('/second.html'));
    expect([first.imported, second.imported]).toEqual([1, 1]);

    // The photo both pages show is one row; the SVG and the HTML served as a PNG are not images.
    const images = stored<{ type: string; size: number }>('SELECT type, size FROM images ORDER BY id');
    expect(images).toEqual([{ type: 'image/jpeg', size: JPEG.byteLength }, { type: 'image/png', size: PNG_1x1.byteLength }]);
    for (const row of stored<{ html: StoredValue }>('SELECT html FROM articles')) {
      const html = decodeStored(row.html)!;
      expect(html).toMatch(/<img[^>]+src="sahifa-image:[0-9a-f]{64}"/);
      expect(html).not.toContain('data:');
    }
    expect(stored('SELECT * FROM article_images')).toHaveLength(3);

    // Read back: the pictures as data: URIs, nothing that would load from outside, no SVG.
    const shown = [library.get(first.id).html!, library.get(second.id).html!];
    expect(shown[0]).toContain(dataUri('image/jpeg', JPEG));
    expect(shown[1]).toContain(dataUri('image/jpeg', JPEG));
    expect(shown[1]).toContain(dataUri('image/png', PNG_1x1));
    for (const html of shown) {
      expect(html).not.toMatch(/src="(?!data:image\/(?:jpeg|png);base64,)/);
      expect(html).not.toContain(server.origin);
      expect(html).not.toMatch(/<svg|alert\(|drawing\.svg|image\/svg/i);
    }

    // Saving a page again adds nothing, and its images stay.
    expect(await savePage(ctx, server.url('/first.html'))).toMatchObject({ id: first.id, imported: 0, duplicates: 1 });
    expect(library.feeds().items.sweepImages()).toBe(0);
    expect(library.get(first.id).html).toContain(dataUri('image/jpeg', JPEG));

    // The global switch off: a page saved then keeps no pictures at all.
    library.updateSettings({ [SETTING_IMAGES]: false });
    const offCtx = refreshContext(library);
    server.serve('/third.html', { body: pageOf(3, ['/dot.png']), type: 'text/html; charset=utf-8' });
    try {
      const third = await savePage(offCtx, server.url('/third.html'));
      expect(library.get(third.id).html).not.toMatch(/<img/);
    } finally {
      offCtx.close();
    }
    expect(stored('SELECT * FROM article_images')).toHaveLength(3);
  });
});
