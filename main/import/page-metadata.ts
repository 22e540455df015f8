/**
 * What a saved web page says about itself, read before Readability rewrites the document: Open Graph
 * and article: meta tags, JSON-LD (schema.org NewsArticle/Article), <meta name=author/date>, the
 * canonical link, <html lang dir>, and the "saved from url=" comment browsers leave in saved pages.
 * Every value is what the page declares, cleaned; null when it declares nothing usable.
 */
import type { Direction } from '../../common';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 (a bare date stays a bare date). */
  published: string | null;
  /** BCP 47, e.g. "ar" or "ar-EG". */
  lang: string | null;
  dir: Direction | null;
  /** Canonical http(s) URL of the page, or null. */
  url: string | null;
}

/** Whitespace runs (including newlines from wrapped markup) read as one space in a title or name. */
export function cleanText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const s = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** JSON-LD and some CMSs double-escape: "Q&amp;A" in a headline means "Q&A". */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

export function directionOf(value: string | null | undefined): Direction | null {
  const v = value?.trim().toLowerCase();
  return v === 'rtl' || v === 'ltr' ? v : null;
}

/** A usable language tag: "ar", "ar-EG", "en_US" → "en-US"; not "x", not "undefined". */
export function languageTag(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/_/g, '-');
  if (!v || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v)) return null;
  const [primary, ...rest] = v.split('-');
  return [(primary ?? '').toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
}

function isoDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  // Date.parse reads ISO 8601 and RFC 2822; a year-less or far-off result is junk, not a date.
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1800 && year <= 2200 ? new Date(t).toISOString() : null;
}

/**
 * An absolute http(s) URL that can identify an article. A site's home page is not an article's
 * identity: misconfigured sites point every article's canonical link at "/", and trusting that
 * would make every article a duplicate of the first.
 */
export function articleUrl(value: string | null | undefined, base?: string | null): string | null {
  const v = value?.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = base ? new URL(v, base) : new URL(v);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if ((url.pathname === '/' || url.pathname === '') && url.search === '') return null;
  url.hash = '';
  return url.href;
}

/** `<!-- saved from url=(0055)https://… -->`: Internet Explorer's, and Chromium's, mark on a saved page. */
export function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d+\)([^\s>]+?)\s*-->/i.exec(html.slice(0, 4096));
  return m ? articleUrl(m[1]) : null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ARTICLE_TYPES = /^(Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|SocialMediaPosting|TechArticle|WebPage|Chapter)$/;

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

/** All objects in a JSON-LD block: top level, arrays, and @graph. */
function jsonLdObjects(value: Json, out: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 4) return out;
  if (Array.isArray(value)) for (const v of value) jsonLdObjects(v, out, depth + 1);
  else if (isObject(value)) {
    out.push(value);
    const graph = value['@graph'];
    if (graph !== undefined) jsonLdObjects(graph, out, depth + 1);
  }
  return out;
}

/** "Name", {name}, or a list of those → "A, B". */
function names(value: Json | undefined): string | null {
  const list = Array.isArray(value) ? value : [value];
  const found: string[] = [];
  for (const v of list) {
    const name = typeof v === 'string' ? v : isObject(v) && typeof v['name'] === 'string' ? v['name'] : null;
    const clean = cleanText(name);
    // Some CMSs put a profile URL where the name belongs.
    if (clean && !/^https?:\/\//i.test(clean) && !found.includes(clean)) found.push(clean);
  }
  return found.length > 0 ? found.join(', ') : null;
}

function stringOf(value: Json | undefined): string | null {
  return typeof value === 'string' ? cleanText(value) : null;
}

interface JsonLdArticle {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  url: string | null;
}

function jsonLdArticle(doc: Document): JsonLdArticle | null {
  const candidates: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? '')) continue;
    const source = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (source === '' || source.length > 1_000_000) continue;
    try {
      candidates.push(...jsonLdObjects(JSON.parse(source) as Json));
    } catch {
      // Broken JSON-LD is common and never a reason to fail the page.
    }
  }
  // A real article type beats a generic WebPage.
  const article = candidates.find((o) => typesOf(o).some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t)))
    ?? candidates.find((o) => typesOf(o).includes('WebPage'));
  if (!article) return null;
  const publisher = article['publisher'];
  const mainEntity = article['mainEntityOfPage'];
  return {
    title: stringOf(article['headline']) ?? stringOf(article['name']),
    byline: names(article['author']) ?? names(article['creator']),
    siteName: names(Array.isArray(publisher) ? publisher[0] : publisher),
    published: isoDate(stringOf(article['datePublished']) ?? stringOf(article['dateCreated'])),
    lang: languageTag(stringOf(article['inLanguage'])),
    url: articleUrl(stringOf(article['url']) ?? (isObject(mainEntity) ? stringOf(mainEntity['@id']) : stringOf(mainEntity))),
  };
}

/** <meta property|name|itemprop=…> by lower-cased key; the first non-empty value of each wins. */
function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const content = cleanText(meta.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const keys = (meta.getAttribute(attr) ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      for (const key of keys) if (!tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function first<T>(...values: (T | null | undefined)[]): T | null {
  for (const v of values) if (v !== null && v !== undefined) return v;
  return null;
}

/** Authors are names; a meta tag holding a profile URL (article:author often does) is not one. */
function person(value: string | undefined): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

export interface PageMetadataOptions {
  /** The page's raw source, for the "saved from url=" comment. */
  source?: string;
  /** Where the page was saved from when the container says (MHTML's Content-Location). */
  savedFrom?: string | null;
}

export function pageMetadata(doc: Document, options: PageMetadataOptions = {}): PageMetadata {
  const meta = metaTags(doc);
  const get = (...keys: string[]): string | undefined => keys.map((k) => meta.get(k)).find((v) => v !== undefined);
  const ld = jsonLdArticle(doc);
  const html = doc.documentElement;
  const body = doc.body as HTMLElement | null;

  const savedFrom = first(options.savedFrom ? articleUrl(options.savedFrom) : null, options.source ? savedFromUrl(options.source) : null);
  // A relative canonical link is relative to where the page lived, not to the file it was saved as.
  const canonicalHref = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const canonical = articleUrl(canonicalHref, savedFrom ?? get('og:url') ?? null);

  const time = doc.querySelector('time[itemprop~="datePublished" i][datetime], time[pubdate][datetime]')?.getAttribute('datetime');
  return {
    title: first(ld?.title, cleanText(get('og:title')), cleanText(get('twitter:title')), cleanText(get('dc.title', 'dcterms.title', 'dc:title'))),
    byline: first(ld?.byline, person(get('author')), person(get('article:author')), person(get('dc.creator', 'dcterms.creator', 'dc:creator')),
      person(get('byl', 'sailthru.author', 'parsely-author', 'twitter:creator:name'))),
    siteName: first(cleanText(get('og:site_name')), ld?.siteName, cleanText(get('application-name'))),
    published: first(ld?.published, isoDate(get('article:published_time', 'og:published_time', 'article:published', 'datepublished')),
      isoDate(get('date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'pubdate', 'publishdate', 'publish-date', 'sailthru.date', 'parsely-pub-date')),
      isoDate(time)),
    lang: first(languageTag(html?.getAttribute('lang')), languageTag(html?.getAttribute('xml:lang')), languageTag(body?.getAttribute('lang')),
      languageTag(get('content-language')), ld?.lang, languageTag(get('og:locale'))),
    dir: first(directionOf(body?.getAttribute('dir')), directionOf(html?.getAttribute('dir'))),
    url: first(canonical, articleUrl(get('og:url')), ld?.url, savedFrom),
  };
}
