/**
 * What the list shows and the list itself: the library or the bookmarks, narrowed by a tag, a
 * source or to the unread articles, sorted, or the results of a search (typed into the field and
 * searched a moment after the typing stops). Every change starts a fresh PagedList; answers for a
 * list that was replaced are dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ListSort, SahifaApi, SearchSort } from '../../common';
import { scopeNarrowing, type FeedScope, type ListItem, type View } from '../view-state';
import { messageOf } from '../error-message';
import { PagedList } from '../paged-list';

export type ListApi = Pick<SahifaApi, 'listArticles' | 'search'>;

export const SEARCH_DEBOUNCE_MS = 120;
const PAGE_SIZE = 50;

export class ListQueryController implements ReactiveController {
  view: View = 'library';
  /** What the search field holds. */
  text = '';
  /** The query the list shows results for (trimmed, after the debounce); '' shows the library. */
  query = '';
  unread = false;
  /** The tag the list is limited to, null for none. */
  tag: string | null = null;
  source: string | null = null;
  /** The subscription (a feed or a folder) the list is narrowed to, null for none. */
  scope: FeedScope | null = null;
  sort: ListSort = 'date';
  /** How search results are ordered (the library's sort does not apply to them). */
  searchSort: SearchSort = 'relevance';
  list: PagedList<ListItem> | null = null;
  /** Bumped whenever the list's pages change, so that the list renders its rows again. */
  revision = 0;
  error: string | null = null;
  /** Resolves when the current list's first page is in. */
  ready: Promise<void> = Promise.resolve();

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: ListApi,
    private readonly debounceMs = SEARCH_DEBOUNCE_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.reload();
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
    this.list?.close();
  }

  /** The search field changed: search once the typing pauses. */
  type(text: string): void {
    this.text = text;
    this.host.requestUpdate();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.commit(), this.debounceMs);
  }

  /** Searches for what the field holds now. */
  commit(): void {
    clearTimeout(this.searchTimer);
    const query = this.text.trim();
    if (query === this.query) return;
    this.query = query;
    this.reload();
  }

  clearSearch(): void {
    this.text = '';
    this.commit();
    this.host.requestUpdate();
  }

  /** Shows the library or the bookmarks, leaving any tag or subscription. Returns false when nothing changed. */
  showView(view: View): boolean {
    if (view === this.view && this.query === '' && this.tag === null && this.scope === null) return false;
    this.view = view;
    this.tag = null;
    this.scope = null;
    this.reload();
    return true;
  }

  /** Limits the list to a tag (of the whole library), or lifts the limit. */
  setTag(tag: string | null): void {
    this.tag = tag;
    if (tag !== null) {
      this.view = 'library';
      this.scope = null;
    }
    this.reload();
  }

  /** Limits the list to a feed or a folder of feeds (in the library view), or lifts the limit. */
  setScope(scope: FeedScope | null): void {
    this.scope = scope;
    if (scope !== null) {
      this.view = 'library';
      this.tag = null;
    }
    this.reload();
  }

  /**
   * The next unread row after the article `afterId` (from the top when it is not in the list),
   * fetching pages as needed, up to `reach` rows on; null when there is none.
   */
  async nextUnread(afterId: number | null, reach = 2_000): Promise<{ index: number; id: number } | null> {
    const list = this.list;
    if (list === null) return null;
    await this.ready;
    const total = list.total ?? 0;
    let start = 0;
    if (afterId !== null) {
      for (let i = 0; i < total; i++) {
        const item = list.get(i);
        if (item?.id === afterId) {
          start = i + 1;
          break;
        }
      }
    }
    for (let i = start; i < Math.min(total, start + reach); i++) {
      if (this.list !== list) return null;
      const item = list.get(i) ?? (await list.fetch(i));
      if (item !== undefined && !item.read && item.id !== afterId) return { index: i, id: item.id };
    }
    return null;
  }

  setSource(source: string | null): void {
    this.source = source;
    this.reload();
  }

  setSort(sort: ListSort): void {
    this.sort = sort;
    this.reload();
  }

  setSearchSort(sort: SearchSort): void {
    this.searchSort = sort;
    if (this.query !== '') this.reload();
  }

  toggleUnread(): void {
    this.unread = !this.unread;
    this.reload();
  }

  /** Changes the loaded rows of one article in place (read, bookmarked) without asking again. */
  updateArticle(id: number, change: Partial<Pick<ListItem, 'read' | 'bookmarked'>>): void {
    this.list?.update(
      (item) => item.id === id,
      (item) => ({ ...item, ...change }),
    );
  }

  /** Replaces the list with a fresh one for the current view, narrowing and query. */
  reload(): void {
    this.list?.close();
    const { api, query, sort, searchSort } = this;
    const bookmarked = this.view === 'bookmarks';
    const narrowing = {
      unread: this.unread,
      ...(this.tag === null ? {} : { tag: this.tag }),
      ...(this.source === null ? {} : { source: this.source }),
      ...scopeNarrowing(this.scope),
    };
    const list = new PagedList<ListItem>(
      query === ''
        ? (offset, limit) => api.listArticles({ filter: bookmarked ? 'bookmarked' : 'all', ...narrowing, sort, offset, limit })
        : (offset, limit) => api.search({ query, offset, limit, bookmarked, ...narrowing, sort: searchSort }),
      {
        pageSize: PAGE_SIZE,
        onChange: () => {
          if (this.list !== list) return;
          this.revision++;
          this.host.requestUpdate();
        },
        onError: (error) => {
          if (this.list !== list) return;
          this.error = messageOf(error);
          this.host.requestUpdate();
        },
      },
    );
    this.list = list;
    this.error = null;
    this.ready = list.start();
    this.host.requestUpdate();
  }
}
