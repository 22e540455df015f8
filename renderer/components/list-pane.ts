/**
 * The list pane: its title and count, the tools that narrow and sort it (sort, source, unread
 * only), and the list itself, or why it is empty. It renders what the list controller holds; the
 * choices go up as `sort-changed`, `source-changed` and `unread-toggled`, rows as `open-article`.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import type { ListSort, SearchSort, SourceCount } from '../../common';
import type { ListItem, View } from '../view-state';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import type { PagedList } from '../paged-list';
import { strings } from '../strings';
import type { ArticleList } from './article-list';
import { bookmarkIcon, libraryIcon, searchIcon } from './icons';
import { paneStyles } from './pane-styles';
import { boxlessHostStyles, sharedStyles } from './shared-styles';
import './article-list';

const SORTS = [
  ['date', () => strings.sortDate],
  ['title', () => strings.sortTitle],
  ['source', () => strings.sortSource],
] as const;

const SEARCH_SORTS = [
  ['relevance', () => strings.sortRelevance],
  ['date', () => strings.sortDate],
] as const;

export class ListPane extends LitElement {
  static override properties = {
    list: { attribute: false },
    revision: { attribute: false },
    error: { attribute: false },
    view: { type: String },
    query: { type: String },
    tag: { attribute: false },
    scopeTitle: { attribute: false },
    source: { attribute: false },
    sort: { type: String },
    searchSort: { type: String },
    unread: { type: Boolean },
    sources: { attribute: false },
    sourceTotal: { attribute: false },
    selectedId: { attribute: false },
    narrow: { type: Boolean, reflect: true },
  };

  declare list: PagedList<ListItem> | null;
  /** Bumped whenever the list's pages change. */
  declare revision: number;
  declare error: string | null;
  declare view: View;
  /** The search the list shows the results of; '' for none. */
  declare query: string;
  declare tag: string | null;
  /** The subscription (feed or folder) the list is narrowed to, by name; null for none. */
  declare scopeTitle: string | null;
  declare source: string | null;
  declare sort: ListSort;
  declare searchSort: SearchSort;
  declare unread: boolean;
  declare sources: SourceCount[];
  /** Every article's sources together. */
  declare sourceTotal: number;
  declare selectedId: number | null;
  declare narrow: boolean;

  constructor() {
    super();
    this.list = null;
    this.revision = 0;
    this.error = null;
    this.view = 'library';
    this.query = '';
    this.tag = null;
    this.scopeTitle = null;
    this.source = null;
    this.sort = 'date';
    this.searchSort = 'relevance';
    this.unread = false;
    this.sources = [];
    this.sourceTotal = 0;
    this.selectedId = null;
    this.narrow = false;
    new LocaleController(this);
  }

  static override styles = [sharedStyles, boxlessHostStyles, paneStyles];

  /** The list of rows, when there are rows. */
  get articleList(): ArticleList | null {
    return this.renderRoot.querySelector('sahifa-article-list');
  }

  override render(): TemplateResult {
    return html`<section class="list-pane" aria-labelledby="list-title">${this.renderHeader()} ${this.renderBody()}</section>`;
  }

  private renderHeader(): TemplateResult {
    const searching = this.query !== '';
    const title = searching
      ? `«${this.query}»`
      : this.tag !== null
        ? strings.tagTitle(this.tag)
        : this.scopeTitle !== null
          ? this.scopeTitle
          : this.view === 'bookmarks'
          ? strings.bookmarks
          : strings.library;
    const total = this.list?.total;
    const count = total === null || total === undefined ? '' : searching ? strings.resultCount(total) : strings.articleCount(total);
    return html`<div class="list-header">
        <h1 id="list-title" dir="auto">${title}</h1>
        <span class="count" role="status" aria-live="polite">${count}</span>
      </div>
      <div class="list-tools">
        ${searching
          ? html`<select class="sort search-sort" aria-label=${strings.sortLabel} @change=${this.onSearchSortChange}>
              ${SEARCH_SORTS.map(([value, label]) => html`<option value=${value} ?selected=${this.searchSort === value}>${label()}</option>`)}
            </select>`
          : html`<select class="sort" aria-label=${strings.sortLabel} @change=${this.onSortChange}>
              ${SORTS.map(([value, label]) => html`<option value=${value} ?selected=${this.sort === value}>${label()}</option>`)}
            </select>`}
        <select class="source" aria-label=${strings.sourceLabel} @change=${this.onSourceChange}>
          <option value="" ?selected=${this.source === null}>${strings.withCount(strings.allSources, this.sourceTotal)}</option>
          ${this.sources.map(
            ({ source, count }) => html`<option value=${source ?? ''} ?selected=${this.source === source}>${strings.withCount(source ?? '', count)}</option>`,
          )}
        </select>
        <button class="button unread-toggle" aria-pressed=${this.unread ? 'true' : 'false'} @click=${() => emit(this, 'unread-toggled')}>
          ${strings.unreadOnly}
        </button>
      </div>`;
  }

  private onSortChange(event: Event): void {
    emit(this, 'sort-changed', { sort: (event.target as HTMLSelectElement).value as ListSort });
  }

  private onSearchSortChange(event: Event): void {
    emit(this, 'search-sort-changed', { sort: (event.target as HTMLSelectElement).value as SearchSort });
  }

  private onSourceChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    emit(this, 'source-changed', { source: value === '' ? null : value });
  }

  private renderBody(): TemplateResult {
    if (this.error !== null) {
      return html`<div class="list-empty"><p class="list-error" role="alert">${strings.errorPrefix} ${this.error}</p></div>`;
    }
    if (this.list?.total === 0) return this.renderEmpty();
    return html`<sahifa-article-list
      .list=${this.list}
      .revision=${this.revision}
      .selectedId=${this.selectedId}
      kind=${this.query === '' ? 'library' : 'search'}
      label=${this.query === '' ? strings.listLabel : strings.searchLabel}
    ></sahifa-article-list>`;
  }

  private renderEmpty(): TemplateResult {
    if (this.query !== '') {
      return html`<div class="list-empty">
        ${searchIcon}
        <h2>${strings.noResults(this.query)}</h2>
        <p>${strings.noResultsHint}</p>
      </div>`;
    }
    if (this.unread || this.tag !== null || this.source !== null || this.scopeTitle !== null) {
      return html`<div class="list-empty">
        ${libraryIcon}
        <h2>${strings.emptyFilteredTitle}</h2>
        <p>${this.unread ? strings.emptyUnreadText : strings.emptyFilteredText}</p>
      </div>`;
    }
    const bookmarks = this.view === 'bookmarks';
    return html`<div class="list-empty">
      ${bookmarks ? bookmarkIcon(false) : libraryIcon}
      <h2>${bookmarks ? strings.emptyBookmarksTitle : strings.emptyLibraryTitle}</h2>
      <p>${bookmarks ? strings.emptyBookmarksText : strings.emptyLibraryText}</p>
    </div>`;
  }
}

customElements.define('sahifa-list-pane', ListPane);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-list-pane': ListPane;
  }
}
