/**
 * The command line on a damaged library, as a new user would meet it: every command is refused
 * with one line naming `sahifa restore`, the exit status is not 0, and the file is left byte for
 * byte as it was. A healthy library goes on working, and its day's backup is made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { backupPath } from '../../../main/library/recovery';
import { datedNews, sha } from '../library/helpers';
import { sahifa } from './helpers';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-cli-damaged-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A real library of 300 articles with one b-tree page overwritten, as a failing disk leaves it. */
function damagedLibrary(name: string): string {
  const file = path.join(dir, name, 'library.sqlite');
  const library = Library.open(file);
  library.addArticles(datedNews(300));
  library.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
  fs.closeSync(fd);
  return file;
}

const files = (folder: string) => fs.readdirSync(folder).sort();

describe('sahifa on a damaged library', () => {
  it.each([
    ['bookmark', '5'],
    ['stats'],
    ['search', 'السعودية'],
  ])('refuses `sahifa %s` in one line naming sahifa restore, and changes nothing', (...command) => {
    const file = damagedLibrary(`refuse-${command[0]}`);
    const before = sha(file);
    const folder = files(path.dirname(file));
    const result = sahifa(['--library', file, ...command]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sahifa: the library .*library\.sqlite is damaged \(.+\); it was left as it is for recovery; .*sahifa restore/);
    expect(sha(file)).toBe(before);
    expect(files(path.dirname(file))).toEqual(folder);
  });

  it('names the latest valid backup to restore, and restoring it makes the library usable again', async () => {
    const file = path.join(dir, 'with-backup', 'library.sqlite');
    const library = Library.open(file);
    library.addArticles(datedNews(300));
    const backup = backupPath(file, 'manual');
    await library.backup(backup);
    library.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    const before = sha(file);

    const refused = sahifa(['--library', file, 'bookmark', '5']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`sahifa restore "${backup}"`);
    expect(sha(file)).toBe(before);

    expect(sahifa(['--library', file, 'restore', backup]).status).toBe(0);
    const bookmarked = sahifa(['--library', file, 'bookmark', '5']);
    expect(bookmarked.status).toBe(0);
    expect(bookmarked.stdout).toBe('bookmarked 5\n');
  });
});

describe('sahifa on a healthy library', () => {
  it('makes the day’s automatic backup before its first command of the day, and only one', () => {
    const file = path.join(dir, 'healthy', 'library.sqlite');
    const library = Library.open(file);
    library.addArticles(datedNews(20));
    library.close();
    expect(sahifa(['--library', file, 'bookmark', '3']).status).toBe(0);
    expect(sahifa(['--library', file, 'bookmark', '4']).status).toBe(0);
    const backups = files(path.join(path.dirname(file), 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^auto-library-.*\.sqlite$/);
    // The backup holds the library as it was before the day's first command.
    const copy = Library.open(path.join(path.dirname(file), 'backups', backups[0]!));
    expect(copy.stats()).toEqual({ articles: 20, bookmarks: 0 });
    copy.close();
  });
});
