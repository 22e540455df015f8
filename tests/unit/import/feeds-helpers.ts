import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { ImportError, type FailureReason } from '../../../main/import/errors';
import type { NewArticle } from '../../../common';
import type { ImportFailureCode } from '../../../common';
import { parseFeed, parseJsonFeed } from '../../../main/import/feeds/index';
import { readableText } from '../../../main/import/html-text';
import { shared } from './helpers';

export const feeds = path.join(shared, 'corpus', 'feeds');

export interface FeedResult {
  articles: NewArticle[];
  failures: { entry: string; reason: string }[];
  /** The codes of `failures`, in the same order. */
  failureCodes: ImportFailureCode[];
  /** The ImportError message when the whole file failed. */
  error: string | null;
  /** Its code; null for an error that is no ImportError (the importer calls that 'unexpected'). */
  code: ImportFailureCode | null;
}

/** Parse bytes as the importer would, collecting per-item failures and a whole-file error. */
export async function parseBytes(name: string, bytes: Uint8Array): Promise<FeedResult> {
  const failures: { entry: string; reason: string }[] = [];
  const failureCodes: ImportFailureCode[] = [];
  const context = {
    fail: (entry: string, reason: FailureReason) => {
      failures.push({ entry, reason: reason.error });
      failureCodes.push(reason.code);
    },
    parseEntry: async () => [],
  };
  const parser = name.endsWith('.json') ? parseJsonFeed : parseFeed;
  try {
    return { articles: await parser({ path: name, name: path.basename(name), bytes }, context), failures, failureCodes, error: null, code: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { articles: [], failures, failureCodes, error: message, code: error instanceof ImportError ? error.code : null };
  }
}

export function corpusBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(feeds, relative)));
}

export function parseCorpus(relative: string): Promise<FeedResult> {
  return parseBytes(path.join(feeds, relative), corpusBytes(relative));
}

export function parseString(name: string, xml: string): Promise<FeedResult> {
  return parseBytes(name, new Uint8Array(Buffer.from(xml, 'utf8')));
}

/** What the reading view reads back from an article's HTML: it must be the article's text. */
export function textOfHtml(html: string): string {
  return readableText(JSDOM.fragment(html));
}
