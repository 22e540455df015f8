/**
 * The list of articles or search results: virtualized (only the rows in view exist in the DOM)
 * over a PagedList (only the pages around the view are in memory), so a 100k-article library
 * scrolls like a short one. Rows not loaded yet show as placeholders of the same height.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { SearchHit } from '../../common';
import type { ListItem } from '../view-state';
import type { PagedList } from '../paged-list';
import { formatShortDate } from '../format';
import { marked } from '../highlight';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { bookmarkIcon } from './icons';
import { rowStyles } from './row-styles';
import { sharedStyles } from './shared-styles';
import { fixedHeightRows, rowIndices, scrollToVirtualRow } from './virtual-rows';

/** Every row is as tall as the others (the virtualizer is told, and so sizes the list at once). */
const LIBRARY_ROW_PX = 118;
/** A search result's excerpt has a line more. */
const SEARCH_ROW_PX = 146;

const isHit = (item: ListItem): item is SearchHit => 'snippet' in item;

export class ArticleList extends LitElement {
  static override properties = {
    list: { attribute: false },
    selectedId: { attribute: false },
    revision: { attribute: false },
    label: { type: String },
    kind: { type: String, reflect: true },
  };

  declare list: PagedList<ListItem> | null;
  declare selectedId: number | null;
  /** Bumped by the owner whenever the list's pages change, to re-render the visible rows. */
  declare revision: number;
  declare label: string;
  /** 'search' rows show a longer snippet with the matched words marked. */
  declare kind: 'library' | 'search';

  /** One entry per row; the virtualizer needs an array, the rows' data lives in the PagedList. */
  private indices: number[] = [];
  private pendingFocus: number | null = null;
  /** The row of the article last opened from this list, for j/k and the arrows to move from. */
  private currentIndex: number | null = null;

