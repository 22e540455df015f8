/**
 * Atom 1.0 and 0.3 feeds. Text constructs and content come in several types (see content.ts);
 * links are resolved against the xml:base in force where they are written.
 */
import { readSafely, type FeedInfo, type FeedItem, type ParsedFeed } from './article';
import { EMPTY_BODY, atomBody, atomLine, type Body } from './content';
import { parseFeedDate } from './dates';
import { ATOM, NS, child, childText, children, webUrl, xmlBase, xmlLang } from './dom';
import type { XmlElement } from './xml-tree';

/** The entry's (or feed's) web page: rel="alternate" (the default), HTML preferred. */
function alternateLink(el: XmlElement, feedLink: string | null): string | null {
  let best: string | null = null;
  for (const link of children(el, ATOM, 'link')) {
    const rel = (link.getAttribute('rel') ?? 'alternate').trim().toLowerCase();
    const href = link.getAttribute('href');
    if (rel !== 'alternate' || !href) continue;
    const url = webUrl(href, xmlBase(link, feedLink));
    if (!url) continue;
    const type = (link.getAttribute('type') ?? 'text/html').toLowerCase();
    if (type === 'text/html' || type === 'application/xhtml+xml') return url;
    best ??= url;
  }
  return best;
}

function authorNames(el: XmlElement | null): string | null {
  if (!el) return null;
  const names = children(el, ATOM, 'author')
    .map((a) => (childText(a, ATOM, 'name') ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return names.length > 0 ? names.join(', ') : null;
}

function entryDate(entry: XmlElement): string | null {
  const candidates = [
    childText(entry, ATOM, 'published', 'issued', 'created'),
    childText(entry, ATOM, 'updated', 'modified'),
    childText(entry, NS.dc, 'date'),
  ];
  for (const c of candidates) {
    const date = parseFeedDate(c);
    if (date) return date;
  }
  return null;
}

/** <content>, unless it only points elsewhere (src=), else <summary>. */
function entryBody(entry: XmlElement, feedLink: string | null): { body: Body; from: XmlElement | null } {
  for (const name of ['content', 'summary']) {
    for (const el of children(entry, ATOM, name)) {
      if (el.hasAttribute('src') && !(el.textContent ?? '').trim()) continue;
      const body = atomBody(el, xmlBase(el, feedLink));
      if (body.text.trim() || body.html) return { body, from: el };
    }
  }
  return { body: EMPTY_BODY, from: null };
}

function readEntry(entry: XmlElement, feed: XmlElement, feedLink: string | null): FeedItem {
  const { body, from } = entryBody(entry, feedLink);
  const id = childText(entry, ATOM, 'id');
  return {
    id: id?.trim() || null,
    title: atomLine(child(entry, ATOM, 'title')),
    url: webUrl(childText(entry, NS.feedburner, 'origLink'), xmlBase(entry, feedLink))
      ?? alternateLink(entry, feedLink)
      ?? webUrl(id, null),
    byline: authorNames(entry) ?? authorNames(child(entry, ATOM, 'source')) ?? authorNames(feed),
    published: entryDate(entry),
    lang: xmlLang(from ?? entry) ?? childText(entry, NS.dc, 'language'),
    body,
  };
}

export function readAtom(root: XmlElement): ParsedFeed {
  const link = alternateLink(root, null);
  const info: FeedInfo = {
    title: atomLine(child(root, ATOM, 'title')),
    link,
    lang: xmlLang(root) ?? childText(root, NS.dc, 'language'),
  };
  return { info, items: children(root, ATOM, 'entry').map((entry) => readSafely(entry, (el) => readEntry(el, root, link))) };
}
