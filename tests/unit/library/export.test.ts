/** Exports (main/library/export.ts): one file per article, which Sahifa imports back as they were. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../main/import/importer';
import type { ExportFormat } from '../../../common';
import { exportArticles } from '../../../main/library/export';
import { Library } from '../../../main/library/library';
import { contents, filledLibrary } from './helpers';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-safety-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

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
});
