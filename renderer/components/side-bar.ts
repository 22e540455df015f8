/**
 * The sidebar: the library and the bookmarks with their counts, the highlights, then the tags. On small windows
 * it turns into tabs above the list. Choices go up as `view-selected` and `tag-selected`.
 */
import { LitElement, css, html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { LibraryStats, TagCount } from '../../common';
import type { Section } from '../view-state';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { formatNumber, strings } from '../strings';
import { bookmarkIcon, highlighterIcon, libraryIcon, tagIcon } from './icons';
import { boxlessHostStyles, sharedStyles } from './shared-styles';

export class SideBar extends LitElement {
  static override properties = {
    view: { type: String },
    tag: { attribute: false },
    stats: { attribute: false },
    tags: { attribute: false },
    narrow: { type: Boolean, reflect: true },
    scoped: { type: Boolean },
  };

  declare view: Section;
  /** The tag the list is limited to, null for none. */
  declare tag: string | null;
  declare stats: LibraryStats | null;
  declare tags: TagCount[];
  declare narrow: boolean;
  /** The list is narrowed to a subscription (the slotted feed tree shows which). */
  declare scoped: boolean;

  constructor() {
    super();
    this.view = 'library';
    this.tag = null;
    this.stats = null;
    this.tags = [];
    this.narrow = false;
    this.scoped = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    boxlessHostStyles,
    css`
      nav {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        padding: 1rem 0.75rem;
        border-inline-end: 1px solid var(--border);
        overflow-y: auto;
      }

      nav h2 {
        margin: 0 0 0.35rem;
        padding-inline: 0.65rem;
        color: var(--faint);
        font-size: 0.75rem;
        font-weight: 600;
      }

      nav h2.tags-heading {
        margin-block-start: 1rem;
      }

      .nav-item {
        display: flex;
        align-items: center;
        gap: 0.65rem;
        inline-size: 100%;
        block-size: 40px;
        padding-inline: 0.65rem;
        border: 0;
        border-radius: var(--radius);
        background: transparent;
        color: var(--muted);
        font-weight: 500;
        text-align: start;
        cursor: pointer;
      }

      .nav-item:hover {
        background: var(--surface-hover);
        color: var(--text);
      }

      .nav-item[aria-current='page'] {
        background: var(--accent-soft);
        color: var(--accent);
        font-weight: 600;
      }

      .nav-item .label {
        flex: 1;
      }

      .nav-item[aria-current='page'] .badge {
        background: var(--surface-raised);
        color: var(--accent);
      }

      .tag-list {
        display: grid;
        gap: 0.2rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .nav-item.tag-item .icon {
        inline-size: 18px;
        block-size: 18px;
      }

      .nav-item.tag-item .label {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      nav .hint {
        margin-block-start: auto;
        padding: 0.85rem;
        border: 1px dashed var(--border-strong);
        border-radius: var(--radius);
        color: var(--faint);
        font-size: 0.78rem;
        line-height: 1.7;
      }

      /* Icons only. */
      @media (max-width: 1100px) {
        nav h2,
        nav .hint,
        .nav-item .label,
        .nav-item .badge {
          display: none;
        }

        .nav-item {
          justify-content: center;
          padding: 0;
        }
      }

      /* The sections become tabs above the list. */
      :host([narrow]) nav {
        flex-direction: row;
        padding: 0.5rem 0.75rem;
        border-inline-end: 0;
        border-block-end: 1px solid var(--border);
        background: var(--surface);
      }

      :host([narrow]) nav h2,
      :host([narrow]) nav .hint {
        display: none;
      }

      :host([narrow]) .nav-item {
        inline-size: auto;
        padding-inline: 0.85rem;
      }

      :host([narrow]) .nav-item .label,
      :host([narrow]) .nav-item .badge {
        display: inline;
      }
    `,
  ];

  override render(): TemplateResult {
    const item = (view: Section, icon: SVGTemplateResult, label: string, count: number | undefined) =>
      html`<button
        class="nav-item"
        data-view=${view}
        aria-current=${this.view === view && this.tag === null && !this.scoped ? 'page' : 'false'}
        title=${label}
        @click=${() => emit(this, 'view-selected', { view })}
      >
        ${icon}<span class="label">${label}</span>
        ${count === undefined ? nothing : html`<span class="badge">${formatNumber(count)}</span>`}
      </button>`;
    return html`<nav aria-label=${strings.navigation}>
      <h2>${strings.navigation}</h2>
      ${item('library', libraryIcon, strings.library, this.stats?.articles)}
      ${item('bookmarks', bookmarkIcon(false), strings.bookmarks, this.stats?.bookmarks)}
      ${item('highlights', highlighterIcon, strings.highlights, undefined)}
      ${this.tags.length === 0
        ? nothing
        : html`<h2 class="tags-heading" id="tags-heading">${strings.tags}</h2>
            <ul class="tag-list" aria-labelledby="tags-heading" role="list">
              ${this.tags.map(
                ({ name, count }) =>
                  html`<li>
                    <button
                      class="nav-item tag-item"
                      data-tag=${name}
                      aria-current=${this.tag === name ? 'page' : 'false'}
                      title=${name}
                      @click=${() => emit(this, 'tag-selected', { tag: name })}
                    >
                      ${tagIcon}<span class="label" dir="auto">${name}</span><span class="badge">${formatNumber(count)}</span>
                    </button>
                  </li>`,
              )}
            </ul>`}
      <slot></slot>
      <p class="hint">${strings.emptyLibraryText}</p>
    </nav>`;
  }
}

customElements.define('sahifa-sidebar', SideBar);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-sidebar': SideBar;
  }
}
