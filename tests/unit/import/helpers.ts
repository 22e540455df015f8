import path from 'node:path';
import type { NewArticle } from '../../../common';
import type { ArticleSink } from '../../../main/import/importer';

export const shared = path.resolve(process.cwd(), '../shared');
export const encodings = path.join(shared, 'corpus', 'encodings');

/** An in-memory library: dedups by title + text, records each batch as the library would a transaction. */
export class MemorySink implements ArticleSink {
  articles: (NewArticle & { id: number })[] = [];
  batches: number[] = [];
  private seen = new Set<string>();

  addArticles(articles: NewArticle[]): { imported: number; duplicates: number; ids: number[] } {
    this.batches.push(articles.length);
    const ids: number[] = [];
    let duplicates = 0;
    for (const a of articles) {
      const key = `${a.title}\u0000${a.text}`;
      if (this.seen.has(key)) {
        duplicates++;
        continue;
      }
      this.seen.add(key);
      const id = this.articles.length + 1;
      this.articles.push({ ...a, id });
      ids.push(id);
    }
    return { imported: ids.length, duplicates, ids };
  }
}

export function bytes(s: string, encoding: BufferEncoding = 'utf8'): Uint8Array {
  return new Uint8Array(Buffer.from(s, encoding));
}
