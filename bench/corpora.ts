/**
 * Real text for the evaluation, the benchmarks and tests/unit/search: the diacritized Tashkeela
 * lines and the SaudiNewsNet articles, turned into library articles; plus the small tools they
 * share (seeded sampling, paging through every search result, plain-FTS5 queries).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../main/library/library';
import type { NewArticle } from '../common';
import { CORPUS, newsArticles, type NewsArticle } from '../tests/fixtures/corpus';

export const TASHKEELA_FILE = path.join(CORPUS, 'tashkeela', 'val.txt');

/** One article per line of Tashkeela's validation set (2,500 fully diacritized lines). */
export function tashkeelaLines(count = Infinity): string[] {
  return fs
    .readFileSync(TASHKEELA_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, count);
}

/** A Tashkeela line as an article; its title is its own first words, so it adds no other word. */
export function tashkeelaArticle(line: string, index: number): NewArticle {
  return {
    title: line.split(/\s+/).slice(0, 8).join(' '),
    byline: null,
    source: 'Tashkeela',
    url: `https://tashkeela.example/val/${index + 1}`,
    lang: 'ar',
    dir: 'rtl',
    published: null,
    text: line,
    html: null,
    origin: null,
  };
}

/** The harakat a reader leaves out when typing: fathatan … sukun, and the superscript alef. */
const MARKS = /[\u064b-\u0652\u0670]/g;

export function stripMarks(word: string): string {
  return word.replace(MARKS, '');
}

export function newsArticle(a: NewsArticle): NewArticle {
  return {
    title: a.title,
    byline: a.author || null,
    source: a.source,
    url: a.url,
    lang: 'ar',
    dir: 'rtl',
    published: a.date_extracted ? `${a.date_extracted.replace(' ', 'T')}Z` : null,
    text: a.content,
    html: null,
    origin: null,
  };
}

/** Deterministic PRNG (mulberry32): the same seed gives the same sample on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct items drawn without replacement (partial Fisher–Yates), in draw order. */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** A library in a fresh temporary folder, and a way to remove both. */
export function temporaryLibrary(prefix = 'sahifa-bench-'): { library: Library; dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const library = Library.open(path.join(dir, 'library.sqlite'));
  return {
    library,
    dir,
    dispose: () => {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds articles in batches the size the importer uses; returns the ids in input order. */
export function addAll(library: Library, articles: NewArticle[], batchSize = 500): number[] {
  const ids: number[] = [];
  for (let i = 0; i < articles.length; i += batchSize) {
    const batch = articles.slice(i, i + batchSize);
    const result = library.addArticles(batch);
    if (result.imported !== batch.length) throw new Error(`expected ${batch.length} new articles, got ${result.imported}`);
    ids.push(...result.ids);
  }
  return ids;
}

export interface AllResults {
  ids: number[];
  /** What the first page reported as the total. */
  total: number;
  /** Hits whose snippet and title both came back without a highlighted word. */
  unhighlighted: number;
}

/** Every result of a query, by paging through library.search the way a client would. */
export function searchAll(library: Library, query: string, pageSize = 500): AllResults {
  const ids: number[] = [];
  let total = -1;
  let unhighlighted = 0;
  for (let offset = 0; ; offset += pageSize) {
    const page = library.search(query, { offset, limit: pageSize });
    if (total < 0) total = page.total;
    for (const hit of page.items) {
      ids.push(hit.id);
      if (hit.highlights.length === 0 && hit.titleHighlights.length === 0) unhighlighted++;
    }
    if (page.items.length < pageSize) break;
  }
  return { ids, total, unhighlighted };
}

/**
 * The same query for a plain FTS5 table with the default tokenizer: the raw words as typed,
 * quoted, with the same structure (AND of groups, OR inside a group, NOT for -word, word* prefix).
 * This is what an app that hands Arabic straight to FTS5 would find.
 */
export function plainFtsExpression(query: string): string | null {
  const lexemes = query.match(/-?"[^"]*"?|\S+/g) ?? [];
  const groups: string[][] = [];
  const excluded: string[] = [];
  let joinNext = false;
  for (const raw of lexemes) {
    if (raw === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    const negated = raw.startsWith('-') && raw.length > 1;
    let text = negated ? raw.slice(1) : raw;
    const quoted = text.startsWith('"');
    text = text.replace(/"/g, '');
    const prefix = !quoted && text.endsWith('*');
    if (prefix) text = text.slice(0, -1);
    if (text.trim() === '') continue;
    const term = `"${text}"${prefix ? ' *' : ''}`;
    if (negated) excluded.push(term);
    else if (joinNext) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  if (groups.length === 0) return null;
  const positive = groups.map((g) => (g.length === 1 ? g[0]! : `(${g.join(' OR ')})`)).join(' AND ');
  return excluded.length === 0 ? positive : `(${positive}) NOT (${excluded.join(' OR ')})`;
}

/**
 * A library of `count` articles at `file`, built once and kept: real news, repeated until `count`,
 * each copy with its own title, URL and date (the UI and open-check benchmarks share it).
 */
export function buildRepeatedNewsLibrary(file: string, count: number): void {
  if (fs.existsSync(file)) return;
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const library = Library.open(partial);
  const news = newsArticles(Math.min(count, 31_030)).filter((a) => a.title.trim() !== '' && a.content.trim() !== '');
  const started = Date.now();
  const batch: NewArticle[] = [];
  for (let i = 0; i < count; i++) {
    const a = news[i % news.length]!;
    const round = Math.floor(i / news.length);
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 3_000) * 86_400_000 + (i % 86_400) * 1000);
    batch.push({
      title: round === 0 ? a.title.trim() : `${a.title.trim()} (${round + 1})`,
      byline: a.author.trim() || null,
      source: a.source,
      url: `${a.url}#copy-${i}`,
      lang: 'ar',
      dir: 'rtl',
      published: day.toISOString(),
      text: a.content,
      html: null,
      origin: null,
    });
    if (batch.length === 1_000) {
      library.addArticles(batch.splice(0));
      if ((i + 1) % 10_000 === 0) console.error(`bench: library ${i + 1}/${count} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  if (batch.length > 0) library.addArticles(batch);
  library.close();
  fs.renameSync(partial, file);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
}
