/**
 * Opening the library at start-up, the one way all three shells do it (openLibraryOrRecover),
 * without ever losing it: a damaged library is never written to nor replaced in place. It is moved aside (byte for byte, under a dated name) only once the
 * reader has chosen to restore the latest backup or to start a new library; quitting leaves
 * everything as it was. Where backups live is decided here too, so "the latest backup" means one
 * thing: the newest valid file in `backups/` next to the library (or an automatic pre-upgrade copy).
 *
 * No Electron: the shell passes the question to the reader as `choose`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DamagedLibraryError, LibraryError } from './errors';
import { checkLibraryFile, rememberVerified } from './integrity';
import { Library, type OpenOptions } from './library';
import { inspectLibraryFile, restoreLibrary, setAside, type LibraryFileInfo } from './restore';

export type RecoveryChoice = 'restore' | 'new' | 'quit';

/** What the reader is told when the library cannot be trusted. */
export interface LibraryProblem {
  file: string;
  /** One line: SQLite's reason, with the file's name. */
  message: string;
  /** The backup "restore" would use, or null (then only "new" and "quit" make sense). */
  latestBackup: string | null;
}

export interface RecoveryOptions {
  nativeBinding?: string;
  /** Rank searches on two threads (see OpenOptions). */
  parallelSearch?: boolean;
  /** The backup to offer; defaults to latestValidBackup(file). */
  latestBackup?: () => string | null;
  /** How the shell asks the person: a dialog, a page, or a one-line refusal ('quit'). */
  choose(problem: LibraryProblem): Promise<RecoveryChoice>;
  now?: () => Date;
}

interface Opened {
  status: 'opened';
  library: Library;
  /**
   * The day's automatic backup, started once the library opened (null when none was due, or the
   * library is empty). A shell that exits soon awaits it before closing the library.
   */
  automaticBackup: Promise<string | null>;
}

export type RecoveryOutcome =
  | (Opened & { recovery: null })
  | (Opened & { recovery: { action: 'restore' | 'new'; damagedKeptAs: string | null; restoredFrom: string | null } })
  | { status: 'quit'; problem: LibraryProblem };

/**
 * Opens the library at `file` for a shell (the app, the browser mode, the command line), with the
 * same checks and start-up steps for all three:
 *
 * 1. the file is checked before anything writes to it (integrity.ts: quick_check when it changed
 *    since the last check that passed, and before the day's backup);
 * 2. when it is damaged, the shell asks the person (`choose`) and the choice is carried out: the
 *    damaged file is moved aside byte for byte and the latest valid backup restored, or a new
 *    library started; 'quit' leaves everything as it was;
 * 3. the schema is brought up to date, with a copy of the file made first (database.ts), and
 *    deletions kept for undo longer than a day become final (trash.ts);
 * 4. the day's automatic backup starts (see `automaticBackup`).
 *
 * Any other failure (not a Sahifa library, from a newer version, unreadable) is thrown as is:
 * those files are not ours to move.
 */
export async function openLibraryOrRecover(file: string, options: RecoveryOptions): Promise<RecoveryOutcome> {
  const now = options.now ?? (() => new Date());
  let library: Library;
  try {
    library = openChecked(file, options, now());
  } catch (error) {
    if (!(error instanceof DamagedLibraryError)) throw error;
    const latestBackup = (options.latestBackup ?? (() => latestValidBackup(file, options.nativeBinding)))();
    const problem: LibraryProblem = { file, message: error.message, latestBackup };
    const choice = await options.choose(problem);
    if (choice === 'quit') return { status: 'quit', problem };
    if (choice === 'restore' && latestBackup === null) throw new LibraryError('there is no backup to restore');

    // Check the backup before anything moves: a failure here leaves everything where it was.
    if (choice === 'restore') inspectBackup(latestBackup!, options.nativeBinding);
    // Only now, with the reader's decision, does the damaged file move (renamed, never copied over).
    const damagedKeptAs = setAside(file, 'damaged');
    if (choice === 'restore') withoutTrace(latestBackup!, () => restoreLibrary(file, latestBackup!, options.nativeBinding));
    library = openChecked(file, options, now());
    return {
      status: 'opened',
      library,
      automaticBackup: startAutomaticBackup(library, now()),
      recovery: { action: choice, damagedKeptAs, restoredFrom: choice === 'restore' ? latestBackup : null },
    };
  }
  return { status: 'opened', library, automaticBackup: startAutomaticBackup(library, now()), recovery: null };
}

/** The library at `file`, checked first; closing it cleanly remembers the file as checked. */
function openChecked(file: string, options: RecoveryOptions, now: Date): Library {
  // The day's backup must copy a library that has just passed quick_check.
  const { checkedAt } = checkLibraryFile(file, {
    nativeBinding: options.nativeBinding,
    full: automaticBackupDue(file, now.getTime()),
    now: now.getTime(),
  });
  const openOptions: OpenOptions = {
    parallelSearch: options.parallelSearch ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    afterClose: () => rememberVerified(file, checkedAt ?? now.getTime()),
  };
  const library = Library.open(file, openOptions);
  // Deletions kept for undo longer than a day become final.
  library.purgeDeleted(now);
  return library;
}

