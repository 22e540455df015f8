/**
 * The article in the reader and what the reader does to it: open it (with the search's marks),
 * follow the reading (position saved, read once finished), mark it read or unread, bookmark, tag,
 * annotate, copy its link, export it. Each change is saved first and then shown, in the reader
 * and in the list's rows; failures become notices.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArticleView, ArticleExportFormat, SahifaApi } from '../../common';
import { copyText, downloadFile } from '../clipboard';
import { messageOf } from '../error-message';
import { ReadingTracker } from '../reading-tracker';
import { strings } from '../strings';
import type { LibraryFacetsController } from './library-facets';
import type { ListQueryController } from './list-query';
import type { NoticeController } from './notices';

export type ArticleApi = Pick<SahifaApi, 'getArticle' | 'saveReading' | 'setBookmark' | 'setTags' | 'setNote' | 'exportArticle' | 'openExternal'>;

/** What the browser does for the reader: the clipboard, downloads. */
export interface BrowserActions {
  copyText(text: string): Promise<boolean>;
  downloadFile(fileName: string, mimeType: string, content: string): void;
}

export interface ArticleControllerOptions {
  api: ArticleApi;
  list: ListQueryController;
  facets: LibraryFacetsController;
  notices: NoticeController;
  browser?: BrowserActions;
  /**
   * Fetches what the reader shows along with an article (its highlights), at the same time as the
   * article: the article is shown once both are in, so that its text is drawn once. Never rejects.
   */
  alongside?: (id: number) => Promise<void>;
  /** An article was marked read or unread. */
  onReadChanged?: (id: number, read: boolean) => void;
}

const SHORT_NOTICE_MS = 2_500;

export class ArticleController implements ReactiveController {
  /** The row chosen in the list (while its article loads too). */
  selectedId: number | null = null;
  article: ArticleView | null = null;
  loading = false;
  error: string | null = null;

  private readonly api: ArticleApi;
  private readonly list: ListQueryController;
  private readonly facets: LibraryFacetsController;
  private readonly notices: NoticeController;
  private readonly browser: BrowserActions;
  private readonly alongside: (id: number) => Promise<void>;
  private readonly onReadChanged: (id: number, read: boolean) => void;
  /** Only the answer for the last article asked for is shown. */
  private request = 0;
  private readonly tracker = new ReadingTracker({
    savePosition: (id, position) => {
      if (this.article?.id === id) this.patch({ position });
      this.api.saveReading({ id, position }).catch((error: unknown) => console.warn('sahifa: reading position not saved', error));
    },
    markRead: (id) => void this.setRead(id, true),
  });

  constructor(
    private readonly host: ReactiveControllerHost,
    options: ArticleControllerOptions,
  ) {
    this.api = options.api;
    this.list = options.list;
    this.facets = options.facets;
    this.notices = options.notices;
    this.browser = options.browser ?? { copyText, downloadFile };
    this.alongside = options.alongside ?? (() => Promise.resolve());
    this.onReadChanged = options.onReadChanged ?? (() => undefined);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.leave();
  }

  /** The window goes away: the reading position is saved now. */
  leave(): void {
    this.tracker.close();
  }

  async open(id: number): Promise<void> {
    const request = ++this.request;
    this.selectedId = id;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    const query = this.list.query;
    try {
      const [article] = await Promise.all([this.api.getArticle(query === '' ? { id } : { id, query }), this.alongside(id)]);
      if (request !== this.request) return;
      this.article = article;
      this.tracker.open(article);
    } catch (error) {
      if (request !== this.request) return;
      this.article = null;
      this.error = messageOf(error) || strings.articleNotFound;
    } finally {
      if (request === this.request) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** The article is gone from the library: the reader shows none, and nothing of it is saved. */
  forget(id: number): void {
    this.tracker.drop(id);
    this.article = null;
    this.selectedId = null;
    this.host.requestUpdate();
  }

  /** The reader scrolled the article to `fraction` of it. */
  scrolled(id: number, fraction: number): void {
    if (id === this.article?.id) this.tracker.scrolled(fraction);
  }

  async setRead(id: number, read: boolean): Promise<void> {
    try {
      await this.api.saveReading({ id, read });
      if (this.article?.id === id) this.patch({ read });
      this.list.updateArticle(id, { read });
      this.onReadChanged(id, read);
    } catch (error) {
      this.notices.error(error);
    }
  }

  /** The article in the reader was marked read or unread elsewhere (mark all read, its undo): shown, not saved again. */
  patchRead(read: boolean): void {
    this.tracker.settle();
    this.patch({ read });
  }

  /** By hand: that stands, the reading no longer marks it. */
  async toggleRead(): Promise<void> {
    const article = this.article;
    if (article === null) return;
    this.tracker.settle();
    await this.setRead(article.id, !article.read);
  }

  async toggleBookmark(): Promise<void> {
    const article = this.article;
    if (article === null) return;
    try {
      const result = await this.api.setBookmark({ id: article.id, bookmarked: !article.bookmarked });
      if (this.article?.id === result.id) this.patch({ bookmarked: result.bookmarked });
      if (this.list.view === 'bookmarks') this.list.reload();
      else this.list.updateArticle(result.id, { bookmarked: result.bookmarked });
      void this.facets.refreshStats();
    } catch (error) {
      this.error = messageOf(error);
      this.host.requestUpdate();
    }
  }

  async saveTags(id: number, tags: string[]): Promise<void> {
    try {
      const result = await this.api.setTags({ id, tags });
      if (this.article?.id === id) this.patch({ tags: result.tags });
      void this.facets.refreshFacets();
    } catch (error) {
      this.notices.error(error);
    }
  }

  /** A note bookmarks its article. */
  async saveNote(id: number, note: string): Promise<void> {
    try {
      const result = await this.api.setNote({ id, note });
      if (this.article?.id === id) this.patch({ note: result.note, bookmarked: result.bookmarked });
      this.list.updateArticle(id, { bookmarked: result.bookmarked });
      this.notices.show({ message: strings.noteSaved }, SHORT_NOTICE_MS);
      void this.facets.refreshStats();
    } catch (error) {
      this.notices.error(error);
    }
  }

  async copyLink(): Promise<void> {
    const url = this.article?.url;
    if (!url) return;
    const copied = await this.browser.copyText(url);
    this.notices.show(copied ? { message: strings.linkCopied } : { message: strings.copyFailed, kind: 'error' }, SHORT_NOTICE_MS);
  }

  /** A link of the article (or its original), in the system browser: the window never navigates. */
  openExternal(url: string): Promise<void> {
    return this.api.openExternal({ url }).then(
      () => undefined,
      (error: unknown) => console.warn('sahifa: the link was not opened', error),
    );
  }

  /** The desktop app saves through its own dialog; the browser mode gets the content and downloads it. */
  async exportAs(format: ArticleExportFormat): Promise<void> {
    const article = this.article;
    if (article === null) return;
    try {
      const result = await this.api.exportArticle({ id: article.id, format });
      if (result.kind === 'content') this.browser.downloadFile(result.fileName, result.mimeType, result.content);
      if (result.kind !== 'cancelled') this.notices.show({ message: strings.exported }, SHORT_NOTICE_MS);
    } catch (error) {
      this.notices.error(error);
    }
  }

  /** A copy of the article with `change`: the reader keeps its place (same id, same marks). */
  private patch(change: Partial<ArticleView>): void {
    if (this.article === null) return;
    this.article = { ...this.article, ...change };
    this.host.requestUpdate();
  }
}
