/** Backups of an open library (main/library/backup.ts): consistent while in use, never over the library. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library, LibraryError } from '../../../main/library/library';
import { contents, datedNews, filledLibrary } from './helpers';

const news = (count: number) => datedNews(count, { halfWithoutUrl: true });

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-safety-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup', () => {
  it('backs up a library that is in use into a consistent copy', async () => {
    const library = filledLibrary(path.join(dir, 'library.sqlite'));
    const other = Library.open(library.file); // the app and the command line at once
    other.addArticles([{ ...news(1)[0]!, title: 'مقال الزنجبيل', text: 'نص عن الزنجبيل', url: null }]);
    await library.backup(path.join(dir, 'backups', 'copy.sqlite'));
    const copy = Library.open(path.join(dir, 'backups', 'copy.sqlite'), { verify: true });
    expect(contents(copy)).toEqual(contents(library));
    expect(copy.search('زنجبيل').total).toBe(1);
    for (const l of [copy, other, library]) l.close();
    expect(fs.existsSync(path.join(dir, 'backups', 'copy.sqlite.partial'))).toBe(false);
  });

  it('refuses a backup over the library itself', async () => {
    const library = filledLibrary(path.join(dir, 'library.sqlite'), 1);
    await expect(library.backup(library.file)).rejects.toThrow(LibraryError);
    library.close();
  });
});