function startAutomaticBackup(library: Library, now: Date): Promise<string | null> {
  // An empty library has nothing to lose: its first backup waits for its first articles.
  const backup = library.stats().articles === 0 ? Promise.resolve(null) : makeAutomaticBackup(library, now);
  // Awaited by the shells that wait for it; a failure must not go unhandled in the others.
  backup.catch(() => undefined);
  return backup;
}

/** The folder next to the library where backups (from the menu and automatic ones) go. */
export function backupsDir(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** Where a backup made now goes: `backups/<name>-<UTC time>.sqlite`, sortable by name. */
export function backupPath(file: string, kind: 'manual' | 'automatic', date = new Date()): string {
  const base = path.basename(file).replace(/\.sqlite$/i, '') || 'library';
  return path.join(backupsDir(file), `${kind === 'automatic' ? 'auto-' : ''}${base}-${stamp(date)}.sqlite`);
}

const PREMIGRATION = /\.v\d+-before-upgrade-[^/\\]*\.sqlite$/;

/** Every file that may be a backup of `file`, newest first (modification time, then name). */
export function backupCandidates(file: string): string[] {
  const candidates: string[] = [];
  const dir = backupsDir(file);
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.sqlite')) candidates.push(path.join(dir, name));
  }
  const folder = path.dirname(file);
  const base = path.basename(file);
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith(base) && PREMIGRATION.test(name)) candidates.push(path.join(folder, name));
    }
  }
  const dated = candidates.flatMap((candidate) => {
    try {
      const stat = fs.statSync(candidate);
      return stat.isFile() ? [{ candidate, time: stat.mtimeMs }] : [];
    } catch {
      return [];
    }
  });
  dated.sort((a, b) => b.time - a.time || b.candidate.localeCompare(a.candidate));
  return dated.map(({ candidate }) => candidate);
}

/**
 * Runs `read` on a backup without leaving a trace: a backup copied from a library in WAL mode
 * makes SQLite create empty -wal and -shm files next to it when opened, even read-only. Those it
 * created are removed again (an empty WAL holds nothing), so reading backups never changes a folder.
 */
export function withoutTrace<T>(file: string, read: () => T): T {
  const created = ['-wal', '-shm'].map((suffix) => file + suffix).filter((side) => !fs.existsSync(side));
  try {
    return read();
  } finally {
    const wal = `${file}-wal`;
    const walIsEmpty = !fs.existsSync(wal) || fs.statSync(wal).size === 0;
    if (walIsEmpty) for (const side of created) fs.rmSync(side, { force: true });
  }
}

/** inspectLibraryFile, leaving the backup's folder as it was. */
export function inspectBackup(file: string, nativeBinding?: string): LibraryFileInfo {
  return withoutTrace(file, () => inspectLibraryFile(file, nativeBinding));
}

/** The newest backup that is a healthy library this version can read, or null. */
export function latestValidBackup(file: string, nativeBinding?: string): string | null {
  for (const candidate of backupCandidates(file)) {
    try {
      inspectBackup(candidate, nativeBinding);
      return candidate;
    } catch {
      // A damaged or foreign file in backups/ is skipped, not trusted.
    }
  }
  return null;
}

/** One automatic backup a day is enough; the reader's own (menu) backups count too. */
export const AUTOMATIC_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Automatic backups kept; the reader's own backups are never deleted. */
export const AUTOMATIC_BACKUPS_KEPT = 3;

export function automaticBackupDue(file: string, now = Date.now()): boolean {
  const newest = backupCandidates(file)[0];
  if (newest === undefined) return true;
  return now - fs.statSync(newest).mtimeMs >= AUTOMATIC_BACKUP_INTERVAL_MS;
}

/**
 * Makes the day's automatic backup when one is due (after the library opened and passed its
 * check, so a damaged library never becomes a "backup"), and keeps the newest few. Returns the
 * new backup's path, or null when none was due.
 */
export async function makeAutomaticBackup(library: Library, now = new Date()): Promise<string | null> {
  if (!automaticBackupDue(library.file, now.getTime())) return null;
  const target = backupPath(library.file, 'automatic', now);
  await library.backup(target);
  const automatic = fs
    .readdirSync(backupsDir(library.file))
    .filter((name) => name.startsWith('auto-') && name.endsWith('.sqlite'))
    .sort()
    .reverse();
  for (const old of automatic.slice(AUTOMATIC_BACKUPS_KEPT)) fs.rmSync(path.join(backupsDir(library.file), old), { force: true });
  return target;
}
