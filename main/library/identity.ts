import { createHash } from 'node:crypto';

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i;

/** The canonical form of an article URL: what makes a feed item and its saved page one article. */
export function canonicalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  // http and https, www. and not, a trailing slash or not: the same page to a reader.
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  const search = url.searchParams.toString();
  return `${host}${url.port ? `:${url.port}` : ''}${pathname}${search ? `?${search}` : ''}`;
}

/**
 * Identity for deduplication (DESIGN.md): the canonical URL when there is one, else a hash of the
 * analyzed title and body, so the same text in another encoding or with other diacritics is one article.
 */
export function articleIdentity(url: string | null, analyzedTitle: string, analyzedBody: string): string {
  const canonical = url ? canonicalUrl(url) : null;
  if (canonical) return `url:${canonical}`;
  return `text:${createHash('sha256').update(analyzedTitle).update('\n').update(analyzedBody).digest('base64url')}`;
}
