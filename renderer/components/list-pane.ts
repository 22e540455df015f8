/**
 * The list pane: its title and count, the tools that narrow and sort it (sort, source, unread
 * only), and the list itself, or why it is empty. It renders what the list controller holds; the
 * choices go up as `sort-changed`, `source-changed` and `unread-toggled`, rows as `open-article`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ListSort, SourceCount } from '../../common';
import type { ListItem, View } from '../view-state';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import type { PagedList } from '../paged-list';
import { strings } from '../strings';
import type { ArticleList } from './article-list';
import { bookmarkIcon, libraryIcon, searchIcon } from './icons';
import { boxlessHostStyles, sharedStyles } from './shared-styles';
import './article-list';

const SORTS = [
  ['date', () => strings.sortDate],
  ['title', () => strings.sortTitle],
  ['source', () => strings.sortSource],
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
    this.unread = false;
    this.sources = [];
    this.sourceTotal = 0;
    this.selectedId = null;
    this.narrow = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    boxlessHostStyles,
    css`
      .list-pane {
        display: grid;
        grid-template-rows: auto auto minmax(0, 1fr);
        min-block-size: 0;
        border-inline-end: 1px solid var(--border);
        background: var(--surface);
      }

      :host([narrow]) .list-pane {
        border-inline-end: 0;
      }

      .list-header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        min-block-size: 48px;
        padding: 0.9rem 1.25rem 0.45rem;
      }

      .list-header h1 {
        margin: 0;
        color: var(--text-strong);
        font-size: 1.05rem;
        font-weight: 700;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .list-header .count {
        flex: none;
        color: var(--muted);
        font-size: 0.82rem;
      }

      .list-tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
        padding: 0 1.25rem 0.7rem;
        border-block-end: 1px solid var(--border);
      }

      .list-tools select {
        flex: 1 1 6rem;
        min-inline-size: 0;
        max-inline-size: 12rem;
        block-size: 32px;
        padding-inline: 0.5rem;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius-sm);
        background: var(--surface-raised);
        color: var(--text);
        font: inherit;
        font-size: 0.82rem;
      }

      .list-tools .unread-toggle {
        flex: none;
        block-size: 32px;
        padding-inline: 0.7rem;
        font-size: 0.82rem;
      }

      .list-tools .unread-toggle[aria-pressed='true'] {
        border-color: var(--accent);
        background: var(--accent-soft);
        color: var(--accent);
        font-weight: 600;
      }

      .list-empty {
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 0.5rem;
        padding: 2rem;
        color: var(--muted);
        text-align: center;
      }

      .list-empty h2 {
        margin: 0;
        color: var(--text);
        font-size: 1rem;
        font-weight: 600;
      }

      .list-empty p {
        margin: 0;
        max-inline-size: 22rem;
        font-size: 0.88rem;
      }

      .list-empty .icon {
        inline-size: 32px;
        block-size: 32px;
        margin-block-end: 0.25rem;
        color: var(--faint);
      }

      .list-error {
        color: var(--danger);
      }
    `,
  ];

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
          ? nothing
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
