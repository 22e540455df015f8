/**
 * Highlights inside articles' texts, and the full-text index of the reader's notes (bookmark notes
 * and highlight notes, analyzed as article text is). The library (library.ts) owns one store and
 * calls it when an article's text or notes change.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { anchorAt, AnchorRangeError, reanchor, type TextAnchor } from '../text/anchor';
import { LibraryError, NotFoundError } from './errors';
import { filterClause } from './filters';
import { analyzedColumns } from './prepare';
import { RangeRanker, type RankFilter, type Ranked } from './rank';
import { decodeStored, type StoredValue } from './stored-text';
import { DEFAULT_HIGHLIGHT_COLOR, type Highlight, type HighlightColor, type HighlightListItem, type HighlightSeed, type Page } from '../../common';

/** Offsets that make no highlight in this article's text, said in one line. */
export class HighlightRangeError extends LibraryError {
  override name = 'HighlightRangeError';
}

export interface NewHighlight {
  start: number;
  end: number;
  color?: HighlightColor;
  note?: string | null;
}

export interface HighlightChanges {
  color?: HighlightColor;
  /** null or blank removes the note. */
  note?: string | null;
}

export interface HighlightFilter {
  article?: number;
  color?: HighlightColor;
  /** Only highlights in articles with this tag (its exact name). */
  tag?: string;
  /** Only highlights in articles from this source (its exact name). */
  source?: string;
  /** Only highlights in articles that came from these feeds (ids). */
  feeds?: number[];
  offset?: number;
  limit?: number;
}

/** A highlight row as stored, for undoing an article's deletion. */
export interface StoredHighlight {
  uid: string;
  start_at: number;
  end_at: number;
  quote: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  note: string | null;
  orphaned: number;
  created: string;
  updated: string;
  deleted: string | null;
}

interface Row extends StoredHighlight {
  article_id: number;
}

const COLUMNS = 'h.uid, h.article_id, h.start_at, h.end_at, h.quote, h.prefix, h.suffix, h.color, h.note, h.orphaned, h.created, h.updated, h.deleted';

function toHighlight(row: Row): Highlight {
  return {
    id: row.uid,
    article: row.article_id,
    start: row.start_at,
    end: row.end_at,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    color: row.color,
    note: row.note,
    created: row.created,
    updated: row.updated,
    orphaned: row.orphaned === 1,
  };
}

const cleanNote = (note: string | null | undefined): string | null => (note == null || note.trim() === '' ? null : note.trim());

