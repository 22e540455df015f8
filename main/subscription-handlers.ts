/**
 * The handlers of the subscription methods (listFeeds … exportOpml in common/contract.ts), on the
 * library's feed store (library/feeds.ts) and the fetching in main/subscriptions, as the command
 * line drives them (cli-subscriptions.ts). Subscribing and saving a page fetch here and return
 * once the articles are in; every other refresh runs on the background thread (feed-refresher.ts),
 * whose outcomes reach the window as events. No Electron here.
 */
import type { FeedInfo, FeedList, FolderInfo, MarkReadAge, MethodResult } from '../common';
import type { MethodArgs } from './contract';
import type { FeedRefresher } from './feed-refresher';
import { LibraryError } from './library/errors';
import type { Feed } from './library/feeds';
import type { Library } from './library/library';
import { exportOpml, importOpmlFeeds, OpmlError } from './subscriptions/opml';
import { feedErrorCode } from './subscriptions/feed-errors';
import { withRefreshContext } from './subscriptions/refresh';
import { savePage, subscribe } from './subscriptions/subscribe';

/** Why a feed the reader paused is paused (the command line says the same). */
export const PAUSED_BY_READER = 'paused by the reader';

const AGE_MS: Record<MarkReadAge, number> = { day: 86_400_000, week: 7 * 86_400_000 };

type SubscriptionMethod =
  | 'listFeeds'
  | 'subscribe'
  | 'unsubscribe'
  | 'updateFeed'
  | 'refreshFeeds'
  | 'markAllRead'
  | 'markUnread'
  | 'savePage'
  | 'importOpml'
  | 'exportOpml'
  | 'renameFolder'
  | 'deleteFolder'
  | 'restoreFolder';

export type SubscriptionHandlers = { [M in SubscriptionMethod]: (args: MethodArgs<M>) => Promise<MethodResult<M>> };

/** The shell's save dialog (handlers.ts Platform.saveFile); absent in the browser mode, which downloads. */
type SaveFile = (file: { defaultName: string; content: string; filterName: string; extensions: string[] }) => Promise<boolean>;

/**
 * The feed ids a narrowing to one feed or one folder (with the folders inside it) stands for;
 * undefined when it names neither.
 */
export function feedsOf(library: Library, feed: number | undefined, folder: number | undefined): number[] | undefined {
  if (feed === undefined && folder === undefined) return undefined;
  const feeds = library.feeds();
  const inFolder = folder === undefined ? null : new Set(feeds.feedIdsInFolder(folder));
  return feed === undefined ? [...(inFolder ?? [])] : inFolder === null || inFolder.has(feed) ? [feed] : [];
}

/** Whether a failure is the library's own (a locked or damaged library): it goes up as is, to be tried again. */
function libraryFailure(error: unknown): error is Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (typeof code === 'string' && code.startsWith('SQLITE_')) || error instanceof LibraryError;
}

/** A fetch's failure as one line naming what was asked. */
function readable(what: string, error: unknown): Error {
  if (libraryFailure(error)) return error;
  return new LibraryError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
}

