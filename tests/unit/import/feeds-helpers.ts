import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { NewArticle } from '../../../main/library/types';
import { parseFeed, parseJsonFeed } from '../../../main/import/feeds/index';
import { readableText } from '../../../main/import/html-text';
import { shared } from './helpers';

export const feeds = path.join(shared, 'corpus', 'feeds');

export interface FeedResult {
  articles: NewArticle[];
  failures: { entry: string; reason: string }[];
  /** The ImportError message when the whole file failed. */
  error: string | null;
}

/** Parse bytes as the importer would, collecting per-item failures and a whole-file error. */
export async function parseBytes(name: string, bytes: Uint8Array): Promise<FeedResult> {
  const failures: { entry: string; reason: string }[] = [];
  const context = {
    fail: (entry: string, reason: string) => failures.push({ entry, reason }),
    parseEntry: async () => [],
  };
  const parser = name.endsWith('.json') ? parseJsonFeed : parseFeed;
  try {
    return { articles: await parser({ path: name, name: path.basename(name), bytes }, context), failures, error: null };
  } catch (error) {
    return { articles: [], failures, error: error instanceof Error ? error.message : String(error) };
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
