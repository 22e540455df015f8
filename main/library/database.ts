/**
 * The library's SQLite connection: opening the file, refusing what is not a Sahifa library (or is
 * from a newer one, or is damaged) before anything is written, and bringing the schema up to date
 * with a copy of the old file made first.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DamagedLibraryError, LibraryError } from './errors';
import { nativeModuleProblem } from './native-module';
import { ensureArticleCounts, ensureFeedCounts } from './counts';
import { ensureLengthIndex } from './rank-extension';
import { migrations, SCHEMA_VERSION } from './schema';

export interface OpenOptions {
  /** Path of the better-sqlite3 native module built for this runtime (Electron needs its own). */
  nativeBinding?: string;
  /**
   * Run SQLite's quick_check before anything else. It reads the whole file; the shells open their
   * library through openLibraryOrRecover (recovery.ts), which runs it only when the file changed.
   */
  verify?: boolean;
  /**
   * Rank searches of a large library on two threads (rank-helper.ts). The app does; a command
   * line that runs one search and exits would spend more starting the thread than it saves.
   */
  parallelSearch?: boolean;
  /** Fewest ids (last minus first) worth splitting a search over two threads; tests lower it. */
  splitSearchAbove?: number;
  /**
   * Most matches a search ranks whole (search.ts RANK_ALL_UP_TO), and how many of the most recently
   * added it ranks above that (RELEVANCE_WINDOW), the rest following newest first. Tests lower them.
   */
  rankAllUpTo?: number;
  relevanceWindow?: number;
  /**
   * The compiled ranking extension (rank-extension.ts): found where the build puts it when not
   * given; null ranks with SQLite's bm25() (tests compare the two).
   */
  rankExtension?: string | null;
  /** Called once the connection has closed (the shells' opener remembers the checked file then). */
  afterClose?: () => void;
}

// SQLite's words for a database file it can no longer trust ("not a database" is another file).
const DAMAGED = /malformed|corrupt/i;

/** The error to throw for a failure on `file`: damage is told apart, our own errors pass as they are. */
export function libraryErrorOf(file: string, error: unknown, what = 'cannot open the library'): LibraryError {
  if (error instanceof LibraryError) return error;
  const message = (error as Error).message;
  if (DAMAGED.test(message)) return new DamagedLibraryError(file, message);
  return new LibraryError(`${what} ${file}: ${message}`);
}

export function connect(file: string, options: { nativeBinding?: string; readonly?: boolean }): Database.Database {
  try {
    if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
    return new Database(file, {
      ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new LibraryError(nativeModuleProblem(error) ?? `cannot open the library ${file}: ${(error as Error).message}`);
  }
}

/** Refuses files that are not Sahifa libraries, or are from a newer Sahifa, before changing anything. */
export function checkSchema(db: Database.Database, file: string): number {
  let version: number;
  let objects: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (error) {
    const message = (error as Error).message;
    if (DAMAGED.test(message)) throw new DamagedLibraryError(file, message);
    throw new LibraryError(`${file} is not a Sahifa library (${message})`);
  }
  if (version > SCHEMA_VERSION) {
    throw new LibraryError(
      `${file} was written by a newer version of Sahifa (library version ${version}, this one knows up to ${SCHEMA_VERSION}); it was left unchanged`,
    );
  }
  if (version === 0 && objects > 0) {
    throw new LibraryError(`${file} is an SQLite database but not a Sahifa library; it was left unchanged`);
  }
  return version;
}

export function verifyIntegrity(db: Database.Database, file: string): void {
  let result: string;
  try {
    result = (db.pragma('quick_check', { simple: true }) as string) ?? 'no answer';
  } catch (error) {
    throw new DamagedLibraryError(file, (error as Error).message);
  }
  if (result === 'ok') return;
  // The first line that says what is wrong (the first may only name the database: "*** in database main ***").
  const lines = result.split('\n');
  throw new DamagedLibraryError(file, lines.find((line) => !line.startsWith('***')) ?? lines[0]!);
}

/** Where the automatic copy made before a migration goes: next to the library, never over a file. */
export function premigrationBackupPath(file: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${file}.v${version}-before-upgrade-${stamp}.sqlite`;
}

function migrate(db: Database.Database, file: string, from: number): void {
  // A library that has data gets a consistent copy of itself before its schema changes.
  if (from > 0 && from < SCHEMA_VERSION) db.prepare('VACUUM INTO ?').run(premigrationBackupPath(file, from));
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      migrations[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** A connection to the library at `file` (created when missing), checked and at the current schema. */
export function openDatabase(file: string, options: OpenOptions): Database.Database {
  const db = connect(file, options);
  try {
    const version = checkSchema(db, file);
    if (options.verify) verifyIntegrity(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB of page cache: the full-text index's segment merges during imports stay in memory.
    db.pragma('cache_size = -65536');
    db.pragma('busy_timeout = 5000');
    migrate(db, file, version);
    // Triggers a later migration may have dropped with a rebuilt table (counts.ts).
    ensureArticleCounts(db);
    ensureFeedCounts(db);
    ensureLengthIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw libraryErrorOf(file, error);
  }
}
