/**
 * The highlight commands of `sahifa`, run as a user runs them, on real news articles: the exact
 * output shapes, the errors, search in notes, and the exports (Markdown for Obsidian, W3C JSON).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsArticle } from '../../../bench/corpora';
import { Library } from '../../../main/library/library';
import type { Highlight, NewArticle } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';
import { sahifa, sahifaJson } from './helpers';

let dir: string;
let lib: string;
let articles: NewArticle[];
let ids: number[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-cli-highlights-'));
  lib = path.join(dir, 'library.sqlite');
  articles = newsArticles(200)
    .map(newsArticle)
    .filter((a) => a.text.length > 1500 && !a.text.includes('مستشرق'))
    .slice(0, 3);
  const library = Library.open(lib);
  ids = library.addArticles(articles).ids;
  library.setTags(ids[0]!, ['اقتصاد', 'أسواق المال']);
  library.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the command prints for a highlight: the library's shape without `updated` and `orphaned`, plus the title in lists. */
type HighlightOut = Omit<Highlight, 'updated' | 'orphaned'> & { title?: string };

describe('sahifa highlight, highlights, unhighlight', () => {
  let first: HighlightOut;

  it('highlights a passage by the offsets of `show`, and prints the highlight', () => {
    const { text } = sahifaJson<{ text: string }>(['--library', lib, 'show', String(ids[0])]);
    first = sahifaJson<HighlightOut>(['--library', lib, 'highlight', String(ids[0]), '--start', '120', '--end', '200', '--color', 'green', '--note', 'رأي المستشرقين في السوق']);
    expect(Object.keys(first)).toEqual(['id', 'article', 'start', 'end', 'quote', 'prefix', 'suffix', 'color', 'note', 'created']);
    expect(first).toMatchObject({ article: ids[0], start: 120, end: 200, quote: text.slice(120, 200), color: 'green', note: 'رأي المستشرقين في السوق' });
    expect(first.prefix).toBe(text.slice(88, 120));
    expect(first.suffix).toBe(text.slice(200, 232));
  });

  it('exits 1 with a one-line reason for offsets outside the text or an empty range', () => {
    const outside = sahifa(['--library', lib, 'highlight', String(ids[1]), '--start', '10', '--end', '999999']);
    expect(outside.status).toBe(1);
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
    expect(outside.stderr).toMatch(/outside the text/);
    const empty = sahifa(['--library', lib, 'highlight', String(ids[1]), '--start=40', '--end=40']);
    expect(empty.status).toBe(1);
    expect(empty.stderr.trim()).toMatch(/^sahifa: .*empty$/);
    const colour = sahifa(['--library', lib, 'highlight', String(ids[1]), '--start=4', '--end=40', '--color', 'red']);
    expect(colour.status).toBe(2);
    expect(sahifaJson<unknown[]>(['--library', lib, 'highlights'])).toHaveLength(1);
  });

  it('lists highlights newest first with their article titles, filtered by article and colour', () => {
    const second = sahifaJson<HighlightOut>(['--library', lib, 'highlight', String(ids[1]), '--start', '0', '--end', '30']);
    const all = sahifaJson<HighlightOut[]>(['--library', lib, 'highlights']);
    expect(all.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(all[1]).toEqual({ ...first, title: articles[0]!.title });
    expect(sahifaJson<HighlightOut[]>(['--library', lib, 'highlights', '--color', 'yellow']).map((h) => h.id)).toEqual([second.id]);
    expect(sahifaJson<HighlightOut[]>(['--library', lib, 'highlights', '--article', String(ids[0])]).map((h) => h.id)).toEqual([first.id]);
  });

  it('search finds the note and can be limited to highlighted articles', () => {
    const byNote = sahifaJson<{ id: number; snippet: string }[]>(['--library', lib, 'search', 'مستشرق']);
    expect(byNote.map((h) => h.id)).toEqual([ids[0]]);
    expect(byNote[0]!.snippet).toContain('المستشرقين');
    const highlighted = sahifaJson<{ id: number }[]>(['--library', lib, 'search', 'في', '--highlighted', '--limit', '50']);
    expect(highlighted.map((h) => h.id).sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('exports one article as a Markdown note ready for Obsidian', () => {
    const out = path.join(dir, 'note.md');
    const result = sahifa(['--library', lib, 'export', '--highlights', '--format', 'md', '--out', out, '--article', String(ids[0])]);
    expect(result.status, result.stderr).toBe(0);
    const a = articles[0]!;
    const shown = sahifaJson<{ imported: string }>(['--library', lib, 'show', String(ids[0])]);
    const expected = [
      '---',
      `title: ${JSON.stringify(a.title)}`,
      `source: ${JSON.stringify(a.source)}`,
      `url: ${JSON.stringify(a.url)}`,
      `published: ${JSON.stringify(a.published)}`,
      `imported: ${JSON.stringify(shown.imported)}`,
      'tags:',
      '  - "أسواق-المال"',
      '  - "اقتصاد"',
      '---',
      '',
      `# ${a.title}`,
      '',
      ...first.quote.trim().split('\n').map((line) => (line.trim() ? `> ${line.trim()}` : '>')),
      '',
      'رأي المستشرقين في السوق',
      '',
    ].join('\n');
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
  });

  it('exports every highlight as W3C Web Annotations, and one file per article into a folder', () => {
    const out = path.join(dir, 'all.json');
    expect(sahifa(['--library', lib, 'export', '--highlights', '--format', 'json', '--out', out]).status).toBe(0);
    const collection = JSON.parse(fs.readFileSync(out, 'utf8')) as { type: string; total: number; first: { items: Record<string, unknown>[] } };
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 });
    const annotation = collection.first.items.find((a) => a['id'] === `urn:uuid:${first.id}`)!;
    expect(annotation).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'رأي المستشرقين في السوق', purpose: 'commenting' },
      target: {
        source: articles[0]!.url,
        styleClass: 'green',
        selector: [
          { type: 'TextPositionSelector', start: 120, end: 200 },
          { type: 'TextQuoteSelector', exact: first.quote, prefix: first.prefix, suffix: first.suffix },
        ],
      },
    });
    const folder = path.join(dir, 'notes');
    const report = sahifaJson<{ files: string[] }>(['--library', lib, 'export', '--highlights', '--format', 'md', '--out', folder]);
    expect(report.files).toHaveLength(2);
    expect(fs.readdirSync(folder)).toHaveLength(2);
    // Several articles in one Markdown file: a digest, a section per article.
    const digest = path.join(dir, 'digest.md');
    expect(sahifa(['--library', lib, 'export', '--highlights', '--format', 'md', '--out', digest]).status).toBe(0);
    const sections = fs.readFileSync(digest, 'utf8').split('\n').filter((line) => line.startsWith('## '));
    expect(sections.sort()).toEqual([`## ${articles[0]!.title}`, `## ${articles[1]!.title}`].sort());
  });

  it('export --all keeps highlights: its files import into a new library with them', () => {
    const folder = path.join(dir, 'all');
    expect(sahifa(['--library', lib, 'export', '--all', '--format', 'json', '--out', folder]).status).toBe(0);
    const other = path.join(dir, 'other.sqlite');
    expect(sahifaJson<{ imported: number }>(['--library', other, 'import', folder]).imported).toBe(3);
    const back = sahifaJson<HighlightOut[]>(['--library', other, 'highlights']);
    expect(back.map(({ id, quote, note, color }) => ({ id, quote, note, color })).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      sahifaJson<HighlightOut[]>(['--library', lib, 'highlights']).map(({ id, quote, note, color }) => ({ id, quote, note, color })).sort((x, y) => x.id.localeCompare(y.id)),
    );
  });

  it('unhighlight removes a highlight; an unknown id exits 1', () => {
    expect(sahifaJson(['--library', lib, 'unhighlight', first.id])).toEqual({ id: first.id, removed: true });
    expect(sahifaJson<HighlightOut[]>(['--library', lib, 'highlights']).map((h) => h.id)).not.toContain(first.id);
    const again = sahifa(['--library', lib, 'unhighlight', first.id]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/no highlight/);
  });
});
