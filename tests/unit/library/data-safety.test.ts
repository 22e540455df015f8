import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../main/import/importer';
import type { ExportFormat } from '../../../common';
import { exportArticles } from '../../../main/library/export';
import { DamagedLibraryError, Library, LibraryError } from '../../../main/library/library';
import { restoreLibrary } from '../../../main/library/restore';
import type { NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function news(count: number): NewArticle[] {
  return newsArticles(count + 20)
    .filter((n) => n.content.trim() && n.title.trim())
    .slice(0, count)
    .map((n, i) => ({
      title: n.title,
      byline: n.author || null,
      source: n.source,
      url: i % 2 ? n.url : null, // half keep a URL identity, half a text identity
      lang: 'ar',
      dir: 'rtl',
      published: `${n.date_extracted.replace(' ', 'T')}.000Z`,
      text: n.content,
      html: null,
      origin: null,
    }));
}

function filledLibrary(file: string, count = 200): Library {
  const library = Library.open(file);
  const { ids } = library.addArticles(news(count));
  ids.filter((_, i) => i % 7 === 0).forEach((id) => library.setBookmarked(id, true));
  return library;
}

/** What a reader would call "the same library": titles, texts, bookmarks, dates. */
function contents(library: Library) {
  return [...library.articles()]
    .map((a) => ({ title: a.title, text: a.text, bookmarked: a.bookmarked, published: a.published, source: a.source, url: a.url }))
    .sort((x, y) => (x.title + x.text < y.title + y.text ? -1 : 1));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-safety-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
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

describe('export', () => {
  it.each<ExportFormat>(['md', 'json'])('as %s, imported into an empty library, gives back the same articles, texts and bookmarks', async (format) => {
    const library = filledLibrary(path.join(dir, 'library.sqlite'), 300);
    const folder = path.join(dir, `export-${format}`);
    expect(exportArticles(library.articles(), format, folder)).toBe(300);
    expect(fs.readdirSync(folder)).toHaveLength(300);

    const empty = Library.open(path.join(dir, `from-${format}.sqlite`));
    const report = await importPaths(empty, [folder]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(300);
    expect(contents(empty)).toEqual(contents(library));
    expect(empty.stats()).toEqual(library.stats());
    empty.close();
    library.close();
  });

  it('as html writes one standalone page per article, right-to-left', () => {
    const library = filledLibrary(path.join(dir, 'library.sqlite'), 5);
    const folder = path.join(dir, 'export-html');
    exportArticles(library.articles(), 'html', folder);
    const first = fs.readFileSync(path.join(folder, fs.readdirSync(folder).sort()[0]!), 'utf8');
    expect(first).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(first).not.toMatch(/<script/i);
    library.close();
  });

  it('refuses a backup over the library itself', async () => {
    const library = filledLibrary(path.join(dir, 'library.sqlite'), 1);
    await expect(library.backup(library.file)).rejects.toThrow(LibraryError);
    library.close();
  });
});
