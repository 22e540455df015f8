/**
 * Renaming and deleting a subscription folder (FeedStore's renameFolder, deleteFolder and
 * restoreFolder call these on the library's connection). A folder's name is unique among its
 * siblings; a deleted folder is tombstoned (`deleted`), never removed, so that sync can tell.
 * Deleting either moves what the folder holds up to its parent, or unsubscribes every feed in it
 * (FeedStore.remove: the "keep the articles?" rule of unsubscribing, and what the reader kept stays).
 *
 * Plain Node.
 */
import type { Database } from 'better-sqlite3';
import { LibraryError, NotFoundError } from './errors';

/** Longer names are a paste gone wrong, not a folder. */
export const FOLDER_NAME_MAX = 120;

export interface FolderRow {
  id: number;
  name: string;
  parentId: number | null;
}

/** What deleting a folder that moved its contents up did: all an undo needs to put them back. */
export interface MovedOut {
  /** The feeds that were in it, now in its parent. */
  feeds: number[];
  /**
   * The folders that were in it, now in its parent: the name each had, and the one it was given
   * there (another when a sibling there had its name: "name (2)").
   */
  folders: { id: number; name: string; movedAs: string }[];
}

export interface DeletedFolder extends MovedOut {
  /** Feeds unsubscribed (when asked to). */
  unsubscribed: number;
  /** Articles deleted with them (when asked to). */
  deleted: number;
}

/**
 * A folder's name as typed, made one line (spaces collapsed, trimmed); throws when it cannot be
 * one: empty, too long, or holding "/" (which separates a path's folders everywhere else).
 */
export function folderName(name: string): string {
  const clean = name.replace(/\s+/gu, ' ').trim();
  if (clean === '') throw new LibraryError('a folder needs a name');
  if (/\p{Cc}/u.test(clean)) throw new LibraryError("a folder's name cannot hold control characters");
  if (clean.includes('/')) throw new LibraryError(`a folder's name cannot hold "/" (it separates folders in a path): "${clean}"`);
  if ([...clean].length > FOLDER_NAME_MAX) throw new LibraryError(`a folder's name is at most ${FOLDER_NAME_MAX} characters`);
  return clean;
}

/** Names are compared as a reader would: Latin letters in any case are the same name. */
const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function folderRow(db: Database, id: number): FolderRow {
  const row = db.prepare('SELECT id, name, parent_id AS parentId FROM folders WHERE id = ? AND deleted IS NULL').get(id) as FolderRow | undefined;
  if (!row) throw new NotFoundError(`there is no folder ${id}`);
  return row;
}

function siblings(db: Database, parent: number | null, except: number): FolderRow[] {
  return db.prepare('SELECT id, name, parent_id AS parentId FROM folders WHERE parent_id IS ? AND id != ? AND deleted IS NULL').all(parent, except) as FolderRow[];
}

/** Renames a folder; throws when the name is not one, or a folder beside it has it already. */
export function renameFolder(db: Database, id: number, name: string): FolderRow {
  const folder = folderRow(db, id);
  const clean = folderName(name);
  const clash = siblings(db, folder.parentId, id).find((s) => sameName(s.name, clean));
  if (clash) throw new LibraryError(`there is already a folder named "${clash.name}" there`);
  db.prepare('UPDATE folders SET name = ? WHERE id = ?').run(clean, id);
  return { ...folder, name: clean };
}

/** The first of "name", "name (2)", "name (3)"… no folder in `taken` has. */
function freeName(name: string, taken: string[]): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}

/** Every folder inside this one, at any depth, and the feeds they hold with its own. */
function tree(db: Database, id: number): { folders: number[]; feeds: number[] } {
  const folders = db
    .prepare(
      `WITH RECURSIVE tree (id, depth) AS (SELECT ?, 0 UNION SELECT f.id, depth + 1 FROM folders f JOIN tree ON f.parent_id = tree.id WHERE f.deleted IS NULL AND depth < 64)
       SELECT id FROM tree`,
    )
    .pluck()
    .all(id) as number[];
  const feeds = db
    .prepare(`SELECT id FROM feeds WHERE deleted IS NULL AND folder_id IN (${folders.map(() => '?').join(', ')}) ORDER BY id`)
    .pluck()
    .all(...folders) as number[];
  return { folders, feeds };
}

