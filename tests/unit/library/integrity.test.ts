/**
 * The check before a library is opened (main/library/integrity.ts): a full quick_check when the
 * file changed since the last check that passed, none when it is as a checked and cleanly closed
 * library left it, and at least one a day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLibraryFile, FULL_CHECK_INTERVAL_MS, verifiedRecordPath } from '../../../main/library/integrity';
import { DamagedLibraryError, Library } from '../../../main/library/library';
import { openLibraryOrRecover } from '../../../main/library/recovery';
import { datedNews, sha } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-integrity-'));
  file = path.join(dir, 'library.sqlite');
  const library = Library.open(file);
  library.addArticles(datedNews(200));
  library.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const damagePage = (page: number) => {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * (page - 1));
  fs.closeSync(fd);
};
const refuse = async () => openLibraryOrRecover(file, { choose: async () => 'quit' });

describe('the check before opening', () => {
  it('runs quick_check the first time, and not again while the file is as it left it', () => {
    expect(checkLibraryFile(file).check).toBe('full');
    expect(fs.existsSync(verifiedRecordPath(file))).toBe(true);
    expect(checkLibraryFile(file).check).toBe('unchanged');
  });

  it('checks again once the file changed outside Sahifa, and finds the damage', () => {
    checkLibraryFile(file);
    damagePage(4);
    const before = sha(file);
    expect(() => checkLibraryFile(file)).toThrow(DamagedLibraryError);
    expect(sha(file)).toBe(before);
  });

  it('trusts what a checked library wrote before it closed, and nothing else', async () => {
    const opened = await refuse();
    if (opened.status !== 'opened') throw new Error('a healthy library was refused');
    await opened.automaticBackup;
    opened.library.addArticles(datedNews(50, { from: 200 }));
    opened.library.close();
    expect(checkLibraryFile(file).check).toBe('unchanged');

    // Written by another program (or a copy gone wrong) after that: checked again, damage found.
    damagePage(5);
    const outcome = await refuse();
    expect(outcome.status).toBe('quit');
  });

  it('checks an unchanged file fully again after a day', () => {
    const now = Date.now();
    checkLibraryFile(file, { now });
    expect(checkLibraryFile(file, { now: now + FULL_CHECK_INTERVAL_MS - 1 }).check).toBe('unchanged');
    expect(checkLibraryFile(file, { now: now + FULL_CHECK_INTERVAL_MS }).check).toBe('full');
  });

  it('does not trust a library a crashed process left: nothing is remembered without a clean close', async () => {
    checkLibraryFile(file);
    // A process that opened the library and wrote, but never closed it cleanly (the remembered
    // state is written at close): its writes reached the file, the record did not follow.
    const writer = Library.open(file);
    writer.addArticles(datedNews(10, { from: 300 }));
    writer.close();
    expect(checkLibraryFile(file).check).toBe('full');
  });

  it('never takes a record for a different file with the same name for the checked one', () => {
    checkLibraryFile(file);
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    fs.renameSync(copy, file);
    expect(checkLibraryFile(file).check).toBe('full');
  });
});
