/**
 * The domain's shapes: articles as importers make them and as the library stores and returns them,
 * search hits, pages of results, what a reader adds to an article. Every process uses them; they
 * are plain types and values, with nothing of Node, the DOM, Electron or zod.
 */

export type Direction = 'rtl' | 'ltr';

/** An article as an importer produced it, before it has an id. */
export interface NewArticle {
  title: string;
  byline: string | null;
  /** Where it came from: a site name, a feed's title, a book's publisher. */
  source: string | null;
  /** Canonical URL when the format gives one; it is the article's identity. */
  url: string | null;
  /** BCP 47 language tag, e.g. "ar", or null when unknown. */
  lang: string | null;
  dir: Direction;
  /** ISO 8601 publication date/time, or null when the file gives none. */
  published: string | null;
  /** The article's text exactly as imported (paragraphs separated by newlines). */
  text: string;
  /** Sanitized HTML for rich formats (saved pages, feeds, EPUB), else null. */
  html: string | null;
  /** Where the file came from, for the reader's information: a path, or path + entry. */
  origin: string | null;
  /**
   * The Markdown an article was written in (without its front matter), kept to export it as
   * written; `text` and `html` are what it renders to. Absent for every other format.
   */
  markdown?: string | null;
  /** Set by Sahifa's own exports, so that importing an export gives the bookmarks back. */
  bookmarked?: boolean;
  /** Set by Sahifa's own exports, so that importing an export gives the highlights back. */
  highlights?: HighlightSeed[];
}

export interface ArticleSummary {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  imported: string;
  bookmarked: boolean;
  /** Read to the end, opened long enough, or marked read by hand. */
  read: boolean;
  dir: Direction;
  lang: string | null;
  /** The first line of the text, cut short, for list rows. */
  excerpt: string;
}

export interface Article extends ArticleSummary {
  byline: string | null;
  url: string | null;
  text: string;
  html: string | null;
  origin: string | null;
  /** The Markdown source of an article imported from Markdown, else null (see NewArticle). */
  markdown: string | null;
}

/** [start, end) UTF-16 offsets. */
export type Range = [number, number];

export interface SearchHit {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  bookmarked: boolean;
  read: boolean;
  dir: Direction;
  snippet: string;
  /** Matched words in `snippet`, as written in the article. */
  highlights: Range[];
  /** Matched words in `title`. */
  titleHighlights: Range[];
  /** Higher is better. */
  score: number;
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export interface LibraryStats {
  articles: number;
  bookmarks: number;
}

/** How the library list is ordered: newest first, by title (A to Z, ا to ي) or by source. */
export const listSorts = ['date', 'title', 'source'] as const;
export type ListSort = (typeof listSorts)[number];

/**
 * How search results are ordered: by relevance (for a query matching more articles than
 * `RELEVANCE_WINDOW` in main/library, relevance within the most recently added of them, then the
 * rest newest first), or newest first over every match.
 */
export const searchSorts = ['relevance', 'date'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Which articles the library list shows before any narrowing. */
export const listFilters = ['all', 'bookmarked'] as const;
export type ListFilter = (typeof listFilters)[number];

/** Formats the library exports to; each one imports back. */
export const exportFormats = ['md', 'json', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];
/** What one article exports to from the reading view: the formats meant for people. */
export const articleExportFormats = ['md', 'html'] as const satisfies readonly ExportFormat[];
export type ArticleExportFormat = (typeof articleExportFormats)[number];

/** Longest tag name, in UTF-16 units. */
export const TAG_NAME_MAX = 60;

/** A tag name as stored: white space folded, trimmed, at most TAG_NAME_MAX long ('' means none). */
export function cleanTagName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, TAG_NAME_MAX);
}

/** What the reader added to an article: its bookmark note, tags and where reading stopped. */
export interface ArticleAnnotations {
  note: string | null;
  tags: string[];
  /** Fraction 0..1 of the article scrolled when it was last read. */
  position: number;
}

export interface TagCount {
  name: string;
  count: number;
}

export interface SourceCount {
  /** null: the articles without a source. */
  source: string | null;
  count: number;
}

/** An article with the ranges of a query's matches in its text and title. */
export interface ArticleView extends Article, ArticleAnnotations {
  highlights: Range[];
  titleHighlights: Range[];
}

/** The colours a highlight can have: few, each drawn so that it reads in every theme. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

/** How highlights export: Markdown notes (Obsidian) or W3C Web Annotations in JSON. */
export const HIGHLIGHT_EXPORT_FORMATS = ['md', 'json'] as const;
export type HighlightExportFormat = (typeof HIGHLIGHT_EXPORT_FORMATS)[number];

export const isHighlightColor = (value: unknown): value is HighlightColor =>
  typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);

/** A highlight inside an article's text (main/text/anchor.ts says how it is anchored). */
export interface Highlight {
  /** Stable id (a UUID), the same in every library and export. */
  id: string;
  article: number;
  /** [start, end) UTF-16 offsets into the article's `text`. */
  start: number;
  end: number;
  /** The highlighted text as written, and some text just before and after it. */
  quote: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  note: string | null;
  created: string;
  updated: string;
  /** The article's text changed and the quote is no longer in it: kept, but not drawn. */
  orphaned: boolean;
}

/** A highlight in a list of the whole library's: with its article's title, source and dates. */
export interface HighlightListItem extends Highlight {
  title: string;
  source: string | null;
  /** The article's publication date, when it has one, and the day it was imported. */
  published: string | null;
  imported: string;
}

/** A highlight carried by an exported article file, put back when the file is imported. */
export type HighlightSeed = Omit<Highlight, 'article' | 'orphaned'>;
