/**
 * OPML 1.0 and 2.0, the format readers exchange subscriptions in. Importing: outlines with an
 * xmlUrl are feeds; outlines that hold others are folders, nested as deep as the file nests them,
 * even when they carry type="rss" (some readers write their groups that way); feeds already
 * subscribed (same address in canonical form) are not added again and folders that exist are
 * reused, so importing a file twice adds nothing. Decoding is the feed importer's (any encoding,
 * with or without a BOM) and so are the defences (no external entities, depth limits).
 * The file is read by the feed importer's XML reader (feeds/xml-tree.ts: saxes into a light tree,
 * no DOM), which takes a subscription list of 8,000 feeds in tens of milliseconds.
 * Exporting writes OPML 2.0 that other readers open: text, title, type="rss", xmlUrl, htmlUrl.
 */
import fs from 'node:fs';
import { ImportError } from '../import/errors';
import { decodeXml } from '../import/feeds/encoding';
import { isDocument, parseOnce, prepareXml, repairXml, type XmlSource } from '../import/feeds/xml';
import type { FeedStore, NewFeed } from '../library/feeds';
import { fetchableUrl } from './http';
import type { XmlElement } from '../import/feeds/xml-tree';

export interface OpmlReport {
  /** Feeds subscribed by this import. */
  added: number;
  /** Feeds of the file already subscribed. */
  existing: number;
  /** Folders this import created. */
  folders: number;
}

export class OpmlError extends Error {}

/** One <outline>: its attributes (as written) and the outlines inside it. */
export interface Outline {
  attributes: Record<string, string>;
  children: Outline[];
}

function domOutlines(el: XmlElement): Outline[] {
  return Array.from(el.children)
    .filter((c) => c.localName === 'outline')
    .map((c) => ({ attributes: Object.fromEntries(Array.from(c.attributes, (a) => [a.name, a.value])), children: domOutlines(c) }));
}

/** The outlines of <opml><body>, through the feed importer's XML reader (with its repairs). */
function documentOutlines(source: XmlSource, file: string): Outline[] {
  let parsed = parseOnce(source.text, source.doctype);
  if (!isDocument(parsed)) parsed = repairXml(source).result;
  if (!isDocument(parsed)) throw new OpmlError(`${file} is not well-formed XML (line ${parsed.line}: ${parsed.reason})`);
  const root = parsed.documentElement;
  if (root.localName.toLowerCase() !== 'opml') throw new OpmlError(`${file} is not an OPML file (its root element is <${root.localName}>)`);
  const body = Array.from(root.children).find((c) => c.localName === 'body');
  if (!body) throw new OpmlError(`${file} is an OPML file without a <body>`);
  return domOutlines(body);
}

/** The outlines of an OPML file's <body>, nested as in the file; an OpmlError naming the file when it is not one. */
export function parseOpml(bytes: Uint8Array, file: string): Outline[] {
  try {
    const source = prepareXml(decodeXml(bytes).text);
    return documentOutlines(source, file);
  } catch (error) {
    if (error instanceof ImportError) throw new OpmlError(`${file}: ${error.message}`);
    throw error;
  }
}

function attribute(outline: Outline, name: string): string | null {
  return outline.attributes[name] ?? outline.attributes[name.toLowerCase()] ?? null;
}

function label(outline: Outline): string {
  return (attribute(outline, 'text') ?? attribute(outline, 'title') ?? '').replace(/\s+/g, ' ').trim();
}

/** The feeds of the outlines, in file order, each with the path of folders it sits in. */
export function opmlFeeds(outlines: Outline[]): NewFeed[] {
  const feeds: NewFeed[] = [];
  const walk = (level: Outline[], path: string[]): void => {
    for (const outline of level) {
      const xmlUrl = attribute(outline, 'xmlUrl');
      if (xmlUrl && xmlUrl.trim()) {
        let url: string;
        try {
          url = fetchableUrl(xmlUrl).href;
        } catch {
          continue; // not an http(s) address: nothing Sahifa could fetch
        }
        feeds.push({ url, title: label(outline) || url, site: attribute(outline, 'htmlUrl')?.trim() || null, folder: path });
      } else if (outline.children.length > 0) {
        const name = label(outline);
        walk(outline.children, name ? [...path, name] : path);
      }
    }
  };
  walk(outlines, []);
  return feeds;
}

/**
 * Subscribes to every feed of an OPML file (without fetching: the next refresh does), in one
 * transaction. Folders are created with their first feed (an empty group adds nothing). Returns
 * the report and the ids of the feeds it added, to be fetched.
 */
export function importOpmlFeeds(store: FeedStore, bytes: Uint8Array, file: string): OpmlReport & { ids: number[] } {
  const { added, existing, folders } = store.addMany(opmlFeeds(parseOpml(bytes, file)));
  return { added: added.length, existing, folders, ids: added };
}

/** Subscribes to every feed of an OPML file: the report. */
export function importOpml(store: FeedStore, bytes: Uint8Array, file: string): OpmlReport {
  const { added, existing, folders } = importOpmlFeeds(store, bytes, file);
  return { added, existing, folders };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r?\n/g, '&#10;');
}

/** Every subscription as OPML 2.0, folders as nested outlines. */
export function exportOpml(store: FeedStore, now = new Date()): string {
  const folders = store.folders();
  const feeds = store.list();
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Sahifa subscriptions</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  const write = (parentId: number | null, depth: number): void => {
    const indent = '  '.repeat(depth + 2);
    for (const folder of folders.filter((f) => f.parentId === parentId)) {
      const name = escapeAttribute(folder.name);
      lines.push(`${indent}<outline text="${name}" title="${name}">`);
      write(folder.id, depth + 1);
      lines.push(`${indent}</outline>`);
    }
    for (const feed of feeds.filter((f) => f.folderId === parentId)) {
      const title = escapeAttribute(feed.title);
      const site = feed.site ? ` htmlUrl="${escapeAttribute(feed.site)}"` : '';
      lines.push(`${indent}<outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeAttribute(feed.url)}"${site}/>`);
    }
  };
  write(null, 0);
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

export function readOpmlFile(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    throw new OpmlError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
