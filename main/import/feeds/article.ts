/**
 * One feed item → one article: whatever the feed format, items arrive here in the same shape and
 * leave with a title (their own, else one made from their text), a language (declared by the item,
 * else by the feed, else guessed from the text) and a direction.
 */
import type { Direction, NewArticle } from '../../../common';
import { ImportError, firstLine, reason, type FailureReason } from '../errors';
import { detectLanguage, firstStrongDirection } from '../language';
import { titleFromText } from '../title';
import type { Body } from './content';

export interface FeedInfo {
  /** The feed's title: each article's `source`. */
  title: string;
  /** The feed's own web page, the base for relative links when there is no xml:base. */
  link: string | null;
  lang: string | null;
}

export interface FeedItem {
  title: string;
  url: string | null;
  byline: string | null;
  published: string | null;
  /** The language the item itself declares, if any. */
  lang: string | null;
  body: Body;
}

/** An item as read, or why it could not be: one bad item never costs the others. */
export type ItemRead = FeedItem | { error: FailureReason };

export interface ParsedFeed {
  info: FeedInfo;
  items: ItemRead[];
}

export function isFeedItem(read: ItemRead): read is FeedItem {
  return !('error' in read);
}

/** Runs an item reader, turning anything it throws into that item's failure. */
export function readSafely<T>(element: T, read: (element: T) => FeedItem): ItemRead {
  try {
    return read(element);
  } catch (error) {
    if (error instanceof ImportError) return { error: error.reason };
    const message = firstLine(error);
    return { error: reason('feed-item-unreadable', `could not read this item (${message})`, { message }) };
  }
}

export const EMPTY_ITEM = 'empty item';

// Languages written right to left (ISO 639-1 and -3 codes), and the scripts that are.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'azb', 'bal', 'bqi', 'ckb', 'dv', 'fa', 'glk', 'he', 'iw', 'ji', 'khw', 'ks', 'lrc', 'mzn', 'nqo', 'pnb', 'ps', 'prs', 'sd', 'skr', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** A BCP 47 tag in its canonical case ("en-us" → "en-US"), or null when it is not one. */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  const t = (tag ?? '').trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(t)) return null;
  try {
    return Intl.getCanonicalLocales(t)[0] ?? null;
  } catch {
    return null;
  }
}

export function isRtlLanguage(tag: string): boolean {
  const [language = '', ...subtags] = tag.toLowerCase().split('-');
  const script = subtags.find((s) => s.length === 4 && /^[a-z]+$/.test(s));
  if (script) return RTL_SCRIPTS.has(script);
  return RTL_LANGUAGES.has(language);
}

function languageAndDirection(declared: string | null, text: string, title: string): { lang: string | null; dir: Direction } {
  const sample = /\p{L}/u.test(text) ? text : title;
  if (declared) {
    if (isRtlLanguage(declared)) return { lang: declared, dir: 'rtl' };
    // A feed may declare "en" for everything it carries: the text itself decides the direction.
    return { lang: declared, dir: firstStrongDirection(sample) ?? 'ltr' };
  }
  return detectLanguage(sample);
}

/** The article, or null when the item has neither a title nor any text (the caller reports it). */
export function toArticle(item: FeedItem, info: FeedInfo, origin: string): NewArticle | null {
  const text = item.body.text;
  const title = item.title || titleFromText(text);
  if (!title && !text.trim()) return null;
  const declared = normalizeLanguage(item.lang) ?? normalizeLanguage(info.lang);
  const { lang, dir } = languageAndDirection(declared, text, title);
  return {
    title,
    byline: item.byline,
    source: info.title || null,
    url: item.url,
    lang,
    dir,
    published: item.published,
    text,
    html: item.body.html,
    origin,
  };
}
