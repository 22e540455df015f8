/**
 * What the renderer's controllers run against in unit tests: a host that counts the updates it is
 * asked for, and a library in memory behind the SahifaApi contract (real SaudiNewsNet articles),
 * which records every call. Imports are driven by the test (each call waits for `finishImport`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArticleSummary, ArticleView, FeedInfo, Highlight, ImportReport, SahifaApi, SahifaEvent, SearchHit } from '../../../../common';
import { defaultSettings } from '../../../../common';
import { newsArticles } from '../../../fixtures/corpus';

export class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller), 1);
  }

  requestUpdate(): void {
    this.updates++;
  }

  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }

  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

export interface StoredArticle extends ArticleView {
  deleted: boolean;
  /** The subscription it came from, null for a file. */
  feed: number | null;
}

/** A subscription of the fake library, without its counts (listFeeds counts them). */
export type StoredFeed = Omit<FeedInfo, 'articles' | 'unread'>;

export interface Call {
  method: string;
  input: unknown;
}

/** Lets every pending promise callback run (the fake answers at once, but through promises). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const summary = (a: StoredArticle): ArticleSummary => ({
  id: a.id,
  title: a.title,
  source: a.source,
  published: a.published,
  imported: a.imported,
  bookmarked: a.bookmarked,
  read: a.read,
  dir: a.dir,
  lang: a.lang,
  excerpt: a.excerpt,
});

export type FakeApi = SahifaApi & {
  readonly calls: Call[];
  readonly articles: StoredArticle[];
  /** The reader's highlights, removed ones included (they carry `removed`). */
  readonly highlights: (Highlight & { removed?: boolean })[];
  /** Subscriptions: feed 1 in the folder 1 "أخبار" (every third article from the first), feed 2 at the top (every third from the second). */
  readonly feeds: StoredFeed[];
  /** Calls to `method` so far, their inputs. */
  inputs(method: string): unknown[];
  /** Sends an event to the window, as main would. */
  send(event: SahifaEvent): void;
  /** Answers the oldest import still waiting (importPaths or importFileData) with `report`, or fails it. */
  finishImport(report: ImportReport | Error): void;
  /** Makes the next call to `method` fail with `message`. */
  failNext(method: string, message: string): void;
};

let corpus: ReturnType<typeof newsArticles> = [];
/** Read once per test file: the first articles of the corpus. */
function realArticles(count: number): ReturnType<typeof newsArticles> {
  if (corpus.length < count) corpus = newsArticles(count);
  return corpus.slice(0, count);
}

/**
 * A library of `count` real news articles (ids 1..count, newest first by id), none read or bookmarked.
 */
