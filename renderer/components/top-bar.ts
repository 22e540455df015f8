/**
 * The top bar: the app's name, the search field (its text comes down, each keystroke goes up as
 * `search-input`), and the buttons for the shortcuts, the settings and importing; in a narrow
 * window, the button that opens the sidebar as a drawer.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { brandMark, closeIcon, importIcon, keyboardIcon, menuIcon, searchIcon, settingsIcon } from './icons';
import { boxlessHostStyles, sharedStyles } from './shared-styles';

export class TopBar extends LitElement {
  static override properties = {
    query: { type: String },
    narrow: { type: Boolean, reflect: true },
  };

  /** What the search field holds. */
  declare query: string;
  declare narrow: boolean;

  constructor() {
    super();
    this.query = '';
    this.narrow = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    boxlessHostStyles,
    css`
      /* Its columns line up with the sidebar's width. */
      header {
        display: grid;
        grid-template-columns: var(--sidebar-width) minmax(0, 1fr) auto;
        align-items: center;
        gap: 1rem;
        padding-inline-end: 1rem;
        border-block-end: 1px solid var(--border);
        background: var(--surface);
      }

      .brand {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        min-inline-size: 0;
        overflow: hidden;
        padding-inline-start: 1.1rem;
        color: var(--text-strong);
        font-family: var(--font-brand);
        font-size: 1.15rem;
        font-weight: 700;
        white-space: nowrap;
      }

      .brand svg {
        flex: none;
      }

      .brand small {
        overflow: hidden;
        color: var(--faint);
        font-family: var(--font-ui);
        font-size: 0.75rem;
        font-weight: 400;
        text-overflow: ellipsis;
      }

      .search {
        position: relative;
        display: flex;
        align-items: center;
        max-inline-size: 640px;
      }

      .search .search-icon {
        position: absolute;
        inset-inline-start: 0.8rem;
        color: var(--faint);
        pointer-events: none;
      }

      .search input {
        inline-size: 100%;
        block-size: 40px;
        padding-inline: 2.6rem 2.6rem;
        border: 1px solid var(--border-strong);
        border-radius: 999px;
        background: var(--bg);
        color: var(--text);
        font: inherit;
        font-size: 0.95rem;
        transition:
          border-color 120ms ease,
          background-color 120ms ease,
          box-shadow 120ms ease;
      }

      .search input::placeholder {
        color: var(--faint);
      }

      .search input:hover {
        border-color: var(--faint);
      }

      .search input:focus {
        border-color: var(--accent);
        background: var(--surface-raised);
        outline: none;
        box-shadow: 0 0 0 3px var(--accent-soft-strong);
      }

      .search input::-webkit-search-cancel-button {
        display: none;
      }

      .search .end {
        position: absolute;
        inset-inline-end: 0.45rem;
        display: flex;
        align-items: center;
      }

      .search kbd {
        min-inline-size: 1.5rem;
        padding: 0 0.4rem;
        border: 1px solid var(--border-strong);
        border-radius: 5px;
        color: var(--faint);
        font-family: var(--font-ui);
        font-size: 0.75rem;
        line-height: 1.6;
        text-align: center;
        margin-inline-end: 0.35rem;
      }

      .search .icon-button {
        inline-size: 30px;
        block-size: 30px;
        border-radius: 50%;
      }

      .top-actions {
        display: flex;
        align-items: center;
        gap: 0.35rem;
      }

      @media (max-width: 1100px) {
        .brand .name,
        .brand small {
          display: none;
        }
      }

      :host([narrow]) header {
        grid-template-columns: auto minmax(0, 1fr) auto;
      }

      :host([narrow]) .brand {
        gap: 0.25rem;
        padding-inline-start: 0.5rem;
      }

      :host([narrow]) .import-label {
        display: none;
      }
    `,
  ];

  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#search');
  }

  /** Puts the focus in the search field, its text selected to be typed over. */
  focusSearch(select = true): void {
    const input = this.searchInput;
    input?.focus();
    if (select) input?.select();
  }

  override render(): TemplateResult {
    return html`<header>
      <div class="brand">
        ${this.narrow
          ? html`<button
              class="icon-button sidebar-toggle"
              aria-haspopup="dialog"
              title=${`${strings.showSidebar} (S)`}
              aria-label=${strings.showSidebar}
              @click=${(event: MouseEvent) => emit(this, 'toggle-sidebar', { opener: event.currentTarget as HTMLElement })}
            >
              ${menuIcon}
            </button>`
          : nothing}${brandMark}<span class="name">${strings.appName}</span><small>${strings.appTagline}</small></div>
      <div class="search" role="search">
        <span class="search-icon">${searchIcon}</span>
        <input
          id="search"
          type="search"
          dir="auto"
          autocomplete="off"
          spellcheck="false"
          placeholder=${strings.searchPlaceholder}
          aria-label=${strings.searchLabel}
          title=${strings.searchShortcutHint}
          .value=${this.query}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        />
        <span class="end">
          ${this.query === ''
            ? html`<kbd aria-hidden="true">/</kbd>`
            : html`<button class="icon-button" title=${strings.clearSearch} aria-label=${strings.clearSearch} @click=${this.clear}>${closeIcon}</button>`}
        </span>
      </div>
      <div class="top-actions">
        <button
          class="icon-button shortcuts-button"
          title=${`${strings.shortcuts} (?)`}
          aria-label=${strings.shortcuts}
          @click=${(event: MouseEvent) => emit(this, 'show-shortcuts', { opener: event.currentTarget as HTMLElement })}
        >
          ${keyboardIcon}
        </button>
        <button
          class="icon-button settings-button"
          title=${strings.settings}
          aria-label=${strings.settings}
          @click=${(event: MouseEvent) => emit(this, 'show-settings', { opener: event.currentTarget as HTMLElement })}
        >
          ${settingsIcon}
        </button>
        <button class="button primary import" title=${strings.importTitle} @click=${() => emit(this, 'start-import')}>
          ${importIcon}<span class="import-label">${strings.importButton}</span>
        </button>
      </div>
    </header>`;
  }

  private onInput(event: InputEvent): void {
    emit(this, 'search-input', { text: (event.target as HTMLInputElement).value });
  }

  private clear(): void {
    emit(this, 'search-clear');
    this.focusSearch(false);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (this.query !== '') this.clear();
      else this.searchInput?.blur();
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      // Into the results: the owner moves the focus to the first one, and the arrows walk from there.
      const intoResults = event.key === 'ArrowDown';
      if (!emit(this, 'search-commit', { intoResults }) && intoResults) event.preventDefault();
    }
  }
}

customElements.define('sahifa-top-bar', TopBar);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-top-bar': TopBar;
  }
}
