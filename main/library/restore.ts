/**
 * Replacing a library with a backup. The library must be closed first (the command line opens
 * none; the app closes its own and reopens the restored one).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { LibraryError } from './errors';
import { SCHEMA_VERSION } from './schema';

export interface LibraryFileInfo {
  version: number;
  articles: number;
}

/** Checks that a file is a healthy Sahifa library this version can read, without changing it. */
export function inspectLibraryFile(file: string, nativeBinding?: string): LibraryFileInfo {
  if (!fs.existsSync(file)) throw new LibraryError(`there is no file ${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasArticles = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get();
    if (version < 1 || !hasArticles) throw new LibraryError(`${file} is not a Sahifa library`);
    if (version > SCHEMA_VERSION) throw new LibraryError(`${file} was written by a newer version of Sahifa`);
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new LibraryError(`${file} is damaged (${check.split('\n')[0]})`);
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    return { version, articles };
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    throw new LibraryError(`${file} is not a Sahifa library (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

const SIDE_FILES = ['', '-wal', '-shm'];

/** Moves a library (with its WAL files) aside under a dated name, and returns that name. */
export function setAside(file: string, reason: string): string | null {
  if (!fs.existsSync(file)) return null;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.${reason}-${stamp}.sqlite`;
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Replaces the library at `file` with a copy of `backup`, after checking the backup; the previous
 * library is kept aside, never deleted. Returns where it went (null when there was none).
 */
export function restoreLibrary(file: string, backup: string, nativeBinding?: string): { previous: string | null; articles: number } {
  const { articles } = inspectLibraryFile(backup, nativeBinding);
  const incoming = `${file}.restoring`;
  fs.copyFileSync(backup, incoming);
  const previous = setAside(file, 'before-restore');
  fs.renameSync(incoming, file);
  return { previous, articles };
}