export function createSubscriptionHandlers(library: Library, saveFile: SaveFile | undefined, refresher: FeedRefresher | undefined): SubscriptionHandlers {
  const store = () => library.feeds();

  const info = (feed: Feed): FeedInfo => ({
    id: feed.id,
    title: feed.title,
    url: feed.url,
    site: feed.site,
    folder: feed.folderId,
    articles: feed.articles,
    unread: feed.unread,
    lastChecked: feed.lastChecked,
    lastError: feed.lastError,
    errorCode: feed.errorCode,
    paused: feed.paused,
    pausedByReader: feed.paused === PAUSED_BY_READER,
    intervalMinutes: feed.intervalMinutes,
    fullText: feed.fullText,
    images: feed.images,
    retentionDays: feed.keepDays,
    suggestFullText: !feed.fullText && feed.fullTextSuggestion === 'suggested',
  });

  const folderOf = (path: string): number | null => (path.trim() === '' ? null : store().ensureFolder(path));

  return {
    async listFeeds(): Promise<FeedList> {
      const feeds = store().list().map(info);
      const folders = store().folders();
      const own = new Map<number, number>();
      for (const feed of feeds) if (feed.folder !== null) own.set(feed.folder, (own.get(feed.folder) ?? 0) + feed.unread);
      const children = new Map<number | null, number[]>();
      for (const f of folders) children.set(f.parentId, [...(children.get(f.parentId) ?? []), f.id]);
      const sums = new Map<number, number>();
      const sum = (id: number, depth: number): number => {
        const known = sums.get(id);
        if (known !== undefined) return known;
        // Folders nest as deep as OPML files do, but never in a loop.
        const inner = depth > 64 ? 0 : (children.get(id) ?? []).reduce((n, child) => n + sum(child, depth + 1), 0);
        const total = (own.get(id) ?? 0) + inner;
        sums.set(id, total);
        return total;
      };
      const folderInfos: FolderInfo[] = folders.map((f) => ({ id: f.id, name: f.name, parent: f.parentId, unread: sum(f.id, 0) }));
      return { feeds, folders: folderInfos, unread: feeds.reduce((n, f) => n + f.unread, 0) };
    },

    async subscribe({ url, folder }) {
      let report;
      try {
        report = await withRefreshContext(library, (ctx) => subscribe(ctx, url, { folder: folder?.trim() ? folder : null }));
      } catch (error) {
        if (libraryFailure(error)) throw error;
        // The address gave no feed: the window says why in its own words, from the code.
        return { failed: { reason: feedErrorCode(error), message: `cannot subscribe to ${url}: ${error instanceof Error ? error.message : String(error)}` } };
      }
      return { feed: info(store().get(report.feed.id)), existing: report.existing, imported: report.imported };
    },

    async unsubscribe({ id, keepArticles }) {
      const { deleted } = store().remove(id, { deleteArticles: !keepArticles });
      return { id, deleted };
    },

    async updateFeed({ id, title, folder, intervalMinutes, fullText, images, retentionDays, paused, dismissSuggestion }) {
      const before = store().get(id);
      store().update(id, {
        title,
        folderId: folder === undefined ? undefined : folderOf(folder),
        intervalMinutes,
        fullText,
        images,
        keepDays: retentionDays,
        paused: paused === undefined ? undefined : paused ? (before.paused ?? PAUSED_BY_READER) : null,
        dismissSuggestion,
      });
      if (retentionDays !== undefined) store().prune(id);
      // Resumed: fetched now rather than at the loop's next look.
      if (paused === false && before.paused !== null) refresher?.refreshNow([id]);
      return info(store().get(id));
    },

    async refreshFeeds({ feed, folder }) {
      if (refresher === undefined) throw new LibraryError('feeds are not refreshed in this shell');
      const ids = feedsOf(library, feed, folder);
      if (feed !== undefined) store().get(feed);
      const wanted = (ids ?? store().list().map((f) => f.id)).filter((id) => store().get(id).paused === null || id === feed);
      if (ids === undefined) refresher.refreshNow();
      else if (wanted.length > 0) refresher.refreshNow(wanted);
      return { feeds: wanted.length };
    },

    async markAllRead({ feed, folder, olderThan }) {
      const before = olderThan === undefined ? undefined : new Date(Date.now() - AGE_MS[olderThan]).toISOString();
      return { ids: store().markRead(feedsOf(library, feed, folder) ?? null, before) };
    },

    async markUnread({ ids }) {
      store().markUnread(ids);
      return { marked: ids.length };
    },

    async savePage({ url }) {
      const report = await withRefreshContext(library, (ctx) => savePage(ctx, url)).catch((error: unknown) => {
        throw readable(`cannot save ${url}`, error);
      });
      return { id: report.id, imported: report.imported > 0, title: library.get(report.id).title };
    },

    async importOpml({ name, base64 }) {
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      try {
        // On the refresh thread when there is one (it then fetches the new feeds), else here.
        if (refresher !== undefined) return await refresher.importOpml(name, bytes);
        const { added, existing, folders } = importOpmlFeeds(store(), bytes, name);
        return { added, existing, folders };
      } catch (error) {
        if (error instanceof OpmlError) throw new LibraryError(error.message);
        throw error;
      }
    },

    async renameFolder({ id, name }) {
      const folder = store().renameFolder(id, name);
      return { id: folder.id, name: folder.name };
    },

    async deleteFolder({ id, unsubscribe, keepArticles }) {
      return { id, ...store().deleteFolder(id, { unsubscribe, deleteArticles: unsubscribe && !keepArticles }) };
    },

    async restoreFolder({ id, feeds, folders }) {
      const folder = store().restoreFolder(id, { feeds, folders });
      return { id: folder.id, name: folder.name };
    },

    async exportOpml() {
      const content = exportOpml(store());
      const fileName = 'sahifa-subscriptions.opml';
      if (saveFile === undefined) return { kind: 'content', fileName, mimeType: 'text/x-opml', content };
      const saved = await saveFile({ defaultName: fileName, content, filterName: 'OPML', extensions: ['opml'] });
      return { kind: saved ? 'saved' : 'cancelled' };
    },
  };
}