/**
 * Deletes a folder in one transaction. By default its feeds and folders move to its parent (a
 * folder whose name a sibling there has already is renamed "name (2)"); with `unsubscribe`, every
 * feed in it and in its folders is unsubscribed (`removeFeed`, with or without its articles) and
 * every folder in it is tombstoned too.
 */
export function deleteFolder(
  db: Database,
  id: number,
  options: { unsubscribe?: boolean; deleteArticles?: boolean },
  removeFeed: (feed: number, deleteArticles: boolean) => number,
): DeletedFolder {
  return db.transaction((): DeletedFolder => {
    const folder = folderRow(db, id);
    const now = new Date().toISOString();
    if (options.unsubscribe) {
      const inside = tree(db, id);
      let deleted = 0;
      for (const feed of inside.feeds) deleted += removeFeed(feed, options.deleteArticles ?? false);
      const tombstone = db.prepare('UPDATE folders SET deleted = ? WHERE id = ?');
      for (const inner of inside.folders) tombstone.run(now, inner);
      return { feeds: [], folders: [], unsubscribed: inside.feeds.length, deleted };
    }
    const feeds = db.prepare('SELECT id FROM feeds WHERE folder_id = ? AND deleted IS NULL ORDER BY id').pluck().all(id) as number[];
    db.prepare('UPDATE feeds SET folder_id = ? WHERE folder_id = ? AND deleted IS NULL').run(folder.parentId, id);
    const children = db.prepare('SELECT id, name, parent_id AS parentId FROM folders WHERE parent_id = ? AND deleted IS NULL ORDER BY id').all(id) as FolderRow[];
    const taken = siblings(db, folder.parentId, id).map((s) => s.name);
    const move = db.prepare('UPDATE folders SET parent_id = ?, name = ? WHERE id = ?');
    const moved = children.map((child) => {
      const movedAs = freeName(child.name, taken);
      taken.push(movedAs);
      move.run(folder.parentId, movedAs, child.id);
      return { id: child.id, name: child.name, movedAs };
    });
    db.prepare('UPDATE folders SET deleted = ? WHERE id = ?').run(now, id);
    return { feeds, folders: moved, unsubscribed: 0, deleted: 0 };
  })();
}

/**
 * Undoes a deleteFolder() that moved its contents up: the folder is back where it was, and the
 * feeds and folders it held are back in it under their names, except a folder the reader has
 * renamed since, which keeps its new name. Throws when a folder of the same name has since been
 * made beside it.
 */
export function restoreFolder(db: Database, id: number, moved: MovedOut): FolderRow {
  return db.transaction((): FolderRow => {
    const folder = db.prepare('SELECT id, name, parent_id AS parentId FROM folders WHERE id = ? AND deleted IS NOT NULL').get(id) as FolderRow | undefined;
    if (!folder) throw new NotFoundError(`there is no deleted folder ${id}`);
    const clash = siblings(db, folder.parentId, id).find((s) => sameName(s.name, folder.name));
    if (clash) throw new LibraryError(`there is already a folder named "${clash.name}" there`);
    db.prepare('UPDATE folders SET deleted = NULL WHERE id = ?').run(id);
    const feed = db.prepare('UPDATE feeds SET folder_id = ? WHERE id = ? AND deleted IS NULL');
    for (const f of moved.feeds) feed.run(id, f);
    const current = db.prepare('SELECT name FROM folders WHERE id = ? AND deleted IS NULL').pluck();
    const inner = db.prepare('UPDATE folders SET parent_id = ?, name = ? WHERE id = ?');
    const taken: string[] = [];
    for (const f of moved.folders) {
      const now = current.get(f.id) as string | undefined;
      if (now === undefined) continue;
      const name = freeName(now === f.movedAs ? f.name : now, taken);
      taken.push(name);
      inner.run(id, name, f.id);
    }
    return folder;
  })();
}
