/**
 * OPML import and export: nested folders, group outlines typed "rss", any encoding with or without
 * a BOM, importing twice adds nothing, and an export other readers open (and Sahifa reads back).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { exportOpml, importOpml, OpmlError, parseOpml } from '../../../main/subscriptions/opml';
import { encodeWindows1256 } from '../../fixtures/feed-server';

let dir: string;
let library: Library;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-opml-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const OPML = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>
<opml version="1.0">
  <head><title>اشتراكاتي</title></head>
  <body>
    <outline text="أخبار">
      <outline text="الخليج" title="الخليج" type="rss">
        <outline text="سبق" type="rss" xmlUrl="https://sabq.example/rss.xml" htmlUrl="https://sabq.example/"/>
        <outline text="عكاظ" type="rss" xmlUrl="http://www.okaz.example/feed/"/>
      </outline>
      <outline text="الرياض" type="rss" xmlUrl="https://alriyadh.example/rss"/>
    </outline>
    <outline text="Tech" type="rss" xmlUrl="https://tech.example/atom.xml"/>
    <outline text="empty group"/>
    <outline text="not fetchable" type="rss" xmlUrl="javascript:alert(1)"/>
  </body>
</opml>`;

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

describe('OPML import', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(OPML('UTF-8'))],
    ['UTF-8 with a BOM', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(OPML('UTF-8'))]))],
    ['UTF-16LE with a BOM', utf16le(OPML('UTF-16'))],
    ['windows-1256', encodeWindows1256(OPML('windows-1256'))],
  ])('reads nested folders from %s, and a second import adds nothing', (_name, bytes) => {
    const store = library.feeds();
    expect(importOpml(store, bytes, 'subs.opml')).toEqual({ added: 4, existing: 0, folders: 2 });
    const byTitle = new Map(store.list().map((f) => [f.title, f]));
    expect(byTitle.get('سبق')).toMatchObject({ folder: 'أخبار / الخليج', site: 'https://sabq.example/' });
    expect(byTitle.get('الرياض')?.folder).toBe('أخبار');
    expect(byTitle.get('Tech')?.folder).toBeNull();
    expect(importOpml(store, bytes, 'subs.opml')).toEqual({ added: 0, existing: 4, folders: 0 });
    expect(store.list()).toHaveLength(4);
    expect(store.folders()).toHaveLength(2);
  });

  it('knows a feed under another spelling of its address', () => {
    const store = library.feeds();
    store.add({ url: 'https://okaz.example/feed', title: 'عكاظ' });
    expect(importOpml(store, new TextEncoder().encode(OPML('UTF-8')), 'subs.opml')).toMatchObject({ added: 3, existing: 1 });
  });

  it('imports 8,000 feeds in nested folders into a library that has some of them, and a second import adds nothing', () => {
    const store = library.feeds();
    const lines: string[] = [];
    for (let group = 0; group < 8_000; group += 100) {
      lines.push(`<outline text="قسم ${group % 700}"><outline text="مواقع &amp; ${group}" type="rss">`);
      for (let f = group; f < group + 100; f++) {
        lines.push(`<outline type="rss" text="موجز ${f}" xmlUrl="https://site${f % 97}.example/feeds/${f}?lang=ar&amp;n=${f}" htmlUrl="https://site${f % 97}.example/"/>`);
      }
      lines.push('</outline></outline>');
    }
    const file = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<?xml version="1.0"?><opml version="2.0"><body>${lines.join('\n')}</body></opml>`)]));
    // Already subscribed, under other spellings of the same addresses.
    store.add({ url: 'http://www.site5.example/feeds/5?n=5&lang=ar', title: 'قديم' });
    store.add({ url: 'https://site43.example/feeds/7900/?lang=ar&n=7900', title: 'قديم ٢' });

    expect(importOpml(store, file, 'big.opml')).toEqual({ added: 7_998, existing: 2, folders: 87 });
    const feeds = store.list();
    expect(feeds).toHaveLength(8_000);
    const byTitle = new Map(feeds.map((f) => [f.title, f]));
    expect(byTitle.get('موجز 4321')).toMatchObject({ url: 'https://site53.example/feeds/4321?lang=ar&n=4321', site: 'https://site53.example/', folder: 'قسم 100 / مواقع & 4300' });
    expect(byTitle.get('قديم')?.folder).toBeNull();
    expect(new Set(feeds.map((f) => f.uid)).size).toBe(8_000);

    expect(importOpml(store, file, 'big.opml')).toEqual({ added: 0, existing: 8_000, folders: 0 });
    expect(store.list()).toHaveLength(8_000);
    expect(store.folders()).toHaveLength(87);
  });

  it('reads a file with a DOCTYPE, or one that needs repairs, as well', () => {
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY news "أخبار">]>
      <opml version="1.0"><body><outline text="&news;"><outline text="سبق" xmlUrl="https://sabq.example/rss.xml"/></outline></body></opml>`;
    expect(importOpml(library.feeds(), new TextEncoder().encode(withDoctype), 'doctype.opml')).toEqual({ added: 1, existing: 0, folders: 1 });
    expect(library.feeds().list()[0]?.folder).toBe('أخبار');
    const bareAmpersand = '<opml version="2.0"><body><outline text="R&D" xmlUrl="https://rd.example/feed?a=1&b=2"/></body></opml>';
    expect(importOpml(library.feeds(), new TextEncoder().encode(bareAmpersand), 'repair.opml')).toEqual({ added: 1, existing: 0, folders: 0 });
    expect(library.feeds().findByUrl('https://rd.example/feed?a=1&b=2')?.title).toBe('R&D');
  });

  it('refuses what is not OPML, naming the file and the reason, and adds nothing', () => {
    expect(() => parseOpml(new TextEncoder().encode('<rss/>'), 'x.opml')).toThrow(/x\.opml is not an OPML file \(its root element is <rss>\)/);
    expect(() => parseOpml(new TextEncoder().encode('<opml><body>'), 'broken.opml')).toThrow(OpmlError);
    expect(() => parseOpml(new TextEncoder().encode('<opml version="2.0"><head/></opml>'), 'bodiless.opml')).toThrow(/bodiless\.opml is an OPML file without a <body>/);
    expect(library.feeds().list()).toEqual([]);
  });
});

describe('OPML export', () => {
  it('writes OPML 2.0 with text, title, type, xmlUrl and htmlUrl, nested, which imports back the same', () => {
    const store = library.feeds();
    importOpml(store, new TextEncoder().encode(OPML('UTF-8')), 'subs.opml');
    const xml = exportOpml(store);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<outline type="rss" text="سبق" title="سبق" xmlUrl="https://sabq.example/rss.xml" htmlUrl="https://sabq.example/"/>');
    const other = Library.open(path.join(dir, 'other.sqlite'));
    try {
      expect(importOpml(other.feeds(), new TextEncoder().encode(xml), 'export.opml')).toEqual({ added: 4, existing: 0, folders: 2 });
      const summary = (l: Library) => l.feeds().list().map((f) => [f.title, f.url, f.folder, f.site]);
      expect(summary(other)).toEqual(summary(library));
    } finally {
      other.close();
    }
  });
});
