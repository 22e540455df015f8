/**
 * Queues of articles a migration leaves for Library.open to finish: the migration only lists the
 * articles (fast, inside its transaction); the open then works through the list in small
 * transactions, so an interrupted run loses nothing and resumes at the next open, and the queue
 * disappears once it is empty. Re-indexing (reindex.ts) and compressing the stored text
 * (compress-stored.ts) use one each.
 */
import type Database from 'better-sqlite3';

const BATCH = 500;

/** Creates the queue table `name` (one article id a row) if there is none. */
export function createArticleQueue(db: Database.Database, name: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${name} (article_id INTEGER PRIMARY KEY)`);
}

/** How many articles queue `name` holds (0 when there is no queue). */
export function queuedArticles(db: Database.Database, name: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) !== undefined;
  return exists ? (db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number) : 0;
}

/**
 * Runs `work` on every queued article, BATCH at a time, each batch one transaction; drops the
 * queue when it is empty. Returns how many articles `work` said it did. Cheap when there is no queue.
 */
export function drainArticleQueue(db: Database.Database, name: string, work: (id: number) => boolean): number {
  const queueExists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  if (!queueExists.get(name)) return 0;
  const next = db.prepare(`SELECT article_id FROM ${name} ORDER BY article_id LIMIT ?`).pluck();
  const done = db.prepare(`DELETE FROM ${name} WHERE article_id = ?`);
  let worked = 0;
  const batch = db.transaction((): number => {
    // Another connection may have emptied and dropped the queue meanwhile.
    if (!queueExists.get(name)) return 0;
    const ids = next.all(BATCH) as number[];
    for (const id of ids) {
      if (work(id)) worked++;
      done.run(id);
    }
    return ids.length;
  });
  // IMMEDIATE: another connection opening the library at the same moment waits instead of taking
  // the same batch.
  while (batch.immediate() > 0);
  db.transaction(() => {
    if (queueExists.get(name) && next.get(1) === undefined) db.exec(`DROP TABLE ${name}`);
  }).immediate();
  return worked;
}
