/**
 * What Sahifa's search is compared with in bench/run.ts, on the same articles:
 *
 * - LIKE: a table of normalized title + text, each query word (normalized the same way) matched
 *   with `LIKE '%word%'`, first 20 rows. No index can help a leading wildcard: every query scans.
 * - MiniSearch 7: an in-memory inverted index in the JS heap, fed with our own analyzer (surface
 *   words and their stems indexed, queries by stem), BM25 ranked, top 20.
 * - plain FTS5: what a reader that hands Arabic straight to SQLite ships: title and text in an FTS5
 *   table with the default tokenizer (no normalization, no stems), the words as typed
 *   (corpora.ts plainFtsExpression), BM25 top 20 and the total. It finds far less (bench:eval).
 *
 * No baseline computes snippets or highlights, so the ratios to Sahifa flatter them.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { parseQuery, type QueryTerm } from '../main/library/query';
import { plainFtsExpression } from './corpora';
import { decodeStored, type StoredValue } from '../main/library/stored-text';
import { analyzeText } from '../main/text/analyze';
import { normalize } from '../main/text/normalize';
import { stem } from '../main/text/stem';

export interface StoredArticle {
  id: number;
  title: string;
  text: string;
}

/** Every article of a library file, in id order, in chunks so 100k articles never sit in memory twice. */
export function* readArticles(libraryFile: string, chunk = 5000): Generator<StoredArticle[]> {
  const db = new Database(libraryFile, { readonly: true });
  try {
    const page = db.prepare('SELECT id, title, text FROM articles WHERE id > ? ORDER BY id LIMIT ?');
    let last = 0;
    for (;;) {
      const rows = (page.all(last, chunk) as { id: number; title: string; text: StoredValue }[]).map((row) => ({ ...row, text: decodeStored(row.text) }));
      if (rows.length === 0) return;
      yield rows;
      last = rows[rows.length - 1]!.id;
    }
  } finally {
    db.close();
  }
}

/** A database of its own at `file` holding one table made by `create`, filled with every article of the library. */
function tableOfArticles(file: string, libraryFile: string, create: string, insertSql: string, values: (article: StoredArticle) => unknown[]): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(create);
  const insert = db.prepare(insertSql);
  for (const rows of readArticles(libraryFile)) {
    db.transaction(() => {
      for (const r of rows) insert.run(...values(r));
    })();
  }
  return db;
}

function likeText(term: QueryTerm): string {
  switch (term.kind) {
    case 'word':
      return term.term.surface;
    case 'prefix':
      return term.surface;
    case 'phrase':
      return term.terms.map((t) => t.surface).join(' ');
  }
}

/** `%` and `_` are LIKE wildcards; analyzed words never hold them, but escape anyway. */
const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class LikeBaseline {
  private readonly db: Database.Database;

  constructor(dir: string, libraryFile: string) {
    this.db = tableOfArticles(
      path.join(dir, 'like.sqlite'),
      libraryFile,
      'CREATE TABLE IF NOT EXISTS norm (id INTEGER PRIMARY KEY, text TEXT NOT NULL)',
      'INSERT INTO norm (id, text) VALUES (?, ?)',
      (r) => [r.id, normalize(`${r.title}\n${r.text}`)],
    );
  }

  /** Ids of the first 20 articles holding every query word (each OR group: one of its words). */
  search(query: string): number[] {
    const parsed = parseQuery(query);
    if (parsed.groups.length === 0) return [];
    const conditions: string[] = [];
    const params: string[] = [];
    for (const group of parsed.groups) {
      conditions.push(`(${group.map(() => "text LIKE ? ESCAPE '\\'").join(' OR ')})`);
      params.push(...group.map((t) => likePattern(likeText(t))));
    }
    for (const term of parsed.excluded) {
      conditions.push("text NOT LIKE ? ESCAPE '\\'");
      params.push(likePattern(likeText(term)));
    }
    return this.db
      .prepare(`SELECT id FROM norm WHERE ${conditions.join(' AND ')} LIMIT 20`)
      .pluck()
      .all(...params) as number[];
  }

  close(): void {
    this.db.close();
  }
}

export class PlainFtsBaseline {
  private readonly db: Database.Database;
  private readonly best: Database.Statement;
  private readonly count: Database.Statement;

  constructor(dir: string, libraryFile: string) {
    this.db = tableOfArticles(
      path.join(dir, 'plain-fts.sqlite'),
      libraryFile,
      'CREATE VIRTUAL TABLE IF NOT EXISTS plain USING fts5 (title, text)',
      'INSERT INTO plain (rowid, title, text) VALUES (?, ?, ?)',
      (r) => [r.id, r.title, r.text],
    );
    this.db.pragma('cache_size = -65536');
    this.best = this.db.prepare('SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 20').pluck();
    this.count = this.db.prepare('SELECT count(*) FROM plain WHERE plain MATCH ?').pluck();
  }

  /** The best 20 ids and how many match. */
  search(query: string): { ids: number[]; total: number } {
    const expression = plainFtsExpression(query);
    if (expression === null) return { ids: [], total: 0 };
    return { ids: this.best.all(expression) as number[], total: this.count.get(expression) as number };
  }

  close(): void {
    this.db.close();
  }
}

const surfaces = (text: string) => analyzeText(text).map((t) => t.surface);

export class MiniSearchBaseline {
  private readonly index = new MiniSearch<StoredArticle>({
    fields: ['title', 'text'],
    tokenize: surfaces,
    // Index both forms; queries below ask by stem, which every surface's stem meets.
    processTerm: (surface) => {
      const s = stem(surface);
      return s === surface ? surface : [surface, s];
    },
    searchOptions: { boost: { title: 3 } },
  });

  constructor(libraryFile: string) {
    for (const rows of readArticles(libraryFile)) this.index.addAll(rows.map((r) => ({ id: r.id, title: r.title, text: r.text })));
  }

  /** Top 20 ids; phrases are searched as their words ANDed (MiniSearch has no phrases). */
  search(query: string): number[] {
    const parsed = parseQuery(query);
    if (parsed.groups.length === 0) return [];
    const termQuery = (term: QueryTerm) => {
      switch (term.kind) {
        case 'word':
          return { queries: [term.term.stem], combineWith: 'AND' as const };
        case 'prefix':
          return { queries: [term.surface], prefix: true, combineWith: 'AND' as const };
        case 'phrase':
          return { queries: term.terms.map((t) => t.stem), combineWith: 'AND' as const };
      }
    };
    const positive = {
      combineWith: 'AND' as const,
      queries: parsed.groups.map((g) => ({ combineWith: 'OR' as const, queries: g.map(termQuery) })),
    };
    const full =
      parsed.excluded.length === 0
        ? positive
        : { combineWith: 'AND_NOT' as const, queries: [positive, { combineWith: 'OR' as const, queries: parsed.excluded.map(termQuery) }] };
    return this.index
      .search(full, { processTerm: (t) => t })
      .slice(0, 20)
      .map((r) => r.id as number);
  }
}
