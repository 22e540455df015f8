/**
 * Measures sanitizers with the same rules against the one the app used until 2026-11 (DOMPurify over
 * one shared jsdom window, kept in bench/dompurify-reference.ts), among them the app's own now
 * (main/import/sanitize.ts: sanitize-html, readable text off an htmlparser2 tree). For each candidate:
 *
 *   speed     CPU time per item over real news items built as the refresh benchmark builds them
 *             (corpus paragraphs), with a link, an embedded and a remote image, a heading or a list
 *             on some of them: median and total
 *   safety    every hostile input (tests/fixtures/hostile/*.html and a few mutation-XSS classics
 *             below) through the candidate, then the checks the security tests apply
 *             (tests/fixtures/hostile-checks.ts): pass or fail per input, with the complaints
 *   fidelity  on the news items and the real RTL pages of ../shared/corpus: does the readable text,
 *             and the structure (paragraphs, headings, lists, links, images, dir/lang), equal the
 *             former DOMPurify output?
 *
 * `npm run bench:sanitizers -- [--items 400] [--json]`, each candidate in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DOMPurify, WindowLike } from 'dompurify';
import { Window as HappyWindow } from 'happy-dom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { readableText } from '../main/import/html-text';
import { sanitizeArticle, sanitizeHtml } from '../main/import/sanitize';
import { createPurifier, domPurifyArticle, domPurifyHtml, sanitizeToBodyWith } from './dompurify-reference';
import { news } from '../tests/fixtures/feed-server';
import { dangers, runsSomething } from '../tests/fixtures/hostile-checks';

interface Candidate {
  name: string;
  sanitize: (html: string) => string;
  /** Items to time: a fresh window per item costs so much that fewer say enough. */
  speedItems?: number;
  close?: () => void;
}

function purifierOver(window: WindowLike, document: Document): (html: string) => string {
  const purify: DOMPurify = createPurifier(window);
  // Unsupported, DOMPurify.sanitize returns its input unchanged: say so rather than measure that.
  if (!purify.isSupported) throw new Error('DOMPurify.isSupported is false over this DOM (sanitize would return its input unchanged)');
  return (html) => sanitizeToBodyWith(purify, document, html).innerHTML;
}

function freshJsdomPerCall(html: string): string {
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  const out = purifierOver(window as unknown as WindowLike, window.document)(html);
  window.close();
  return out;
}

const CANDIDATE_NAMES = [
  'DOMPurify + jsdom, one window (the app until 2026-11)',
  'DOMPurify + jsdom, a fresh window per item',
  'DOMPurify + happy-dom',
  'DOMPurify + linkedom',
  'sanitize-html (htmlparser2; the app now, sanitizeHtml)',
  'DOMPurify + jsdom, html + readable text (the former sanitizeArticle)',
  'sanitize-html + readable text off an htmlparser2 tree (the app now, sanitizeArticle)',
] as const;

