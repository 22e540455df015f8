/**
 * The subscriptions: the feeds and folders with their unread counts (for the sidebar), and what
 * the reader does with them — subscribe, refresh now, change a feed's settings, unsubscribe, rename
 * and delete a folder (and put a deleted one back), save a page by its address, OPML in and out. Counts come from main every time (listFeeds), a moment
 * after anything that may change them (reading, marking, a refresh in the background), so they are
 * never guessed in the window and never go below zero.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeletedFolder, FeedInfo, FeedRefreshed, FolderInfo, FolderMoves, SahifaApi } from '../../common';
import { downloadFile } from '../clipboard';
import { messageOf } from '../error-message';
import { feedErrorSentence } from '../feed-error';
import { readAsBase64 } from '../file-import';
import { strings } from '../strings';
import { scopeNarrowing, type FeedChanges, type FeedScope } from '../view-state';
import type { NoticeController } from './notices';

export type FeedsApi = Pick<
  SahifaApi,
  | 'listFeeds'
  | 'subscribe'
  | 'unsubscribe'
  | 'updateFeed'
  | 'refreshFeeds'
  | 'savePage'
  | 'importOpml'
  | 'exportOpml'
  | 'renameFolder'
  | 'deleteFolder'
  | 'restoreFolder'
>;

/** Events and reads close together make one listFeeds. */
export const FEEDS_RELOAD_MS = 150;
/** A refresh of many feeds brings an event per feed: the list is reloaded at most this often. */
export const ARTICLES_RELOAD_MS = 500;
const SHORT_NOTICE_MS = 2_500;

export interface FeedsControllerOptions {
  api: FeedsApi;
  notices: NoticeController;
  /** Articles came or went (a subscription, a refresh with new items, an unsubscribe, a saved page): the list and counts follow. */
  onArticlesChanged: () => void;
  /** A saved page is in the library: the window may open it. */
  onPageSaved?: (id: number) => void;
  downloadFile?: (fileName: string, mimeType: string, content: string) => void;
  reloadMs?: number;
  articlesReloadMs?: number;
}

export class FeedsController implements ReactiveController {
  feeds: FeedInfo[] = [];
  folders: FolderInfo[] = [];
  unread = 0;
  /** Feeds asked to refresh whose outcome has not come yet. */
  refreshing = new Set<number>();

