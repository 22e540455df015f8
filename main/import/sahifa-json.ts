/**
 * Sahifa's own JSON article (written by `sahifa export --format json`): lossless, so an export
 * imported into an empty library gives back the same articles, texts and bookmarks.
 */
import { z } from 'zod';
import { JSON_ARTICLE_FORMAT } from '../library/export';
import { HIGHLIGHT_COLORS, type HighlightSeed, type NewArticle } from '../../common';
import { decodeText } from './decode';
import { reportDecoding, type NoteSink } from './notes';
import { ImportError } from './errors';
import type { SourceFile } from './parser';
import { sanitizeHtml } from './sanitize';

/** A highlight as exports carry it (main/library/types.ts HighlightSeed). */
export const exportedHighlight = z.object({
  id: z.string().uuid(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string().nullable(),
  created: z.string(),
  updated: z.string(),
});

/** Highlights from a front-matter field (export.ts encodeHighlightsField); none when it does not parse. */
export function parseHighlightsField(value: string | undefined): HighlightSeed[] {
  if (value === undefined) return [];
  try {
    const parsed = z.array(exportedHighlight).safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const exportedArticle = z.object({
  format: z.literal(JSON_ARTICLE_FORMAT),
  version: z.literal(1),
  title: z.string().min(1),
  byline: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  lang: z.string().nullable(),
  dir: z.enum(['rtl', 'ltr']),
  published: z.string().nullable(),
  bookmarked: z.boolean(),
  text: z.string(),
  html: z.string().nullable(),
  /** The Markdown source of an article imported from Markdown (its text and html are rendered from it). */
  markdown: z.string().optional(),
  highlights: z.array(exportedHighlight).optional(),
});

export function parseSahifaJson(file: SourceFile, notes?: NoteSink): NewArticle[] {
  let value: unknown;
  try {
    value = JSON.parse(reportDecoding(decodeText(file.bytes), notes));
  } catch (error) {
    throw new ImportError('broken-json', `broken JSON: ${(error as Error).message}`);
  }
  const parsed = exportedArticle.safeParse(value);
  if (!parsed.success) {
    const isOurs = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === JSON_ARTICLE_FORMAT;
    if (isOurs) throw new ImportError('sahifa-article-damaged', `damaged Sahifa article: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    throw new ImportError('unsupported-json', 'unsupported format (JSON that is not a feed or a Sahifa article)');
  }
  const { title, byline, source, url, lang, dir, published, bookmarked, text, html, markdown, highlights } = parsed.data;
  // A JSON file is as hostile as any other: its HTML is sanitized again, whoever wrote it.
  const article: NewArticle = { title, byline, source, url, lang, dir, published, bookmarked, text, html: html === null ? null : sanitizeHtml(html), origin: file.path };
  if (markdown !== undefined) article.markdown = markdown;
  if (highlights && highlights.length > 0) article.highlights = highlights;
  return [article];
}
