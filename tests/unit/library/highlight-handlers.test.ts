/**
 * The contract's highlight methods, called as the app calls them (invokeMethod: schema, handler,
 * errors), on a real news article.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsArticle } from '../../../bench/corpora';
import type { ExportResult, Highlight, HighlightListItem, Page, SearchHit } from '../../../common';
import { createHandlers, invokeMethod, type Handlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { newsArticles } from '../../fixtures/corpus';

let dir: string;
let library: Library;
let handlers: Handlers;
let ids: number[];
const articles = newsArticles(100)
  .map(newsArticle)
  .filter((a) => a.text.length > 1000)
  .slice(0, 2);

async function call<T>(name: string, input: unknown): Promise<T> {
  const outcome = await invokeMethod(handlers, name, input);
  if ('error' in outcome) throw new Error(`${name}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-highlight-handlers-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  ids = library.addArticles(articles).ids;
  handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('highlight methods', () => {
  it('add, draw, recolour, annotate, list, search and remove', async () => {
    const added = await call<Highlight>('addHighlight', { article: ids[0], start: 50, end: 120, color: 'blue' });
    expect(added).toMatchObject({ article: ids[0], start: 50, end: 120, quote: articles[0]!.text.slice(50, 120), color: 'blue', note: null });
    expect(await call<Highlight[]>('articleHighlights', { id: ids[0] })).toEqual([added]);

    const noted = await call<Highlight>('updateHighlight', { id: added.id, color: 'pink', note: 'يستحق المتابعة عن المستشرقين' });
    expect(noted).toMatchObject({ color: 'pink', note: 'يستحق المتابعة عن المستشرقين' });
    library.setTags(ids[0]!, ['متابعة']);
    const listed = await call<Page<HighlightListItem>>('listHighlights', { tag: 'متابعة', color: 'pink' });
    expect(listed.items.map((h) => [h.id, h.title])).toEqual([[added.id, articles[0]!.title]]);
    expect((await call<Page<HighlightListItem>>('listHighlights', { color: 'green' })).total).toBe(0);

    const found = await call<Page<SearchHit>>('search', { query: 'مستشرق' });
    expect(found.items.map((h) => h.id)).toEqual([ids[0]]);
    const highlighted = await call<Page<SearchHit>>('search', { query: 'في', highlighted: true });
    expect(highlighted.items.map((h) => h.id)).toEqual([ids[0]]);

    expect(await call('removeHighlight', { id: added.id })).toEqual({ id: added.id, article: ids[0] });
    expect(await call<Highlight[]>('articleHighlights', { id: ids[0] })).toEqual([]);
  });

  it('answers a one-line reason for offsets outside the text, and not-found for unknown ids', async () => {
    const outside = await invokeMethod(handlers, 'addHighlight', { article: ids[0], start: 10, end: 10_000_000 });
    expect(outside).toEqual({ error: { code: 'failed', message: expect.stringMatching(/outside the text/) as string } });
    const unknown = await invokeMethod(handlers, 'updateHighlight', { id: '6f1c2a3e-9a0b-4c7d-8e5f-1a2b3c4d5e6f', color: 'green' });
    expect(unknown).toMatchObject({ error: { code: 'not-found' } });
    expect(await invokeMethod(handlers, 'articleHighlights', { id: 999_999 })).toMatchObject({ error: { code: 'not-found' } });
  });

  it('exports an article’s highlights as a Markdown note the browser mode downloads', async () => {
    const h = await call<Highlight>('addHighlight', { article: ids[1], start: 0, end: 40, note: 'مهم' });
    const result = await call<ExportResult>('exportHighlights', { article: ids[1], format: 'md' });
    expect(result).toMatchObject({ kind: 'content', mimeType: 'text/markdown' });
    if (result.kind !== 'content') throw new Error('expected content');
    expect(result.fileName).toMatch(/-highlights\.md$/);
    expect(result.content).toContain(`title: ${JSON.stringify(articles[1]!.title)}`);
    expect(result.content).toContain(`> ${h.quote.trim().split('\n')[0]!.trim()}\n`);
    expect(result.content).toContain('\n\nمهم\n');
    const json = await call<ExportResult>('exportHighlights', { format: 'json' });
    if (json.kind !== 'content') throw new Error('expected content');
    expect(JSON.parse(json.content)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
  });
});
