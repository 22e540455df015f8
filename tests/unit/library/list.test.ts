/** The library list (main/library/list.ts): its sorts, paging and narrowing, on indexes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Library } from '../../../main/library/library';
import { sourcedNews as news } from './helpers';

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-reading-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the list', () => {
  it('sorts by date, title or source, and narrows to one source with counts', () => {
    library.addArticles(news(40));
    const byDate = library.list({ limit: 40 }).items;
    const byTitle = library.list({ sort: 'title', limit: 40 }).items;
    const bySource = library.list({ sort: 'source', limit: 40 }).items;
    const dates = byDate.map((item) => item.published ?? item.imported);
    expect(dates).toEqual([...dates].sort().reverse());
    const titles = byTitle.map((item) => item.title);
    expect(titles).toEqual([...titles].sort());
    const sources = bySource.map((item) => item.source ?? '');
    expect(sources).toEqual([...sources].sort());

    const counts = library.sources();
    expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(40);
    const { source, count } = counts[0]!;
    const narrowed = library.list({ source: source!, sort: 'title' });
    expect(narrowed.total).toBe(count);
    expect(narrowed.items.every((item) => item.source === source)).toBe(true);
  });

  it('pages through a sort without repeating or skipping an article', () => {
    library.addArticles(news(30));
    const seen = [0, 10, 20].flatMap((offset) => library.list({ sort: 'source', offset, limit: 10 }).items.map((item) => item.id));
    expect(new Set(seen).size).toBe(30);
  });

  it('uses an index for each sort, not a sort of the whole library', () => {
    const db = new Database(library.file, { readonly: true });
    const plan = (order: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM articles a ORDER BY ${order} LIMIT 50`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' / ');
    expect(plan('a.title, a.id')).not.toMatch(/TEMP B-TREE/);
    expect(plan('ifnull(a.source, char(1114111)), a.sort_date DESC, a.id DESC')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
