/**
 * Opening the library file (main/library/database.ts): created when missing, refused when it is
 * not a Sahifa library, from a newer Sahifa or damaged (and then left as it is), upgraded with a
 * copy of the old file made first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DamagedLibraryError, Library, LibraryError, premigrationBackupPath } from '../../../main/library/library';
import { inspectLibraryFile } from '../../../main/library/restore';
import { migrations, SCHEMA_VERSION } from '../../../main/library/schema';
import { filledLibrary, sha } from './helpers';

let dir: string;
let file: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-database-'));
  file = path.join(dir, 'library.sqlite');
  library = Library.open(path.join(dir, 'nested', 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the library file', () => {
  it('is created with its folders, in WAL mode, at the current schema version', () => {
    const db = new Database(library.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a library from a newer Sahifa and leaves it unchanged', () => {
    const file = path.join(dir, 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(() => Library.open(file)).toThrow(/newer version of Sahifa.*left unchanged/);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
  });

  it('refuses a file that is not a library, with a one-line reason', () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(100));
    expect(() => Library.open(file)).toThrow(LibraryError);
    expect(() => Library.open(file)).toThrow(/notes\.sqlite is not a Sahifa library/);
  });

  it('refuses another program’s SQLite database', () => {
    const file = path.join(dir, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(() => Library.open(file)).toThrow(/not a Sahifa library/);
  });
});

describe('migration 2', () => {
  it('upgrades a version 1 library, keeping its articles, bookmarks and search', () => {
    const file = path.join(dir, 'v1.sqlite');
    // A library as the first Sahifa left it: migration 1 only, with an article and a bookmark.
    const db = new Database(file);
    db.transaction(() => {
      migrations[0]!(db);
      db.pragma('user_version = 1');
    })();
    db.prepare(
      `INSERT INTO articles (id, identity, title, dir, imported, sort_date, excerpt, text)
       VALUES (7, 'hash:1', 'الأمن الغذائي', 'rtl', '2015-07-21T10:00:00Z', '2015-07-21T10:00:00Z', '', 'نص عن الأمن الغذائي')`,
    ).run();
    db.prepare("INSERT INTO article_index (rowid, title_surface, title_stem, body_surface, body_stem) VALUES (7, 'الامن الغذايي', 'امن غذاي', 'نص عن الامن', 'نص عن امن')").run();
    db.prepare("INSERT INTO bookmarks (article_id, created, note) VALUES (7, '2015-07-22', 'للمراجعة')").run();
    db.close();

    const upgraded = Library.open(file);
    try {
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check.close();
      const [item] = upgraded.list().items;
      expect(item).toMatchObject({ id: 7, title: 'الأمن الغذائي', bookmarked: true, read: false });
      expect(upgraded.annotations(7)).toEqual({ note: 'للمراجعة', tags: [], position: 0 });
      expect(upgraded.search('الامن').items.map((hit) => hit.id)).toEqual([7]);
      upgraded.saveReading(7, { position: 0.5, read: true });
      upgraded.setTags(7, ['غذاء']);
      expect(upgraded.list({ unread: true }).total).toBe(0);
      expect(upgraded.tags()).toEqual([{ name: 'غذاء', count: 1 }]);
    } finally {
      upgraded.close();
    }
    // The copy made before the upgrade is still a version 1 library.
    const backups = fs.readdirSync(dir).filter((name) => name.startsWith('v1.sqlite.v1-before-upgrade'));
    expect(backups).toHaveLength(1);
  });
});

describe('a damaged library', () => {
  async function damagedCopy(damage: (file: string) => void): Promise<string> {
    const library = filledLibrary(path.join(dir, 'library.sqlite'), 300);
    const file = path.join(dir, 'damaged.sqlite');
    await library.backup(file);
    library.close();
    damage(file);
    return file;
  }

  it('is detected at start-up when truncated, and left as it is', async () => {
    const file = await damagedCopy((f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)));
    const before = sha(file);
    expect(() => Library.open(file, { verify: true })).toThrow(DamagedLibraryError);
    expect(sha(file)).toBe(before);
  });

  it('is detected at start-up when a page holds garbage, and left as it is', async () => {
    const file = await damagedCopy((f) => {
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, crypto.randomBytes(4096), 0, 4096, 4096 * 3); // page 4: a b-tree page
      fs.closeSync(fd);
    });
    const before = sha(file);
    expect(() => Library.open(file, { verify: true })).toThrow(/is damaged .*left as it is for recovery/);
    expect(sha(file)).toBe(before);
  });
});

describe('before a schema migration', () => {
  const premigrationCopies = () => fs.readdirSync(dir).filter((name) => /\.v\d+-before-upgrade-/.test(name));

  it('names the automatic copy after the library and its old version, next to it', () => {
    const copy = premigrationBackupPath(file, 3);
    expect(path.dirname(copy)).toBe(dir);
    expect(path.basename(copy)).toMatch(/^library\.sqlite\.v3-before-upgrade-\d{4}-\d{2}-\d{2}T[\d-]+Z\.sqlite$/);
    expect(premigrationBackupPath(file, 3)).not.toBe(file);
  });

  it('makes no copy of a new library, nor of one already at the current version', () => {
    Library.open(file).close();
    Library.open(file).close();
    expect(premigrationCopies()).toEqual([]);
  });

  // Only one schema version exists so far: this runs from the first migration added after it.
  it.runIf(SCHEMA_VERSION > 1)('copies a library of the previous version before upgrading it', () => {
    const old = new Database(file);
    for (const migration of migrations.slice(0, SCHEMA_VERSION - 1)) migration(old);
    old.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    old.close();
    const before = sha(file);
    Library.open(file).close();
    const copies = premigrationCopies();
    expect(copies).toHaveLength(1);
    const copy = path.join(dir, copies[0]!);
    expect(inspectLibraryFile(copy).version).toBe(SCHEMA_VERSION - 1);
    // VACUUM INTO writes a fresh file: same content, not necessarily the same bytes.
    expect(fs.statSync(copy).size).toBeGreaterThan(0);
    expect(before).not.toBe('');
  });
});
