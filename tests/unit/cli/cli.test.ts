import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parserFor } from '../../../main/import/formats';
import { FORMATS, type Format } from '../../../main/import/parser';
import { SCHEMA_VERSION } from '../../../main/library/schema';
import { analyzeWord } from '../../../main/text/analyze';
import { CORPUS, SAMPLE_ARTICLE } from '../../fixtures/corpus';
import { sahifa, sahifaJson } from './helpers';

let dir: string;
let lib: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-cli-'));
  lib = path.join(dir, 'my.sqlite');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Hit { id: number; title: string; snippet: string; highlights: [number, number][]; score: number }

describe('sahifa command line', () => {
  it('imports the sample article and finds it by a word written with hamza', () => {
    const report = sahifaJson<{ imported: number; duplicates: number; failed: unknown[] }>(['--library', lib, 'import', SAMPLE_ARTICLE]);
    expect(report).toEqual({ imported: 1, duplicates: 0, failed: [], notes: [] });

    const hits = sahifaJson<Hit[]>(['--library', lib, 'search', 'الامن']);
    expect(hits).toHaveLength(1);
    const words = hits[0]!.highlights.map(([s, e]) => hits[0]!.snippet.slice(s, e));
    expect(words.length).toBeGreaterThan(0);
    // Marked as written in the article (with or without hamza, with prefixes), all of the same stem.
    expect(words).toContain('للامن');
    expect(words.every((w) => analyzeWord(w)?.stem === 'امن')).toBe(true);
    expect(Object.keys(hits[0]!).sort()).toEqual(['highlights', 'id', 'score', 'snippet', 'title']);
  });

  it('runs the built program, newer than every source file, and the sources the same way with SAHIFA_FROM_SOURCE=1', () => {
    const built = path.resolve('out', 'cli', 'sahifa.mjs');
    expect(sahifa(['--library', lib, 'stats']).status).toBe(0);
    const newestSource = (folder: string): number =>
      Math.max(
        ...fs.readdirSync(folder, { withFileTypes: true }).map((entry) =>
          entry.isDirectory() ? newestSource(path.join(folder, entry.name)) : fs.statSync(path.join(folder, entry.name)).mtimeMs,
        ),
      );
    expect(fs.statSync(built).mtimeMs).toBeGreaterThan(newestSource(path.resolve('main')));
    // The bundle holds the command line itself; the importers are a chunk only `import` loads.
    expect(fs.readFileSync(built, 'utf8')).toContain('sahifa [--library FILE]');
    expect(fs.readFileSync(built, 'utf8')).not.toContain('Readability');
    const fromSource = sahifa(['--library', lib, 'stats', '--json'], { SAHIFA_FROM_SOURCE: '1' });
    expect(JSON.parse(fromSource.stdout)).toEqual(sahifaJson(['--library', lib, 'stats']));
  });

  it('reports a re-import as a duplicate and changes nothing', () => {
    const report = sahifaJson<{ imported: number; duplicates: number }>(['--library', lib, 'import', SAMPLE_ARTICLE]);
    expect(report).toMatchObject({ imported: 0, duplicates: 1 });
    expect(sahifaJson(['--library', lib, 'stats'])).toEqual({ articles: 1, bookmarks: 0 });
  });

  it('shows the article with its text exactly as in the file, right-to-left Arabic', () => {
    const [item] = sahifaJson<{ id: number }[]>(['--library', lib, 'list']);
    const shown = sahifaJson<Record<string, unknown>>(['--library', lib, 'show', String(item!.id)]);
    expect(shown.text).toBe(fs.readFileSync(SAMPLE_ARTICLE, 'utf8'));
    expect(shown).toMatchObject({ lang: 'ar', dir: 'rtl', bookmarked: false });
    expect(String(shown.title)).toMatch(/^وأكد شمخاني/);
    expect(Object.keys(shown).sort()).toEqual(
      ['bookmarked', 'byline', 'dir', 'id', 'imported', 'lang', 'published', 'source', 'text', 'title', 'url'].sort(),
    );
  });

  it('bookmarks, lists bookmarks and unbookmarks', () => {
    const [item] = sahifaJson<{ id: number }[]>(['--library', lib, 'list']);
    const id = String(item!.id);
    expect(sahifa(['--library', lib, 'bookmark', id]).status).toBe(0);
    expect(sahifaJson<{ bookmarked: boolean }[]>(['--library', lib, 'list', '--bookmarked'])).toHaveLength(1);
    expect(sahifaJson(['--library', lib, 'stats'])).toEqual({ articles: 1, bookmarks: 1 });
    expect(sahifa(['--library', lib, 'unbookmark', id]).status).toBe(0);
    expect(sahifaJson(['--library', lib, 'list', '--bookmarked'])).toEqual([]);
  });

  it('imports legacy Arabic encodings and reports what it cannot import, exit 1', () => {
    const folder = path.join(dir, 'mixed');
    fs.mkdirSync(path.join(folder, 'deeper'), { recursive: true });
    fs.copyFileSync(path.join(CORPUS, 'encodings/derived/saudinewsnet_article.windows-1256.txt'), path.join(folder, 'a.txt'));
    fs.copyFileSync(path.join(CORPUS, 'encodings/uchardet/ar_iso-8859-6.txt'), path.join(folder, 'deeper', 'b.txt'));
    fs.writeFileSync(path.join(folder, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const result = sahifa(['--library', lib, 'import', folder, '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { imported: number; failed: { path: string; error: string }[] };
    expect(report.imported).toBe(2);
    // Each failure with its path, the code the app translates, the English line and the code's values.
    expect(report.failed).toEqual([{ path: path.join(folder, 'picture.png'), code: 'unsupported-format', error: 'unsupported format (image)', detail: { format: 'image' } }]);
  });

  it('names a feed\'s failed items by number, for a script and for a reader', () => {
    const feed = path.join(dir, 'feed.xml');
    fs.writeFileSync(feed, `<rss><channel><title>F</title>
      <item><title>الأول</title><description>نص</description></item>
      <item><link>http://example.com/only-a-link</link></item>
      <item><title>الثالث</title></item></channel></rss>`);
    const own = path.join(dir, 'feed-library.sqlite'); // the other tests count the shared library's articles
    const json = sahifa(['--library', own, 'import', feed, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ imported: 2, duplicates: 0, failed: [{ path: feed, item: 2, code: 'feed-item-empty', error: 'empty item' }], notes: [] });
    const text = sahifa(['--library', own, 'import', feed]);
    expect(text.stdout).toBe(['imported 0, duplicates 2, failed 1', `  ${feed} › item 2: empty item`, ''].join('\n'));
  });

  it('says which files had their encoding overridden or their text restored, and still exits 0', () => {
    const folder = path.join(dir, 'garbled');
    fs.mkdirSync(folder);
    const article = fs.readFileSync(path.join(CORPUS, 'encodings/derived/saudinewsnet_article.utf8.txt'), 'utf8');
    // The article's UTF-8 read as windows-1256 and saved that way: ظˆط²ط§ط±ط©…
    fs.writeFileSync(path.join(folder, 'garbled.txt'), new TextDecoder('windows-1256').decode(Buffer.from(article)));
    fs.writeFileSync(path.join(folder, 'page.html'), `<html><head><meta charset="windows-1256"><title>خبر</title></head><body><article><p>${article}</p></article></body></html>`);
    const result = sahifa(['--library', path.join(dir, 'garbled.sqlite'), 'import', folder]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual(expect.arrayContaining([
      `  note: ${path.join(folder, 'garbled.txt')}: garbled text restored (UTF-8 that had been read as windows-1256)`,
      `  note: ${path.join(folder, 'page.html')}: declared as windows-1256, but the text is UTF-8: read as UTF-8`,
    ]));
    // Both are found by their Arabic words.
    const hits = sahifaJson<Hit[]>(['--library', path.join(dir, 'garbled.sqlite'), 'search', 'برلمان']);
    expect(hits).toHaveLength(2);
  });

  it('prints each file it cannot import on its own line, with the English reason', () => {
    const folder = path.join(dir, 'bad');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'empty.txt'), '');
    fs.writeFileSync(path.join(folder, 'style.css'), 'body { color: red }');
    const result = sahifa(['--library', lib, 'import', folder]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe([
      'imported 0, duplicates 0, failed 2',
      `  ${path.join(folder, 'empty.txt')}: not an article file (it is empty)`,
      `  ${path.join(folder, 'style.css')}: unsupported format (.css)`,
      '',
    ].join('\n'));
  });

  it('pages search results and counts them', () => {
    const total = Number(sahifa(['--library', lib, 'search', 'في', '--count']).stdout.trim());
    expect(total).toBeGreaterThanOrEqual(2);
    const firstPage = sahifaJson<Hit[]>(['--library', lib, 'search', 'في', '--limit', '1']);
    const secondPage = sahifaJson<Hit[]>(['--library', lib, 'search', 'في', '--limit', '1', '--offset', '1']);
    expect(firstPage).toHaveLength(1);
    expect(secondPage[0]!.id).not.toBe(firstPage[0]!.id);
  });

  it('sorts search results newest first with --sort date, as the list orders them, and refuses another sort', () => {
    const byDate = sahifaJson<Hit[]>(['--library', lib, 'search', 'في', '--sort', 'date', '--limit', '100']).map((hit) => hit.id);
    const listed = sahifaJson<{ id: number }[]>(['--library', lib, 'list', '--limit', '100']).map((a) => a.id);
    expect(byDate.length).toBeGreaterThanOrEqual(2);
    expect(byDate).toEqual(listed.filter((id) => byDate.includes(id)));
    expect(sahifa(['--library', lib, 'search', 'في', '--sort', 'oldest']).status).toBe(2);
  });

  it('filters search by source, language and dates, and refuses a malformed date', () => {
    // The three articles so far: no source, Arabic, imported today.
    expect(Number(sahifa(['--library', lib, 'search', 'في', '--count', '--lang', 'ar']).stdout.trim())).toBeGreaterThanOrEqual(2);
    expect(sahifa(['--library', lib, 'search', 'في', '--count', '--lang', 'he']).stdout.trim()).toBe('0');
    expect(sahifa(['--library', lib, 'search', 'في', '--count', '--source', 'okaz']).stdout.trim()).toBe('0');
    expect(sahifa(['--library', lib, 'search', 'في', '--count', '--to', '2015-12-31']).stdout.trim()).toBe('0');
    expect(sahifa(['--library', lib, 'search', 'في', '--from', '31/12/2015']).status).toBe(2);
  });

  it('gives one line and a non-zero exit for a missing id, never a stack trace', () => {
    const result = sahifa(['--library', lib, 'show', '999999']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('sahifa: there is no article 999999 in the library');
  });

  it('lists every format the importer reads in its help', () => {
    // How the help names each format that has a parser; a format added without a name here fails.
    const named: Partial<Record<Format, RegExp>> = {
      txt: /\.txt/, md: /Markdown \(\.md\)/, html: /\.html/, mhtml: /\.mhtml/, feed: /RSS, Atom, RDF/, xml: /RSS, Atom, RDF/,
      'json feed': /JSON Feed/, json: /Sahifa's own JSON articles \(\.json\)/, epub: /EPUB/, zip: /zip archives \(\.zip\)/,
    };
    const help = sahifa(['--help']).stdout;
    const imported = FORMATS.filter((format) => parserFor(format) !== undefined);
    expect(imported.length).toBeGreaterThanOrEqual(10);
    for (const format of imported) expect(help, format).toMatch(named[format] ?? /no name for this format/);
  });

  it('refuses bad usage with exit 2', () => {
    expect(sahifa(['--library', lib, 'frobnicate']).status).toBe(2);
    expect(sahifa(['--library', lib, 'show', 'abc']).status).toBe(2);
    expect(sahifa(['--library', lib, 'list', '--limit', '-3']).status).toBe(2);
    expect(sahifa(['--library', lib, '--no-such-flag', 'stats']).status).toBe(2);
  });

  it('refuses a library from a newer version without touching it', () => {
    const newer = path.join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(newer);
    const result = sahifa(['--library', newer, 'stats']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/newer version of Sahifa/);
    expect(fs.readFileSync(newer).equals(before)).toBe(true);
  });

  it('refuses an unreadable library file with one line', () => {
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all '.repeat(300));
    const result = sahifa(['--library', junk, 'list']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/junk\.sqlite is not a Sahifa library/);
  });

  it('uses SAHIFA_LIBRARY when --library is not given', () => {
    const envLib = path.join(dir, 'env', 'library.sqlite');
    expect(sahifaJson(['stats'], { SAHIFA_LIBRARY: envLib })).toEqual({ articles: 0, bookmarks: 0 });
    expect(fs.existsSync(envLib)).toBe(true);
  });

  it('backs up, exports and restores the library', () => {
    const backup = path.join(dir, 'backups', 'library-backup.sqlite');
    expect(sahifaJson<{ articles: number }>(['--library', lib, 'backup', backup]).articles).toBe(3);
    const exported = sahifaJson<{ exported: number }>(['--library', lib, 'export', '--all', '--format', 'json', '--out', path.join(dir, 'exported')]);
    expect(exported.exported).toBe(3);
    expect(sahifa(['--library', lib, 'export', '--all', '--format', 'pdf', '--out', dir]).status).toBe(2);

    const fresh = path.join(dir, 'restored.sqlite');
    const restored = sahifaJson<{ articles: number; previous: string | null }>(['--library', fresh, 'restore', backup]);
    expect(restored).toMatchObject({ articles: 3, previous: null });
    expect(sahifaJson(['--library', fresh, 'stats'])).toEqual(sahifaJson(['--library', lib, 'stats']));
  });
});
