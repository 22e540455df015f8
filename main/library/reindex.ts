/**
 * Re-indexing articles whose index entries an older Sahifa wrote differently: a migration queues
 * them, Library.open re-indexes the queue in batches (article-queue.ts).
 */
import type Database from 'better-sqlite3';
import { createArticleQueue, drainArticleQueue, queuedArticles } from './article-queue';
import { HighlightStore } from './highlight-store';
import { BULK_FROM, writeInBulk } from './index-upkeep';
import { indexColumns } from './prepare';

const QUEUE = 'reindex_queue';
/** Words per full-text query when looking for the articles that hold them. */
const TERMS_PER_QUERY = 200;

const HAS_DIGIT = /\p{Nd}/u;
const HAS_LETTER = /\p{L}/u;

/**
 * Migration: queues every article holding a word that mixes digits and letters (1436هـ, 2015م),
 * found through the index's own vocabulary rather than by reading every article's text. Their
 * stem columns get the words' digit and letter runs when they are re-indexed.
 */
export function queueMixedWordArticles(db: Database.Database): void {
  createArticleQueue(db, QUEUE);
  db.exec("CREATE VIRTUAL TABLE temp.sahifa_vocabulary USING fts5vocab(main, 'article_index', 'row')");
  try {
    const mixed = (db.prepare('SELECT term FROM temp.sahifa_vocabulary').pluck().all() as string[]).filter(
      (term) => HAS_DIGIT.test(term) && HAS_LETTER.test(term),
    );
    const queue = db.prepare(`INSERT OR IGNORE INTO ${QUEUE} (article_id) SELECT rowid FROM article_index WHERE article_index MATCH ?`);
    for (let i = 0; i < mixed.length; i += TERMS_PER_QUERY) {
      // Index terms are letters and digits only, so quoting them is all the escaping they need.
      const words = mixed.slice(i, i + TERMS_PER_QUERY).map((term) => `"${term}"`);
      queue.run(`{title_surface body_surface} : (${words.join(' OR ')})`);
    }
  } finally {
    db.exec('DROP TABLE temp.sahifa_vocabulary');
  }
}

/**
 * Migration: empties the article index and queues every article, so that Library.open writes the
 * whole index again; writes the note index again at once (a reader's notes are few). For a change
 * in how the index stores every word (index-terms.ts: stems marked as such). Emptied first, the
 * index is written as an import writes it, without a deletion marker for every old row.
 */
export function queueWholeIndex(db: Database.Database): void {
  createArticleQueue(db, QUEUE);
  db.exec(`INSERT INTO article_index (article_index) VALUES ('delete-all');
           INSERT OR IGNORE INTO ${QUEUE} (article_id) SELECT id FROM articles;`);
  new HighlightStore(db).rewriteNoteIndex();
}

/** An article's title and text as the library reads them, or null when it is gone. */
export type ReadArticle = (id: number) => { title: string; text: string } | null;

/**
 * Re-indexes every queued article, in batches that each commit (article-queue.ts); drops the
 * queue when it is empty. Returns how many articles were re-indexed. Cheap when there is no queue.
 * A queue of BULK_FROM articles or more is written as a large import is (index-upkeep.ts), the
 * tidying chosen by how many articles the library holds (`libraryArticles`).
 */
export function reindexQueued(db: Database.Database, read: ReadArticle, libraryArticles: () => number, bulkFrom = BULK_FROM): number {
  const remove = db.prepare('DELETE FROM article_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
  const drain = () =>
    drainArticleQueue(db, QUEUE, (id) => {
      const article = read(id);
      if (!article) return false;
      remove.run(id);
      insert.run(id, ...indexColumns(article.title, article.text).columns);
      return true;
    });
  if (queuedArticles(db, QUEUE) < bulkFrom) return drain();
  return writeInBulk(db, drain, libraryArticles);
}
