/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): items with content_html or
 * content_text, url, title, dates, author (1.0) or authors (1.1), language (1.1).
 * Fields of the wrong type are ignored rather than failing the item: feeds in the wild put numbers
 * in ids and nulls anywhere.
 */
import { z } from 'zod';
import type { NewArticle } from '../../../common';
import { decodeText } from '../decode';
import { ImportError, reason } from '../errors';
import type { Parser } from '../parser';
import { EMPTY_ITEM, isFeedItem, readSafely, toArticle, type FeedInfo, type FeedItem } from './article';
import { EMPTY_BODY, guessedLine, htmlBody, plainBody, type Body } from './content';
import { parseFeedDate } from './dates';
import { webUrl } from './dom';

const text = z.string().nullish().catch(null);
const author = z.object({ name: text, url: text }).nullish().catch(null);
const authors = z.array(author).nullish().catch(null);

const itemSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish().catch(null),
  url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  date_published: text,
  date_modified: text,
  author,
  authors,
  language: text,
});

const feedSchema = z.object({
  title: text,
  home_page_url: text,
  language: text,
  author,
  authors,
  items: z.array(z.unknown()),
});

type JsonAuthors = z.infer<typeof authors>;
type JsonAuthor = z.infer<typeof author>;

function names(list: JsonAuthors, single: JsonAuthor): string | null {
  const all = [...(list ?? []), single].map((a) => a?.name?.replace(/\s+/g, ' ').trim()).filter((n): n is string => !!n);
  return all.length > 0 ? [...new Set(all)].join(', ') : null;
}

function bodyOf(item: z.infer<typeof itemSchema>, base: string | null): Body {
  if (item.content_html?.trim()) {
    const body = htmlBody(item.content_html, base);
    if (body.text.trim() || body.html) return body;
  }
  if (item.content_text?.trim()) return plainBody(item.content_text);
  if (item.summary?.trim()) return plainBody(item.summary);
  return EMPTY_BODY;
}

/** "Unexpected token … at position 123" → the line that position is on. */
function brokenJson(error: unknown, source: string): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = position ? source.slice(0, Number(position[1])).split('\n').length : null;
  // V8 quotes the whole input in some messages ("Unexpected token ',', "{…}" is not valid JSON").
  const what = message.replace(/, (\.\.\.)?"[\s\S]* is not valid JSON$/, '').replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ (in|after) JSON at position \d+.*$/, (m, word: string) => (word === 'after' ? ' after the JSON' : ''));
  if (line === null) return new ImportError('broken-json', `broken JSON: ${what}`);
  return new ImportError('broken-json', `broken JSON at line ${line}: ${what}`, { line });
}

export const parseJsonFeed: Parser = (file, context) => {
  const source = decodeText(file.bytes).text.replace(/^\ufeff/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw brokenJson(error, source);
  }
  const feed = feedSchema.safeParse(data);
  if (!feed.success) throw new ImportError('not-a-json-feed', 'not a JSON Feed (it has no "items" list)');
  const home = webUrl(feed.data.home_page_url ?? null, null);
  const info: FeedInfo = { title: guessedLine(feed.data.title ?? null), link: home, lang: feed.data.language ?? null };
  if (feed.data.items.length === 0) throw new ImportError('feed-no-items', 'the feed has no items');

  const articles: NewArticle[] = [];
  feed.data.items.forEach((raw, i) => {
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      context.fail(`item ${i + 1}`, reason('feed-item-invalid', 'not a JSON Feed item'));
      return;
    }
    const item = readSafely(parsed.data, (entry): FeedItem => {
      const url = webUrl(entry.url ?? null, home);
      return {
        title: guessedLine(entry.title ?? null),
        url,
        byline: names(entry.authors, entry.author) ?? names(feed.data.authors, feed.data.author),
        published: parseFeedDate(entry.date_published) ?? parseFeedDate(entry.date_modified),
        lang: entry.language ?? null,
        body: bodyOf(entry, url ?? home),
      };
    });
    if (!isFeedItem(item)) {
      context.fail(`item ${i + 1}`, item.error);
      return;
    }
    const article = toArticle(item, info, file.path);
    if (article) articles.push(article);
    else context.fail(`item ${i + 1}`, reason('feed-item-empty', EMPTY_ITEM));
  });
  return articles;
};
