/**
 * The format registry: a sniffed format → the parser that turns such a file into articles.
 * Formats that are recognised but have no parser yet are rejected with "unsupported format (…)";
 * new importers (HTML, feeds, EPUB, MHTML, zip) plug in by adding an entry here.
 */
import type { NewArticle } from '../library/types';
import type { FailureReason } from './errors';
import { parseEpub } from './epub';
import { parseFeed, parseJsonFeed } from './feeds/index';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parseMhtml } from './mhtml';
import { parsePlainText } from './plaintext';
import { parseSahifaJson } from './sahifa-json';
import { parseZip } from './zip';

/** Everything sniff.ts can tell apart. Only some have parsers. */
export const FORMATS = [
  'txt', 'md', 'html', 'mhtml', 'feed', 'json feed', 'json', 'xml', 'epub', 'zip',
  'pdf', 'image', 'audio', 'video', 'office document', 'rtf', 'archive',
] as const;
export type Format = (typeof FORMATS)[number];

export interface SourceFile {
  /** Where it came from, as shown in failures and stored as `origin`: a path, or `path › entry`. */
  path: string;
  /** The file's own name, for its extension and as a last-resort title. */
  name: string;
  bytes: Uint8Array;
  /**
   * Reads a file the page refers to by a relative path (a saved page's `X_files/` folder), or null
   * when there is none, it is too large, or the path leaves the file's own folder. Only files read
   * from disk (or containers that can resolve their own entries) provide it.
   */
  readRelative?(relativePath: string): Uint8Array | null;
}

export interface ParseContext {
  /** Containers (zip, folders inside them) report an entry that failed without failing the whole file. */
  fail(entry: string, reason: FailureReason): void;
  /** A feed reports an item (counted from 1 in the file) that could not be read, without failing the feed. */
  failItem(item: number, reason: FailureReason): void;
  /**
   * Sniff and parse a file found inside a container, as if it had been imported on its own; its
   * failures are recorded under its own path (give it `container › entry`), never thrown.
   */
  parseEntry(entry: SourceFile): Promise<NewArticle[]>;
}

/** Throws ImportError with a user-facing reason when the file cannot become an article. */
export type Parser = (file: SourceFile, context: ParseContext) => NewArticle[] | Promise<NewArticle[]>;

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
