/**
 * Does the app's sanitizer (main/import/sanitize.ts: sanitize-html, readable text read off an
 * htmlparser2 tree) give the same readable text as the one it replaced (DOMPurify on jsdom, text read
 * off jsdom's tree: bench/dompurify-reference.ts)? Search indexes that text and highlights are
 * offsets into it, so every difference matters. Inputs:
 *
 *   news       every article of ../shared/corpus/saudinewsnet (31,030) as a feed carries it: one
 *              <p> per paragraph; and, for articles whose text holds markup, that text as HTML
 *   feeds      every item body of every real feed in ../shared/corpus/feeds (description,
 *              content:encoded, Atom content/summary, JSON Feed content_html; inline XHTML as
 *              re-serialized by the feed reader)
 *   pages      the real pages (Readability RTL sources and expectations, the saved Arabic title
 *              page, the EPUB chapter) and the hostile fixtures
 *
 * For each input it compares (1) old text vs new text, (2) the image counts, and (3) the new text vs
 * the text of the new HTML as a browser parses it (jsdom standing for Chromium): the reading view
 * places highlights by walking the browser's tree with the same rules, so (3) must always hold (the
 * same check on the old output is counted too: it did not always hold).
 *
 * `npm run bench:sanitizer-text -- [--limit N] [--show 5] [--json]`. A comparison, not a test: it
 * prints counts and the first differences of each kind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readableText } from '../main/import/html-text';
import { looksLikeHtml } from '../main/import/feeds/content';
import { xmlNodesToHtml } from '../main/import/feeds/html';
import { sanitizeArticle } from '../main/import/sanitize';
import { CORPUS, newsArticles } from '../tests/fixtures/corpus';
import { domPurifyArticle } from './dompurify-reference';

interface Input { kind: 'news' | 'news-markup' | 'feeds' | 'pages'; name: string; html: string }

function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function newsInputs(limit: number): Input[] {
  const out: Input[] = [];
  newsArticles(limit).forEach((a, i) => {
    const paragraphs = a.content.split('\n').filter((p) => p.trim()).map((p) => `<p>${escapeText(p)}</p>`);
    out.push({ kind: 'news', name: `news #${i}`, html: paragraphs.join('') });
    if (looksLikeHtml(a.content)) out.push({ kind: 'news-markup', name: `news #${i} (its text as HTML)`, html: a.content });
  });
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : [file];
  });
}

const BODY_ELEMENTS = new Set(['description', 'encoded', 'content', 'summary', 'subtitle', 'info']);

/** Item bodies of one feed file, as the feed reader hands them to the sanitizer (minus URL resolution). */
function feedBodies(file: string, window: JSDOM['window']): string[] {
  const raw = readFileSync(file);
  if (file.endsWith('.json')) {
    try {
      const feed = JSON.parse(raw.toString('utf8')) as { items?: Array<{ content_html?: unknown; summary?: unknown }> };
      return (feed.items ?? []).flatMap((item) => [item.content_html, item.summary].filter((v): v is string => typeof v === 'string'));
    } catch {
      return [];
    }
  }
  const doc = new window.DOMParser().parseFromString(raw.toString('utf8').replace(/^\ufeff/, ''), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return [];
  const bodies: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    if (!BODY_ELEMENTS.has(el.localName)) continue;
    const html = el.firstElementChild !== null ? xmlNodesToHtml(el) : el.textContent ?? '';
    if (html.trim() && (el.firstElementChild !== null || looksLikeHtml(html))) bodies.push(html);
  }
  return bodies;
}

function feedInputs(): Input[] {
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  const out: Input[] = [];
  for (const file of files(path.join(CORPUS, 'feeds')).filter((f) => /\.(xml|rss|atom|json)$/.test(f)).sort()) {
    feedBodies(file, window).forEach((html, i) => out.push({ kind: 'feeds', name: `${path.relative(CORPUS, file)} #${i}`, html }));
  }
  window.close();
  return out;
}

