/**
 * The search's ranking function, sahifa_rank() (rank-extension/sahifa_rank.c): bm25() without
 * its two costs that grow with the library. scripts/rank-extension.mjs compiles it into
 * out/native/sahifa_rank.node, which a packaged app carries in its resources. Where it is missing
 * or does not load, the library ranks with bm25(): the same order (rank.ts), more slowly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

const FILE_NAME = 'sahifa_rank.node';

/**
 * The compiled extension: in a packaged app's resources, else in out/native, found from this
 * module (main/library from source, out/main or out/cli in a bundle, whose import.meta.url is the
 * bundle's). Null when it was never built.
 */
export function findRankExtension(moduleUrl: string = import.meta.url): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const fromSource = /\.[cm]?ts$/.test(new URL(moduleUrl).pathname);
  const candidates = [
    ...(resources ? [path.join(resources, 'native', FILE_NAME)] : []),
    fileURLToPath(new URL(fromSource ? `../../out/native/${FILE_NAME}` : `../native/${FILE_NAME}`, moduleUrl)),
  ];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** Loads the extension into the connection; false when there is none or it will not load. */
export function loadRankExtension(db: Database.Database, file: string | null): boolean {
  if (file === null) return false;
  try {
    // SQLite finds the entry point from the file's name: sqlite3_sahifarank_init.
    db.loadExtension(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The index by which sahifa_rank() finds the rows of the full-text index's docsize table written
 * since it last looked (their `origin` is larger: FTS5 gives each transaction's rows a larger one).
 * FTS5 does not know of it; SQLite keeps it with every row FTS5 writes, as with any index. Made at
 * every open that lacks it (a third of a second at a million articles), so libraries need no
 * migration.
 */
export function ensureLengthIndex(db: Database.Database): void {
  db.exec('CREATE INDEX IF NOT EXISTS article_index_docsize_origin ON article_index_docsize (origin)');
}
