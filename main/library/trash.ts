/** Deleting an article, and putting it back as it was when the reader undoes the delete. */
import type Database from 'better-sqlite3';
import { notFound, type Articles } from './articles';
import type { HighlightStore, StoredHighlight } from './highlight-store';
import { indexColumns } from './prepare';
import type { Tags } from './tags';

/** Everything a deleted article was, so that an undo can put it back as it was. */
export interface DeletedArticle {
  row: Record<string, unknown> & { id: number; identity: string; title: string; text: string };
  bookmark: { created: string; note: string | null } | null;
  reading: { position: number; read: number; updated: string } | null;
  tags: string[];
  /** Its highlights, removed ones included (absent in undo records of older versions). */
  highlights?: StoredHighlight[];
}

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
    };
  }

  /**
   * Deletes an article for good (its row, bookmark, tags, reading state and its words in the index)
   * and returns everything it was, so that restore() can undo it.
   */
  delete(id: number): DeletedArticle {
    return this.db.transaction((): DeletedArticle => {
      const row = this.statements.rawArticle.get(id) as DeletedArticle['row'] | undefined;
      if (!row) throw notFound(id);
      const deleted: DeletedArticle = {
        row,
        bookmark: (this.statements.rawBookmark.get(id) as DeletedArticle['bookmark'] | undefined) ?? null,
        reading: (this.statements.rawReading.get(id) as DeletedArticle['reading'] | undefined) ?? null,
        tags: this.tags.of(id),
        highlights: this.highlights.stored(id),
      };
      this.statements.deleteIndex.run(id);
      this.highlights.forgetArticle(id);
      this.statements.deleteArticle.run(id);
      this.tags.dropUnused();
      return deleted;
    })();
  }

  /**
   * Puts a deleted article back, under its old id when it is still free, and indexes it again.
   * If the same article was imported again meanwhile, that one gets the bookmark, tags and
   * reading state back instead. Returns the article's id.
   */
  restore(deleted: DeletedArticle): number {
    const { columns } = indexColumns(deleted.row.title, deleted.row.text);
    return this.db.transaction((): number => {
      const existing = this.statements.idOfIdentity.get(deleted.row.identity) as number | undefined;
      let restoredId: number;
      if (existing !== undefined) {
        restoredId = existing;
      } else {
        const idFree = !this.articles.exists(deleted.row.id);
        const row = { ...deleted.row };
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
      this.highlights.restore(restoredId, deleted.highlights ?? []);
      return restoredId;
    })();
  }
}
