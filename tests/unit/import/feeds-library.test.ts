/**
 * Feeds end to end, through the importer's registry (as the lead wires it: 'feed', 'xml' and
 * 'json feed') into an in-memory sink and into a real Library, where imported items are found by
 * search — Hebrew titles from a windows-1255 feed with an external DTD included.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerParser } from '../../../main/import/formats';
import { importPaths } from '../../../main/import/importer';
import { failedName } from '../../../main/import/failure-lines';
import { parseFeed, parseJsonFeed } from '../../../main/import/feeds/index';
import { Library } from '../../../main/library/library';
import { feeds } from './feeds-helpers';
import { MemorySink } from './helpers';

registerParser('feed', parseFeed);
registerParser('xml', parseFeed);
registerParser('json feed', parseJsonFeed);

const corpus = (dir: string): string[] => readdirSync(path.join(feeds, dir)).filter((f) => f !== 'LICENSE').sort().map((f) => path.join(feeds, dir, f));

describe('importing the whole feed corpus through the registry', () => {
  it('imports every item and names each failure with its file (and item)', async () => {
    const sink = new MemorySink();
    const files = ['feedparser', 'rss-parser', 'chardet-hebrew-feeds', 'jsonfeed'].flatMap(corpus);
    const report = await importPaths(sink, files);
    // feedparser: 19 one-item files and a 2-item JSON Feed; rss-parser: 173; Hebrew: 55; jsonfeed: 48.
    expect(report.imported + report.duplicates).toBe(21 + 173 + 55 + 48);
    const failed = new Map(report.failed.map((f) => [failedName({ ...f, path: path.relative(feeds, f.path) }), f.error]));
    expect(failed.get('feedparser/illformed__aaa_illformed.xml')).toBe('broken XML at line 6: unclosed tag: rss');
    expect(failed.get('feedparser/encoding__utf-32le-bom.xml')).toBe('the feed has no items');
    expect(failed.get('feedparser/illformed__rss_empty_document.xml')).toBe('broken XML at line 5: document must contain a root element');
    expect(failed.get('feedparser/atom10__entry_content_src.xml › item 1')).toBe('empty item');
    expect(report.failed.find((f) => f.path.endsWith('atom10__entry_content_src.xml'))).toMatchObject({ path: path.join(feeds, 'feedparser/atom10__entry_content_src.xml'), item: 1, code: 'feed-item-empty' });
    expect([...failed.values()].every((reason) => !reason.startsWith('could not import'))).toBe(true);
    // Nothing is left unsupported: every corpus file reached a feed parser.
    expect([...failed.values()].filter((reason) => reason.startsWith('unsupported'))).toEqual([]);
    expect(sink.articles.filter((a) => a.dir === 'rtl').length).toBeGreaterThanOrEqual(56);
  }, 60_000);
});

describe('feeds in a real library', () => {
  let dir = '';
  let library: Library;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sahifa-feeds-library-'));
    library = Library.open(path.join(dir, 'library.sqlite'));
    const report = await importPaths(library, [
      ...corpus('chardet-hebrew-feeds'),
      path.join(feeds, 'rss-parser', 'encoding.rss'),
      path.join(feeds, 'rss-parser', 'content-encoded.rss'),
      path.join(feeds, 'jsonfeed', 'podcast-feed.json'),
    ]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(55 + 40 + 7 + 40);
  }, 60_000);

  afterAll(() => {
    library?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a Hebrew item by a word of its text', () => {
    const hits = library.search('פיירפוקס');
    expect(hits.total).toBeGreaterThanOrEqual(1);
    expect(hits.items.every((h) => h.dir === 'rtl')).toBe(true);
    expect(hits.items.map((h) => h.title)).toContain('הטמעת פייתון ביישומי C/C++');
  });

  it('finds a title-only Hebrew item by a word of its title', () => {
    const hits = library.search('טרקטורים');
    expect(hits.items.map((h) => h.title)).toEqual(['יש סטודנטים שמעדיפים לשכב מול טרקטורים במקום על הדשא בקמפוס / צפריר רינת']);
    expect(hits.items[0]?.source).toBe('חברה צודקת');
  });

  it('finds Portuguese and English items by words of their text', () => {
    expect(library.search('Laygue').items.map((h) => h.title)).toEqual(['Mãe de utente é a nova presidente da Raríssimas']);
    expect(library.search('foraging').total).toBeGreaterThanOrEqual(1);
    expect(library.search('Spacewar').items.map((h) => h.title)).toContain('Learn Me Something eSports');
  });

  it('keeps feed dates, and sorts undated items by import time', () => {
    const newest = library.list({ limit: 200 }).items;
    const dated = newest.find((a) => a.title === 'Learn Me Something eSports');
    expect(dated?.published).toBe('2018-06-08T11:00:01.000Z');
    const undated = newest.find((a) => a.source === 'חברה צודקת');
    expect(undated?.published).toBeNull();
    // No dates in the Hebrew feeds: imported today, they list before the 2018 items.
    expect(newest.findIndex((a) => a.source === 'חברה צודקת')).toBeLessThan(newest.findIndex((a) => a.title === 'Learn Me Something eSports'));
  });

  it('does not import a feed twice', async () => {
    const again = await importPaths(library, [path.join(feeds, 'rss-parser', 'encoding.rss')]);
    expect(again).toMatchObject({ imported: 0, duplicates: 40, failed: [] });
  });
});
