/**
 * Start-up with a damaged library (main/library/recovery.ts): the damaged file is never written,
 * moved only after the reader chose, kept byte for byte; "restore" takes the newest valid backup,
 * "new" starts empty, "quit" touches nothing. (Detection itself: database.test.ts.)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library, LibraryError, premigrationBackupPath } from '../../../main/library/library';
import {
  AUTOMATIC_BACKUPS_KEPT,
  automaticBackupDue,
  backupPath,
  backupsDir,
  latestValidBackup,
  makeAutomaticBackup,
  openLibraryOrRecover,
  type LibraryProblem,
  type RecoveryChoice,
} from '../../../main/library/recovery';
import { datedNews, sha } from './helpers';

let dir: string;
let file: string;

/** Garbage that is the same on every run. */
function garbage(size: number): Buffer {
  const chunks: Buffer[] = [];
  let block = Buffer.from('sahifa');
  while (chunks.length * 32 < size) {
    block = crypto.createHash('sha256').update(block).digest();
    chunks.push(block);
  }
  return Buffer.concat(chunks).subarray(0, size);
}

const DAMAGE: Record<string, (f: string) => void> = {
  truncated: (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)),
  'a garbage page': (f) => {
    const fd = fs.openSync(f, 'r+');
    fs.writeSync(fd, garbage(4096), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
  },
};

/** A library of 200 articles with two backups (120 then 150 articles) and a broken newest "backup". */
async function libraryWithBackups(): Promise<{ older: string; newer: string }> {
  const library = Library.open(file);
  library.addArticles(datedNews(120));
  const older = backupPath(file, 'manual', new Date('2024-01-01T00:00:00Z'));
  await library.backup(older);
  library.addArticles(datedNews(30, { from: 120 }));
  const newer = backupPath(file, 'automatic', new Date('2024-02-01T00:00:00Z'));
  await library.backup(newer);
  library.addArticles(datedNews(50, { from: 150 }));
  library.close();
  const broken = backupPath(file, 'manual', new Date('2024-03-01T00:00:00Z'));
  fs.writeFileSync(broken, garbage(50_000));
  fs.utimesSync(older, new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
  fs.utimesSync(newer, new Date('2024-02-01T00:00:00Z'), new Date('2024-02-01T00:00:00Z'));
  fs.utimesSync(broken, new Date('2024-03-01T00:00:00Z'), new Date('2024-03-01T00:00:00Z'));
  return { older, newer };
}

/** Every file under dir with its hash: what "untouched" means. */
function snapshot(): Record<string, string> {
  const result: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else result[path.relative(dir, full)] = sha(full);
    }
  };
  visit(dir);
  return result;
}

function chooser(choice: RecoveryChoice) {
  const asked: LibraryProblem[] = [];
  return { asked, choose: async (problem: LibraryProblem) => (asked.push(problem), choice) };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-recovery-'));
  file = path.join(dir, 'library.sqlite');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a healthy library', () => {
  it('opens without asking anything', async () => {
    await libraryWithBackups();
    const { asked, choose } = chooser('quit');
    const outcome = await openLibraryOrRecover(file, { verify: true, choose });
    expect(outcome.status).toBe('opened');
    if (outcome.status === 'opened') {
      expect(outcome.recovery).toBeNull();
      expect(outcome.library.stats().articles).toBe(200);
      outcome.library.close();
    }
    expect(asked).toEqual([]);
  });
});