function candidates(): Candidate[] {
  const happy = new HappyWindow({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const linked = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  const overLinkedom = (): ((html: string) => string) => purifierOver(linked.window as unknown as WindowLike, linked.document as unknown as Document);
  return [
    { name: CANDIDATE_NAMES[0], sanitize: domPurifyHtml },
    { name: CANDIDATE_NAMES[1], sanitize: freshJsdomPerCall, speedItems: 40 },
    { name: CANDIDATE_NAMES[2], sanitize: purifierOver(happy as unknown as WindowLike, happy.document as unknown as Document), close: () => void happy.happyDOM.close() },
    { name: CANDIDATE_NAMES[3], sanitize: (html) => overLinkedom()(html) },
    { name: CANDIDATE_NAMES[4], sanitize: sanitizeHtml },
    { name: CANDIDATE_NAMES[5], sanitize: (html) => domPurifyArticle(html).html },
    { name: CANDIDATE_NAMES[6], sanitize: (html) => sanitizeArticle(html).html },
  ];
}

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Feed items as the refresh benchmark builds them, with the other shapes real items carry on some. */
function newsItems(count: number): string[] {
  return news(count).map((a, i) => {
    const paragraphs = a.content.split('\n').filter((p) => p.trim()).map((p) => `<p>${escapeText(p)}</p>`);
    if (i % 3 === 0) paragraphs.push(`<p dir="rtl">المصدر: <a href="https://news.example.sa/${i}" target="_blank">${escapeText(a.title.trim())}</a></p>`);
    if (i % 4 === 0) paragraphs.splice(1, 0, `<figure><img src="${PNG}" alt="صورة الخبر"><figcaption>صورة ${i}</figcaption></figure>`);
    if (i % 5 === 0) paragraphs.push(`<p><img src="https://cdn.example.sa/${i}.jpg" alt="صورة بعيدة" width="600"></p>`);
    if (i % 7 === 0) paragraphs.unshift(`<h2 lang="ar">${escapeText(a.title.trim())}</h2>`, '<ul><li>أولا</li><li>ثانيا</li></ul>');
    return paragraphs.join('');
  });
}

const ROOT = process.cwd();
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

function corpusPages(): string[] {
  const readability = path.join(CORPUS, 'readability');
  const pages = readdirSync(readability).filter((d) => d.startsWith('rtl-')).flatMap((d) =>
    ['source.html', 'expected.html'].map((f) => readFileSync(path.join(readability, d, f), 'utf8')));
  pages.push(readFileSync(path.join(CORPUS, 'saved-pages', 'arabic-titlepage.html'), 'utf8'));
  return pages;
}

// Mutation-XSS classics: markup a non-browser parser may read differently from the Chromium that shows it.
const MUTATION_XSS: Record<string, string> = {
  'mxss-noscript-title': '<noscript><p title="</noscript><img src=x onerror=window.__hostile=1>"></noscript><p>نص</p>',
  'mxss-svg-style': '<svg></p><style><a id="</style><img src=1 onerror=window.__hostile=1>">',
  'mxss-math-mglyph': '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.__hostile=1&gt;">',
  'mxss-form-nesting': '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__hostile=1>',
  'comment-breakout': '<!--><img src=x onerror=window.__hostile=1>-->',
  'textarea-breakout': '<textarea></textarea><img src=x onerror=window.__hostile=1></textarea>',
  'entity-javascript-link': '<a href="&#106;avascript&#58;window.__hostile=1">رابط</a>',
  'tab-javascript-link': '<a href="java\tscript:window.__hostile=1">رابط</a>',
  'uppercase-handlers': '<P ONMOUSEOVER="window.__hostile=1">نص</P><IMG SRC="https://evil.example/a.png" ONERROR="window.__hostile=1">',
  'style-escape-url': '<p style="background:u\\72l(https://evil.example/x)">نص</p>',
};

function hostileInputs(): Array<[string, string]> {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'hostile');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.html')).sort()
    .map((f): [string, string] => [f.replace(/\.html$/, ''), readFileSync(path.join(dir, f), 'utf8')]);
  return [...fixtures, ...Object.entries(MUTATION_XSS)];
}

const STRUCTURE = 'p, h1, h2, h3, h4, h5, h6, ul, ol, li, a[href], img[src], blockquote, table, [dir], [lang]';

/** What a reader sees of sanitized HTML: its text, and its structure as a list of element signatures. */
function shape(html: string): { text: string; structure: string } {
  const { window } = new JSDOM(`<body>${html}</body>`);
  const body = window.document.body;
  const structure = Array.from(body.querySelectorAll(STRUCTURE)).map((el) =>
    [el.tagName.toLowerCase(), el.getAttribute('href'), el.getAttribute('src'), el.getAttribute('dir'), el.getAttribute('lang')].join('|')).join('\n');
  const text = readableText(body);
  window.close();
  return { text, structure };
}

/** Where two outputs part, with a little context: what the fidelity figures count. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `app:       ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 60))}\ncandidate: ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 60))}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

interface Row {
  name: string;
  items_timed: number;
  median_cpu_ms: number;
  total_cpu_ms: number;
  hostile_passed: number;
  hostile_failed: Record<string, string[]>;
  differs_text: number;
  differs_structure: number;
  differs_exact: number;
  fidelity_items: number;
  error?: string;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function emptyRow(name: string): Row {
  return { name, items_timed: 0, median_cpu_ms: 0, total_cpu_ms: 0, hostile_passed: 0, hostile_failed: {}, differs_text: 0, differs_structure: 0, differs_exact: 0, fidelity_items: 0 };
}

function measure(c: Candidate, items: string[], pages: string[], reference: Array<{ text: string; structure: string; html: string }>, hostile: Array<[string, string]>): Row {
  const row = emptyRow(c.name);
  try {
    const timed = items.slice(0, c.speedItems ?? items.length);
    for (const html of timed.slice(0, 20)) c.sanitize(html); // warm up
    const per: number[] = [];
    const start = cpuMs();
    for (const html of timed) {
      const t = cpuMs();
      c.sanitize(html);
      per.push(cpuMs() - t);
    }
    row.total_cpu_ms = cpuMs() - start;
    row.items_timed = timed.length;
    row.median_cpu_ms = median(per);

    for (const [name, html] of hostile) {
      let out: string;
      try {
        out = c.sanitize(html);
      } catch (e) {
        row.hostile_failed[name] = [`threw: ${(e as Error).message.slice(0, 60)}`];
        continue;
      }
      const found = dangers(out);
      if (runsSomething(out)) found.push('ran a script or handler');
      if (found.length) row.hostile_failed[name] = [...new Set(found)];
      else row.hostile_passed++;
    }

    const all = [...items, ...pages];
    row.fidelity_items = all.length;
    all.forEach((html, i) => {
      const out = c.sanitize(html);
      const ref = reference[i]!;
      if (out !== ref.html) {
        row.differs_exact++;
        if (process.env.SANITIZERS_SHOW_DIFFS) console.error(`--- ${c.name} #${i}\n${firstDifference(ref.html, out)}`);
      }
      const got = shape(out);
      if (got.text !== ref.text) row.differs_text++;
      if (got.structure !== ref.structure) row.differs_structure++;
    });
  } catch (e) {
    row.error = (e as Error).message.slice(0, 120);
  }
  return row;
}

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** One candidate in this process: its row as JSON on standard output. */
function measureOne(index: number, count: number): void {
  const items = newsItems(count);
  const pages = corpusPages();
  const reference = [...items, ...pages].map((html) => {
    const out = domPurifyHtml(html);
    return { ...shape(out), html: out };
  });
  const c = candidates()[index]!;
  const row = measure(c, items, pages, reference, hostileInputs());
  c.close?.();
  console.log(JSON.stringify(row));
}

/**
 * Each candidate runs in a process of its own: what one DOM leaves on the heap (jsdom windows are
 * large) must not slow down or exhaust the next one.
 */
function main(): void {
  const args = process.argv.slice(2);
  const count = Number(flag(args, '--items') ?? 400);
  const one = flag(args, '--candidate');
  if (one !== undefined) return measureOne(Number(one), count);
  const script = fileURLToPath(import.meta.url);
  const rows: Row[] = [];
  const names = CANDIDATE_NAMES;
  names.forEach((name, i) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [...process.execArgv, script, '--items', String(count), '--candidate', String(i)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    try {
      rows.push(JSON.parse(last) as Row);
    } catch {
      rows.push({ ...emptyRow(name), error: `exited ${run.status}: ${run.stderr.trim().split('\n').filter((l) => !l.startsWith('    at ')).slice(-1)[0] ?? ''}`.slice(0, 120) });
    }
    if (!args.includes('--json')) console.error(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
  const hostileCount = hostileInputs().length;
  const pageCount = corpusPages().length;
  if (args.includes('--json')) {
    console.log(JSON.stringify({ items: count, pages: pageCount, hostile: hostileCount, rows }, null, 2));
    return;
  }
  const base = rows[0]!.median_cpu_ms;
  console.log(`${count} news items, ${pageCount} corpus pages, ${hostileCount} hostile inputs\n`);
  console.log('| candidate | items timed | median CPU ms/item | total CPU ms | speed-up (median) | hostile passed | text differs | structure differs | output differs |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.error) {
      console.log(`| ${r.name} | error: ${r.error} |||||||`);
      continue;
    }
    const speedUp = r.median_cpu_ms > 0 ? (base / r.median_cpu_ms).toFixed(2) : '—';
    console.log(`| ${r.name} | ${r.items_timed} | ${r.median_cpu_ms.toFixed(3)} | ${r.total_cpu_ms.toFixed(0)} | ${speedUp}× | ${r.hostile_passed}/${hostileCount} | ${r.differs_text}/${r.fidelity_items} | ${r.differs_structure}/${r.fidelity_items} | ${r.differs_exact}/${r.fidelity_items} |`);
  }
  for (const r of rows) {
    for (const [name, found] of Object.entries(r.hostile_failed)) console.log(`- ${r.name} FAILS ${name}: ${found.join(', ')}`);
  }
}

main();
