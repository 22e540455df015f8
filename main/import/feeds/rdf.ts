/**
 * RSS 1.0 and 0.90: an rdf:RDF root whose channel and items are siblings, the items in the RSS
 * namespace. Items read like RSS 2.0's; rdf:about stands in for a missing link.
 */
import { readSafely, type ParsedFeed } from './article';
import { RSS, child, children } from './dom';
import { readChannelInfo, readRssItem } from './rss';
import type { XmlElement } from './xml-tree';

export function readRdf(root: XmlElement): ParsedFeed {
  const channel = child(root, RSS, 'channel');
  const info = readChannelInfo(channel, root);
  // Some RDF feeds nest the items in the channel, as RSS 2.0 does.
  const itemElements = [...children(root, RSS, 'item'), ...(channel ? children(channel, RSS, 'item') : [])];
  return { info, items: itemElements.map((item) => readSafely(item, (el) => readRssItem(el, info.link))) };
}