describe.each(Object.keys(DAMAGE))('a %s library', (damage) => {
  let damagedSha: string;

  async function damaged(): Promise<{ older: string; newer: string }> {
    const backups = await libraryWithBackups();
    DAMAGE[damage]!(file);
    damagedSha = sha(file);
    return backups;
  }

  it('quit: everything stays exactly as it was', async () => {
    const { newer } = await damaged();
    const before = snapshot();
    const { asked, choose } = chooser('quit');
    const outcome = await openLibraryOrRecover(file, { verify: true, choose });
    expect(outcome.status).toBe('quit');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toMatch(/damaged/);
    expect(asked[0]!.latestBackup).toBe(newer);
    expect(snapshot()).toEqual(before);
  });

  it('restore: the newest valid backup comes back, the damaged file is kept byte for byte', async () => {
    const { newer } = await damaged();
    const backupsBefore = fs.readdirSync(backupsDir(file)).map((name) => sha(path.join(backupsDir(file), name)));
    const { choose } = chooser('restore');
    const outcome = await openLibraryOrRecover(file, { verify: true, choose });
    expect(outcome.status).toBe('opened');
    if (outcome.status !== 'opened' || outcome.recovery === null) throw new Error('expected a recovery');
    // 150 articles: the newer backup, not the older one (120), not the broken newest file.
    expect(outcome.library.stats().articles).toBe(150);
    expect(outcome.library.search('السعودية').total).toBeGreaterThan(0);
    outcome.library.close();
    expect(outcome.recovery.restoredFrom).toBe(newer);
    expect(outcome.recovery.damagedKeptAs).toMatch(/library\.sqlite\.damaged-.*\.sqlite$/);
    expect(sha(outcome.recovery.damagedKeptAs!)).toBe(damagedSha);
    // The backups themselves are read, never changed.
    expect(fs.readdirSync(backupsDir(file)).map((name) => sha(path.join(backupsDir(file), name)))).toEqual(backupsBefore);
  });

  it('new: an empty library, the damaged file kept byte for byte', async () => {
    await damaged();
    const { choose } = chooser('new');
    const outcome = await openLibraryOrRecover(file, { verify: true, choose });
    if (outcome.status !== 'opened' || outcome.recovery === null) throw new Error('expected a recovery');
    expect(outcome.library.stats()).toEqual({ articles: 0, bookmarks: 0 });
    outcome.library.close();
    expect(outcome.recovery.action).toBe('new');
    expect(sha(outcome.recovery.damagedKeptAs!)).toBe(damagedSha);
  });
});

describe('when there is no usable backup', () => {
  it('offers none, and refuses "restore" without moving the damaged file', async () => {
    const library = Library.open(file);
    library.addArticles(datedNews(100));
    library.close();
    DAMAGE.truncated!(file);
    fs.mkdirSync(backupsDir(file));
    fs.writeFileSync(path.join(backupsDir(file), 'holiday.sqlite'), garbage(10_000));
    const before = snapshot();
    const { asked, choose } = chooser('restore');
    await expect(openLibraryOrRecover(file, { verify: true, choose })).rejects.toThrow(/no backup/);
    expect(asked[0]!.latestBackup).toBeNull();
    expect(snapshot()).toEqual(before);
  });
});

describe('a file that is not a Sahifa library', () => {
  it('is reported, not moved, and the reader is not asked to replace it', async () => {
    fs.writeFileSync(file, 'Dear diary, today I read the news.\n');
    const before = snapshot();
    const { asked, choose } = chooser('new');
    await expect(openLibraryOrRecover(file, { verify: true, choose })).rejects.toThrow(LibraryError);
    expect(asked).toEqual([]);
    expect(snapshot()).toEqual(before);
  });
});

describe('backups next to the library', () => {
  it('counts the automatic copy made before an upgrade as a backup', async () => {
    const library = Library.open(file);
    library.addArticles(datedNews(10));
    await library.backup(premigrationBackupPath(file, 1));
    library.close();
    expect(latestValidBackup(file)).toMatch(/library\.sqlite\.v1-before-upgrade-.*\.sqlite$/);
  });

  it('makes one automatic backup a day and keeps the newest few', async () => {
    const library = Library.open(file);
    library.addArticles(datedNews(20));
    const day = (n: number) => new Date(Date.UTC(2024, 0, n));
    const made: string[] = [];
    for (let n = 1; n <= AUTOMATIC_BACKUPS_KEPT + 2; n++) {
      const backup = await makeAutomaticBackup(library, day(n));
      expect(backup).not.toBeNull();
      fs.utimesSync(backup!, day(n), day(n));
      made.push(path.basename(backup!));
      // The same day again: nothing to do.
      expect(await makeAutomaticBackup(library, new Date(day(n).getTime() + 60_000))).toBeNull();
    }
    library.close();
    expect(fs.readdirSync(backupsDir(file)).sort()).toEqual(made.slice(-AUTOMATIC_BACKUPS_KEPT).sort());
    expect(automaticBackupDue(file, day(AUTOMATIC_BACKUPS_KEPT + 3).getTime())).toBe(true);
  });

  it('never deletes the reader’s own backups', async () => {
    const library = Library.open(file);
    library.addArticles(datedNews(5));
    const own = backupPath(file, 'manual', new Date('2020-01-01T00:00:00Z'));
    await library.backup(own);
    fs.utimesSync(own, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    for (let n = 1; n <= AUTOMATIC_BACKUPS_KEPT + 1; n++) {
      const backup = await makeAutomaticBackup(library, new Date(Date.UTC(2024, 0, n)));
      fs.utimesSync(backup!, new Date(Date.UTC(2024, 0, n)), new Date(Date.UTC(2024, 0, n)));
    }
    library.close();
    expect(fs.existsSync(own)).toBe(true);
  });
});
