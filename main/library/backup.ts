/** A consistent copy of an open library, made with SQLite's online backup while it stays in use. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { connect } from './database';
import { LibraryError } from './errors';

/**
 * Copies the library open on `db` (the file `file`) to `destination`: written next to it first and
 * renamed, so a failed backup never leaves half a file.
 */
export async function backupDatabase(db: Database.Database, file: string, destination: string, nativeBinding?: string): Promise<void> {
  const target = path.resolve(destination);
  if (target === path.resolve(file)) throw new LibraryError('a backup cannot overwrite the library itself');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    // A backup is one self-contained file: out of WAL mode, so reading it leaves nothing beside it.
    const copy = connect(partial, { nativeBinding });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new LibraryError(`cannot write the backup ${target}: ${(error as Error).message}`);
  }
}
