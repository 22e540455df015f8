/** Reading state and notes (main/library/reading.ts): per article, and what the list and search narrow by. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { article, sourcedNews as news } from './helpers';

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

describe('reading state', () => {
  it('remembers the position and read state per article, and the list can show unread only', () => {
    const { ids } = library.addArticles(news(5));
    const [first, second] = ids as [number, number];
    expect(library.list({ unread: true }).total).toBe(5);

    library.saveReading(first, { position: 0.42 });
    expect(library.annotations(first).position).toBeCloseTo(0.42);
    expect(library.get(first).read).toBe(false);

    library.saveReading(first, { read: true });
    // Marking read keeps the position; saving a position keeps the read state.
    expect(library.annotations(first).position).toBeCloseTo(0.42);
    library.saveReading(first, { position: 1 });
    expect(library.get(first).read).toBe(true);

    library.saveReading(second, { read: true });
    const unread = library.list({ unread: true });
    expect(unread.total).toBe(3);
    expect(unread.items.map((item) => item.id)).not.toContain(first);
    expect(unread.items.every((item) => !item.read)).toBe(true);

    library.saveReading(second, { read: false });
    expect(library.list({ unread: true }).total).toBe(4);
    expect(() => library.saveReading(99_999, { read: true })).toThrow(/no article 99999/);
  });

  it('narrows search to unread articles too', () => {
    const { ids } = library.addArticles([
      article({ title: 'اجتماع الحكومة', text: 'عقد مجلس الوزراء اجتماعه' }),
      article({ title: 'اجتماع اللجنة', text: 'اجتمعت اللجنة أمس' }),
    ]);
    expect(library.search('اجتماع').total).toBe(2);
    library.saveReading(ids[0]!, { read: true });
    const hits = library.search('اجتماع', { unread: true });
    expect(hits.items.map((hit) => hit.id)).toEqual([ids[1]]);
    expect(library.search('اجتماع').items.find((hit) => hit.id === ids[0])?.read).toBe(true);
  });
});

describe('notes', () => {
  it('keeps a note on a bookmark, bookmarking the article when needed', () => {
    const [id] = library.addArticles(news(1)).ids as [number];
    library.setNote(id, '  اقتباس مهم للتقرير  ');
    expect(library.get(id).bookmarked).toBe(true);
    expect(library.annotations(id).note).toBe('اقتباس مهم للتقرير');
    library.setNote(id, '');
    expect(library.annotations(id).note).toBeNull();
    expect(library.get(id).bookmarked).toBe(true);
    library.setNote(id, 'ملاحظة');
    library.setBookmarked(id, false);
    expect(library.annotations(id).note).toBeNull();
  });
});