  constructor() {
    super();
    this.list = null;
    this.selectedId = null;
    this.revision = 0;
    this.label = '';
    this.kind = 'library';
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    rowStyles,
    css`
      .row {
        display: block;
        block-size: ${LIBRARY_ROW_PX}px;
        overflow: hidden;
      }

      :host([kind='search']) .row {
        block-size: ${SEARCH_ROW_PX}px;
      }

      .title {
        display: block;
        margin: 0;
        color: var(--text-strong);
        font-size: 1rem;
        font-weight: 500;
        line-height: 1.55;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        unicode-bidi: plaintext;
      }

      /* Unread: a bold title and a dot at its start. */
      .row.unread .title {
        font-weight: 700;
      }

      .title .unread-dot {
        display: inline-block;
        inline-size: 8px;
        block-size: 8px;
        margin-inline-end: 0.45rem;
        border-radius: 50%;
        background: var(--accent);
        vertical-align: 0.12em;
      }

      .meta {
        margin-block: 1px 4px;
        font-size: 0.8rem;
      }

      .meta .saved {
        display: inline-flex;
        margin-inline-start: auto;
        color: var(--accent);
      }

      .meta .saved .icon {
        inline-size: 15px;
        block-size: 15px;
      }

      .excerpt {
        display: -webkit-box;
        margin: 0;
        color: var(--muted);
        font-size: 0.88rem;
        line-height: 1.7;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        unicode-bidi: plaintext;
      }

      :host([kind='search']) .excerpt {
        color: var(--text);
        -webkit-line-clamp: 3;
      }

      /* The font's ascent is taller than the line: a full-height background would reach into the
         line above (and peek out of the clamped excerpt), so the highlight is painted a bit shorter. */
      .row mark {
        padding: 0;
        border-radius: 0;
        background: linear-gradient(transparent 14%, var(--mark-bg) 14%, var(--mark-bg) 90%, transparent 90%);
      }

      .placeholder .bar {
        block-size: 12px;
        margin-block: 8px 10px;
      }

      .placeholder .bar.title-bar {
        inline-size: 70%;
        block-size: 14px;
      }

      .placeholder .bar.short {
        inline-size: 35%;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another list: no row of it was opened yet.
    if (changed.has('list')) this.currentIndex = null;
    const total = this.list?.total ?? 0;
    if (changed.has('list') || this.indices.length !== total) {
      this.indices = rowIndices(total);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('list')) this.scroller?.scrollTo({ top: 0 });
    if (this.pendingFocus !== null) this.focusRow(this.pendingFocus);
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  override render(): TemplateResult {
    return html`<div
      class="scroller"
      role="list"
      aria-label=${this.label}
      @rangeChanged=${this.onRangeChanged}
    >
      ${virtualize({
        items: this.indices,
        scroller: true,
        // Given, not left to the virtualizer's default: that one is fetched (a chunk of its own)
        // only once the list first renders, which delayed the first rows by about 40 ms.
        layout: fixedHeightRows(this.kind === 'search' ? SEARCH_ROW_PX : LIBRARY_ROW_PX),
        renderItem: (index: number) => this.renderRow(index),
      })}
    </div>`;
  }

  private renderRow(index: number): TemplateResult {
    const item = this.list?.get(index);
    if (item === undefined) {
      return html`<div class="item" role="listitem" aria-busy="true">
        <div class="row placeholder" data-index=${index}>
          <span class="bar title-bar"></span><span class="bar short"></span><span class="bar"></span>
        </div>
      </div>`;
    }
    // Articles without a publication date show the day they were imported instead.
    const date = formatShortDate(item.published ?? ('imported' in item ? item.imported : null));
    const current = item.id === this.selectedId;
    if (current) this.currentIndex = index;
    return html`<div class="item" role="listitem">
      <button
        class="row ${item.read ? 'read' : 'unread'}"
        data-id=${item.id}
        data-index=${index}
        aria-current=${current ? 'true' : 'false'}
        @click=${() => this.openRow(index, item.id)}
      >
        <span class="title" dir="auto"
          >${item.read ? nothing : html`<span class="unread-dot" aria-hidden="true"></span>`}${isHit(
            item,
          )
            ? marked(item.title, item.titleHighlights)
            : item.title}</span
        >
        <span class="meta">
          ${item.source === null ? nothing : html`<span class="source"><bdi>${item.source}</bdi></span>`}
          ${item.source === null || date === null ? nothing : html`<span class="dot" aria-hidden="true"></span>`}
          ${date === null ? nothing : html`<span class="date">${date}</span>`}
          ${item.bookmarked ? html`<span class="saved" title=${strings.bookmarked}>${bookmarkIcon(true)}</span>` : nothing}
        </span>
${item.read ? nothing : html`<span class="visually-hidden">${strings.unread}</span>`}
        <span class="excerpt" dir="auto">${isHit(item) ? marked(item.snippet, item.highlights) : item.excerpt}</span>
      </button>
    </div>`;
  }

  private onRangeChanged(event: RangeChangedEvent): void {
    this.list?.ensure(event.first, event.last);
    this.retryPendingFocus();
  }

  /** The virtualizer renders rows on its own schedule: a row asked for before it existed is focused once it does. */
  private retryPendingFocus(frames = 20): void {
    if (this.pendingFocus === null || frames === 0) return;
    requestAnimationFrame(() => {
      if (this.pendingFocus === null) return;
      this.focusRow(this.pendingFocus);
      this.retryPendingFocus(frames - 1);
    });
  }

  private open(id: number): void {
    emit(this, 'open-article', { id });
  }

  private openRow(index: number, id: number): void {
    this.currentIndex = index;
    this.open(id);
  }

  /**
   * Moves to the next (1) or previous (-1) row, focusing and opening it, like a mail client's
   * message list; from the first row when none was opened yet. Returns false at either end.
   */
  step(delta: 1 | -1): boolean {
    const from = this.focusedIndex() ?? this.currentIndex;
    const next = from === null ? 0 : from + delta;
    if (next < 0 || next >= this.indices.length) return false;
    this.pendingFocus = next;
    this.focusRow(next);
    return true;
  }

  /** Puts the focus on the current article's row (or the first row), e.g. when leaving the reader. */
  focusCurrent(): void {
    const index = this.currentIndex ?? 0;
    const row = this.renderRoot.querySelector<HTMLButtonElement>(`button.row[data-index="${index}"]`);
    if (row !== null) {
      row.focus({ preventScroll: true });
      this.scrollRowIntoView(row);
    } else {
      this.pendingFocus = index;
      this.focusRow(index);
    }
  }

  /** Focuses the first row shown, without opening it. Returns false when there is none. */
  focusFirstRow(): boolean {
    const first = this.renderRoot.querySelector<HTMLElement>('button.row');
    first?.focus();
    return first !== null;
  }

  /** The row of the article last opened from this list. */
  get currentRowIndex(): number | null {
    return this.currentIndex;
  }

  /** Focuses and opens the row at `index` (clamped to the list). */
  selectIndex(index: number): void {
    if (this.indices.length === 0) return;
    const clamped = Math.min(Math.max(0, index), this.indices.length - 1);
    this.pendingFocus = clamped;
    this.focusRow(clamped);
    this.retryPendingFocus();
  }

  private focusedIndex(): number | null {
    const focused = this.renderRoot.querySelector<HTMLElement>('button.row:focus');
    return focused === null ? null : Number(focused.dataset.index);
  }

  /** Like scrollIntoView({block:'nearest'}) but on the list's own scroller only, never the window. */
  private scrollRowIntoView(row: HTMLElement): void {
    const scroller = this.scroller;
    if (scroller === null) return;
    const box = row.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.top < view.top) scroller.scrollTop -= view.top - box.top;
    else if (box.bottom > view.bottom) scroller.scrollTop += box.bottom - view.bottom;
  }

  private focusRow(index: number): void {
    const row = this.renderRoot.querySelector<HTMLButtonElement>(`button.row[data-index="${index}"]`);
    if (row === null) {
      // Not rendered (or not loaded) yet: bring it into view; updated() tries again.
      scrollToVirtualRow(this.scroller, index);
      return;
    }
    this.pendingFocus = null;
    row.focus({ preventScroll: true });
    this.scrollRowIntoView(row);
    const id = Number(row.dataset.id);
    this.currentIndex = index;
    if (id !== this.selectedId) this.open(id);
  }
}

customElements.define('sahifa-article-list', ArticleList);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-article-list': ArticleList;
  }
}
