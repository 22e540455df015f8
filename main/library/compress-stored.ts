/**
 * Libraries written before stored text was compressed (stored-text.ts) keep their text, HTML and
 * Markdown as plain TEXT, which every reader still takes. A migration queues those articles;
 * Library.open compresses them in batches (article-queue.ts), then gives the space back to the
 * file system once, with a VACUUM, when that makes the file much smaller.
 */
import type Database from 'better-sqlite3';
import { createArticleQueue, drainArticleQueue } from './article-queue';
import { encodeStored, type StoredValue } from './stored-text';

const QUEUE = 'compress_queue';

/** Free pages worth a VACUUM after compressing: a tenth of the file. */
const VACUUM_ABOVE = 0.1;

/** Migration: queues every article with a long column stored as plain text. */
export function queueUncompressedArticles(db: Database.Database): void {
  createArticleQueue(db, QUEUE);
  db.exec(`INSERT OR IGNORE INTO ${QUEUE} (article_id)
           SELECT id FROM articles WHERE typeof(text) = 'text' OR typeof(html) = 'text' OR typeof(markdown) = 'text'`);
}

interface StoredColumns {
  text: StoredValue;
  html: StoredValue | null;
  markdown: StoredValue | null;
}

/**
 * Compresses the queued articles' text, HTML and Markdown; returns how many were rewritten. When
 * it rewrote some and left a tenth of the file free, the file is vacuumed to its new size.
 */
export function compressQueued(db: Database.Database): number {
  const read = db.prepare('SELECT text, html, markdown FROM articles WHERE id = ?');
  const write = db.prepare('UPDATE articles SET text = @text, html = @html, markdown = @markdown WHERE id = @id');
  const encode = (value: StoredValue | null) => (typeof value === 'string' ? encodeStored(value) : value);
  const compressed = drainArticleQueue(db, QUEUE, (id) => {
    const row = read.get(id) as StoredColumns | undefined;
    if (row === undefined) return false;
    write.run({ id, text: encode(row.text), html: encode(row.html), markdown: encode(row.markdown) });
    return true;
  });
  if (compressed > 0) {
    const free = db.pragma('freelist_count', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    if (free > pages * VACUUM_ABOVE) {
      try {
        db.exec('VACUUM');
      } catch {
        // Another connection is reading (an import thread opening the same library): the free
        // pages stay in the file and the next imports fill them.
      }
    }
  }
  return compressed;
}
