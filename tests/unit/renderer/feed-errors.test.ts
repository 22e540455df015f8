/**
 * Why a feed failed, in the interface's language: every code main gives has its own sentence in
 * both string tables (never main's English line), and a feed that did not fail has none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FEED_ERROR_CODES, type FeedErrorCode } from '../../../common';
import { ar } from '../../../renderer/i18n/ar';
import { en } from '../../../renderer/i18n/en';
import { feedErrorReason, feedErrorSentence } from '../../../renderer/feed-error';
import { setLanguage } from '../../../renderer/strings';

afterEach(() => setLanguage('ar'));

describe('feed failures in the interface', () => {
  it('has a distinct Arabic and English sentence for every code', () => {
    const arabic = FEED_ERROR_CODES.map((code) => ar.feedErrorReasons[code]);
    expect(new Set(arabic).size).toBe(FEED_ERROR_CODES.length);
    for (const sentence of arabic) expect(sentence).toMatch(/[\u0600-\u06ff]/);
    const english = FEED_ERROR_CODES.map((code) => en.feedErrorReasons[code]);
    expect(new Set(english).size).toBe(FEED_ERROR_CODES.length);
    for (const sentence of english) expect(sentence).not.toMatch(/[\u0600-\u06ff]/);
  });

  it('says a feed’s failure from its code, in the current language, never main’s English line', () => {
    const failed = { lastError: 'not found (404)', errorCode: 'not-found' as FeedErrorCode };
    expect(feedErrorReason(failed)).toBe('لا توجد صفحة بهذا العنوان على الموقع (404).');
    setLanguage('en');
    expect(feedErrorReason(failed)).toBe(en.feedErrorReasons['not-found']);
    setLanguage('ar');
    expect(feedErrorReason({ lastError: null, errorCode: null })).toBeNull();
    // An error kept without a code, or with one this renderer does not know (a newer Sahifa).
    expect(feedErrorReason({ lastError: 'odd', errorCode: null })).toBe(ar.feedErrorReasons.unknown);
    expect(feedErrorSentence('from-the-future' as FeedErrorCode)).toBe(ar.feedErrorReasons.unknown);
  });
});
