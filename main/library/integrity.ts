/**
 * Checking a library before anything writes to it, cheaply enough for every command.
 *
 * SQLite's quick_check reads the whole file (about a second at 100k articles), so it runs only
 * when the file may have changed since the last check that passed. What was checked is remembered
 * in a small file beside the library (`<library>-verified.json`): the file's size, modification
 * time, inode and the change counters of its header, and when the last full check ran.
 *
 * Why this is sound enough: damage comes from outside SQLite — a disk or a copy that went wrong,
 * another program, a crash of the machine — and any write to the file moves its modification time,
 * so the next opener checks it fully. A Sahifa process that opened a checked library and closes it
 * cleanly records the file as it leaves it (its own writes, and its checkpoint, went through
 * SQLite); a process that crashes records nothing, so the next start checks. Damage that changes
 * no file time (a failing disk) is caught by the full check that runs at least once a day, before
 * the day's automatic backup, so a backup is always of a library that has just passed quick_check.
 * The remembered state never decides that a file is damaged, only when to look.
 */
import fs from 'node:fs';
import { checkSchema, connect, libraryErrorOf, verifyIntegrity } from './database';

/** How long a passed full check is trusted for an unchanged file. */
export const FULL_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** One state of the library file, read without opening it. */
export interface FileState {
  size: number;
  mtimeMs: number;
  ino: number;
  /** Header bytes 24–27 (file change counter) and 92–99 (version-valid-for, SQLite version), hex. */
  header: string;
}

interface Verified {
  state: FileState;
  /** When quick_check last passed (ms since the epoch). */
  checkedAt: number;
}

export function verifiedRecordPath(file: string): string {
  return `${file}-verified.json`;
}

/** The file's state now, or null when there is no file (or an empty one: a new library). */
export function fileState(file: string): FileState | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.size === 0) return null;
    const header = Buffer.alloc(100);
    fs.readSync(fd, header, 0, 100, 0);
    return {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ino: stat.ino,
      header: Buffer.concat([header.subarray(24, 28), header.subarray(92, 100)]).toString('hex'),
    };
  } finally {
    fs.closeSync(fd);
  }
}

const sameState = (a: FileState, b: FileState) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.header === b.header;

function readVerified(file: string): Verified | null {
  try {
    const value = JSON.parse(fs.readFileSync(verifiedRecordPath(file), 'utf8')) as Partial<Verified>;
    const state = value.state;
    if (
      typeof value.checkedAt !== 'number' ||
      typeof state?.size !== 'number' ||
      typeof state.mtimeMs !== 'number' ||
      typeof state.ino !== 'number' ||
      typeof state.header !== 'string'
    ) {
      return null;
    }
    return { state, checkedAt: value.checkedAt };
  } catch {
    return null;
  }
}

/**
 * Remembers that `file`, as it is now, descends from a check that passed at `checkedAt` (called
 * when a checked library closes cleanly).
 */
export function rememberVerified(file: string, checkedAt: number): void {
  const state = fileState(file);
  if (state === null) fs.rmSync(verifiedRecordPath(file), { force: true });
  else writeVerified(file, { state, checkedAt });
}

/** Written beside and renamed; a folder that cannot take it only means a full check next time. */
function writeVerified(file: string, verified: Verified): void {
  const record = verifiedRecordPath(file);
  const partial = `${record}.partial`;
  try {
    fs.writeFileSync(partial, `${JSON.stringify(verified)}\n`);
    fs.renameSync(partial, record);
  } catch {
    fs.rmSync(partial, { force: true });
  }
}

export interface CheckResult {
  /** 'full': quick_check ran and passed; 'unchanged': the file is as a passed check left it; 'new': no library yet. */
  check: 'full' | 'unchanged' | 'new';
  /** When quick_check last passed for this file (now, after a full check); null for a new library. */
  checkedAt: number | null;
}

export interface CheckOptions {
  nativeBinding?: string;
  /** Run quick_check even when the file is as it was at the last check (the day's backup is due). */
  full?: boolean;
  now?: number;
}

/**
 * Checks `file` before it is opened for writing: a Sahifa library this version can open, not
 * damaged. Throws DamagedLibraryError, or a LibraryError for a file that is not a Sahifa library
 * or is from a newer one. Reads only: nothing is written to the file.
 */
export function checkLibraryFile(file: string, options: CheckOptions = {}): CheckResult {
  const now = options.now ?? Date.now();
  const before = fileState(file);
  if (before === null) return { check: 'new', checkedAt: null };
  const verified = readVerified(file);
  if (!options.full && verified && sameState(verified.state, before) && now - verified.checkedAt < FULL_CHECK_INTERVAL_MS) {
    return { check: 'unchanged', checkedAt: verified.checkedAt };
  }
  // A connection that only reads: closing it, the last one, removes the WAL files it made.
  const db = connect(file, { nativeBinding: options.nativeBinding });
  try {
    checkSchema(db, file);
    verifyIntegrity(db, file);
  } catch (error) {
    throw libraryErrorOf(file, error);
  } finally {
    db.close();
  }
  // The state from before the check: a write during it makes the next opener check again.
  writeVerified(file, { state: before, checkedAt: now });
  return { check: 'full', checkedAt: now };
}
