/**
 * Re-indexing articles whose index entries an older Sahifa wrote differently. A migration only
 * queues the articles (fast, inside its transaction); Library.open then re-indexes the queue in
 * small transactions, so an interrupted re-index loses nothing and resumes at the next open, and
 * the queue disappears once it is empty.
 */
import type Database from 'better-sqlite3';
import { indexColumns } from './prepare';

const QUEUE = 'reindex_queue';
const BATCH = 500;
/** Words per full-text query when looking for the articles that hold them. */
const TERMS_PER_QUERY = 200;

const HAS_DIGIT = /\p{Nd}/u;
const HAS_LETTER = /\p{L}/u;

function createQueue(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${QUEUE} (article_id INTEGER PRIMARY KEY)`);
}

/**
 * Migration: queues every article holding a word that mixes digits and letters (1436هـ, 2015م),
 * found through the index's own vocabulary rather than by reading every article's text. Their
 * stem columns get the words' digit and letter runs when they are re-indexed.
 */
export function queueMixedWordArticles(db: Database.Database): void {
  createQueue(db);
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

/** An article's title and text as the library reads them, or null when it is gone. */
export type ReadArticle = (id: number) => { title: string; text: string } | null;

/**
 * Re-indexes every queued article, BATCH at a time, each batch one transaction; drops the queue
 * when it is empty. Returns how many articles were re-indexed. Cheap when there is no queue.
 */
export function reindexQueued(db: Database.Database, read: ReadArticle): number {
  const queueExists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  if (!queueExists.get(QUEUE)) return 0;
  const next = db.prepare(`SELECT article_id FROM ${QUEUE} ORDER BY article_id LIMIT ?`).pluck();
  const done = db.prepare(`DELETE FROM ${QUEUE} WHERE article_id = ?`);
  const remove = db.prepare('DELETE FROM article_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)');
  let reindexed = 0;
  const batch = db.transaction((): number => {
    // Another connection may have emptied and dropped the queue meanwhile.
    if (!queueExists.get(QUEUE)) return 0;
    const ids = next.all(BATCH) as number[];
    for (const id of ids) {
      const article = read(id);
      if (article) {
        remove.run(id);
        insert.run(id, ...indexColumns(article.title, article.text).columns);
        reindexed++;
      }
      done.run(id);
    }
    return ids.length;
  });
  // IMMEDIATE: another connection opening the library at the same moment waits instead of taking
  // the same batch.
  while (batch.immediate() > 0);
  db.transaction(() => {
    if (queueExists.get(QUEUE) && next.get(1) === undefined) db.exec(`DROP TABLE ${QUEUE}`);
  }).immediate();
  return reindexed;
}