function pageInputs(): Input[] {
  const readability = path.join(CORPUS, 'readability');
  const pages = readdirSync(readability).filter((d) => d.startsWith('rtl-')).flatMap((d) =>
    ['source.html', 'expected.html'].map((f) => path.join(readability, d, f)));
  pages.push(path.join(readability, 'arabic-epub-chapter.xhtml'), path.join(CORPUS, 'saved-pages', 'arabic-titlepage.html'));
  const hostile = path.resolve('tests', 'fixtures', 'hostile');
  pages.push(...readdirSync(hostile).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(hostile, f)));
  return pages.map((file) => ({ kind: 'pages', name: path.relative(process.cwd(), file), html: readFileSync(file, 'utf8') }));
}

/** Where two texts part, with a little context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `      old: ${JSON.stringify(a.slice(Math.max(0, i - 50), i + 50))}\n      new: ${JSON.stringify(b.slice(Math.max(0, i - 50), i + 50))}`;
}

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

interface Tally { inputs: number; text_differs: number; images_differ: number; browser_text_differs: number; old_browser_text_differs: number }

function main(): void {
  const args = process.argv.slice(2);
  const limit = Number(flag(args, '--limit') ?? Infinity);
  const show = Number(flag(args, '--show') ?? 5);
  const inputs = [...newsInputs(limit), ...feedInputs(), ...pageInputs()];
  const browser = new JSDOM('', { virtualConsole: new VirtualConsole() }).window.document;
  const tallies = new Map<string, Tally>();
  const shown = new Map<string, number>();
  const report = (kind: string, what: string, detail: string): void => {
    const key = `${kind}/${what}`;
    const n = shown.get(key) ?? 0;
    shown.set(key, n + 1);
    if (n < show) console.error(`${what} — ${detail}`);
  };
  let oldCpu = 0;
  let newCpu = 0;
  for (const input of inputs) {
    const tally = tallies.get(input.kind) ?? { inputs: 0, text_differs: 0, images_differ: 0, browser_text_differs: 0, old_browser_text_differs: 0 };
    tallies.set(input.kind, tally);
    tally.inputs++;
    let t = process.cpuUsage();
    const before = domPurifyArticle(input.html);
    oldCpu += cpuSince(t);
    t = process.cpuUsage();
    const after = sanitizeArticle(input.html);
    newCpu += cpuSince(t);
    if (before.text !== after.text) {
      tally.text_differs++;
      report(input.kind, 'text differs', `${input.name}\n${firstDifference(before.text, after.text)}`);
    }
    if (before.images !== after.images) {
      tally.images_differ++;
      report(input.kind, 'images differ', `${input.name}: ${before.images} before, ${after.images} now`);
    }
    const body = browser.createElement('body');
    body.innerHTML = before.html;
    if (readableText(body) !== before.text) tally.old_browser_text_differs++;
    body.innerHTML = after.html;
    const seen = readableText(body);
    if (seen !== after.text) {
      tally.browser_text_differs++;
      report(input.kind, 'the browser reads other text', `${input.name}\n${firstDifference(seen, after.text).replace('old:', 'browser:').replace('new:', 'stored: ')}`);
    }
  }
  const rows = [...tallies].map(([kind, t]) => ({ kind, ...t }));
  if (args.includes('--json')) {
    console.log(JSON.stringify({ rows, old_cpu_ms: Math.round(oldCpu), new_cpu_ms: Math.round(newCpu) }));
    return;
  }
  console.log('| inputs | count | text differs | image count differs | browser reads other text than stored (now) | (before) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.kind} | ${r.inputs} | ${r.text_differs} | ${r.images_differ} | ${r.browser_text_differs} | ${r.old_browser_text_differs} |`);
  console.log(`\nCPU: DOMPurify + jsdom ${(oldCpu / 1000).toFixed(1)} s, sanitize-html + htmlparser2 ${(newCpu / 1000).toFixed(1)} s`);
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

main();
