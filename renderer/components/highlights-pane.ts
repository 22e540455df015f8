/**
 * The list pane while the highlights view is on: its title and count, the narrowing by colour, tag
 * and feed, the export of every highlight (Markdown, W3C JSON), and the highlights (or why there
 * are none, and how to make one). Choices go up as `highlights-narrowed` and `export-highlights`;
 * rows as `open-highlight`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightExportFormat, type HighlightListItem, type TagCount } from '../../common';
import type { FeedChoice, HighlightNarrowing } from '../view-state';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import type { PagedList } from '../paged-list';
import { strings } from '../strings';
import type { HighlightList } from './highlight-list';
import { downloadIcon, highlighterIcon } from './icons';
import { paneStyles } from './pane-styles';
import { boxlessHostStyles, sharedStyles } from './shared-styles';
import './highlight-list';

export class HighlightsPane extends LitElement {
  static override properties = {
    list: { attribute: false },
    revision: { attribute: false },
    error: { attribute: false },
    narrowing: { attribute: false },
    tags: { attribute: false },
    feeds: { attribute: false },
    selectedId: { attribute: false },
    narrow: { type: Boolean, reflect: true },
  };

  declare list: PagedList<HighlightListItem> | null;
  declare revision: number;
  declare error: string | null;
  declare narrowing: HighlightNarrowing;
  /** The library's tags, to narrow by. */
  declare tags: TagCount[];
  /** The subscriptions, to narrow by; the feed choice is left out while there are none. */
  declare feeds: FeedChoice[];
  declare selectedId: string | null;
  declare narrow: boolean;

  constructor() {
    super();
    this.list = null;
    this.revision = 0;
    this.error = null;
    this.narrowing = { color: null, tag: null, feed: null };
    this.tags = [];
    this.feeds = [];
    this.selectedId = null;
    this.narrow = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    boxlessHostStyles,
    paneStyles,
    css`
      .list-tools .export {
        display: flex;
        flex-basis: 100%;
        align-items: center;
        gap: 0.4rem;
        color: var(--muted);
        font-size: 0.82rem;
      }

      .list-tools .export .button {
        block-size: 30px;
        padding-inline: 0.6rem;
        font-size: 0.8rem;
      }

      .list-tools .export .icon {
        inline-size: 16px;
        block-size: 16px;
      }

      .list-empty p {
        line-height: 1.8;
      }
    `,
  ];

  /** The rows, when there are some. */
  get highlightList(): HighlightList | null {
    return this.renderRoot.querySelector('sahifa-highlight-list');
  }

  override render(): TemplateResult {
    const total = this.list?.total;
    return html`<section class="list-pane" aria-labelledby="highlights-title">
      <div class="list-header">
        <h1 id="highlights-title">${strings.highlights}</h1>
        <span class="count" role="status" aria-live="polite">${total === null || total === undefined ? '' : strings.highlightCount(total)}</span>
      </div>
      ${this.renderTools()} ${this.renderBody()}
    </section>`;
  }

  private renderTools(): TemplateResult {
    const { color, tag, feed } = this.narrowing;
    const hasAny = (this.list?.total ?? 0) > 0 || color !== null || tag !== null || feed !== null;
    return html`<div class="list-tools">
      <select class="colour" aria-label=${strings.highlightColourLabel} @change=${this.onColour}>
        <option value="" ?selected=${color === null}>${strings.allColours}</option>
        ${HIGHLIGHT_COLORS.map((c) => html`<option value=${c} ?selected=${color === c}>${strings.highlightColour[c]}</option>`)}
      </select>
      <select class="tag" aria-label=${strings.tagLabel} @change=${this.onTag}>
        <option value="" ?selected=${tag === null}>${strings.allTags}</option>
        ${this.tags.map(({ name }) => html`<option value=${name} ?selected=${tag === name}>${name}</option>`)}
      </select>
      ${this.feeds.length === 0
        ? nothing
        : html`<select class="feed" aria-label=${strings.feedLabel} @change=${this.onFeed}>
            <option value="" ?selected=${feed === null}>${strings.allFeeds}</option>
            ${this.feeds.map(({ id, title }) => html`<option value=${String(id)} ?selected=${feed === id}>${title}</option>`)}
          </select>`}
      ${hasAny
        ? html`<div class="export" role="group" aria-label=${strings.exportAllHighlights}>
            <span aria-hidden="true">${strings.exportAllHighlights}</span>
            ${this.exportButton('md', 'Markdown', strings.exportHighlightsMd)} ${this.exportButton('json', 'JSON', strings.exportHighlightsJson)}
          </div>`
        : nothing}
    </div>`;
  }

  private exportButton(format: HighlightExportFormat, label: string, title: string): TemplateResult {
    return html`<button class="button export-${format}" title=${title} aria-label=${title} @click=${() => emit(this, 'export-highlights', { format, all: true })}>
      ${downloadIcon}${label}
    </button>`;
  }

  private onColour(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    emit(this, 'highlights-narrowed', { color: value === '' ? null : (value as HighlightColor) });
  }

  private onTag(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    emit(this, 'highlights-narrowed', { tag: value === '' ? null : value });
  }

  private onFeed(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    emit(this, 'highlights-narrowed', { feed: value === '' ? null : Number(value) });
  }

  private renderBody(): TemplateResult {
    if (this.error !== null) {
      return html`<div class="list-empty"><p class="list-error" role="alert">${strings.errorPrefix} ${this.error}</p></div>`;
    }
    if (this.list?.total === 0) {
      const { color, tag, feed } = this.narrowing;
      if (color !== null || tag !== null || feed !== null) {
        return html`<div class="list-empty">${highlighterIcon}<h2>${strings.noHighlightsFilteredTitle}</h2><p>${strings.noHighlightsFilteredText}</p></div>`;
      }
      return html`<div class="list-empty">
        ${highlighterIcon}
        <h2>${strings.noHighlightsTitle}</h2>
        <p>${strings.noHighlightsText}</p>
      </div>`;
    }
    return html`<sahifa-highlight-list .list=${this.list} .revision=${this.revision} .selectedId=${this.selectedId}></sahifa-highlight-list>`;
  }
}

customElements.define('sahifa-highlights-pane', HighlightsPane);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-highlights-pane': HighlightsPane;
  }
}
