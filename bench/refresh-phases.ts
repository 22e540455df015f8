/**
 * Where a first refresh's CPU goes, one phase at a time, on the refresh benchmark's own feeds
 * (bench/refresh.ts: real news as HTML items): decoding the bytes, reading the XML, reading the items
 * (the sanitizer and the readable text included; the sanitizer alone beside it), preparing each
 * article for the library (Arabic analysis for the index, compression), and writing (one
 * transaction per feed, the full-text index). One thread, no network, CPU time per article after a
 * warm-up pass, so a busy machine inflates it less than the wall clock.
 *
 * `npx tsx bench/refresh-phases.ts [--feeds 100] [--former] [--json]` (50 items a feed); `--former` also
 * times the former sanitizer (DOMPurify on jsdom, bench/dompurify-reference.ts) on the same HTML.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NewArticle } from '../common';
import { isFeedItem, toArticle } from '../main/import/feeds/article';
import { decodeXml } from '../main/import/feeds/encoding';
import { readFeedDocument } from '../main/import/feeds/index';
import { isDocument, parseOnce, prepareXml } from '../main/import/feeds/xml';
import { sanitizeArticle } from '../main/import/sanitize';
import { Library } from '../main/library/library';
import { prepareArticle, type PreparedArticle } from '../main/library/prepare';
import { news } from '../tests/fixtures/feed-server';
import { domPurifyArticle } from './dompurify-reference';
import { feedBytes } from './refresh';

const ITEMS = 50;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const argv = process.argv.slice(2);
const at = argv.indexOf('--feeds');
const feeds = at >= 0 ? Number(argv[at + 1]) : 100;
const pool = news(feeds * ITEMS);
const bytes = Array.from({ length: feeds }, (_, f) => feedBytes(f, ITEMS, pool));
const count = feeds * ITEMS;
const figures: Record<string, number> = {};

/** Runs `work` twice (the first pass warms up: jsdom loads, code compiles) and times the second. */
function phase<T>(name: string, work: () => T): T {
  work();
  const start = cpuMs();
  const result = work();
  figures[name] = Math.round(((cpuMs() - start) / count) * 1000) / 1000;
  return result;
}

const texts = phase('decode_ms', () => bytes.map((b) => decodeXml(b, 'utf-8').text));
const docs = phase('xml_ms', () => texts.map((text) => {
  const source = prepareXml(text);
  const doc = parseOnce(source.text, source.doctype);
  if (!isDocument(doc)) throw new Error(`the benchmark's feed is broken: ${doc.reason}`);
  return doc;
}));
const articles = phase('items_ms', () => docs.flatMap((doc) => {
  const feed = readFeedDocument(doc);
  return feed.items.filter(isFeedItem).map((item) => toArticle(item, feed.info, 'https://bench.example/feed.xml'));
}).filter((a): a is NewArticle => a !== null));
const htmls = articles.map((a) => a.html ?? '');
phase('of_which_sanitize_ms', () => htmls.map(sanitizeArticle));
// The sanitizer the app used until 2026-11, on the same HTML: what the switch saved.
if (argv.includes('--former')) phase('former_dompurify_ms', () => htmls.map(domPurifyArticle));
const prepared: PreparedArticle[] = phase('prepare_ms', () => articles.map(prepareArticle));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-phases-'));
try {
  // Written once (a second pass would find duplicates): no warm-up beyond the first feed's statements.
  const library = Library.open(path.join(dir, 'library.sqlite'));
  const start = cpuMs();
  for (let i = 0; i < prepared.length; i += ITEMS) library.addPrepared(prepared.slice(i, i + ITEMS));
  figures.write_ms = Math.round(((cpuMs() - start) / count) * 1000) / 1000;
  library.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const total = figures.decode_ms! + figures.xml_ms! + figures.items_ms! + figures.prepare_ms! + figures.write_ms!;
if (argv.includes('--json')) {
  console.log(JSON.stringify({ feeds, items: count, ...figures, total_ms: Math.round(total * 1000) / 1000, load: os.loadavg()[0] }));
} else {
  console.log(`${count} articles from ${feeds} feeds, CPU ms per article (load average ${os.loadavg()[0]!.toFixed(1)}):`);
  for (const [name, ms] of Object.entries(figures)) console.log(`  ${name.replace(/_ms$/, '').replace(/_/g, ' ')}: ${ms.toFixed(3)}`);
  console.log(`  total (decode + xml + items + prepare + write): ${total.toFixed(3)}`);
}
