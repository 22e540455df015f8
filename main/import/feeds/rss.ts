/**
 * RSS 0.9x and 2.0 (<rss><channel><item>), and the items of RSS 1.0 / 0.90 (RDF), which share
 * RSS's element names in a namespace. Modules commonly found in them are read too: content:encoded
 * (preferred to the description), dc: dates, creators and languages, feedburner's original link,
 * and Atom links and dates.
 */
import { readSafely, type FeedInfo, type FeedItem, type ParsedFeed } from './article';
import { EMPTY_BODY, guessedBody, guessedLine, htmlBody, plainBody, type Body } from './content';
import { parseFeedDate } from './dates';
import { ATOM, NS, RSS, child, childText, children, webUrl, xmlBase, xmlLang } from './dom';
import { xmlNodesToHtml } from './html';
import type { XmlElement } from './xml-tree';

/** "editor@example.com (Jane Doe)" → "Jane Doe"; RSS 2.0 wants an e-mail address there. */
export function personName(raw: string | null): string | null {
  if (!raw) return null;
  const s = guessedLine(raw);
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  return (named?.[1] ?? s).trim() || null;
}

function atomAlternate(el: XmlElement, feedLink: string | null): string | null {
  for (const link of children(el, ATOM, 'link')) {
    const rel = (link.getAttribute('rel') ?? 'alternate').trim();
    const href = link.getAttribute('href');
    if (rel === 'alternate' && href) return webUrl(href, xmlBase(link, feedLink));
  }
  return null;
}

function itemUrl(item: XmlElement, feedLink: string | null): string | null {
  const base = xmlBase(item, feedLink);
  // Feedburner's own link is a redirect through its tracker; the original is the article's address.
  const original = webUrl(childText(item, NS.feedburner, 'origLink'), base);
  if (original) return original;
  const link = webUrl(childText(item, RSS, 'link'), base);
  if (link) return link;
  const guid = child(item, RSS, 'guid');
  if (guid && (guid.getAttribute('isPermaLink') ?? 'true').trim().toLowerCase() !== 'false') {
    const url = webUrl(guid.textContent, base);
    if (url) return url;
  }
  const alternate = atomAlternate(item, feedLink);
  if (alternate) return alternate;
  return webUrl(item.getAttributeNS(NS.rdf, 'about'), base);
}

function itemByline(item: XmlElement): string | null {
  const names = children(item, NS.dc, 'creator').map((c) => personName(c.textContent)).filter((n): n is string => !!n);
  if (names.length > 0) return names.join(', ');
  const atomAuthor = child(item, ATOM, 'author');
  return personName(childText(item, RSS, 'author'))
    ?? personName(childText(item, NS.itunes, 'author'))
    ?? (atomAuthor ? personName(childText(atomAuthor, ATOM, 'name')) : null);
}

function itemDate(item: XmlElement): string | null {
  const candidates = [
    childText(item, RSS, 'pubDate'),
    childText(item, NS.dc, 'date'),
    childText(item, NS.dcterms, 'issued', 'created', 'modified'),
    childText(item, ATOM, 'published', 'updated'),
  ];
  for (const c of candidates) {
    const date = parseFeedDate(c);
    if (date) return date;
  }
  return null;
}

function hasText(body: Body): boolean {
  return body.text.trim() !== '';
}

function itemBody(item: XmlElement, feedLink: string | null): Body {
  let fallback: Body = EMPTY_BODY;
  const consider = (body: Body): Body | null => {
    if (hasText(body)) return body;
    if (!fallback.html && body.html) fallback = body; // images only: better than nothing
    return null;
  };
  for (const el of children(item, NS.content, 'encoded')) {
    const found = consider(guessedBody(el, xmlBase(el, feedLink)));
    if (found) return found;
  }
  const xhtml = child(item, NS.xhtml, 'body');
  if (xhtml) {
    const found = consider(htmlBody(xmlNodesToHtml(xhtml), xmlBase(xhtml, feedLink)));
    if (found) return found;
  }
  for (const el of children(item, RSS, 'description')) {
    const found = consider(guessedBody(el, xmlBase(el, feedLink)));
    if (found) return found;
  }
  const summary = childText(item, NS.itunes, 'summary');
  if (summary) {
    const found = consider(plainBody(summary));
    if (found) return found;
  }
  return fallback;
}

export function readRssItem(item: XmlElement, feedLink: string | null): FeedItem {
  return {
    id: childText(item, RSS, 'guid')?.trim() || item.getAttributeNS(NS.rdf, 'about')?.trim() || null,
    title: guessedLine(childText(item, RSS, 'title') ?? childText(item, NS.dc, 'title')),
    url: itemUrl(item, feedLink),
    byline: itemByline(item),
    published: itemDate(item),
    lang: xmlLang(item) ?? childText(item, NS.dc, 'language'),
    body: itemBody(item, feedLink),
  };
}

function minutes(value: string | null): number | null {
  const n = Number((value ?? '').trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function readChannelInfo(channel: XmlElement | null, root: XmlElement): FeedInfo {
  const el = channel ?? root;
  const link = webUrl(childText(el, RSS, 'link'), xmlBase(el, null)) ?? atomAlternate(el, null);
  return {
    title: guessedLine(childText(el, RSS, 'title') ?? childText(el, NS.dc, 'title')),
    link,
    lang: childText(el, RSS, 'language') ?? childText(el, NS.dc, 'language') ?? xmlLang(el),
    ttl: minutes(childText(el, RSS, 'ttl')),
  };
}

/** <rss>: items live in the channel, though some RSS 0.9x feeds put them beside it. */
export function readRss(root: XmlElement): ParsedFeed {
  const channel = child(root, RSS, 'channel');
  const info = readChannelInfo(channel, root);
  const itemElements = [...(channel ? children(channel, RSS, 'item') : []), ...children(root, RSS, 'item')];
  return { info, items: itemElements.map((item) => readSafely(item, (el) => readRssItem(el, info.link))) };
}
