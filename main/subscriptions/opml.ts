/**
 * OPML 1.0 and 2.0, the format readers exchange subscriptions in. Importing: outlines with an
 * xmlUrl are feeds; outlines that hold others are folders, nested as deep as the file nests them,
 * even when they carry type="rss" (some readers write their groups that way); feeds already
 * subscribed (same address in canonical form) and folders that exist already are not added again,
 * so importing a file twice adds nothing. Decoding and parsing are the feed importer's: any
 * encoding, with or without a BOM, and the same defences (no external entities, depth limits).
 * Exporting writes OPML 2.0 that other readers open: text, title, type="rss", xmlUrl, htmlUrl.
 */
import fs from 'node:fs';
import { ImportError } from '../import/errors';
import { decodeXml } from '../import/feeds/encoding';
import { isDocument, parseOnce, prepareXml, repairXml } from '../import/feeds/xml';
import type { FeedStore } from '../library/feeds';
import { fetchableUrl } from './http';

export interface OpmlReport {
  /** Feeds subscribed by this import. */
  added: number;
  /** Feeds of the file already subscribed. */
  existing: number;
  /** Folders this import created. */
  folders: number;
}

export class OpmlError extends Error {}

function outlinesOf(el: Element): Element[] {
  return Array.from(el.children).filter((c) => c.localName === 'outline');
}

function label(outline: Element): string {
  return (outline.getAttribute('text') ?? outline.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
}

export function parseOpmlDocument(bytes: Uint8Array, file: string): Element {
  let doc: Document;
  try {
    const source = prepareXml(decodeXml(bytes).text);
    let parsed = parseOnce(source.text, source.doctype);
    if (!isDocument(parsed)) parsed = repairXml(source).result;
    if (!isDocument(parsed)) throw new OpmlError(`${file} is not well-formed XML (line ${parsed.line}: ${parsed.reason})`);
    doc = parsed;
  } catch (error) {
    if (error instanceof ImportError) throw new OpmlError(`${file}: ${error.message}`);
    throw error;
  }
  const root = doc.documentElement;
  if (root.localName.toLowerCase() !== 'opml') throw new OpmlError(`${file} is not an OPML file (its root element is <${root.localName}>)`);
  const body = Array.from(root.children).find((c) => c.localName === 'body');
  if (!body) throw new OpmlError(`${file} is an OPML file without a <body>`);
  return body;
}

/** Subscribes to every feed of an OPML file (without fetching: the next refresh does). */
export function importOpml(store: FeedStore, bytes: Uint8Array, file: string): OpmlReport {
  const body = parseOpmlDocument(bytes, file);
  const report: OpmlReport = { added: 0, existing: 0, folders: 0 };
  const foldersBefore = store.folders().length;
  const walk = (outlines: Element[], path: string[]): void => {
    for (const outline of outlines) {
      const xmlUrl = outline.getAttribute('xmlUrl') ?? outline.getAttribute('xmlurl');
      const inner = outlinesOf(outline);
      if (xmlUrl && xmlUrl.trim()) {
        let url: string;
        try {
          url = fetchableUrl(xmlUrl).href;
        } catch {
          continue; // not an http(s) address: nothing Sahifa could fetch
        }
        const folderId = path.length > 0 ? store.ensureFolder(path) : null;
        const htmlUrl = outline.getAttribute('htmlUrl') ?? outline.getAttribute('htmlurl');
        const { added } = store.add({ url, title: label(outline) || url, site: htmlUrl?.trim() || null, folderId });
        if (added) report.added++;
        else report.existing++;
      } else if (inner.length > 0) {
        const name = label(outline);
        walk(inner, name ? [...path, name] : path);
      }
    }
  };
  store.inTransaction(() => walk(outlinesOf(body), []));
  // Folders are created with their first feed (an empty group adds nothing) and never removed here.
  report.folders = store.folders().length - foldersBefore;
  return report;
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
