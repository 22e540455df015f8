import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSamplesIfEmpty } from '../../../main/first-run';
import { Library } from '../../../main/library/library';

const bundledSamples = path.resolve(process.cwd(), 'assets', 'samples');
const arabicArticle = path.resolve(process.cwd(), '../shared/corpus/encodings/derived/saudinewsnet_article.utf8.txt');

let dir: string;
let samplesDir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-first-run-'));
  // The bundled samples, plus a welcome article of our own if the real one is missing.
  samplesDir = path.join(dir, 'samples');
  fs.cpSync(bundledSamples, samplesDir, { recursive: true });
  if (!fs.readdirSync(samplesDir).some((name) => name.startsWith('welcome'))) {
    fs.writeFileSync(path.join(samplesDir, 'welcome.md'), '# مرحبا بك في صحيفة\n\nهذه مقالة ترحيبية.\n');
  }
  library = Library.open(path.join(dir, 'library.sqlite'));
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importSamplesIfEmpty', () => {
  it('fills an empty library with every sample, the welcome article first', async () => {
    const report = await importSamplesIfEmpty(library, samplesDir);
    expect(report?.failed).toEqual([]);
    const files = fs.readdirSync(samplesDir);
    const list = library.list();
    expect(list.total).toBe(files.length);
    const welcome = library.get(report!.ids.at(-1)!);
    expect(welcome.origin ?? '').toMatch(/welcome/);
    expect(list.items[0]!.id).toBe(welcome.id);
    // The bundled news article is in too, found by a word of its text.
    expect(library.search('شمخاني').total).toBe(1);
  });

  it('puts the welcome article first even when its file carries an old date', async () => {
    for (const name of fs.readdirSync(samplesDir)) if (name.startsWith('welcome')) fs.rmSync(path.join(samplesDir, name));
    fs.writeFileSync(path.join(samplesDir, 'welcome.md'), '---\ntitle: أهلا\ndate: 2001-01-01\n---\n\nمقالة ترحيبية قديمة التاريخ.\n');
    await importSamplesIfEmpty(library, samplesDir);
    expect(library.list().items[0]!.title).toBe('أهلا');
  });

  it('leaves a library that has articles alone', async () => {
    await importSamplesIfEmpty(library, samplesDir);
    const before = library.stats().articles;
    expect(await importSamplesIfEmpty(library, samplesDir)).toBeNull();
    expect(library.stats().articles).toBe(before);
  });

  it('does not add samples to a library someone already uses', async () => {
    const { importPaths } = await import('../../../main/import/importer');
    await importPaths(library, [arabicArticle]);
    expect(await importSamplesIfEmpty(library, samplesDir)).toBeNull();
    expect(library.stats().articles).toBe(1);
  });

  it('does nothing when the samples folder is missing', async () => {
    expect(await importSamplesIfEmpty(library, path.join(dir, 'nowhere'))).toBeNull();
    expect(library.stats().articles).toBe(0);
  });
});
