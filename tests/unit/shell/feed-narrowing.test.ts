/**
 * The list, the search and the highlights narrow to one subscription or to a folder of them (with
 * the folders inside it), through the same contract the renderer calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod, type Handlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { prepareArticle } from '../../../main/library/prepare';
import type { ArticleSummary, HighlightListItem, Page, SearchHit } from '../../../common';
import { sourcedNews } from '../library/helpers';

let dir: string;
let library: Library;
let handlers: Handlers;
const feedIds: Record<'gulf' | 'egypt' | 'loose', number> = { gulf: 0, egypt: 0, loose: 0 };
const titles: Record<'gulf' | 'egypt' | 'loose', string[]> = { gulf: [], egypt: [], loose: [] };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-feed-narrowing-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
  const store = library.feeds();
  const news = sourcedNews(9);
  const placement = { gulf: store.ensureFolder('أخبار / الخليج'), egypt: store.ensureFolder('أخبار / مصر'), loose: null };
  (['gulf', 'egypt', 'loose'] as const).forEach((name, n) => {
    const { feed } = store.add({ url: `https://example.com/${name}.xml`, title: name, folderId: placement[name] });
    feedIds[name] = feed.id;
    const items = news.slice(n * 3, n * 3 + 3).map((article, i) => ({ key: `id:${name}-${i}`, hash: `${name}-${i}`, article }));
    titles[name] = items.map((i) => i.article.title);
    const plans = store.items.plan(feed.id, items).filter((p) => p.kind !== 'same');
    store.items.apply(feed.id, plans.map((plan) => ({ plan, prepared: prepareArticle(plan.item.article) })));
  });
  library.addArticles(sourcedNews(12).slice(9).map((a) => ({ ...a, title: `ملف ${a.title}` })));
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: Parameters<typeof invokeMethod>[1], input: unknown): Promise<T> {
  const outcome = await invokeMethod(handlers, method, input);
  expect(outcome).not.toHaveProperty('error');
  return (outcome as { result: T }).result;
}

const sorted = (values: string[]) => [...values].sort();

describe('narrowing to a feed or a folder', () => {
  it('lists one feed’s articles, or every feed’s in a folder and the folders inside it', async () => {
    const one = await call<Page<ArticleSummary>>('listArticles', { feed: feedIds.egypt });
    expect(sorted(one.items.map((a) => a.title))).toEqual(sorted(titles.egypt));
    const news = await call<Page<ArticleSummary>>('listArticles', { folder: library.feeds().findFolder('أخبار')! });
    expect(sorted(news.items.map((a) => a.title))).toEqual(sorted([...titles.gulf, ...titles.egypt]));
    const all = await call<Page<ArticleSummary>>('listArticles', {});
    expect(all.total).toBe(12);
  });

  it('finds nothing for a feed outside the folder it is asked within', async () => {
    const page = await call<Page<ArticleSummary>>('listArticles', { feed: feedIds.loose, folder: library.feeds().findFolder('أخبار')! });
    expect(page.total).toBe(0);
  });

  it('searches within a feed', async () => {
    const word = titles.gulf[0]!.split(/\s+/).find((w) => w.length > 3)!;
    const everywhere = await call<Page<SearchHit>>('search', { query: word });
    const inGulf = await call<Page<SearchHit>>('search', { query: word, feed: feedIds.gulf });
    expect(inGulf.total).toBeGreaterThan(0);
    expect(inGulf.items.every((hit) => titles.gulf.includes(hit.title))).toBe(true);
    expect(everywhere.total).toBeGreaterThanOrEqual(inGulf.total);
  });

  it('lists the highlights of a folder’s articles only', async () => {
    const [gulfArticle] = (await call<Page<ArticleSummary>>('listArticles', { feed: feedIds.gulf })).items;
    const [fileArticle] = (await call<Page<ArticleSummary>>('listArticles', { source: undefined, limit: 50 })).items.filter((a) => a.title.startsWith('ملف'));
    await call('addHighlight', { article: gulfArticle!.id, start: 0, end: 20 });
    await call('addHighlight', { article: fileArticle!.id, start: 0, end: 20 });
    const inFolder = await call<Page<HighlightListItem>>('listHighlights', { folder: library.feeds().findFolder('أخبار / الخليج')! });
    expect(inFolder.items.map((h) => h.article)).toEqual([gulfArticle!.id]);
    expect((await call<Page<HighlightListItem>>('listHighlights', {})).total).toBe(2);
  });
});
