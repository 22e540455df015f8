/**
 * Deleting the article in the reader, with an undo: the notice offers it for a few seconds (and
 * Ctrl+Z does it) until the notice goes away. The article comes back with its tags, note and place.
 */
import type { ArticleView, SahifaApi } from '../../common';
import { strings } from '../strings';
import type { ArticleController } from './article';
import type { LibraryFacetsController } from './library-facets';
import type { ListQueryController } from './list-query';
import type { NoticeController } from './notices';

export type UndoApi = Pick<SahifaApi, 'deleteArticle' | 'restoreArticle'>;

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
}

export class UndoController {
  /** The last deletion, while it can be undone. */
  private undoable: { id: number; title: string } | null = null;

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
      this.undoable = deleted;
      notices.show({ message: strings.deleted(deleted.title), action: { label: strings.undo, run: () => void this.undo() } }, UNDO_MS);
      this.refresh();
      return true;
    } catch (error) {
      notices.error(error);
      return false;
    }
  }

  /** Brings the last deleted article back and opens it. */
  async undo(): Promise<void> {
    const undoable = this.undoable;
    if (undoable === null) return;
    this.undoable = null;
    const { api, notices } = this.options;
    notices.clear();
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
  }
}
