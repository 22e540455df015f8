/**
 * Why a feed's last fetch failed, or why a subscription did not happen, in the interface's
 * language: the sentence for its code (`feedErrorReasons` in i18n/ar.ts and en.ts). Main's English detail is for the
 * command line and the logs; the window never shows it as the reason.
 */
import type { FeedErrorCode, FeedInfo } from '../common';
import { strings } from './strings';

/** The sentence for a code; a code this renderer does not know (a newer main) reads as "unexpected". */
export function feedErrorSentence(code: FeedErrorCode): string {
  return strings.feedErrorReasons[code] ?? strings.feedErrorReasons.unknown;
}

/** The sentence for a feed's last failure; null when its last fetch did not fail. */
export function feedErrorReason(feed: Pick<FeedInfo, 'lastError' | 'errorCode'>): string | null {
  if (feed.errorCode === null && feed.lastError === null) return null;
  return feedErrorSentence(feed.errorCode ?? 'unknown');
}
