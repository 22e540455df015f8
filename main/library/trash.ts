/**
 * Deleting an article, and undoing it. The undo is kept in the library, not in a process's memory,
 * so it means the same after a restart or a crash: the article leaves `articles` (and with it the
 * list, search, counts, stats and exports) and its words leave the index, while a snapshot of
 * everything it was waits in `deleted_articles` until it is purged — a day later, or once more
 * than UNDOABLE_DELETIONS deletions are waiting. The row stays as the deletion's tombstone.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { notFound, type Articles } from './articles';
import { NotFoundError } from './errors';
import type { HighlightStore, StoredHighlight } from './highlight-store';
import { indexColumns } from './prepare';
import { decodeRow, encodeRow } from './stored-text';
import type { Tags } from './tags';

/** Everything a deleted article was, so that an undo can put it back as it was. */
export interface DeletedArticle {
  row: Record<string, unknown> & { id: number; identity: string; title: string; text: string };
  bookmark: { created: string; note: string | null } | null;
  reading: { position: number; read: number; updated: string } | null;
  tags: string[];
  /** Its highlights as they were, removed ones included (absent in undo records of older versions). */
  highlights?: StoredHighlight[];
}

/** Deletions that can still be undone, newest first; older ones are final. */
export const UNDOABLE_DELETIONS = 20;
/** How long a deletion can be undone. */
export const UNDO_KEPT_MS = 24 * 60 * 60 * 1000;

export class Trash {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly articles: Articles,
    private readonly tags: Tags,
    private readonly highlights: HighlightStore,
  ) {
    this.statements = {
      rawArticle: db.prepare('SELECT * FROM articles WHERE id = ?'),
      rawBookmark: db.prepare('SELECT created, note FROM bookmarks WHERE article_id = ?'),
      rawReading: db.prepare('SELECT position, read, updated FROM reading WHERE article_id = ?'),
      deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
      deleteIndex: db.prepare('DELETE FROM article_index WHERE rowid = ?'),
      idOfIdentity: db.prepare('SELECT id FROM articles WHERE identity = ?').pluck(),
      restoreBookmark: db.prepare('INSERT INTO bookmarks (article_id, created, note) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      restoreReading: db.prepare('INSERT INTO reading (article_id, position, read, updated) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      keep: db.prepare('INSERT INTO deleted_articles (uuid, article_id, identity, deleted, snapshot) VALUES (?, ?, ?, ?, ?)'),
      undoable: db.prepare(
        'SELECT id, snapshot FROM deleted_articles WHERE article_id = ? AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1',
      ),
      forget: db.prepare('DELETE FROM deleted_articles WHERE id = ?'),
      purgeOlder: db.prepare('UPDATE deleted_articles SET snapshot = NULL WHERE snapshot IS NOT NULL AND deleted < ?'),
      purgeBeyond: db.prepare(
        `UPDATE deleted_articles SET snapshot = NULL WHERE snapshot IS NOT NULL AND id NOT IN
           (SELECT id FROM deleted_articles WHERE snapshot IS NOT NULL ORDER BY id DESC LIMIT ?)`,
      ),
    };
  }

  /**
   * Deletes an article (its row, bookmark, tags, reading state and its words in the index; its
   * highlights stay as tombstones, schema.ts), keeping a snapshot for restore(); returns what it was.
   */
  delete(id: number, now = new Date()): DeletedArticle {
    return this.db.transaction((): DeletedArticle => {
      const stored = this.statements.rawArticle.get(id) as DeletedArticle['row'] | undefined;
      if (!stored) throw notFound(id);
      // The snapshot is JSON: it holds the text itself, and the undo stores it again.
      const row = decodeRow(stored);
      const deleted: DeletedArticle = {
        row,
        bookmark: (this.statements.rawBookmark.get(id) as DeletedArticle['bookmark'] | undefined) ?? null,
        reading: (this.statements.rawReading.get(id) as DeletedArticle['reading'] | undefined) ?? null,
        tags: this.tags.of(id),
        highlights: this.highlights.stored(id),
      };
      this.statements.keep.run(randomUUID(), id, row.identity, now.toISOString(), JSON.stringify(deleted));
      this.statements.deleteIndex.run(id);
      this.highlights.forgetArticle(id);
      this.statements.deleteArticle.run(id);
      this.tags.dropUnused();
      this.statements.purgeBeyond.run(UNDOABLE_DELETIONS);
      return deleted;
    })();
  }

  /**
   * Undoes the latest deletion of article `id` that has not been purged: the article comes back
   * under its old id when it is still free, and is indexed again. If the same article was imported
   * again meanwhile, that one gets the bookmark, tags and reading state back instead. Returns the
   * article's id.
   */
  restore(id: number): number {
    const kept = this.statements.undoable.get(id) as { id: number; snapshot: string } | undefined;
    if (!kept) throw new NotFoundError(`article ${id} can no longer be restored`);
    const deleted = JSON.parse(kept.snapshot) as DeletedArticle;
    const { columns } = indexColumns(deleted.row.title, deleted.row.text);
    return this.db.transaction((): number => {
      const existing = this.statements.idOfIdentity.get(deleted.row.identity) as number | undefined;
      let restoredId: number;
      if (existing !== undefined) {
        restoredId = existing;
      } else {
        const idFree = !this.articles.exists(deleted.row.id);
        const row = encodeRow(deleted.row);
        const names = Object.keys(row).filter((name) => /^[a-z_]+$/.test(name) && (name !== 'id' || idFree));
        const info = this.db
          .prepare(`INSERT INTO articles (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`)
          .run(Object.fromEntries(names.map((name) => [name, row[name]])));
        restoredId = Number(info.lastInsertRowid);
        this.articles.index(restoredId, columns);
      }
      if (deleted.bookmark) this.statements.restoreBookmark.run(restoredId, deleted.bookmark.created, deleted.bookmark.note);
      if (deleted.reading) {
        this.statements.restoreReading.run(restoredId, deleted.reading.position, deleted.reading.read, deleted.reading.updated);
      }
      this.tags.add(restoredId, deleted.tags);
      // The article is back: its deletion is undone, tombstone included.
      this.statements.forget.run(kept.id);
      this.highlights.restore(restoredId, deleted.highlights ?? []);
      return restoredId;
    })();
  }

  /** Makes final the deletions older than UNDO_KEPT_MS (their snapshots go; the tombstones stay). */
  purge(now = new Date()): number {
    return this.statements.purgeOlder.run(new Date(now.getTime() - UNDO_KEPT_MS).toISOString()).changes;
  }
}
