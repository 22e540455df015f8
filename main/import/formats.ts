/**
 * The format registry: a sniffed format → the parser that turns such a file into articles.
 * Formats that are recognised but have no parser yet are rejected with "unsupported format (…)";
 * new importers (HTML, feeds, EPUB, MHTML, zip) plug in by adding an entry here.
 */
import { parseEpub } from './epub';
import { parseFeed, parseJsonFeed } from './feeds/index';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parseMhtml } from './mhtml';
import { parsePlainText } from './plaintext';
import { parseSahifaJson } from './sahifa-json';
import type { Format, Parser } from './parser';
import { parseZip } from './zip';

const parsers = new Map<Format, Parser>([
  ['txt', parsePlainText],
  ['md', parseMarkdown],
  ['html', parseHtml],
  ['mhtml', parseMhtml],
  ['json', parseSahifaJson],
  ['epub', parseEpub],
  ['zip', parseZip],
  ['feed', parseFeed],
  // XML that is not a feed is refused by the feed parser with its root element named.
  ['xml', parseFeed],
  ['json feed', parseJsonFeed],
]);

export function registerParser(format: Format, parser: Parser): void {
  parsers.set(format, parser);
}

export function parserFor(format: Format): Parser | undefined {
  return parsers.get(format);
}
