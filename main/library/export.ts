/**
 * Exporting articles as files, one per article, in a form Sahifa imports back losslessly:
 * Markdown with front matter, Sahifa's JSON article, or a standalone HTML page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Article, ExportFormat, HighlightSeed } from '../../common';

/** Sahifa's own JSON article format (see main/import/sahifa-json.ts for the reading side). */
export const JSON_ARTICLE_FORMAT = 'sahifa-article';

const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu;

export function exportFileName(article: Pick<Article, 'id' | 'title'>, format: ExportFormat): string {
  const words = article.title.replace(UNSAFE_IN_FILE_NAMES, ' ').split(/\s+/).filter(Boolean).slice(0, 8).join('-');
  return `${String(article.id).padStart(6, '0')}${words ? `-${words.slice(0, 60)}` : ''}.${format}`;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars, with every escape preserved. */
const yaml = (value: string | boolean) => (typeof value === 'boolean' ? String(value) : JSON.stringify(value));

// Characters that mean something anywhere in a line (CommonMark lets any of them be escaped).
const INLINE_SYNTAX = /[\\`*_[\]<>&~|]/g;
// What makes a line a heading, a quote, a list item or a setext underline when it starts it.
const LINE_START_SYNTAX = /^(?:[#>+=-]|\d{1,9}(?=[.)]))/;

/**
 * Text as Markdown that renders back to it: syntax characters escaped, lines kept by hard breaks,
 * blank lines between paragraphs. (Runs of spaces collapse when it is rendered, as in any HTML.)
 */
export function textAsMarkdown(text: string): string {
  const paragraphs = text.split(/\n[ \t]*\n\s*/);
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim().replace(INLINE_SYNTAX, '\\$&').replace(LINE_START_SYNTAX, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`)))
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * Highlights in front matter, for the import to put back: one double-quoted scalar holding their
 * JSON, with # escaped so that no reader of front matter takes the rest of the line for a comment.
 */
export const encodeHighlightsField = (highlights: readonly HighlightSeed[]) => JSON.stringify(JSON.stringify(highlights)).replace(/#/g, '\\u0023');

export function toMarkdown(article: Article, highlights: readonly HighlightSeed[] = []): string {
  const fields: [string, string | boolean | null][] = [
    ['title', article.title],
    ['author', article.byline],
    ['source', article.source],
    ['url', article.url],
    ['lang', article.lang],
    ['dir', article.dir],
    ['published', article.published],
    ['imported', article.imported],
    ['bookmarked', article.bookmarked],
  ];
  const front = fields.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${yaml(v as string | boolean)}`);
  if (highlights.length > 0) front.push(`highlights: ${encodeHighlightsField(highlights)}`);
  // An article imported from Markdown goes back out as it was written; any other is its text.
  return `---\n${front.join('\n')}\n---\n\n${article.markdown ?? textAsMarkdown(article.text)}`;
}

export function toJson(article: Article, highlights: readonly HighlightSeed[] = []): string {
  const { id, title, byline, source, url, lang, dir, published, imported, bookmarked, text, html, markdown } = article;
  // `markdown` only when there is a source: files written before it existed read the same.
  const markdownSource = markdown === null ? {} : { markdown };
  const extra = highlights.length > 0 ? { highlights } : {};
  return `${JSON.stringify(
    { format: JSON_ARTICLE_FORMAT, version: 1, id, title, byline, source, url, lang, dir, published, imported, bookmarked, text, html, ...markdownSource, ...extra },
    null,
    2,
  )}\n`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function toHtml(article: Article): string {
  const meta = [
    article.byline && `<meta name="author" content="${escapeHtml(article.byline)}">`,
    article.source && `<meta property="og:site_name" content="${escapeHtml(article.source)}">`,
    article.published && `<meta property="article:published_time" content="${escapeHtml(article.published)}">`,
    article.url && `<link rel="canonical" href="${escapeHtml(article.url)}">`,
    `<meta name="sahifa:bookmarked" content="${article.bookmarked}">`,
  ].filter(Boolean);
  // Stored HTML was sanitized on import; plain-text articles become one paragraph per line.
  const body =
    article.html ??
    article.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `<p dir="auto">${escapeHtml(line)}</p>`)
      .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(article.lang ?? '')}" dir="${article.dir}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.title)}</title>
${meta.join('\n')}
</head>
<body>
<article>
<h1>${escapeHtml(article.title)}</h1>
${body}
</article>
</body>
</html>
`;
}

// An HTML page is for reading elsewhere: it does not carry highlights back.
const WRITERS: Record<ExportFormat, (article: Article, highlights: readonly HighlightSeed[]) => string> = {
  md: toMarkdown,
  json: toJson,
  html: toHtml,
};

/**
 * Writes each article to `folder` (created if needed); returns how many files were written.
 * `highlightsOf` gives each article's highlights, which Markdown and JSON files carry.
 */
export function exportArticles(
  articles: Iterable<Article>,
  format: ExportFormat,
  folder: string,
  highlightsOf: (id: number) => readonly HighlightSeed[] = () => [],
): number {
  fs.mkdirSync(folder, { recursive: true });
  let written = 0;
  for (const article of articles) {
    fs.writeFileSync(path.join(folder, exportFileName(article, format)), WRITERS[format](article, highlightsOf(article.id)));
    written++;
  }
  return written;
}
