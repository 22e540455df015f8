/**
 * The keyboard triage feed-reader users expect: Space pages down the article and, at its end,
 * marks it read and opens the next unread article of the list (whatever feed it is from), or the
 * first unread one when none is open; Shift+Space pages back up; Shift+A marks the whole list read
 * (with the undo).
 */
import { strings } from '../strings';
import type { ArticleController } from './article';
import type { ListQueryController } from './list-query';
import type { NoticeController } from './notices';
import type { UndoController } from './undo';

/** The reader as triage moves it (components/article-reader.ts). */
export interface PagedReader {
  /** Scrolls a page down (1) or up (-1); false when it is at that end already. */
  page(direction: 1 | -1): boolean;
  focusText(): void;
}

export interface TriageOptions {
  reading: Pick<ArticleController, 'article' | 'setRead'>;
  list: Pick<ListQueryController, 'nextUnread' | 'scope'>;
  notices: Pick<NoticeController, 'show'>;
  undo: Pick<UndoController, 'markAllRead'>;
  reader: () => PagedReader | null;
  /** Opens the article in the reader, its row chosen in the list, once it is drawn. */
  open: (id: number, index: number) => Promise<void>;
}

export class TriageController {
  constructor(private readonly options: TriageOptions) {}

  /** Space (forward) and Shift+Space (back). */
  async page(back: boolean): Promise<void> {
    const { reading, list, notices } = this.options;
    const article = reading.article;
    const reader = this.options.reader();
    if (article !== null && reader !== null && reader.page(back ? -1 : 1)) return;
    if (back) return;
    if (article !== null && !article.read) await reading.setRead(article.id, true);
    const next = await list.nextUnread(article?.id ?? null);
    if (next === null) {
      notices.show({ message: strings.noMoreUnread });
      return;
    }
    await this.options.open(next.id, next.index);
  }

  /** Shift+A: every unread article the list shows is read (the notice offers the undo). */
  markListRead(): Promise<number | null> {
    return this.options.undo.markAllRead(this.options.list.scope);
  }
}