export function fakeApi(count = 60, shell: 'browser' | 'electron' = 'browser'): FakeApi {
  const articles: StoredArticle[] = realArticles(count).map((news, i) => ({
    id: i + 1,
    title: news.title,
    source: news.source,
    published: news.date_extracted,
    imported: '2026-11-30T07:00:00Z',
    bookmarked: false,
    read: false,
    dir: 'rtl',
    lang: 'ar',
    excerpt: news.content.slice(0, 120),
    byline: news.author || null,
    url: news.url,
    text: news.content,
    html: null,
    markdown: null,
    origin: null,
    note: null,
    tags: [],
    position: 0,
    highlights: [],
    titleHighlights: [],
    deleted: false,
    feed: i % 3 === 0 ? 1 : i % 3 === 1 ? 2 : null,
  }));
  const feedDefaults = { site: null, lastChecked: '2026-11-30T07:00:00Z', lastError: null, errorCode: null, paused: null, pausedByReader: false, intervalMinutes: 60, fullText: false, images: true, retentionDays: null, suggestFullText: false };
  const feeds: StoredFeed[] = [
    { ...feedDefaults, id: 1, title: 'سبق', url: 'https://sabq.example/feed', folder: 1 },
    { ...feedDefaults, id: 2, title: 'Arab News — الرياض', url: 'https://arabnews.example/rss', folder: null },
  ];
  const folders: { id: number; name: string; parent: number | null; deleted?: boolean }[] = [{ id: 1, name: 'أخبار', parent: null }];
  const liveFolders = () => folders.filter((f) => !f.deleted);
  const feedsOf = (input: { feed?: number; folder?: number }): number[] | null =>
    input.feed !== undefined ? [input.feed] : input.folder !== undefined ? feeds.filter((f) => f.folder === input.folder).map((f) => f.id) : null;
  const calls: Call[] = [];
  const highlights: (Highlight & { removed?: boolean })[] = [];
  const findHighlight = (id: string) => {
    const highlight = highlights.find((h) => h.id === id && !h.removed);
    if (highlight === undefined) throw new Error(`there is no highlight ${id}`);
    return highlight;
  };
  const bare = ({ removed: _removed, ...highlight }: Highlight & { removed?: boolean }): Highlight => highlight;
  const failures = new Map<string, string>();
  const listeners = new Set<(event: SahifaEvent) => void>();
  const imports: ((result: ImportReport | Error) => void)[] = [];

  const live = () => articles.filter((a) => !a.deleted);
  const find = (id: number): StoredArticle => {
    const article = live().find((a) => a.id === id);
    if (article === undefined) throw new Error(`article ${id} not found`);
    return article;
  };
  /** Records the call, fails it if asked to, and answers asynchronously like IPC. */
  const call = async <T>(method: string, input: unknown, answer: () => T): Promise<T> => {
    calls.push({ method, input });
    await Promise.resolve();
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      throw new Error(failure);
    }
    return answer();
  };
  const narrow = (list: StoredArticle[], input: { unread?: boolean; tag?: string; source?: string; feed?: number; folder?: number }) => {
    const inFeeds = feedsOf(input);
    return list.filter(
      (a) =>
        (!input.unread || !a.read) &&
        (input.tag === undefined || a.tags.includes(input.tag)) &&
        (input.source === undefined || a.source === input.source) &&
        (inFeeds === null || (a.feed !== null && inFeeds.includes(a.feed))),
    );
  };
  const waitForImport = (method: string, input: unknown): Promise<ImportReport> => {
    calls.push({ method, input });
    return new Promise((resolve, reject) => imports.push((result) => (result instanceof Error ? reject(result) : resolve(result))));
  };

  const api: FakeApi = {
    shell,
    calls,
    articles,
    highlights,
    feeds,
    inputs: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    send: (event) => listeners.forEach((listener) => listener(event)),
    finishImport: (result) => {
      const next = imports.shift();
      if (next === undefined) throw new Error('no import is waiting');
      next(result);
    },
    failNext: (method, message) => failures.set(method, message),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...(shell === 'electron' ? { getPathForFile: (file: File) => `/dropped/${file.name}` } : {}),

    listArticles: (input) =>
      call('listArticles', input, () => {
        const { offset = 0, limit = 50 } = input;
        let list = narrow(live(), input);
        if (input.filter === 'bookmarked') list = list.filter((a) => a.bookmarked);
        if (input.sort === 'title') list = [...list].sort((a, b) => a.title.localeCompare(b.title, 'ar'));
        else list = [...list].sort((a, b) => b.id - a.id);
        return { total: list.length, offset, items: list.slice(offset, offset + limit).map(summary) };
      }),
    search: (input) =>
      call('search', input, () => {
        const { offset = 0, limit = 50 } = input;
        let list = narrow(live(), input).filter((a) => (!input.bookmarked || a.bookmarked) && (a.title.includes(input.query) || a.text.includes(input.query)));
        // Newest first, as the library list orders the fake's articles.
        if (input.sort === 'date') list = [...list].sort((a, b) => b.id - a.id);
        const hits: SearchHit[] = list.map((a) => ({ ...summary(a), snippet: a.excerpt, highlights: [], titleHighlights: [], score: 1 }));
        return { total: hits.length, offset, items: hits.slice(offset, offset + limit) };
      }),
    getArticle: (input) =>
      call('getArticle', input, () => {
        const { deleted: _deleted, ...view } = find(input.id);
        const at = input.query === undefined ? -1 : view.text.indexOf(input.query);
        return { ...view, highlights: at < 0 || input.query === undefined ? [] : [[at, at + input.query.length]] };
      }),
    setBookmark: (input) =>
      call('setBookmark', input, () => {
        find(input.id).bookmarked = input.bookmarked;
        return { id: input.id, bookmarked: input.bookmarked };
      }),
    stats: (input) => call('stats', input, () => ({ articles: live().length, bookmarks: live().filter((a) => a.bookmarked).length })),
    importPaths: (input) => waitForImport('importPaths', input),
    importFileData: (input) => waitForImport('importFileData', input),
    pickAndImport: (input) => call('pickAndImport', input, () => ({ supported: false as const })),
    cancelImport: (input) => call('cancelImport', input, () => ({ cancelled: true })),
    openExternal: (input) => call('openExternal', input, () => ({ opened: true })),
    getSettings: (input) => call('getSettings', input, () => defaultSettings),
    updateSettings: (input) => call('updateSettings', input, () => ({ ...defaultSettings, ...input.settings })),
    saveReading: (input) =>
      call('saveReading', input, () => {
        const article = find(input.id);
        if (input.position !== undefined) article.position = input.position;
        if (input.read !== undefined) article.read = input.read;
        return { id: input.id, ...(input.read === undefined ? {} : { read: input.read }) };
      }),
    setNote: (input) =>
      call('setNote', input, () => {
        const article = find(input.id);
        article.note = input.note?.trim() || null;
        article.bookmarked = true;
        return { id: input.id, note: article.note, bookmarked: true };
      }),
    setTags: (input) =>
      call('setTags', input, () => {
        find(input.id).tags = [...new Set(input.tags)];
        return { id: input.id, tags: find(input.id).tags };
      }),
    listTags: (input) =>
      call('listTags', input, () => {
        const counts = new Map<string, number>();
        for (const a of live()) for (const tag of a.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
        return [...counts].map(([name, count]) => ({ name, count }));
      }),
    listSources: (input) =>
      call('listSources', input, () => {
        const counts = new Map<string | null, number>();
        for (const a of live()) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
        return [...counts].map(([source, count]) => ({ source, count }));
      }),
    exportArticle: (input) =>
      call('exportArticle', input, () => ({ kind: 'content' as const, fileName: `${input.id}.${input.format}`, mimeType: 'text/markdown', content: find(input.id).text })),
    deleteArticle: (input) =>
      call('deleteArticle', input, () => {
        const article = find(input.id);
        article.deleted = true;
        return { id: article.id, title: article.title };
      }),
    restoreArticle: (input) =>
      call('restoreArticle', input, () => {
        const article = articles.find((a) => a.id === input.id && a.deleted);
        if (article === undefined) throw new Error(`article ${input.id} cannot be restored`);
        article.deleted = false;
        return { id: article.id };
      }),
    articleHighlights: (input) =>
      call('articleHighlights', input, () => highlights.filter((h) => h.article === find(input.id).id && !h.removed).sort((a, b) => a.start - b.start).map(bare)),
    addHighlight: (input) =>
      call('addHighlight', input, () => {
        const { text } = find(input.article);
        if (input.start < 0 || input.end > text.length || input.start >= input.end) throw new Error(`the offsets ${input.start}–${input.end} are outside the text`);
        const now = new Date(Date.UTC(2026, 10, 30, 8, 0, highlights.length)).toISOString();
        const highlight: Highlight = {
          id: `00000000-0000-4000-8000-${String(highlights.length + 1).padStart(12, '0')}`,
          article: input.article,
          start: input.start,
          end: input.end,
          quote: text.slice(input.start, input.end),
          prefix: text.slice(Math.max(0, input.start - 32), input.start),
          suffix: text.slice(input.end, input.end + 32),
          color: input.color ?? 'yellow',
          note: input.note?.trim() || null,
          created: now,
          updated: now,
          orphaned: false,
        };
        highlights.push(highlight);
        return highlight;
      }),
    updateHighlight: (input) =>
      call('updateHighlight', input, () => {
        const highlight = findHighlight(input.id);
        if (input.color !== undefined) highlight.color = input.color;
        if (input.note !== undefined) highlight.note = input.note?.trim() || null;
        return bare(highlight);
      }),
    removeHighlight: (input) =>
      call('removeHighlight', input, () => {
        const highlight = findHighlight(input.id);
        highlight.removed = true;
        return { id: highlight.id, article: highlight.article };
      }),
    listHighlights: (input) =>
      call('listHighlights', input, () => {
        const { offset = 0, limit = 50 } = input;
        const list = highlights
          .filter((h) => !h.removed && (input.article === undefined || h.article === input.article) && (input.color === undefined || h.color === input.color))
          .filter((h) => {
            const article = find(h.article);
            return (
              (input.tag === undefined || article.tags.includes(input.tag)) &&
              (input.source === undefined || article.source === input.source) &&
              (input.feed === undefined || article.feed === input.feed)
            );
          })
          .sort((a, b) => (a.created < b.created ? 1 : -1));
        const items = list.slice(offset, offset + limit).map((h) => {
          const { title, source, published, imported } = find(h.article);
          return { ...bare(h), title, source, published, imported };
        });
        return { total: list.length, offset, items };
      }),
    exportHighlights: (input) =>
      call('exportHighlights', input, () => ({
        kind: 'content' as const,
        fileName: `highlights.${input.format}`,
        mimeType: input.format === 'md' ? 'text/markdown' : 'application/ld+json',
        content: highlights.filter((h) => !h.removed && (input.article === undefined || h.article === input.article)).map((h) => `> ${h.quote}`).join('\n\n'),
      })),
    listFeeds: (input) =>
      call('listFeeds', input, () => {
        const infos = feeds.map((f) => {
          const own = live().filter((a) => a.feed === f.id);
          return { ...f, articles: own.length, unread: own.filter((a) => !a.read).length };
        });
        const folderInfos = liveFolders().map(({ deleted: _, ...folder }) => ({ ...folder, unread: infos.filter((f) => f.folder === folder.id).reduce((n, f) => n + f.unread, 0) }));
        return { feeds: infos, folders: folderInfos, unread: infos.reduce((n, f) => n + f.unread, 0) };
      }),
    subscribe: (input) =>
      call('subscribe', input, () => {
        // An address whose path starts with /missing gives no feed, as a 404 would.
        if (new URL(input.url).pathname.startsWith('/missing')) return { failed: { reason: 'not-found' as const, message: `cannot subscribe to ${input.url}: not found (404)` } };
        const existing = feeds.find((f) => f.url === input.url);
        const feed = existing ?? { ...feedDefaults, id: feeds.length + 1, title: new URL(input.url).host, url: input.url, folder: null };
        if (!existing) feeds.push(feed);
        return { feed: { ...feed, articles: 0, unread: 0 }, existing: existing !== undefined, imported: 0 };
      }),
    unsubscribe: (input) =>
      call('unsubscribe', input, () => {
        const at = feeds.findIndex((f) => f.id === input.id);
        if (at < 0) throw new Error(`there is no feed ${input.id}`);
        feeds.splice(at, 1);
        let deleted = 0;
        for (const a of live()) {
          if (a.feed !== input.id) continue;
          a.feed = null;
          if (!input.keepArticles && !a.bookmarked && a.tags.length === 0) {
            a.deleted = true;
            deleted++;
          }
        }
        return { id: input.id, deleted };
      }),
    updateFeed: (input) =>
      call('updateFeed', input, () => {
        const feed = feeds.find((f) => f.id === input.id);
        if (feed === undefined) throw new Error(`there is no feed ${input.id}`);
        const { id: _id, paused, retentionDays, folder: _folder, ...rest } = input;
        Object.assign(feed, rest, paused === undefined ? {} : { paused: paused ? 'paused by the reader' : null, pausedByReader: paused }, retentionDays === undefined ? {} : { retentionDays });
        const own = live().filter((a) => a.feed === feed.id);
        return { ...feed, articles: own.length, unread: own.filter((a) => !a.read).length };
      }),
    refreshFeeds: (input) => call('refreshFeeds', input, () => ({ feeds: feedsOf(input)?.length ?? feeds.length })),
    markAllRead: (input) =>
      call('markAllRead', input, () => {
        const inFeeds = feedsOf(input);
        const ids = live()
          .filter((a) => a.feed !== null && !a.read && (inFeeds === null || inFeeds.includes(a.feed)))
          .map((a) => a.id);
        for (const id of ids) find(id).read = true;
        return { ids };
      }),
    markUnread: (input) =>
      call('markUnread', input, () => {
        for (const id of input.ids) find(id).read = false;
        return { marked: input.ids.length };
      }),
    savePage: (input) =>
      call('savePage', input, () => {
        const template = articles[0]!;
        const article: StoredArticle = { ...template, id: articles.length + 1, title: `صفحة ${input.url}`, url: input.url, feed: null, read: false, bookmarked: false, tags: [] };
        articles.push(article);
        return { id: article.id, imported: true, title: article.title };
      }),
    importOpml: (input) => call('importOpml', input, () => ({ added: 0, existing: 0, folders: 0 })),
    renameFolder: (input) =>
      call('renameFolder', input, () => {
        const folder = liveFolders().find((f) => f.id === input.id);
        if (folder === undefined) throw new Error(`there is no folder ${input.id}`);
        folder.name = input.name.trim();
        return { id: folder.id, name: folder.name };
      }),
    deleteFolder: (input) =>
      call('deleteFolder', input, () => {
        const folder = liveFolders().find((f) => f.id === input.id);
        if (folder === undefined) throw new Error(`there is no folder ${input.id}`);
        folder.deleted = true;
        const inside = feeds.filter((f) => f.folder === folder.id);
        const moved = liveFolders().filter((f) => f.parent === folder.id);
        if (input.unsubscribe) {
          for (const feed of inside) feeds.splice(feeds.indexOf(feed), 1);
          return { id: folder.id, feeds: [], folders: [], unsubscribed: inside.length, deleted: 0 };
        }
        for (const feed of inside) feed.folder = folder.parent;
        for (const f of moved) f.parent = folder.parent;
        return { id: folder.id, feeds: inside.map((f) => f.id), folders: moved.map((f) => ({ id: f.id, name: f.name, movedAs: f.name })), unsubscribed: 0, deleted: 0 };
      }),
    restoreFolder: (input) =>
      call('restoreFolder', input, () => {
        const folder = folders.find((f) => f.id === input.id && f.deleted);
        if (folder === undefined) throw new Error(`there is no deleted folder ${input.id}`);
        folder.deleted = false;
        for (const feed of feeds) if (input.feeds.includes(feed.id)) feed.folder = folder.id;
        for (const f of folders) if (input.folders.some((m) => m.id === f.id)) f.parent = folder.id;
        return { id: folder.id, name: folder.name };
      }),
    exportOpml: (input) => call('exportOpml', input, () => ({ kind: 'content' as const, fileName: 'sahifa-subscriptions.opml', mimeType: 'text/x-opml', content: '<opml/>' })),
  };
  return api;
}
