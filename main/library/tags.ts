/** Tags (the reader's collections): which articles carry which names, and how many carry each. */
import type Database from 'better-sqlite3';
import { cleanTagName, type TagCount } from '../../common';

export class Tags {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      tagsOf: db.prepare('SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY t.name').pluck(),
      insertTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
      tagId: db.prepare('SELECT id FROM tags WHERE name = ?').pluck(),
      clearTags: db.prepare('DELETE FROM article_tags WHERE article_id = ?'),
      addTag: db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      dropUnusedTags: db.prepare('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.tag_id = tags.id)'),
      tagCounts: db.prepare(
        'SELECT t.name AS name, count(*) AS count FROM tags t JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY t.name',
      ),
    };
  }

  /** The article's tags, by name. */
  of(id: number): string[] {
    return this.statements.tagsOf.all(id) as string[];
  }

  /** Replaces the article's tags; tags no article has any more are forgotten. Returns the names kept. */
  set(id: number, names: readonly string[]): string[] {
    const clean = [...new Set(names.map(cleanTagName).filter((name) => name !== ''))];
    this.db.transaction(() => {
      this.statements.clearTags.run(id);
      this.add(id, clean);
      this.dropUnused();
    })();
    return this.of(id);
  }

  /** Gives the article these tags too (names already clean), creating the tags that are new. */
  add(id: number, names: readonly string[]): void {
    for (const name of names) {
      this.statements.insertTag.run(name);
      this.statements.addTag.run(id, this.statements.tagId.get(name));
    }
  }

  /** Forgets the tags no article carries any more. */
  dropUnused(): void {
    this.statements.dropUnusedTags.run();
  }

  /** Every tag with how many articles carry it, by name. */
  counts(): TagCount[] {
    return this.statements.tagCounts.all() as TagCount[];
  }
}
