/**
 * Markdown files: optional front matter for metadata; the body rendered to HTML (sanitized —
 * Markdown allows raw HTML) for the reader, and to the text that HTML reads as, for search,
 * snippets and excerpts. The body as written is kept too, for exporting it as Markdown again.
 */
import { marked } from 'marked';
import type { Direction, NewArticle } from '../../common';
import { decodeText } from './decode';
import { reportDecoding, type NoteSink } from './notes';
import type { SourceFile } from './parser';
import { detectLanguage } from './language';
import { articleFromText, normalizeLineEndings } from './plaintext';
import { parseHighlightsField } from './sahifa-json';
import { sanitizeArticle } from './sanitize';
import { titleFromText } from './title';

export interface FrontMatter {
  fields: Map<string, string>;
  body: string;
}

const FENCE = /^---[ \t]*$/;
const FENCE_END = /^(---|\.\.\.)[ \t]*$/;

/**
 * YAML-ish front matter: only flat `key: value` lines matter for an article's metadata,
 * so lists, nesting and anchors are ignored rather than parsed.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const fields = new Map<string, string>();
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { fields, body: text };
  const end = lines.findIndex((l, i) => i > 0 && FENCE_END.test(l));
  if (end < 0) return { fields, body: text };
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = unquote((m[2] ?? '').replace(/\s+#.*$/, '').trim());
    if (value !== '' && value !== '|' && value !== '>') fields.set((m[1] ?? '').toLowerCase(), value);
  }
  const body = lines.slice(end + 1).join('\n').replace(/^\n+/, '');
  return { fields, body };
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    // YAML double-quoted scalars escape like JSON (Sahifa's own exports write them with JSON.stringify).
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1).replace(/\\"/g, '"');
    }
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) {
    const inner = v.slice(1, -1);
    return inner.replace(/''/g, "'");
  }
  return v;
}

/** Inline Markdown → the words a reader sees. */
export function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

/** The first level-1 heading (ATX `# x` or setext `x\n===`), outside code blocks. */
export function firstHeading(body: string): string | null {
  const lines = body.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const atx = /^\s{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return stripInlineMarkdown(atx[1] ?? '') || null;
    if (line.trim() !== '' && /^\s{0,3}=+\s*$/.test(lines[i + 1] ?? '')) return stripInlineMarkdown(line) || null;
  }
  return null;
}

/** Markdown block syntax off the start of each line, so the plain-text title rules see prose. */
function plainLines(body: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    // Code is not prose: a title never comes from it.
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence;
      out.push('');
    } else {
      out.push(inFence ? '' : stripInlineMarkdown(line.replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')));
    }
  }
  return out.join('\n');
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function httpUrl(value: string | undefined): string | null {
  return value && /^https?:\/\/\S+$/i.test(value) ? value : null;
}

function markdownToHtml(body: string): string {
  return marked.parse(body, { async: false, gfm: true });
}

export function parseMarkdown(file: SourceFile, notes?: NoteSink): NewArticle[] {
  const text = normalizeLineEndings(reportDecoding(decodeText(file.bytes), notes));
  const { fields, body } = splitFrontMatter(text);
  const base = articleFromText(body, file); // rejects an empty body
  // The text is read off the sanitized tree by the rules the reader places highlights with.
  const rendered = sanitizeArticle(markdownToHtml(body));
  const get = (...keys: string[]): string | undefined => keys.map((k) => fields.get(k)).find((v) => v !== undefined);

  const declaredDir = get('dir', 'direction')?.toLowerCase();
  const dir: Direction = declaredDir === 'rtl' || declaredDir === 'ltr' ? declaredDir : detectLanguage(body).dir;
  // A front-matter title is metadata, taken as written; a heading is Markdown, read as prose.
  const heading = get('title') === undefined ? firstHeading(body) ?? (titleFromText(plainLines(body)) || null) : null;
  const title = get('title') ?? (heading !== null ? stripInlineMarkdown(heading) : '');
  return [{
    ...base,
    title: title || base.title,
    bookmarked: get('bookmarked') === 'true',
    byline: get('author', 'byline', 'authors') ?? null,
    source: get('source', 'site', 'site_name', 'publisher') ?? null,
    url: httpUrl(get('url', 'link', 'canonical', 'canonical_url')),
    published: isoDate(get('date', 'published', 'pubdate', 'published_at')),
    lang: get('lang', 'language') ?? base.lang,
    dir,
    text: rendered.text,
    html: rendered.html,
    markdown: body,
    ...(fields.has('highlights') ? { highlights: parseHighlightsField(fields.get('highlights')) } : {}),
  }];
}
