/**
 * Every failure to fetch a feed or to subscribe, as the stable code the window words in its own
 * language (common/subscriptions.ts FEED_ERROR_CODES). The English message stays the detail.
 */
import type { FeedErrorCode } from '../../common';
import { NotAFeedError } from './feed-document';
import { NoFeedError } from './discover';
import { FetchError } from './http';

/** Node's error codes for a host name that does not resolve. */
const DNS_ERRNO = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
/** OpenSSL's and Node's codes for a secure connection that failed (certificates, protocol). */
const TLS_ERRNO = /CERT|TLS|SSL|EPROTO|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED|DEPTH_ZERO/;

function fetchErrorCode(error: FetchError): FeedErrorCode {
  switch (error.code) {
    case 'timeout':
    case 'connect-timeout':
      return 'timeout';
    case 'not-found':
    case 'gone':
    case 'rate-limited':
    case 'too-large':
    case 'unsupported-scheme':
    case 'bad-address':
    case 'cancelled':
      return error.code;
    case 'too-many-redirects':
      return 'redirects';
    case 'http-status': {
      const status = error.details.status;
      if (status === undefined) return 'http-error';
      if (status === 401 || status === 403) return 'forbidden';
      if (status >= 500) return 'server-error';
      // A 3xx here is a redirect that said nowhere.
      return status >= 300 && status < 400 ? 'redirects' : 'http-error';
    }
    case 'network': {
      const errno = error.details.errno ?? '';
      if (errno === 'ECONNREFUSED') return 'refused';
      if (DNS_ERRNO.has(errno)) return 'dns';
      if (TLS_ERRNO.test(errno)) return 'tls';
      return 'network';
    }
  }
}

/** The code of whatever a fetch, a discovery or reading the feed threw. */
export function feedErrorCode(error: unknown): FeedErrorCode {
  if (error instanceof FetchError) return fetchErrorCode(error);
  if (error instanceof NotAFeedError || error instanceof NoFeedError) return 'not-a-feed';
  return 'unknown';
}
