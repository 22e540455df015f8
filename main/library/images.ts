/**
 * Offline images, each stored once: subscriptions download the pictures of new items and of pages
 * fetched for full text, and the sanitizer embeds them as data: URIs (main/import/sanitize.ts).
 * Before such an article is written, every embedded image is moved into the `images` table, keyed
 * by the SHA-256 of its bytes, and the article's HTML keeps a reference to it
 * (`src="sahifa-image:<hex>"`): a logo or a photo that a feed repeats in every item is stored once.
 * Reading an article (Library.get, exports) puts the data: URIs back, so the renderer, the
 * exports and the backups see articles exactly as before and nothing is ever loaded from outside.
 *
 * The tables are made by a migration in schema.ts. `article_images` records which article shows
 * which image. An image no article shows any more — nor an article still waiting in the trash for
 * an undo — is tombstoned by sweep(): its bytes go, its row (with its stable uid) stays, marked
 * deleted; the same image downloaded again comes back under the same row.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { rasterImageType } from '../import/image-data';

const REF_SCHEME = 'sahifa-image:';
// The src of an <img> as the sanitizer serializes it (double quotes; a "<" in text is always
// escaped, so these never match words that merely look like markup): a base64 data: URI...
const EMBEDDED = /(<img\s[^>]*?)src="data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/]+={0,2})"/g;
// ...or a reference to the images table.
const REFERENCE = /(<img\s[^>]*?)src="sahifa-image:([0-9a-f]{64})"/g;

export interface InternedImage {
  type: string;
  bytes: Buffer;
}

/**
 * The article HTML with each embedded raster image replaced by its reference, and the images by
 * their SHA-256. Anything that is not a raster image by its bytes is left as it was.
 */
export function internImages(html: string | null): { html: string | null; images: Map<string, InternedImage> } {
  const images = new Map<string, InternedImage>();
  if (html === null || !html.includes('src="data:image/')) return { html, images };
  const out = html.replace(EMBEDDED, (whole, tag: string, base64: string) => {
    const bytes = Buffer.from(base64, 'base64');
    const type = rasterImageType(bytes);
    if (!type) return whole;
    const sha = createHash('sha256').update(bytes).digest('hex');
    images.set(sha, { type, bytes });
    return `${tag}src="${REF_SCHEME}${sha}"`;
  });
  return { html: out, images };
}

/** The SHA-256 of every image the HTML refers to. */
export function imageReferences(html: string | null): Set<string> {
  const found = new Set<string>();
  if (html === null || !html.includes(REF_SCHEME)) return found;
  for (const m of html.matchAll(REFERENCE)) found.add(m[2] as string);
  return found;
}

export class ImageStore {
  private readonly statements: Record<'upsert' | 'idOf' | 'unlink' | 'link' | 'bytes' | 'dropLinks' | 'tombstone', Statement>;

  constructor(private readonly db: Database) {
    this.statements = {
      upsert: db.prepare(
        `INSERT INTO images (uid, sha256, type, size, bytes, created) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET bytes = excluded.bytes, deleted = NULL WHERE images.deleted IS NOT NULL`,
      ),
      idOf: db.prepare('SELECT id FROM images WHERE sha256 = ?').pluck(),
      unlink: db.prepare('DELETE FROM article_images WHERE article_id = ?'),
      link: db.prepare('INSERT OR IGNORE INTO article_images (article_id, image_id) VALUES (?, ?)'),
      bytes: db.prepare('SELECT type, bytes FROM images WHERE sha256 = ? AND bytes IS NOT NULL'),
      dropLinks: db.prepare(
        `DELETE FROM article_images WHERE article_id NOT IN (SELECT id FROM articles)
           AND article_id NOT IN (SELECT article_id FROM deleted_articles WHERE snapshot IS NOT NULL AND article_id IS NOT NULL)`,
      ),
      tombstone: db.prepare('UPDATE images SET bytes = NULL, deleted = ? WHERE deleted IS NULL AND id NOT IN (SELECT image_id FROM article_images)'),
    };
  }

  /**
   * Stores the images of an article being written (each once, whoever else shows it) and records
   * that the article shows exactly these. Call inside the article's write transaction.
   */
  keep(articleId: number, images: Map<string, InternedImage>, html: string | null): void {
    this.statements.unlink.run(articleId);
    const now = new Date().toISOString();
    for (const sha of imageReferences(html)) {
      const image = images.get(sha);
      if (image) this.statements.upsert.run(randomUUID(), sha, image.type, image.bytes.byteLength, image.bytes, now);
      const id = this.statements.idOf.get(sha) as number | undefined;
      if (id !== undefined) this.statements.link.run(articleId, id);
    }
  }

  /** The HTML with every reference replaced by its image as a data: URI; an image that is gone is dropped. */
  resolve(html: string | null): string | null {
    if (html === null || !html.includes(REF_SCHEME)) return html;
    return html.replace(REFERENCE, (_whole, tag: string, sha: string) => {
      const row = this.statements.bytes.get(sha) as { type: string; bytes: Buffer } | undefined;
      return row ? `${tag}src="data:${row.type};base64,${row.bytes.toString('base64')}"` : tag;
    });
  }

  /** Tombstones the images no article shows any more, nor one waiting in the trash. Returns how many. */
  sweep(now = new Date()): number {
    return this.db.transaction(() => {
      this.statements.dropLinks.run();
      return this.statements.tombstone.run(now.toISOString()).changes;
    })();
  }
}
