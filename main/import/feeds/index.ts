/**
 * Feed files → one article per item. `parseFeed` reads RSS 0.9x/2.0, RSS 1.0/0.90 (RDF) and
 * Atom 1.0/0.3 (the registry's 'feed' format, and 'xml' files that turn out to be feeds);
 * `parseJsonFeed` reads JSON Feed 1.0/1.1 ('json feed').
 *
 * A feed that is not well-formed keeps every item that is: see recover.ts. Items that cannot be
 * read, or hold nothing, are reported one by one through the context, never failing the file.
 */
import type { NewArticle } from '../../../common';
import { ImportError, reason } from '../errors';
import type { ParseContext, Parser, SourceFile } from '../parser';
import { EMPTY_ITEM, isFeedItem, toArticle, type FeedInfo, type ItemRead, type ParsedFeed } from './article';
import { readAtom } from './atom';
import { ATOM, NS } from './dom';
import { decodeXml } from './encoding';
import { reportDecoding, type NoteSink } from '../notes';
import { readRdf } from './rdf';
import { recoverItems } from './recover';
import { readRss } from './rss';
import { BrokenXmlError, brokenXml, isDocument, parseOnce, prepareXml, repairXml } from './xml';
import type { XmlDocument, XmlElement } from './xml-tree';

export { parseJsonFeed, readJsonFeed } from './jsonfeed';

export const NO_ITEMS = 'the feed has no items';

function notAFeed(root: XmlElement): ImportError {
  return new ImportError('not-a-feed', `unsupported format (XML whose root element <${root.localName}> is not a feed)`, { element: root.localName });
}

/** The feed in a parsed document, by its root element; throws ImportError for other XML. */
export function readFeedDocument(doc: XmlDocument): ParsedFeed {
  const root = doc.documentElement;
  const name = root.localName.toLowerCase();
  if (name === 'rss') return readRss(root);
  if (name === 'rdf' && root.namespaceURI === NS.rdf) return readRdf(root);
  if (name === 'feed' && ATOM.includes(root.namespaceURI ?? '')) return readAtom(root);
  // RSS 0.9x feeds without the <rss> wrapper still turn up: a bare <channel>.
  if (name === 'channel') return readRss(root);
  throw notAFeed(root);
}

function articlesOf(items: { position: number; item: ItemRead }[], info: FeedInfo, file: SourceFile, context: ParseContext): NewArticle[] {
  const articles: NewArticle[] = [];
  for (const { position, item } of items) {
    if (!isFeedItem(item)) {
      context.failItem(position, item.error);
      continue;
    }
    const article = toArticle(item, info, file.path);
    if (article) articles.push(article);
    else context.failItem(position, reason('feed-item-empty', EMPTY_ITEM));
  }
  return articles;
}

/**
 * A broken feed: every item that parses on its own, in the file's order; the others stand in the
 * list as their failure, with their line. Throws the original problem when not even the feed's
 * own information can be read.
 */
function recoverFeed(
  text: string,
  source: ReturnType<typeof prepareXml>,
  problem: BrokenXmlError,
): { info: FeedInfo; items: { position: number; item: ItemRead }[] } {
  let info: FeedInfo | null = null;
  const items: { position: number; item: ItemRead }[] = [];
  for (const r of recoverItems(text, source.doctype)) {
    if (!isDocument(r.result)) {
      items.push({ position: r.index, item: { error: brokenXml(r.result) } });
      continue;
    }
    let feed: ParsedFeed;
    try {
      feed = readFeedDocument(r.result);
    } catch {
      items.push({ position: r.index, item: { error: brokenXml({ ...problem.problem, line: r.line }) } });
      continue;
    }
    info ??= feed.info;
    const item = feed.items[feed.items.length - 1];
    if (item) items.push({ position: r.index, item });
  }
  if (!info) throw problem;
  return { info, items };
}

type FeedRead =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; text: string; source: ReturnType<typeof prepareXml>; error: BrokenXmlError };

function readFeedText(bytes: Uint8Array, charset: string | null, notes?: NoteSink): FeedRead {
  const source = prepareXml(reportDecoding(decodeXml(bytes, charset), notes));
  let parsed = parseOnce(source.text, source.doctype);
  if (!isDocument(parsed)) {
    const repaired = repairXml(source);
    if (!isDocument(repaired.result)) return { ok: false, text: repaired.text, source, error: new BrokenXmlError(repaired.result) };
    parsed = repaired.result;
  }
  return { ok: true, feed: readFeedDocument(parsed) };
}

/**
 * The feed in a file, items and all, when it is well-formed (after the safe repairs); throws
 * ImportError otherwise, or when the XML is not a feed.
 */
export function readFeedBytes(bytes: Uint8Array, charset: string | null = null, options: { recover?: boolean } = {}): ParsedFeed {
  const read = readFeedText(bytes, charset);
  if (read.ok) return read.feed;
  // A subscription keeps every item of a broken feed that reads on its own, as an import does.
  if (options.recover) {
    const { info, items } = recoverFeed(read.text, read.source, read.error);
    return { info, items: items.map(({ item }) => item) };
  }
  throw read.error;
}

export const parseFeed: Parser = (file, context) => {
  const read = readFeedText(file.bytes, null, context);
  if (!read.ok) {
    const { info, items } = recoverFeed(read.text, read.source, read.error);
    return articlesOf(items, info, file, context);
  }
  const { feed } = read;
  if (feed.items.length === 0) throw new ImportError('feed-no-items', NO_ITEMS);
  return articlesOf(feed.items.map((item, i) => ({ position: i + 1, item })), feed.info, file, context);
};
