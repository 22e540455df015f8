/** The articles table and its bookmarks: adding imported articles, reading one, bookmarking. */
import type Database from 'better-sqlite3';
import { NotFoundError } from './errors';
import { SUMMARY_COLUMNS, toSummary, type ArticleRow } from './article-rows';
import type { HighlightStore } from './highlight-store';
import type { PreparedArticle } from './prepare';
import { decodeStored, type StoredValue } from './stored-text';
import type { Article, HighlightSeed } from '../../common';

export interface AddResult {
  imported: number;
  duplicates: number;
  ids: number[];
}

export const notFound = (id: number) => new NotFoundError(`there is no article ${id} in the library`);

export class Articles {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly highlights: HighlightStore,
  ) {
    this.statements = {
      insertArticle: db.prepare(
        `INSERT INTO articles (identity, title, byline, source, url, lang, dir, published, imported, sort_date, excerpt, text, html, origin, markdown)
         VALUES (@identity, @title, @byline, @source, @url, @lang, @dir, @published, @imported, @sortDate, @excerpt, @text, @html, @origin, @markdown)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      insertIndex: db.prepare(
        'INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteIndex: db.prepare('DELETE FROM article_index WHERE rowid = ?'),
      // Versions before the markdown column stored a Markdown file's source as its text: the same
      // file imported again puts the rendered text in its place (found by that text, exactly).
      sourceStoredAsText: db.prepare('SELECT id, text FROM articles WHERE identity = ? AND markdown IS NULL'),
      renderStoredMarkdown: db.prepare('UPDATE articles SET text = @text, html = @html, excerpt = @excerpt, markdown = @markdown WHERE id = @id'),
      getArticle: db.prepare(
        `SELECT ${SUMMARY_COLUMNS}, a.byline, a.url, a.text, a.html, a.origin, a.markdown
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
      exists: db.prepare('SELECT 1 FROM articles WHERE id = ?'),
      titleAndText: db.prepare('SELECT title, text FROM articles WHERE id = ?'),
      addBookmark: db.prepare('INSERT INTO bookmarks (article_id, created) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      removeBookmark: db.prepare('DELETE FROM bookmarks WHERE article_id = ?'),
      allIds: db.prepare('SELECT id FROM articles ORDER BY id').pluck(),
      storedText: db.prepare('SELECT id, text, origin FROM articles WHERE identity = ?'),
      idOfIdentity: db.prepare('SELECT id FROM articles WHERE identity = ?').pluck(),
      rewriteArticle: db.prepare(
        `UPDATE articles SET title = @title, byline = @byline, url = coalesce(@url, url), lang = @lang, dir = @dir,
           published = @published, sort_date = coalesce(@published, sort_date), excerpt = @excerpt, text = @text, html = @html
         WHERE id = @id`,
      ),
    };
  }

  /**
   * Adds articles analysed beforehand (prepare.ts; an import does it on a parse thread) in one
   * transaction; an article already in the library is a duplicate (when the same file brings a
   * changed text, it takes it: see updateDuplicate). The import time is decided here, at the write.
   */
  addPrepared(articles: PreparedArticle[]): AddResult {
    const imported = new Date().toISOString();
    const writes = articles.map((prepared) => ({
      prepared,
      row: {
        identity: prepared.identity,
        title: prepared.article.title,
        byline: prepared.article.byline,
        source: prepared.article.source,
        url: prepared.article.url,
        lang: prepared.article.lang,
        dir: prepared.article.dir,
        published: prepared.article.published,
        imported,
        sortDate: prepared.article.published ?? imported,
        excerpt: prepared.excerpt,
        ...prepared.stored,
        origin: prepared.article.origin,
      },
      bookmarked: prepared.article.bookmarked === true,
      highlights: prepared.article.highlights ?? [],
      index: prepared.index,
    }));
    return this.db.transaction((): AddResult => {
      const result: AddResult = { imported: 0, duplicates: 0, ids: [] };
      // The index rows go in last, together. FTS5 writes out the words it holds whenever another
      // statement opens a savepoint, and inserting an article row does (its triggers may fail
      // halfway): interleaved, every article became a segment of its own, and the writer spent a
      // quarter of its time merging them (docs/benchmarks.md). Together, a batch is one segment.
      const toIndex: { id: number; index: PreparedArticle['index'] }[] = [];
      for (const { prepared, row, index, bookmarked, highlights } of writes) {
        const info = this.statements.insertArticle.run(row);
        if (info.changes === 0) {
          const rendered = this.renderStoredMarkdown(prepared);
          if (rendered !== null) this.reindex(rendered, index);
          result.duplicates++;
          this.updateDuplicate(prepared, highlights);
          continue;
        }
        const id = Number(info.lastInsertRowid);
        toIndex.push({ id, index });
        if (bookmarked) this.statements.addBookmark.run(id, imported);
        if (highlights.length > 0) this.highlights.adopt(id, prepared.article.text, highlights);
        result.imported++;
        result.ids.push(id);
      }
      for (const { id, index } of toIndex) this.statements.insertIndex.run(id, ...index);
      return result;
    })();
  }

  /** The article whose stored text is this Markdown file's source, given its rendered text; its id. */
  private renderStoredMarkdown({ identity, article, excerpt, stored }: PreparedArticle): number | null {
    if (article.markdown == null) return null;
    const old = this.statements.sourceStoredAsText.get(identity) as { id: number; text: StoredValue } | undefined;
    if (old === undefined || decodeStored(old.text) !== article.markdown) return null;
    this.statements.renderStoredMarkdown.run({ id: old.id, excerpt, ...stored });
    return old.id;
  }

  /**
   * An article imported again (the same identity): when the same file now holds another text, the
   * article takes it, and its highlights are found again in it (or marked orphaned); highlights the file carries that
   * the library lacks are added. Runs inside addPrepared's transaction.
   */
  private updateDuplicate(prepared: PreparedArticle, highlights: readonly HighlightSeed[]): void {
    const { article } = prepared;
    const stored = this.statements.storedText.get(prepared.identity) as { id: number; text: StoredValue; origin: string | null } | undefined;
    if (!stored) return;
    // Only the same file imported again updates the text: another file with the same address (a
    // feed's summary of a page saved whole) is a duplicate, not a newer version.
    if (stored.origin === article.origin && decodeStored(stored.text) !== article.text) this.rewrite(stored.id, prepared);
    if (highlights.length > 0) this.highlights.adopt(stored.id, article.text, highlights);
  }

  /**
   * A newer version of an article under the same id (the same file imported again, a feed item
   * changed upstream): its row, its words in the index, and its highlights found again in the new
   * text or marked orphaned.
   */
  rewrite(id: number, { article, excerpt, index, stored }: PreparedArticle): void {
    const before = this.titleAndText(id);
    this.statements.rewriteArticle.run({
      id,
      title: article.title,
      byline: article.byline,
      url: article.url,
      lang: article.lang,
      dir: article.dir,
      published: article.published,
      excerpt,
      text: stored.text,
      html: stored.html,
    });
    this.reindex(id, index);
    if (before !== null && before.text !== article.text) this.highlights.reanchorArticle(id, article.text);
  }

  /** The article's words go into the full-text index under its id. */
  index(id: number, columns: readonly [string, string, string, string]): void {
    this.statements.insertIndex.run(id, ...columns);
  }

  /** The article's words in the index, replaced by these. */
  reindex(id: number, columns: readonly [string, string, string, string]): void {
    this.statements.deleteIndex.run(id);
    this.statements.insertIndex.run(id, ...columns);
  }

  /** An article's title and text, or null when there is no such article. */
  titleAndText(id: number): { title: string; text: string } | null {
    const row = this.statements.titleAndText.get(id) as { title: string; text: StoredValue } | undefined;
    return row === undefined ? null : { title: row.title, text: decodeStored(row.text) };
  }

  exists(id: number): boolean {
    return this.statements.exists.get(id) !== undefined;
  }

  assertExists(id: number): void {
    if (!this.exists(id)) throw notFound(id);
  }

  /** The id of the article with this identity (prepare.ts), if the library has it. */
  idOf(identity: string): number | null {
    return (this.statements.idOfIdentity.get(identity) as number | undefined) ?? null;
  }

  get(id: number): Article {
    const row = this.statements.getArticle.get(id) as ArticleRow | undefined;
    if (!row) throw notFound(id);
    return {
      ...toSummary(row),
      byline: row.byline,
      url: row.url,
      text: decodeStored(row.text),
      html: decodeStored(row.html),
      origin: row.origin,
      markdown: decodeStored(row.markdown),
    };
  }

  setBookmarked(id: number, bookmarked: boolean): void {
    this.assertExists(id);
    if (bookmarked) this.statements.addBookmark.run(id, new Date().toISOString());
    else this.statements.removeBookmark.run(id);
  }

  /** Every article, oldest id first, one at a time (exports walk 100k articles without holding them). */
  *all(): IterableIterator<Article> {
    const ids = this.statements.allIds.all() as number[];
    for (const id of ids) yield this.get(id);
  }
}
