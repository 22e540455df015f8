/**
 * Feed files → one article per item. `parseFeed` reads RSS 0.9x/2.0, RSS 1.0/0.90 (RDF) and
 * Atom 1.0/0.3 (the registry's 'feed' format, and 'xml' files that turn out to be feeds);
 * `parseJsonFeed` reads JSON Feed 1.0/1.1 ('json feed').
 *
 * A feed that is not well-formed keeps every item that is: see recover.ts. Items that cannot be
 * read, or hold nothing, are reported one by one through the context, never failing the file.
 */
import type { NewArticle } from '../../../common';
import { ImportError, reason, type FailureReason } from '../errors';
import type { ParseContext, Parser, SourceFile } from '../parser';
import { EMPTY_ITEM, isFeedItem, toArticle, type FeedInfo, type ItemRead, type ParsedFeed } from './article';
import { readAtom } from './atom';
import { ATOM, NS } from './dom';
import { decodeXml } from './encoding';
import { readRdf } from './rdf';
import { recoverItems } from './recover';
import { readRss } from './rss';
import { BrokenXmlError, brokenXml, isDocument, parseOnce, prepareXml, repairXml } from './xml';

export { parseJsonFeed } from './jsonfeed';

export const NO_ITEMS = 'the feed has no items';

function notAFeed(root: Element): ImportError {
  return new ImportError('not-a-feed', `unsupported format (XML whose root element <${root.localName}> is not a feed)`, { element: root.localName });
}

/** The feed in a parsed document, by its root element; throws ImportError for other XML. */
export function readFeedDocument(doc: Document): ParsedFeed {
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
      context.fail(`item ${position}`, item.error);
      continue;
    }
    const article = toArticle(item, info, file.path);
    if (article) articles.push(article);
    else context.fail(`item ${position}`, reason('feed-item-empty', EMPTY_ITEM));
  }
  return articles;
}

/** A broken feed: every item that parses on its own, the others reported with their line. */
function recoveredArticles(text: string, source: ReturnType<typeof prepareXml>, problem: BrokenXmlError, file: SourceFile, context: ParseContext): NewArticle[] {
  const recovered = recoverItems(text, source.doctype);
  let info: FeedInfo | null = null;
  const items: { position: number; item: ItemRead }[] = [];
  const failures: { entry: string; reason: FailureReason }[] = [];
  for (const r of recovered) {
    if (!isDocument(r.result)) {
      failures.push({ entry: `item ${r.index}`, reason: brokenXml(r.result) });
      continue;
    }
    let feed: ParsedFeed;
    try {
      feed = readFeedDocument(r.result);
    } catch {
      failures.push({ entry: `item ${r.index}`, reason: brokenXml({ ...problem.problem, line: r.line }) });
      continue;
    }
    info ??= feed.info;
    const item = feed.items[feed.items.length - 1];
    if (item) items.push({ position: r.index, item });
  }
  if (!info) throw problem;
  for (const f of failures) context.fail(f.entry, f.reason);
  return articlesOf(items, info, file, context);
}

type FeedRead =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; text: string; source: ReturnType<typeof prepareXml>; error: BrokenXmlError };

function readFeedText(bytes: Uint8Array): FeedRead {
  const source = prepareXml(decodeXml(bytes).text);
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
export function readFeedBytes(bytes: Uint8Array): ParsedFeed {
  const read = readFeedText(bytes);
  if (!read.ok) throw read.error;
  return read.feed;
}

export const parseFeed: Parser = (file, context) => {
  const read = readFeedText(file.bytes);
  if (!read.ok) return recoveredArticles(read.text, read.source, read.error, file, context);
  const { feed } = read;
  if (feed.items.length === 0) throw new ImportError('feed-no-items', NO_ITEMS);
  return articlesOf(feed.items.map((item, i) => ({ position: i + 1, item })), feed.info, file, context);
};
