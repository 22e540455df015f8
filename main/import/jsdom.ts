/**
 * jsdom, loaded the first time a page, feed, book or the sanitizer needs it. Loading it takes about
 * half a second, which a thread importing plain text never needs to spend: the import worker and
 * each parse thread are ready that much sooner. Its types are imported as usual (`import type`).
 */
import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';

let loaded: typeof Jsdom | null = null;

export function jsdom(): typeof Jsdom {
  // A plain require: jsdom is CommonJS, and left out of the bundles (scripts/build.mjs).
  loaded ??= createRequire(import.meta.url)('jsdom') as typeof Jsdom;
  return loaded;
}
