/**
 * Exporting highlights for use elsewhere: Markdown notes ready for Obsidian (front matter with the
 * article's metadata, each highlight a quote with its note under it) and JSON in the W3C Web
 * Annotation model's shape (https://www.w3.org/TR/annotation-model/), one collection per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportFileName } from './export';
import type { HighlightStore } from './highlight-store';
import type { Article, ArticleAnnotations, Highlight, HighlightColor, HighlightExportFormat } from '../../common';


/** One article with what the export says about it. */
export interface HighlightedArticle {
  article: Article;
  tags: string[];
  /** In text order. */
  highlights: Highlight[];
}

const yaml = (value: string) => JSON.stringify(value);

/** Obsidian's tags cannot hold spaces: a tag of several words is joined with hyphens. */
const obsidianTag = (name: string) => name.trim().replace(/\s+/g, '-');

/** The highlights that are placed first, in text order; those that lost their place after them. */
function inReadingOrder(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => Number(a.orphaned) - Number(b.orphaned) || a.start - b.start);
}

/** Each highlight a block quote, its note under it, in reading order. */
function highlightBlocks(highlights: readonly Highlight[]): string {
  const blocks = inReadingOrder(highlights).map((highlight) => {
    const quote = highlight.quote
      .trim()
      .split('\n')
      .map((line) => (line.trim() === '' ? '>' : `> ${line.trim()}`))
      .join('\n');
    const lines = [quote];
    if (highlight.orphaned) lines.push('', '*(no longer found in the article’s text)*');
    if (highlight.note) lines.push('', highlight.note);
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

/** One article's highlights as a note: front matter with its metadata and tags, then the quotes. */
export function highlightsToMarkdown({ article, tags, highlights }: HighlightedArticle): string {
  const front: string[] = [`title: ${yaml(article.title)}`];
  if (article.source) front.push(`source: ${yaml(article.source)}`);
  if (article.url) front.push(`url: ${yaml(article.url)}`);
  if (article.published) front.push(`published: ${yaml(article.published)}`);
  front.push(`imported: ${yaml(article.imported)}`);
  if (tags.length > 0) front.push('tags:', ...tags.map((tag) => `  - ${yaml(obsidianTag(tag))}`));
  return `---\n${front.join('\n')}\n---\n\n# ${article.title}\n\n${highlightBlocks(highlights)}\n`;
}

/**
 * Several articles' highlights in one note (a note has one front matter): a section per article,
 * its source, address and date on a line under its title.
 */
export function highlightsDigestMarkdown(items: readonly HighlightedArticle[], exported: string): string {
  const sections = items.map(({ article, tags, highlights }) => {
    const about = [article.source, article.url ? `<${article.url}>` : null, article.published?.slice(0, 10), ...tags.map((t) => `#${obsidianTag(t)}`)]
      .filter(Boolean)
      .join(' · ');
    return `## ${article.title}\n\n${about ? `${about}\n\n` : ''}${highlightBlocks(highlights)}`;
  });
  return `---\ntitle: "Sahifa highlights"\nexported: ${yaml(exported)}\n---\n\n${sections.join('\n\n')}\n`;
}

/** How each colour is drawn, for readers of the annotations that honour their stylesheet. */
const COLOR_CSS: Record<HighlightColor, string> = {
  yellow: 'rgba(250, 204, 21, 0.4)',
  green: 'rgba(74, 222, 128, 0.35)',
  blue: 'rgba(96, 165, 250, 0.35)',
  pink: 'rgba(244, 114, 182, 0.35)',
};

/** Where an annotation points: the article's address when it has one, else its place in Sahifa. */
const targetSource = (article: Article) => article.url ?? `urn:sahifa:article:${article.id}`;

export function toWebAnnotation(article: Article, highlight: Highlight): Record<string, unknown> {
  const annotation: Record<string, unknown> = {
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: highlight.note ? 'commenting' : 'highlighting',
    created: highlight.created,
    modified: highlight.updated,
  };
  if (highlight.note) {
    annotation['body'] = {
      type: 'TextualBody',
      value: highlight.note,
      format: 'text/plain',
      ...(article.lang ? { language: article.lang } : {}),
      purpose: 'commenting',
    };
  }
  annotation['target'] = {
    source: targetSource(article),
    styleClass: highlight.color,
    selector: [
      { type: 'TextPositionSelector', start: highlight.start, end: highlight.end },
      { type: 'TextQuoteSelector', exact: highlight.quote, prefix: highlight.prefix, suffix: highlight.suffix },
    ],
  };
  annotation['stylesheet'] = { type: 'CssStylesheet', value: `.${highlight.color} { background-color: ${COLOR_CSS[highlight.color]} }` };
  return annotation;
}

/** A W3C AnnotationCollection of the articles' highlights, in one page. */
export function highlightsToAnnotations(items: readonly HighlightedArticle[], label: string): string {
  const annotations = items.flatMap(({ article, highlights }) => inReadingOrder(highlights).map((h) => toWebAnnotation(article, h)));
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** The content of one file holding the articles' highlights. */
export function highlightsDocument(items: readonly HighlightedArticle[], format: HighlightExportFormat): string {
  if (format === 'json') return highlightsToAnnotations(items, items.length === 1 ? items[0]!.article.title : 'Sahifa highlights');
  return items.length === 1 ? highlightsToMarkdown(items[0]!) : highlightsDigestMarkdown(items, new Date().toISOString());
}

/** Whether `out` names one file of the format (else it is a folder, one file per article). */
export const isSingleFile = (out: string, format: HighlightExportFormat) => path.extname(out).toLowerCase() === `.${format}`;

/**
 * Writes the articles' highlights to `out`: a file of the format holds them all (in Markdown, one
 * article's note, or a digest of several), a folder gets one note or collection per article.
 * Returns the files written and the highlights in them.
 */
export function exportHighlights(
  items: readonly HighlightedArticle[],
  format: HighlightExportFormat,
  out: string,
): { files: string[]; highlights: number } {
  const highlights = items.reduce((sum, item) => sum + item.highlights.length, 0);
  if (isSingleFile(out, format)) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, highlightsDocument(items, format));
    return { files: [out], highlights };
  }
  fs.mkdirSync(out, { recursive: true });
  const files = items.map((item) => {
    const file = path.join(out, exportFileName(item.article, format));
    fs.writeFileSync(file, highlightsDocument([item], format));
    return file;
  });
  return { files, highlights };
}

/** What the export needs of the library. */
export interface HighlightSource {
  get(id: number): Article;
  annotations(id: number): ArticleAnnotations;
  readonly highlights: HighlightStore;
}

/** The articles that have highlights (or the one asked for), oldest id first, with their tags and highlights. */
export function highlightedArticles(library: HighlightSource, articleId?: number): HighlightedArticle[] {
  const ids = articleId === undefined ? library.highlights.highlightedArticleIds() : [library.get(articleId).id];
  return ids.map((id) => ({ article: library.get(id), tags: library.annotations(id).tags, highlights: library.highlights.ofArticle(id) }));
}