/** Now, as the library writes moments (ISO 8601 UTC with milliseconds), in SQL. */
const NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class HighlightStore {
  private readonly statements;
  private readonly listStatements = new Map<string, { rows: Database.Statement; count: Database.Statement }>();
  /** Whether an article's own text matches too (rank.ts): asked only when notes match. */
  private articleIndex: RangeRanker | null = null;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      articleText: db.prepare('SELECT text FROM articles WHERE id = ?').pluck(),
      // A highlight the library has already is left as it is, unless it is the tombstone its deleted
      // article left (no article): the highlight comes back, newer than its tombstone.
      insert: db.prepare(
        `INSERT INTO highlights (uid, article_id, start_at, end_at, quote, prefix, suffix, color, note, orphaned, created, updated)
         VALUES (@uid, @article, @start, @end, @quote, @prefix, @suffix, @color, @note, @orphaned, @created, @updated)
         ON CONFLICT (uid) DO UPDATE SET article_id = excluded.article_id, start_at = excluded.start_at, end_at = excluded.end_at,
           quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix, color = excluded.color, note = excluded.note,
           orphaned = excluded.orphaned, deleted = NULL, updated = ${NOW_SQL}
         WHERE highlights.article_id IS NULL`,
      ),
      revive: db.prepare(
        `INSERT INTO highlights (uid, article_id, start_at, end_at, quote, prefix, suffix, color, note, orphaned, created, updated, deleted)
         VALUES (@uid, @article, @start_at, @end_at, @quote, @prefix, @suffix, @color, @note, @orphaned, @created, @updated, @deleted)
         ON CONFLICT (uid) DO UPDATE SET article_id = excluded.article_id, deleted = excluded.deleted, updated = excluded.updated`,
      ),
      byUid: db.prepare(`SELECT ${COLUMNS} FROM highlights h WHERE h.uid = ? AND h.deleted IS NULL`),
      ofArticle: db.prepare(`SELECT ${COLUMNS} FROM highlights h WHERE h.article_id = ? AND h.deleted IS NULL ORDER BY h.start_at, h.id`),
      storedOfArticle: db.prepare(`SELECT ${COLUMNS} FROM highlights h WHERE h.article_id = ?`),
      update: db.prepare('UPDATE highlights SET color = @color, note = @note, updated = @updated WHERE uid = @uid AND deleted IS NULL'),
      move: db.prepare(
        `UPDATE highlights SET start_at = @start, end_at = @end, quote = @quote, prefix = @prefix, suffix = @suffix,
           orphaned = 0, updated = @updated WHERE uid = @uid`,
      ),
      orphan: db.prepare('UPDATE highlights SET orphaned = 1, updated = ? WHERE uid = ?'),
      tombstone: db.prepare('UPDATE highlights SET deleted = ?, updated = ? WHERE uid = ? AND deleted IS NULL'),
      notes: db.prepare(
        `SELECT note FROM bookmarks WHERE article_id = @id AND note IS NOT NULL
         UNION ALL
         SELECT note FROM (SELECT note FROM highlights WHERE article_id = @id AND deleted IS NULL AND note IS NOT NULL ORDER BY start_at)`,
      ).pluck(),
      deleteNotes: db.prepare('DELETE FROM note_index WHERE rowid = ?'),
      insertNotes: db.prepare('INSERT INTO note_index (rowid, note_surface, note_stem) VALUES (?, ?, ?)'),
      highlightedArticleIds: db.prepare('SELECT DISTINCT article_id FROM highlights WHERE deleted IS NULL ORDER BY article_id').pluck(),
      anyNotes: db.prepare('SELECT 1 FROM note_index LIMIT 1').pluck(),
    };
  }

  /** Highlights [start, end) of an article's text. Throws HighlightRangeError for offsets that make none. */
  add(articleId: number, input: NewHighlight): Highlight {
    const stored = this.statements.articleText.get(articleId) as StoredValue | undefined;
    if (stored === undefined) throw new NotFoundError(`there is no article ${articleId} in the library`);
    const text = decodeStored(stored);
    let anchor: TextAnchor;
    try {
      anchor = anchorAt(text, input.start, input.end);
    } catch (error) {
      if (error instanceof AnchorRangeError) throw new HighlightRangeError(`article ${articleId}: ${error.message}`);
      throw error;
    }
    const now = new Date().toISOString();
    const uid = randomUUID();
    this.db.transaction(() => {
      this.statements.insert.run({
        uid,
        article: articleId,
        ...anchor,
        color: input.color ?? DEFAULT_HIGHLIGHT_COLOR,
        note: cleanNote(input.note),
        orphaned: 0,
        created: now,
        updated: now,
      });
      this.refreshNotes(articleId);
    })();
    return this.get(uid);
  }

  get(uid: string): Highlight {
    const row = this.statements.byUid.get(uid) as Row | undefined;
    if (!row) throw new NotFoundError(`there is no highlight ${uid} in the library`);
    return toHighlight(row);
  }

  /** An article's highlights in text order, the orphaned ones included (they say so). */
  ofArticle(articleId: number): Highlight[] {
    return (this.statements.ofArticle.all(articleId) as Row[]).map(toHighlight);
  }

  /** The ids of the articles that have highlights, in id order. */
  highlightedArticleIds(): number[] {
    return this.statements.highlightedArticleIds.all() as number[];
  }

  /** The library's highlights, newest first, with their articles' titles, sources and dates. */
  list(filter: HighlightFilter = {}): Page<HighlightListItem> {
    const conditions: string[] = ['h.deleted IS NULL'];
    const params: (string | number)[] = [];
    if (filter.article !== undefined) {
      conditions.push('h.article_id = ?');
      params.push(filter.article);
    }
    if (filter.color) {
      conditions.push('h.color = ?');
      params.push(filter.color);
    }
    // The article narrowing is the list's and the search's own (filters.ts), joins aside.
    const narrowing = filterClause({ tag: filter.tag, source: filter.source, feeds: filter.feeds });
    params.push(...narrowing.params);
    const where = conditions.join(' AND ') + narrowing.where;
    let statements = this.listStatements.get(where);
    if (!statements) {
      const from = `FROM highlights h JOIN articles a ON a.id = h.article_id WHERE ${where}`;
      statements = {
        rows: this.db.prepare(`SELECT ${COLUMNS}, a.title, a.source, a.published, a.imported ${from} ORDER BY h.created DESC, h.id DESC LIMIT ? OFFSET ?`),
        count: this.db.prepare(`SELECT count(*) FROM ${from.slice(5)}`).pluck(),
      };
      this.listStatements.set(where, statements);
    }
    const offset = filter.offset ?? 0;
    const rows = statements.rows.all(...params, filter.limit ?? 100, offset) as (Row & Pick<HighlightListItem, 'title' | 'source' | 'published' | 'imported'>)[];
    return {
      total: statements.count.get(...params) as number,
      offset,
      items: rows.map((row) => ({ ...toHighlight(row), title: row.title, source: row.source, published: row.published, imported: row.imported })),
    };
  }

  update(uid: string, changes: HighlightChanges): Highlight {
    const current = this.get(uid);
    this.db.transaction(() => {
      this.statements.update.run({
        uid,
        color: changes.color ?? current.color,
        note: changes.note === undefined ? current.note : cleanNote(changes.note),
        updated: new Date().toISOString(),
      });
      if (changes.note !== undefined) this.refreshNotes(current.article);
    })();
    return this.get(uid);
  }

  /** Removes a highlight, leaving a tombstone (its row, marked deleted). */
  remove(uid: string): Highlight {
    const current = this.get(uid);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.statements.tombstone.run(now, now, uid);
      this.refreshNotes(current.article);
    })();
    return current;
  }

  /**
   * Finds an article's highlights again in its new text: each moves with its quote, or is marked
   * orphaned when the quote is gone. Run inside the transaction that changes the text.
   */
  reanchorArticle(articleId: number, text: string): { moved: number; orphaned: number } {
    const now = new Date().toISOString();
    let moved = 0;
    let orphaned = 0;
    for (const highlight of this.ofArticle(articleId)) {
      const anchor = reanchor(text, highlight);
      if (anchor === null) {
        if (!highlight.orphaned) this.statements.orphan.run(now, highlight.id);
        orphaned++;
        continue;
      }
      const unchanged =
        !highlight.orphaned && anchor.start === highlight.start && anchor.end === highlight.end && anchor.quote === highlight.quote &&
        anchor.prefix === highlight.prefix && anchor.suffix === highlight.suffix;
      if (unchanged) continue;
      this.statements.move.run({ uid: highlight.id, ...anchor, updated: now });
      moved++;
    }
    return { moved, orphaned };
  }

  /**
   * Puts back highlights an exported article file carried (an import), anchored in the text the
   * library has for it; highlights it has already (the same id) are left as they are.
   */
  adopt(articleId: number, text: string, seeds: readonly HighlightSeed[]): number {
    let added = 0;
    for (const seed of seeds) {
      if (!UUID.test(seed.id)) continue;
      const placed = reanchor(text, seed);
      const info = this.statements.insert.run({
        uid: seed.id.toLowerCase(),
        article: articleId,
        ...(placed ?? seed),
        color: seed.color,
        note: cleanNote(seed.note),
        orphaned: placed === null ? 1 : 0,
        created: seed.created,
        updated: seed.updated,
      });
      added += info.changes;
    }
    if (added > 0) this.refreshNotes(articleId);
    return added;
  }

  /** Every highlight row of an article, tombstones included, for undoing its deletion. */
  stored(articleId: number): StoredHighlight[] {
    return (this.statements.storedOfArticle.all(articleId) as Row[]).map(({ article_id: _article, ...row }) => row);
  }

  /**
   * Puts back rows taken by stored() under the article's (possibly new) id: the tombstones the
   * deletion left become the highlights again (updated now, so that the undo is newer than the
   * deletion for a sync); those removed before the deletion stay removed.
   */
  restore(articleId: number, rows: readonly StoredHighlight[]): void {
    const now = new Date().toISOString();
    for (const row of rows) this.statements.revive.run({ ...row, article: articleId, updated: row.deleted === null ? now : row.updated });
    this.refreshNotes(articleId);
  }

  /** The article's notes: its bookmark note first, then its highlights' notes in text order. */
  notesOf(articleId: number): string[] {
    return this.statements.notes.all({ id: articleId }) as string[];
  }

  /**
   * Writes the whole note index again from the notes (after a change in how the index stores
   * words: schema.ts migration 14). A reader's notes are few: done at once.
   */
  rewriteNoteIndex(): void {
    this.db.exec("INSERT INTO note_index (note_index) VALUES ('delete-all')");
    const withNotes = this.db
      .prepare(
        `SELECT article_id FROM bookmarks WHERE note IS NOT NULL
         UNION SELECT article_id FROM highlights WHERE deleted IS NULL AND note IS NOT NULL`,
      )
      .pluck()
      .all() as number[];
    for (const id of withNotes) this.refreshNotes(id);
  }

  /** Writes the article's row of the note index again from its notes (none: no row). */
  refreshNotes(articleId: number): void {
    this.statements.deleteNotes.run(articleId);
    const notes = this.notesOf(articleId);
    if (notes.length === 0) return;
    this.statements.insertNotes.run(articleId, ...analyzedColumns(notes.join('\n')));
  }

  /** Forgets an article's notes in the index (its highlights become tombstones when its row goes: schema.ts). */
  forgetArticle(articleId: number): void {
    this.statements.deleteNotes.run(articleId);
  }

  /**
   * Articles whose notes match a compiled query (query.ts: the note index stores words as the
   * article index does), best first, with how many of them the query also matches in their text
   * (they are counted once). Null when no note matches,
   * which costs one probe of an index that is empty in most libraries.
   */
  rankNotes(expression: string, filter: RankFilter, best: number): { ranked: Ranked[]; total: number; alsoInText: number } | null {
    if (!this.statements.anyNotes.get()) return null;
    const key = `notes|${filter.joins}|${filter.where}`;
    let statements = this.listStatements.get(key);
    if (!statements) {
      const from = `FROM note_index JOIN articles a ON a.id = note_index.rowid ${filter.joins} WHERE note_index MATCH ?${filter.where}`;
      statements = {
        // Notes are the reader's own words: they weigh as titles do (rank.ts's title weight).
        rows: this.db.prepare(`SELECT note_index.rowid AS id, 10.0 * bm25(note_index) AS rank ${from} ORDER BY rank LIMIT ?`),
        count: this.db.prepare(`SELECT note_index.rowid AS id ${from}`).pluck(),
      };
      this.listStatements.set(key, statements);
    }
    const ids = statements.count.all(expression, ...filter.params) as number[];
    if (ids.length === 0) return null;
    const ranked = statements.rows.all(expression, ...filter.params, best) as Ranked[];
    const articleIndex = (this.articleIndex ??= new RangeRanker(this.db));
    const alsoInText = ids.filter((id) => articleIndex.matches(expression, id)).length;
    return { ranked, total: ids.length, alsoInText };
  }
}
