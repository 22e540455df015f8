/**
 * Deleting the article in the reader, marking a subscription's articles read, and what other
 * controllers offer to undo (a folder deleted), with an undo:
 * the notice offers it for a few seconds (and Ctrl+Z does it) until the notice goes away. A deleted
 * article comes back with its tags, note and place; articles marked read are unread again.
 */
import type { ArticleView, MarkReadAge, SahifaApi } from '../../common';
import { scopeNarrowing, type FeedScope } from '../view-state';
import { strings } from '../strings';
import type { ArticleController } from './article';
import type { LibraryFacetsController } from './library-facets';
import type { ListQueryController } from './list-query';
import type { NoticeController } from './notices';

export type UndoApi = Pick<SahifaApi, 'deleteArticle' | 'restoreArticle' | 'markAllRead' | 'markUnread'>;

export const UNDO_MS = 8_000;
const RESTORED_MS = 2_500;

export interface UndoControllerOptions {
  api: UndoApi;
  article: ArticleController;
  list: ListQueryController;
  facets: LibraryFacetsController;
  notices: NoticeController;
  /** The restored article is in the reader. */
  onRestored?: () => void;
  /** Articles were deleted, restored, or marked read or unread: the subscriptions' counts follow. */
  onCountsChanged?: () => void;
}

export class UndoController {
  /** The last deletion or marking, while it can be undone. */
  private undoable: { kind: 'delete'; id: number; title: string } | { kind: 'read'; ids: number[] } | { kind: 'other'; revert: () => Promise<void>; done: string } | null = null;

  constructor(private readonly options: UndoControllerOptions) {}

  /** The notice that offered the undo went away: so did the undo. */
  forget(): void {
    this.undoable = null;
  }

  /** Deletes the article and offers its undo. Resolves false when it could not be deleted (a notice says why). */
  async delete(article: Pick<ArticleView, 'id'>): Promise<boolean> {
    const { api, notices } = this.options;
    try {
      const deleted = await api.deleteArticle({ id: article.id });
      this.options.article.forget(article.id);
      this.undoable = { kind: 'delete', ...deleted };
      notices.show({ message: strings.deleted(deleted.title), action: { label: strings.undo, run: () => void this.undo() } }, UNDO_MS);
      this.refresh();
      return true;
    } catch (error) {
      notices.error(error);
      return false;
    }
  }

  /**
   * Marks the unread articles of a feed, a folder or every subscription read (optionally only the
   * older ones) and offers the undo. Resolves to how many were marked, or null when it failed.
   */
  async markAllRead(scope: FeedScope | null, olderThan?: MarkReadAge): Promise<number | null> {
    const { api, notices } = this.options;
    try {
      const { ids } = await api.markAllRead({ ...scopeNarrowing(scope), ...(olderThan === undefined ? {} : { olderThan }) });
      if (ids.length === 0) {
        notices.show({ message: strings.nothingToMark });
        return 0;
      }
      for (const id of ids) this.options.list.updateArticle(id, { read: true });
      if (this.options.article.article !== null && ids.includes(this.options.article.article.id)) this.options.article.patchRead(true);
      this.undoable = { kind: 'read', ids };
      notices.show({ message: strings.markedRead(ids.length), action: { label: strings.undo, run: () => void this.undo() } }, UNDO_MS);
      this.options.onCountsChanged?.();
      return ids.length;
    } catch (error) {
      notices.error(error);
      return null;
    }
  }

  /**
   * Offers the undo of something another controller did (a folder deleted): `revert` puts it
   * back, and the notice then says `done`.
   */
  offer(message: string, revert: () => Promise<void>, done: string): void {
    this.undoable = { kind: 'other', revert, done };
    this.options.notices.show({ message, action: { label: strings.undo, run: () => void this.undo() } }, UNDO_MS);
  }

  /** Brings the last deleted article back and opens it, or makes the articles last marked read unread again. */
  async undo(): Promise<void> {
    const undoable = this.undoable;
    if (undoable === null) return;
    this.undoable = null;
    const { api, notices } = this.options;
    notices.clear();
    if (undoable.kind === 'other') {
      try {
        await undoable.revert();
        notices.show({ message: undoable.done }, RESTORED_MS);
      } catch (error) {
        notices.error(error);
      }
      return;
    }
    if (undoable.kind === 'read') {
      try {
        await api.markUnread({ ids: undoable.ids });
        for (const id of undoable.ids) this.options.list.updateArticle(id, { read: false });
        if (this.options.article.article !== null && undoable.ids.includes(this.options.article.article.id)) this.options.article.patchRead(false);
        this.options.onCountsChanged?.();
        notices.show({ message: strings.markedUnread }, RESTORED_MS);
      } catch (error) {
        notices.error(error);
      }
      return;
    }
    try {
      const { id } = await api.restoreArticle({ id: undoable.id });
      this.refresh();
      await this.options.article.open(id);
      notices.show({ message: strings.restored }, RESTORED_MS);
      this.options.onRestored?.();
    } catch (error) {
      notices.error(error);
    }
  }

  private refresh(): void {
    this.options.list.reload();
    this.options.facets.refresh();
    this.options.onCountsChanged?.();
  }
}
