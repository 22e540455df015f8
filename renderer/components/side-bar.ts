/**
 * The sidebar: the library and the bookmarks with their counts, the highlights, then the tags, and
 * the subscriptions (slotted). In a middling window it shows icons only (`compact`); in a narrow
 * one (`drawer`) it is out of the layout and opens over it as a modal drawer from the window's
 * start side (the right, in Arabic): the focus moves into it, Esc, a click outside or a choice
 * closes it, and the focus goes back to the button that opened it. Choices go up as
 * `view-selected` and `tag-selected`.
 */
import { css, html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { LibraryStats, TagCount } from '../../common';
import type { Section } from '../view-state';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { formatNumber, strings } from '../strings';
import { bookmarkIcon, highlighterIcon, libraryIcon, tagIcon } from './icons';
import { ModalDialog } from './modal-dialog';
import { boxlessHostStyles, sharedStyles } from './shared-styles';

/** Choices that close the drawer: the list now shows what was chosen. */
const CHOICES = ['view-selected', 'tag-selected', 'feed-scope-selected'] as const;

export class SideBar extends ModalDialog {
  static override properties = {
    view: { type: String },
    tag: { attribute: false },
    stats: { attribute: false },
    tags: { attribute: false },
    compact: { type: Boolean, reflect: true },
    drawer: { type: Boolean, reflect: true },
    scoped: { type: Boolean },
  };

  declare view: Section;
  /** The tag the list is limited to, null for none. */
  declare tag: string | null;
  declare stats: LibraryStats | null;
  declare tags: TagCount[];
  /** Icons only. */
  declare compact: boolean;
  /** Out of the layout; opened over it by openDrawer(). */
  declare drawer: boolean;
  /** The list is narrowed to a subscription (the slotted feed tree shows which). */
  declare scoped: boolean;

  constructor() {
    super();
    this.view = 'library';
    this.tag = null;
    this.stats = null;
    this.tags = [];
    this.compact = false;
    this.drawer = false;
    this.scoped = false;
    new LocaleController(this);
  }

  /** Opens the drawer (in a narrow window), the focus on what the list shows. */
  async openDrawer(opener: HTMLElement | null): Promise<void> {
    if (!this.drawer || this.isOpen) return;
    await this.openFrom(opener);
    this.focusCurrent();
  }

  /** The focus on the section, tag or subscription the list shows (else the first section). */
  focusCurrent(): void {
    const current = this.querySelector('sahifa-feed-tree')?.currentItem() ?? this.renderRoot.querySelector<HTMLElement>('[aria-current="page"]');
    (current ?? this.renderRoot.querySelector<HTMLElement>('.nav-item'))?.focus();
  }

  private readonly onDrawerClick = (event: MouseEvent): void => {
    // A click on the backdrop reaches the dialog itself, outside its box.
    const dialog = event.currentTarget as HTMLDialogElement;
    const box = dialog.getBoundingClientRect();
    const outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
    if (event.target === dialog && outside) this.close();
  };

  private readonly onChoice = (): void => {
    if (this.isOpen) this.close();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of CHOICES) this.addEventListener(type, this.onChoice);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of CHOICES) this.removeEventListener(type, this.onChoice);
  }

  protected override updated(): void {
    // The window grew out of the narrow layout while the drawer was open.
    if (!this.drawer && this.isOpen) this.close();
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
      :host([compact]) :is(nav h2, nav .hint, .nav-item .label, .nav-item .badge) {
        display: none;
      }

      :host([compact]) .nav-item {
        justify-content: center;
        padding: 0;
      }

      /* The drawer: the full sidebar over the window, from its start side. */
      dialog.drawer {
        position: fixed;
        inset-block: 0;
        inset-inline: 0 auto;
        inline-size: min(300px, 86vw);
        max-inline-size: none;
        block-size: 100%;
        max-block-size: none;
        margin: 0;
        padding: 0;
        border: 0;
        border-inline-end: 1px solid var(--border-strong);
        background: var(--surface);
        color: var(--text);
        box-shadow: var(--shadow-lg);
        animation: drawer-in 160ms ease-out;
      }

      dialog.drawer::backdrop {
        background: rgb(0 0 0 / 0.4);
      }

      dialog.drawer nav {
        box-sizing: border-box;
        min-block-size: 100%;
        border-inline-end: 0;
      }

      @keyframes drawer-in {
        from {
          transform: translateX(-100%);
        }
      }

      @keyframes drawer-in-rtl {
        from {
          transform: translateX(100%);
        }
      }

      :host(:dir(rtl)) dialog.drawer {
        animation-name: drawer-in-rtl;
      }

      @media (prefers-reduced-motion: reduce) {
        dialog.drawer {
          animation: none;
        }
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
    const nav = html`<nav aria-label=${strings.navigation}>
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
    return this.drawer
      ? html`<dialog class="drawer" aria-label=${strings.showSidebar} @close=${this.onClose} @click=${this.onDrawerClick}>${nav}</dialog>`
      : nav;
  }
}

customElements.define('sahifa-sidebar', SideBar);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-sidebar': SideBar;
  }
}
