/** Tags (main/library/tags.ts): names cleaned, counted, forgotten when unused; the list and search narrow to one. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('tags', () => {
  it('groups articles under tags, counts them, and narrows the list and search to one', () => {
    const ids = library.addArticles(news(6)).ids;
    library.setTags(ids[0]!, ['اقتصاد', ' سياسة  محلية ', 'اقتصاد', '']);
    library.setTags(ids[1]!, ['اقتصاد']);
    expect(library.annotations(ids[0]!).tags).toEqual(['اقتصاد', 'سياسة محلية']);
    expect(library.tags()).toEqual([
      { name: 'اقتصاد', count: 2 },
      { name: 'سياسة محلية', count: 1 },
    ]);
    const tagged = library.list({ tag: 'اقتصاد' });
    expect(tagged.total).toBe(2);
    expect(tagged.items.map((item) => item.id).sort()).toEqual([ids[0], ids[1]].sort());
    const word = library.get(ids[1]!).title.split(/\s+/).find((w) => w.length > 3)!;
    expect(library.search(word, { tag: 'اقتصاد' }).items.map((hit) => hit.id)).toContain(ids[1]);
    expect(library.search(word, { tag: 'سياسة محلية' }).items.map((hit) => hit.id)).not.toContain(ids[1]);

    // A tag no article carries any more is gone from the sidebar.
    library.setTags(ids[0]!, ['اقتصاد']);
    expect(library.tags()).toEqual([{ name: 'اقتصاد', count: 2 }]);
  });
});
