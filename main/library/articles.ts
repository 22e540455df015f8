/** The articles table and its bookmarks: adding imported articles, reading one, bookmarking. */
import type Database from 'better-sqlite3';
import { NotFoundError } from './errors';
import { SUMMARY_COLUMNS, toSummary, type ArticleRow } from './article-rows';
import type { PreparedArticle } from './prepare';
import type { Article } from '../../common';

export interface AddResult {
  imported: number;
  duplicates: number;
  ids: number[];
}

export const notFound = (id: number) => new NotFoundError(`there is no article ${id} in the library`);

export class Articles {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertArticle: db.prepare(
        `INSERT INTO articles (identity, title, byline, source, url, lang, dir, published, imported, sort_date, excerpt, text, html, origin)
         VALUES (@identity, @title, @byline, @source, @url, @lang, @dir, @published, @imported, @sortDate, @excerpt, @text, @html, @origin)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      insertIndex: db.prepare(
        'INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (?, ?, ?, ?, ?)',
      ),
      getArticle: db.prepare(
        `SELECT ${SUMMARY_COLUMNS}, a.byline, a.url, a.text, a.html, a.origin
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
      exists: db.prepare('SELECT 1 FROM articles WHERE id = ?'),
      addBookmark: db.prepare('INSERT INTO bookmarks (article_id, created) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      removeBookmark: db.prepare('DELETE FROM bookmarks WHERE article_id = ?'),
      allIds: db.prepare('SELECT id FROM articles ORDER BY id').pluck(),
    };
  }

  /**
   * Adds articles analysed beforehand (prepare.ts; an import does it on a parse thread) in one
   * transaction; an article already in the library is a duplicate and changes nothing. The import
   * time is decided here, at the write.
   */
  addPrepared(articles: PreparedArticle[]): AddResult {
    const imported = new Date().toISOString();
    const prepared = articles.map(({ article, identity, excerpt, index }) => ({
      row: {
        identity,
        title: article.title,
        byline: article.byline,
        source: article.source,
        url: article.url,
        lang: article.lang,
        dir: article.dir,
        published: article.published,
        imported,
        sortDate: article.published ?? imported,
        excerpt,
        text: article.text,
        html: article.html,
        origin: article.origin,
      },
      bookmarked: article.bookmarked === true,
      index,
    }));
    return this.db.transaction((): AddResult => {
      const result: AddResult = { imported: 0, duplicates: 0, ids: [] };
      for (const { row, index, bookmarked } of prepared) {
        const info = this.statements.insertArticle.run(row);
        if (info.changes === 0) {
          result.duplicates++;
          continue;
        }
        const id = Number(info.lastInsertRowid);
        this.statements.insertIndex.run(id, ...index);
        if (bookmarked) this.statements.addBookmark.run(id, imported);
        result.imported++;
        result.ids.push(id);
      }
      return result;
    })();
  }

  /** The article's words go into the full-text index under its id. */
  index(id: number, columns: readonly [string, string, string, string]): void {
    this.statements.insertIndex.run(id, ...columns);
  }

  exists(id: number): boolean {
    return this.statements.exists.get(id) !== undefined;
  }

  assertExists(id: number): void {
    if (!this.exists(id)) throw notFound(id);
  }

  get(id: number): Article {
    const row = this.statements.getArticle.get(id) as ArticleRow | undefined;
    if (!row) throw notFound(id);
    return { ...toSummary(row), byline: row.byline, url: row.url, text: row.text, html: row.html, origin: row.origin };
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
