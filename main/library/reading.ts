/** What the reader adds to an article besides tags: where reading stopped, whether it is read, a note. */
import type Database from 'better-sqlite3';
import { notFound } from './articles';
import type { Tags } from './tags';
import type { ArticleAnnotations } from '../../common';

export class Reading {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly tags: Tags,
  ) {
    this.statements = {
      saveReading: db.prepare(
        `INSERT INTO reading (article_id, position, read, updated) VALUES (@id, coalesce(@position, 0), coalesce(@read, 0), @updated)
         ON CONFLICT (article_id) DO UPDATE SET position = coalesce(@position, position), read = coalesce(@read, read), updated = @updated`,
      ),
      annotations: db.prepare(
        `SELECT b.note AS note, (SELECT r.position FROM reading r WHERE r.article_id = a.id) AS position
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
      setNote: db.prepare(
        `INSERT INTO bookmarks (article_id, created, note) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET note = excluded.note`,
      ),
      clearNote: db.prepare('UPDATE bookmarks SET note = NULL WHERE article_id = ?'),
    };
  }

  /** Saves where reading stopped (a fraction 0..1) and/or whether the article is read. */
  save(id: number, state: { position?: number; read?: boolean }): void {
    const position = state.position === undefined ? null : Math.min(1, Math.max(0, state.position));
    const read = state.read === undefined ? null : state.read ? 1 : 0;
    this.statements.saveReading.run({ id, position, read, updated: new Date().toISOString() });
  }

  /** The reader's own additions to an article: bookmark note, tags, reading position. */
  annotations(id: number): ArticleAnnotations {
    const row = this.statements.annotations.get(id) as { note: string | null; position: number | null } | undefined;
    if (!row) throw notFound(id);
    return { note: row.note, tags: this.tags.of(id), position: row.position ?? 0 };
  }

  /** A note on the article's bookmark; writing one bookmarks the article. null or blank clears it. */
  setNote(id: number, note: string | null): void {
    const text = note === null || note.trim() === '' ? null : note.trim();
    if (text === null) this.statements.clearNote.run(id);
    else this.statements.setNote.run(id, new Date().toISOString(), text);
  }
}
