/**
 * OPML import and export: nested folders, group outlines typed "rss", any encoding with or without
 * a BOM, importing twice adds nothing, and an export other readers open (and Sahifa reads back).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { exportOpml, importOpml, OpmlError, parseOpmlDocument } from '../../../main/subscriptions/opml';
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

  it('refuses what is not OPML, naming the file and the reason, and adds nothing', () => {
    expect(() => parseOpmlDocument(new TextEncoder().encode('<rss/>'), 'x.opml')).toThrow(/x\.opml is not an OPML file \(its root element is <rss>\)/);
    expect(() => parseOpmlDocument(new TextEncoder().encode('<opml><body>'), 'broken.opml')).toThrow(OpmlError);
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
