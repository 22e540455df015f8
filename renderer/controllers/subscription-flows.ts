/**
 * What the reader does with the subscriptions through their dialogs, from the sidebar or the
 * desktop menu: subscribe, change a feed's settings, unsubscribe, rename and delete a folder (with
 * an undo when its contents moved up), OPML in and out, refresh everything. The calls are the
 * FeedsController's; this opens the dialogs (SubscriptionDialogsView), tells them how it went, and
 * takes the list off a feed or folder that is gone.
 */
import type { MenuCommand } from '../../common';
import { strings } from '../strings';
import type { FeedChanges, FeedScope, SubscriptionDialogsView } from '../view-state';
import type { FeedsController } from './feeds';
import type { NoticeController } from './notices';
import type { UndoController } from './undo';

export interface SubscriptionFlowsOptions {
  feeds: FeedsController;
  undo: Pick<UndoController, 'offer'>;
  notices: Pick<NoticeController, 'show'>;
  dialogs: () => SubscriptionDialogsView | null;
  /** What the list is narrowed to now. */
  scope: () => FeedScope | null;
  /** The list's feed or folder is gone: it shows every article again. */
  onScopeGone: () => void;
}

export class SubscriptionFlows {
  constructor(private readonly options: SubscriptionFlowsOptions) {}

  /** One of the dialogs is open (the window's shortcuts wait). */
  get isOpen(): boolean {
    return this.options.dialogs()?.isOpen ?? false;
  }

  showSubscribe(opener: HTMLElement | null): Promise<void> {
    return this.options.dialogs()?.showSubscribe(opener) ?? Promise.resolve();
  }

  async subscribe(url: string, folder: string): Promise<void> {
    this.options.dialogs()?.subscribed(await this.options.feeds.subscribe(url, folder));
  }

  async showFeed(id: number, opener: HTMLElement | null, unsubscribe: boolean): Promise<void> {
    const { feeds } = this.options;
    const feed = feeds.feed(id);
    if (feed !== undefined) await this.options.dialogs()?.showFeed(feed, feeds.folderPath(feed.folder), opener, unsubscribe);
  }

  update(id: number, changes: FeedChanges): Promise<boolean> {
    return this.options.feeds.update(id, changes);
  }

  async unsubscribe(id: number, keepArticles: boolean): Promise<void> {
    if (await this.options.feeds.unsubscribe(id, keepArticles)) this.dropVanishedScope();
  }

  async showFolder(id: number, action: 'rename' | 'delete', opener: HTMLElement | null): Promise<void> {
    const { feeds } = this.options;
    const folder = feeds.folder(id);
    if (folder === undefined) return;
    const question = { action, folder, parent: folder.parent === null ? null : feeds.folderPath(folder.parent), feeds: feeds.feedsIn(id).length };
    await this.options.dialogs()?.showFolder(question, opener);
  }

  async renameFolder(id: number, name: string): Promise<void> {
    this.options.dialogs()?.renamed(await this.options.feeds.renameFolder(id, name));
  }

  /** Deletes a folder; when what it held moved up, the notice offers to put it back. */
  async deleteFolder(id: number, unsubscribe: boolean, keepArticles: boolean): Promise<void> {
    const { feeds, undo } = this.options;
    const name = feeds.folder(id)?.name ?? '';
    const deleted = await feeds.deleteFolder(id, unsubscribe, keepArticles);
    if (deleted === null) return;
    this.dropVanishedScope();
    // As an unsubscribe, which has no undo either: the dialog asked first.
    if (unsubscribe) {
      this.options.notices.show({ message: strings.folderDeletedUnsubscribed(name, deleted.unsubscribed) });
      return;
    }
    undo.offer(strings.folderDeleted(name), () => feeds.restoreFolder(id, deleted), strings.folderRestored);
  }

  /** The desktop menu's subscription commands, as the sidebar's buttons do them. */
  async command(command: MenuCommand, opener: HTMLElement | null): Promise<void> {
    const { feeds } = this.options;
    switch (command) {
      case 'subscribe':
        await this.showSubscribe(opener);
        return;
      case 'refresh-feeds':
        await feeds.refresh(null);
        return;
      case 'export-opml':
        await feeds.exportOpml();
        return;
    }
  }

  /** A feed or folder the list was narrowed to is no longer there. */
  private dropVanishedScope(): void {
    const scope = this.options.scope();
    if (scope === null) return;
    const { feeds } = this.options;
    const there = scope.kind === 'feed' ? feeds.feed(scope.id) !== undefined : feeds.folder(scope.id) !== undefined;
    if (!there) this.options.onScopeGone();
  }
}
