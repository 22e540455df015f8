/** Restoring a backup (main/library/restore.ts): the previous library kept aside; a bad file changes nothing. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../main/library/library';
import { restoreLibrary } from '../../../main/library/restore';
import { contents, datedNews, filledLibrary, sha } from './helpers';

const news = (count: number) => datedNews(count, { halfWithoutUrl: true });

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-safety-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('restore', () => {
  it('restores a backup and keeps the previous library aside', async () => {
    const file = path.join(dir, 'library.sqlite');
    const library = filledLibrary(file, 50);
    await library.backup(path.join(dir, 'backup.sqlite'));
    const before = contents(library);
    library.addArticles([{ ...news(1)[0]!, title: 'بعد النسخة', text: 'أضيف بعد النسخ الاحتياطي', url: null }]);
    library.close();

    const { previous, articles } = restoreLibrary(file, path.join(dir, 'backup.sqlite'));
    expect(articles).toBe(50);
    const restored = Library.open(file);
    expect(contents(restored)).toEqual(before);
    restored.close();
    const aside = Library.open(previous!);
    expect(aside.search('النسخ').total).toBe(1);
    aside.close();
  });

  it('refuses to restore from a file that is not a library, and changes nothing', () => {
    const file = path.join(dir, 'library.sqlite');
    filledLibrary(file, 10).close();
    const before = sha(file);
    fs.writeFileSync(path.join(dir, 'holiday.jpg'), crypto.randomBytes(50_000));
    expect(() => restoreLibrary(file, path.join(dir, 'holiday.jpg'))).toThrow(/holiday\.jpg is not a Sahifa library/);
    expect(() => restoreLibrary(file, path.join(dir, 'missing.sqlite'))).toThrow(/there is no file/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});
