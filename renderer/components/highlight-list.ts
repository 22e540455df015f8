/**
 * The rows of the highlights view: each highlight's quote as written (its own direction, isolated
 * from the interface's), its colour, its note, and its article's title, source and date.
 * Virtualized over a PagedList as the article list is, so thousands of highlights scroll like ten.
 * Choosing a row sends `open-highlight` up.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { HighlightListItem } from '../../common';
import type { PagedList } from '../paged-list';
import { formatShortDate } from '../format';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { rowStyles } from './row-styles';
import { sharedStyles } from './shared-styles';
import { rowIndices, scrollToVirtualRow } from './virtual-rows';

export class HighlightList extends LitElement {
  static override properties = {
    list: { attribute: false },
    revision: { attribute: false },
    selectedId: { attribute: false },
  };

  declare list: PagedList<HighlightListItem> | null;
  /** Bumped by the owner whenever the list's pages change, to re-render the visible rows. */
  declare revision: number;
  /** The highlight last chosen. */
  declare selectedId: string | null;

  private indices: number[] = [];
  /** A row asked for (by the keys) before the virtualizer had rendered it, and whether to open it. */
  private pendingFocus: { index: number; open: boolean } | null = null;

  constructor() {
    super();
    this.list = null;
    this.revision = 0;
    this.selectedId = null;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    rowStyles,
    css`
      .row {
        display: grid;
        gap: 0.35rem;
        min-block-size: 96px;
      }

      /* The quote as the reader highlighted it: painted in its colour as in the article, in its own direction. */
      .quote {
        display: -webkit-box;
        margin: 0;
        color: var(--text-strong);
        font-family: var(--font-reading);
        font-size: 0.95rem;
        line-height: 1.85;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
        unicode-bidi: isolate;
        text-align: start;
      }

      .quote .painted {
        padding: 0.1em 0;
        border-radius: 2px;
        background: var(--highlight-yellow);
        box-decoration-break: clone;
        -webkit-box-decoration-break: clone;
      }

      .row[data-color='green'] .painted {
        background: var(--highlight-green);
      }

      .row[data-color='blue'] .painted {
        background: var(--highlight-blue);
      }

      .row[data-color='pink'] .painted {
        background: var(--highlight-pink);
      }

      .note {
        display: -webkit-box;
        margin: 0;
        color: var(--text);
        font-size: 0.85rem;
        line-height: 1.6;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        unicode-bidi: isolate;
      }

      .note .label {
        color: var(--muted);
        font-weight: 600;
      }

      .title {
        display: block;
        color: var(--text);
        font-size: 0.85rem;
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        unicode-bidi: plaintext;
      }

      .meta {
        font-size: 0.78rem;
      }

      .placeholder .bar {
        block-size: 12px;
        margin-block: 6px;
      }

      .placeholder .bar.short {
        inline-size: 40%;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    const total = this.list?.total ?? 0;
    if (changed.has('list') || this.indices.length !== total) this.indices = rowIndices(total);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('list') && changed.get('list') != null) this.scroller?.scrollTo({ top: 0 });
    if (this.pendingFocus !== null) this.focusRow(this.pendingFocus.index, this.pendingFocus.open);
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  override render(): TemplateResult {
    return html`<div class="scroller" role="list" aria-label=${strings.highlightsListLabel} @rangeChanged=${this.onRangeChanged}>
      ${virtualize({ items: this.indices, scroller: true, layout: flow(), renderItem: (index: number) => this.renderRow(index) })}
    </div>`;
  }

  private renderRow(index: number): TemplateResult {
    const item = this.list?.get(index);
    if (item === undefined) {
      return html`<div class="item" role="listitem" aria-busy="true">
        <div class="row placeholder"><span class="bar"></span><span class="bar"></span><span class="bar short"></span></div>
      </div>`;
    }
    const date = formatShortDate(item.published ?? item.imported);
    return html`<div class="item" role="listitem">
      <button
        class="row"
        data-highlight=${item.id}
        data-article=${item.article}
        data-color=${item.color}
        data-index=${index}
        aria-current=${item.id === this.selectedId ? 'true' : 'false'}
        @click=${() => this.choose(item, true)}
      >
        <span class="visually-hidden">${strings.highlightColourName(strings.highlightColour[item.color])}</span>
        <span class="quote" dir="auto"><span class="painted">${item.quote}</span></span>
        ${item.note === null
          ? nothing
          : html`<span class="note"><span class="label">${strings.highlightNoteLabel}</span> <bdi dir="auto">${item.note}</bdi></span>`}
        <span class="title" dir="auto">${item.title || strings.untitled}</span>
        <span class="meta">
          ${item.source === null ? nothing : html`<span class="source" dir="auto">${item.source}</span>`}
          ${item.source === null || date === null ? nothing : html`<span class="dot" aria-hidden="true"></span>`}
          ${date === null ? nothing : html`<span class="date">${date}</span>`}
          ${item.orphaned ? html`<span class="orphaned">${strings.highlightOrphanedShort}</span>` : nothing}
        </span>
      </button>
    </div>`;
  }

  private onRangeChanged(event: RangeChangedEvent): void {
    this.list?.ensure(event.first, event.last);
    const pending = this.pendingFocus;
    if (pending !== null) requestAnimationFrame(() => this.pendingFocus === pending && this.focusRow(pending.index, pending.open));
  }

  private choose(item: HighlightListItem, focusText: boolean): void {
    emit(this, 'open-highlight', { id: item.id, article: item.article, focusText });
  }

  private rowAt(index: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button.row[data-index="${index}"]`);
  }

  private get currentIndex(): number | null {
    const row = this.renderRoot.querySelector<HTMLElement>('button.row:focus') ?? this.renderRoot.querySelector<HTMLElement>('button.row[aria-current="true"]');
    return row === null ? null : Number(row.dataset['index']);
  }

  /** Moves to the next (1) or previous (-1) highlight and opens it; false at either end. */
  step(delta: 1 | -1): boolean {
    const from = this.currentIndex;
    const next = from === null ? 0 : from + delta;
    if (next < 0 || next >= this.indices.length) return false;
    this.focusRow(next, true);
    return true;
  }

  /** Puts the focus on the chosen highlight's row (or the first), e.g. when leaving the reader. */
  focusCurrent(): void {
    this.focusRow(this.currentIndex ?? 0);
  }

  private focusRow(index: number, open = false): void {
    const row = this.rowAt(index);
    if (row === null || this.list?.get(index) === undefined) {
      // Not rendered (or not loaded) yet: bring it into view; updated() tries again.
      this.pendingFocus = { index, open };
      scrollToVirtualRow(this.scroller, index);
      return;
    }
    this.pendingFocus = null;
    row.focus();
    const item = this.list?.get(index);
    if (open && item !== undefined && item.id !== this.selectedId) this.choose(item, false);
  }
}

customElements.define('sahifa-highlight-list', HighlightList);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-highlight-list': HighlightList;
  }
}