  private timer: ReturnType<typeof setTimeout> | undefined;
  private articlesTimer: ReturnType<typeof setTimeout> | undefined;
  private loads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FeedsControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    clearTimeout(this.articlesTimer);
  }

  /** Asks main for the feeds and their counts now. */
  async load(): Promise<void> {
    clearTimeout(this.timer);
    const load = ++this.loads;
    try {
      const list = await this.options.api.listFeeds({});
      // An older answer never replaces a newer one.
      if (load !== this.loads) return;
      this.feeds = list.feeds;
      this.folders = list.folders;
      this.unread = list.unread;
      this.host.requestUpdate();
    } catch (error) {
      console.warn('sahifa: subscriptions not loaded', error);
    }
  }

  /** The counts may have changed (an article read, marked, deleted): asks again in a moment. */
  countsChanged(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), this.options.reloadMs ?? FEEDS_RELOAD_MS);
  }

  /** A feed was refreshed in the background: its counts and error, and the list when it brought items. */
  refreshed(outcome: FeedRefreshed): void {
    this.refreshing.delete(outcome.feed);
    this.countsChanged();
    if (outcome.new === 0 && outcome.updated === 0) return;
    this.articlesTimer ??= setTimeout(() => {
      this.articlesTimer = undefined;
      this.options.onArticlesChanged();
    }, this.options.articlesReloadMs ?? ARTICLES_RELOAD_MS);
  }

  feed(id: number): FeedInfo | undefined {
    return this.feeds.find((f) => f.id === id);
  }

  /** A folder's path, "أخبار / الخليج" ('' for none): what the dialogs show and send. */
  folderPath(id: number | null): string {
    const names: string[] = [];
    for (let folder = this.folders.find((f) => f.id === id); folder !== undefined && names.length < 64; folder = this.folders.find((f) => f.id === folder!.parent)) {
      names.unshift(folder.name);
    }
    return names.join(' / ');
  }

  /** Every folder's path, for the dialogs' suggestions. */
  get folderPaths(): string[] {
    return this.folders.map((f) => this.folderPath(f.id)).sort((a, b) => a.localeCompare(b));
  }

  /** The name of what a scope narrows to. */
  scopeTitle(scope: FeedScope | null): string {
    if (scope === null) return strings.subscriptions;
    return scope.kind === 'feed' ? (this.feed(scope.id)?.title ?? '') : (this.folders.find((f) => f.id === scope.id)?.name ?? '');
  }

  /** Subscribes; resolves to the reason when it failed (shown in the dialog), null when it worked. */
  async subscribe(url: string, folder: string): Promise<string | null> {
    try {
      const result = await this.options.api.subscribe(folder.trim() === '' ? { url } : { url, folder });
      if ('failed' in result) return strings.subscribeFailed(feedErrorSentence(result.failed.reason));
      await this.load();
      this.options.onArticlesChanged();
      this.options.notices.show({ message: result.existing ? strings.alreadySubscribed(result.feed.title) : strings.subscribed(result.feed.title, result.imported) });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  async refresh(scope: FeedScope | null): Promise<void> {
    try {
      await this.options.api.refreshFeeds(scopeNarrowing(scope));
      const ids = scope === null ? this.feeds.map((f) => f.id) : scope.kind === 'feed' ? [scope.id] : this.feedsIn(scope.id);
      for (const id of ids) if (this.feed(id)?.paused === null || scope?.kind === 'feed') this.refreshing.add(id);
      this.host.requestUpdate();
      this.options.notices.show({ message: strings.refreshStarted }, SHORT_NOTICE_MS);
    } catch (error) {
      this.options.notices.error(error);
    }
  }

  async update(id: number, changes: FeedChanges): Promise<boolean> {
    try {
      await this.options.api.updateFeed({ id, ...changes });
      await this.load();
      // A shorter retention may have removed articles.
      if (changes.retentionDays !== undefined) this.options.onArticlesChanged();
      return true;
    } catch (error) {
      this.options.notices.error(error);
      return false;
    }
  }

  async unsubscribe(id: number, keepArticles: boolean): Promise<boolean> {
    const title = this.feed(id)?.title ?? '';
    try {
      await this.options.api.unsubscribe({ id, keepArticles });
      await this.load();
      this.options.onArticlesChanged();
      this.options.notices.show({ message: strings.unsubscribed(title) });
      return true;
    } catch (error) {
      this.options.notices.error(error);
      return false;
    }
  }

  folder(id: number): FolderInfo | undefined {
    return this.folders.find((f) => f.id === id);
  }

  /** Renames a folder; resolves to main's reason when it could not (shown in the dialog), null when it did. */
  async renameFolder(id: number, name: string): Promise<string | null> {
    try {
      const renamed = await this.options.api.renameFolder({ id, name });
      await this.load();
      this.options.notices.show({ message: strings.folderRenamed(renamed.name) }, SHORT_NOTICE_MS);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  /** Deletes a folder (what it holds moves up, or is unsubscribed); null when it failed (a notice says why). */
  async deleteFolder(id: number, unsubscribe: boolean, keepArticles: boolean): Promise<DeletedFolder | null> {
    try {
      const deleted = await this.options.api.deleteFolder({ id, unsubscribe, keepArticles });
      await this.load();
      if (deleted.unsubscribed > 0) this.options.onArticlesChanged();
      return deleted;
    } catch (error) {
      this.options.notices.error(error);
      return null;
    }
  }

  /** Puts back a folder whose delete moved what it held up (its undo). */
  async restoreFolder(id: number, moves: FolderMoves): Promise<void> {
    await this.options.api.restoreFolder({ id, feeds: moves.feeds, folders: moves.folders });
    await this.load();
  }

  /** Fetches a page by its address (pasted or dropped) and imports it. */
  async savePage(url: string): Promise<void> {
    this.options.notices.show({ message: strings.savingPage }, 60_000);
    try {
      const saved = await this.options.api.savePage({ url });
      this.options.onArticlesChanged();
      this.options.notices.show({ message: saved.imported ? strings.pageSaved(saved.title) : strings.pageAlreadySaved(saved.title) });
      this.options.onPageSaved?.(saved.id);
    } catch (error) {
      this.options.notices.error(error);
    }
  }

  async importOpml(file: File): Promise<void> {
    try {
      const report = await this.options.api.importOpml({ name: file.name, base64: await readAsBase64(file) });
      await this.load();
      this.options.notices.show({ message: strings.opmlImported(report.added, report.existing) });
    } catch (error) {
      this.options.notices.error(error);
    }
  }

  /** The desktop app saves through its own dialog; the browser mode downloads the file. */
  async exportOpml(): Promise<void> {
    try {
      const result = await this.options.api.exportOpml({});
      if (result.kind === 'content') (this.options.downloadFile ?? downloadFile)(result.fileName, result.mimeType, result.content);
      if (result.kind !== 'cancelled') this.options.notices.show({ message: strings.opmlExported }, SHORT_NOTICE_MS);
    } catch (error) {
      this.options.notices.error(error);
    }
  }

  /** The feeds in a folder and in the folders inside it. */
  feedsIn(folder: number): number[] {
    const folders = new Set([folder]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const f of this.folders) {
        if (f.parent !== null && folders.has(f.parent) && !folders.has(f.id)) {
          folders.add(f.id);
          grew = true;
        }
      }
    }
    return this.feeds.filter((f) => f.folder !== null && folders.has(f.folder)).map((f) => f.id);
  }
}
