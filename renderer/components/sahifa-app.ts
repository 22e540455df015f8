/**
 * The window: top bar (brand, search, import), sidebar (library, bookmarks), the list of articles
 * or search results, and the reader. It owns the app's state and is the only component that
 * calls window.sahifa; the others render what they are given and send events up.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ArticleView, ImportReport, LibraryStats, SahifaEvent } from '../../preload/api';
import { importFiles } from '../file-import';
import { PagedList } from '../paged-list';
import { sahifa } from '../sahifa';
import { formatNumber, strings } from '../strings';
import type { ListItem } from './article-list';
import type { ImportStatus } from './import-toast';
import { brandMark, bookmarkIcon, closeIcon, importIcon, libraryIcon, searchIcon } from './icons';
import { sharedStyles } from './shared-styles';
import './article-list';
import './article-reader';
import './import-toast';

type View = 'library' | 'bookmarks';

const SEARCH_DEBOUNCE_MS = 120;
const PAGE_SIZE = 50;
const NARROW = '(max-width: 760px)';

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** The element that really has focus, looking through shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Same import seen twice (our own call's report, then main's library-changed event): show it once. */
const reportKey = (report: ImportReport): string =>
  `${report.imported}/${report.duplicates}/${report.failed.length}/${report.ids.join(',')}`;

export class SahifaApp extends LitElement {
  static override properties = {
    view: { state: true },
    query: { state: true },
    activeQuery: { state: true },
    list: { state: true },
    listRevision: { state: true },
    listError: { state: true },
    stats: { state: true },
    selectedId: { state: true },
    article: { state: true },
    articleLoading: { state: true },
    articleError: { state: true },
    importStatus: { state: true },
    dragging: { state: true },
    narrow: { type: Boolean, reflect: true },
    pane: { type: String, reflect: true },
  };

  declare view: View;
  /** What the search field holds. */
  declare query: string;
  /** The query the list shows results for (trimmed, after the debounce); '' shows the library. */
  declare activeQuery: string;
  declare list: PagedList<ListItem> | null;
  declare listRevision: number;
  declare listError: string | null;
  declare stats: LibraryStats | null;
  declare selectedId: number | null;
  declare article: ArticleView | null;
  declare articleLoading: boolean;
  declare articleError: string | null;
  declare importStatus: ImportStatus | null;
  declare dragging: boolean;
  /** One pane at a time on small windows. */
  declare narrow: boolean;
  declare pane: 'list' | 'reader';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private articleRequest = 0;
  private dragDepth = 0;
  private lastReportKey = '';
  private unsubscribe: (() => void) | null = null;
  private readonly narrowQuery = window.matchMedia(NARROW);

  constructor() {
    super();
    this.view = 'library';
    this.query = '';
    this.activeQuery = '';
    this.list = null;
    this.listRevision = 0;
    this.listError = null;
    this.stats = null;
    this.selectedId = null;
    this.article = null;
    this.articleLoading = false;
    this.articleError = null;
    this.importStatus = null;
    this.dragging = false;
    this.narrow = this.narrowQuery.matches;
    this.pane = 'list';
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        --sidebar-width: 212px;
        --list-width: 380px;
        display: grid;
        grid-template-rows: var(--topbar-height) minmax(0, 1fr);
        block-size: 100%;
        background: var(--bg);
      }

      /* ---------- top bar ---------- */
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
        padding-inline-start: 1.1rem;
        color: var(--text-strong);
        font-family: var(--font-brand);
        font-size: 1.15rem;
        font-weight: 700;
        white-space: nowrap;
      }

      .brand small {
        color: var(--faint);
        font-family: var(--font-ui);
        font-size: 0.75rem;
        font-weight: 400;
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

      /* ---------- body ---------- */
      .body {
        display: grid;
        grid-template-columns: var(--sidebar-width) var(--list-width) minmax(0, 1fr);
        min-block-size: 0;
      }

      nav {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        padding: 1rem 0.75rem;
        border-inline-end: 1px solid var(--border);
      }

      nav h2 {
        margin: 0 0 0.35rem;
        padding-inline: 0.65rem;
        color: var(--faint);
        font-size: 0.75rem;
        font-weight: 600;
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

      .nav-item .badge {
        min-inline-size: 1.6rem;
        padding: 0 0.4rem;
        border-radius: 999px;
        background: var(--surface-hover);
        color: var(--muted);
        font-size: 0.75rem;
        font-weight: 500;
        line-height: 1.6rem;
        text-align: center;
      }

      .nav-item[aria-current='page'] .badge {
        background: var(--surface-raised);
        color: var(--accent);
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

      .list-pane {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr);
        min-block-size: 0;
        border-inline-end: 1px solid var(--border);
        background: var(--surface);
      }

      .list-header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        min-block-size: 56px;
        padding: 0.9rem 1.25rem 0.7rem;
        border-block-end: 1px solid var(--border);
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

      sahifa-article-reader {
        min-inline-size: 0;
      }

      /* ---------- drop overlay ---------- */
      .drop {
        position: fixed;
        inset: 0;
        z-index: 30;
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 0.5rem;
        margin: 0.75rem;
        border: 2px dashed var(--accent);
        border-radius: var(--radius-lg);
        background: color-mix(in srgb, var(--bg) 88%, transparent);
        color: var(--accent);
        font-size: 1.2rem;
        font-weight: 600;
        pointer-events: none;
        backdrop-filter: blur(2px);
      }

      .drop .icon {
        inline-size: 44px;
        block-size: 44px;
      }

      .drop small {
        color: var(--muted);
        font-size: 0.85rem;
        font-weight: 400;
      }

      input[type='file'] {
        display: none;
      }

      /* ---------- smaller windows ---------- */
      @media (max-width: 1100px) {
        :host {
          --sidebar-width: 64px;
          --list-width: 340px;
        }

        .brand .name,
        .brand small,
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

      :host([narrow]) {
        --sidebar-width: 0px;
      }

      :host([narrow]) header {
        grid-template-columns: auto minmax(0, 1fr) auto;
      }

      :host([narrow]) .body {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto minmax(0, 1fr);
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

      :host([narrow][pane='reader']) nav {
        display: none;
      }

      :host([narrow][pane='reader']) .body {
        grid-template-rows: minmax(0, 1fr);
      }

      :host([narrow][pane='list']) sahifa-article-reader,
      :host([narrow][pane='reader']) .list-pane {
        display: none;
      }

      :host([narrow]) .list-pane {
        border-inline-end: 0;
      }

      :host([narrow]) .import-label {
        display: none;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
    this.narrowQuery.addEventListener('change', this.onNarrowChange);
    this.unsubscribe = sahifa().onEvent(this.onAppEvent);
    this.reloadList();
    void this.refreshStats();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
    this.narrowQuery.removeEventListener('change', this.onNarrowChange);
    this.unsubscribe?.();
    this.list?.close();
    clearTimeout(this.searchTimer);
  }

  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#search');
  }

  private get fileInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
  }

  // ---------------------------------------------------------------- data

  /** Replaces the list with a fresh one for the current view and query; answers for the old one are dropped. */
  private reloadList(): void {
    this.list?.close();
    const query = this.activeQuery;
    const bookmarked = this.view === 'bookmarks';
    const api = sahifa();
    const list = new PagedList<ListItem>(
      query === ''
        ? (offset, limit) => api.listArticles({ filter: bookmarked ? 'bookmarked' : 'all', offset, limit })
        : (offset, limit) => api.search({ query, offset, limit, bookmarked }),
      {
        pageSize: PAGE_SIZE,
        onChange: () => {
          if (this.list === list) this.listRevision++;
        },
        onError: (error) => {
          if (this.list === list) this.listError = messageOf(error);
        },
      },
    );
    this.list = list;
    this.listError = null;
    void list.start();
  }

  private async refreshStats(): Promise<void> {
    try {
      this.stats = await sahifa().stats({});
    } catch (error) {
      console.warn('sahifa: stats failed', error);
    }
  }

  private refreshAll(): void {
    this.reloadList();
    void this.refreshStats();
  }

  private async openArticle(id: number): Promise<void> {
    const request = ++this.articleRequest;
    this.selectedId = id;
    this.articleLoading = true;
    this.articleError = null;
    if (this.narrow) this.pane = 'reader';
    const query = this.activeQuery;
    try {
      const article = await sahifa().getArticle(query === '' ? { id } : { id, query });
      if (request !== this.articleRequest) return;
      this.article = article;
    } catch (error) {
      if (request !== this.articleRequest) return;
      this.article = null;
      this.articleError = messageOf(error) || strings.articleNotFound;
    } finally {
      if (request === this.articleRequest) this.articleLoading = false;
    }
  }

  private async toggleBookmark(): Promise<void> {
    const article = this.article;
    if (article === null) return;
    const bookmarked = !article.bookmarked;
    try {
      const result = await sahifa().setBookmark({ id: article.id, bookmarked });
      if (this.article?.id === result.id) this.article = { ...this.article, bookmarked: result.bookmarked };
      if (this.view === 'bookmarks') this.reloadList();
      else this.list?.update((item) => item.id === result.id, (item) => ({ ...item, bookmarked: result.bookmarked }));
      void this.refreshStats();
    } catch (error) {
      this.articleError = messageOf(error);
    }
  }

  // ---------------------------------------------------------------- import

  private async startImport(): Promise<void> {
    if (sahifa().shell === 'electron') {
      try {
        const picked = await sahifa().pickAndImport({});
        if (picked.supported) {
          if (picked.report !== null) this.showReport(picked.report);
          return;
        }
      } catch (error) {
        this.importStatus = { kind: 'error', message: messageOf(error) };
        return;
      }
    }
    this.fileInput?.click();
  }

  private async importFileList(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    this.importStatus = { kind: 'progress', done: 0, total: files.length };
    try {
      const report = await importFiles(files, (done, total) => {
        if (this.importStatus?.kind === 'progress') this.importStatus = { kind: 'progress', done, total };
      });
      this.showReport(report);
    } catch (error) {
      this.importStatus = { kind: 'error', message: messageOf(error) };
      this.refreshAll();
    }
  }

  private async importPathList(paths: string[]): Promise<void> {
    this.importStatus = { kind: 'progress', done: 0, total: paths.length };
    try {
      this.showReport(await sahifa().importPaths({ paths }));
    } catch (error) {
      this.importStatus = { kind: 'error', message: messageOf(error) };
      this.refreshAll();
    }
  }

  private showReport(report: ImportReport): void {
    this.lastReportKey = reportKey(report);
    this.importStatus = { kind: 'report', report };
    this.refreshAll();
  }

  private readonly onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.importFileList(files);
  };

  // ---------------------------------------------------------------- events

  private readonly onAppEvent = (event: SahifaEvent): void => {
    switch (event.type) {
      case 'library-changed':
        if (event.report !== null && reportKey(event.report) !== this.lastReportKey) {
          this.lastReportKey = reportKey(event.report);
          this.importStatus = { kind: 'report', report: event.report };
        }
        this.refreshAll();
        break;
      case 'focus-search':
        this.focusSearch();
        break;
      case 'import-requested':
        void this.startImport();
        break;
    }
  };

  private focusSearch(): void {
    const input = this.searchInput;
    input?.focus();
    input?.select();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (event.key === 'f' || event.key === 'F' || event.code === 'KeyF')) {
      event.preventDefault();
      this.focusSearch();
      return;
    }
    const target = deepActiveElement();
    if (isEditable(target) || mod || event.altKey) return;
    if (event.key === '/') {
      event.preventDefault();
      this.focusSearch();
    } else if ((event.key === 'b' || event.key === 'B' || event.code === 'KeyB') && this.article !== null) {
      // event.code too: with an Arabic layout the B key types "لا".
      event.preventDefault();
      void this.toggleBookmark();
    } else if (event.key === 'Escape' && this.narrow && this.pane === 'reader') {
      this.pane = 'list';
    }
  };

  private onSearchInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applyQuery(), SEARCH_DEBOUNCE_MS);
  }

  private onSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (this.query !== '') this.clearSearch();
      else this.searchInput?.blur();
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      // Into the results: open the first one, and let the arrows walk from there.
      clearTimeout(this.searchTimer);
      this.applyQuery();
      const first = this.renderRoot.querySelector('sahifa-article-list')?.shadowRoot?.querySelector<HTMLElement>('button.row');
      if (first && event.key === 'ArrowDown') {
        event.preventDefault();
        first.focus();
      }
    }
  }

  private applyQuery(): void {
    const query = this.query.trim();
    if (query === this.activeQuery) return;
    this.activeQuery = query;
    this.reloadList();
  }

  private clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.query = '';
    this.applyQuery();
    this.searchInput?.focus();
  }

  private setView(view: View): void {
    if (view === this.view && this.activeQuery === '') return;
    this.view = view;
    if (this.narrow) this.pane = 'list';
    this.reloadList();
  }

  private readonly onNarrowChange = (event: MediaQueryListEvent): void => {
    this.narrow = event.matches;
  };

  private hasFiles(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes('Files') ?? false;
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    this.dragDepth++;
    this.dragging = true;
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!this.hasFiles(event)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  };

  private readonly onDrop = (event: DragEvent): void => {
    // Always: a file dropped anywhere must never make the window navigate to it.
    event.preventDefault();
    this.dragDepth = 0;
    this.dragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    // Electron knows where dropped files live: import by path, which also takes whole folders.
    const api = sahifa();
    const paths = api.getPathForFile === undefined ? [] : files.map((file) => api.getPathForFile?.(file) ?? '').filter((p) => p !== '');
    if (paths.length === files.length) void this.importPathList(paths);
    else void this.importFileList(files);
  };

  // ---------------------------------------------------------------- render

  override render(): TemplateResult {
    return html`
      ${this.renderTopBar()}
      <div class="body">
        ${this.renderSidebar()}
        <section class="list-pane" aria-labelledby="list-title">${this.renderListHeader()} ${this.renderListBody()}</section>
        <sahifa-article-reader
          .article=${this.article}
          .loading=${this.articleLoading}
          .error=${this.articleError}
          ?narrow=${this.narrow}
          @toggle-bookmark=${() => void this.toggleBookmark()}
          @reader-back=${() => (this.pane = 'list')}
          @open-external=${(event: CustomEvent<{ url: string }>) => void sahifa().openExternal({ url: event.detail.url })}
        ></sahifa-article-reader>
      </div>
      <sahifa-import-toast .status=${this.importStatus} @dismiss=${() => (this.importStatus = null)}></sahifa-import-toast>
      ${this.dragging
        ? html`<div class="drop" aria-hidden="true">${importIcon}<span>${strings.dropHere}</span><small>${strings.dropHint}</small></div>`
        : nothing}
      <input type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.onFilesChosen} />
    `;
  }

  private renderTopBar(): TemplateResult {
    return html`<header>
      <div class="brand">${brandMark}<span class="name">${strings.appName}</span><small>${strings.appTagline}</small></div>
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
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeyDown}
        />
        <span class="end">
          ${this.query === ''
            ? html`<kbd aria-hidden="true">/</kbd>`
            : html`<button class="icon-button" title=${strings.clearSearch} aria-label=${strings.clearSearch} @click=${this.clearSearch}>
                ${closeIcon}
              </button>`}
        </span>
      </div>
      <button class="button primary import" title=${strings.importTitle} @click=${() => void this.startImport()}>
        ${importIcon}<span class="import-label">${strings.importButton}</span>
      </button>
    </header>`;
  }

  private renderSidebar(): TemplateResult {
    const item = (view: View, icon: TemplateResult | ReturnType<typeof bookmarkIcon>, label: string, count: number | undefined) =>
      html`<button
        class="nav-item"
        data-view=${view}
        aria-current=${this.view === view ? 'page' : 'false'}
        title=${label}
        @click=${() => this.setView(view)}
      >
        ${icon}<span class="label">${label}</span>
        ${count === undefined ? nothing : html`<span class="badge">${formatNumber(count)}</span>`}
      </button>`;
    return html`<nav aria-label=${strings.navigation}>
      <h2>${strings.navigation}</h2>
      ${item('library', libraryIcon, strings.library, this.stats?.articles)}
      ${item('bookmarks', bookmarkIcon(false), strings.bookmarks, this.stats?.bookmarks)}
      <p class="hint">${strings.emptyLibraryText}</p>
    </nav>`;
  }

  private renderListHeader(): TemplateResult {
    const searching = this.activeQuery !== '';
    const title = searching ? `«${this.activeQuery}»` : this.view === 'bookmarks' ? strings.bookmarks : strings.library;
    const total = this.list?.total;
    const count = total === null || total === undefined ? '' : searching ? strings.resultCount(total) : strings.articleCount(total);
    return html`<div class="list-header">
      <h1 id="list-title" dir="auto">${title}</h1>
      <span class="count" role="status" aria-live="polite">${count}</span>
    </div>`;
  }

  private renderListBody(): TemplateResult {
    if (this.listError !== null) {
      return html`<div class="list-empty"><p class="list-error" role="alert">${strings.errorPrefix} ${this.listError}</p></div>`;
    }
    const total = this.list?.total;
    if (total === 0) {
      if (this.activeQuery !== '') {
        return html`<div class="list-empty">
          ${searchIcon}
          <h2>${strings.noResults(this.activeQuery)}</h2>
          <p>${strings.noResultsHint}</p>
        </div>`;
      }
      const bookmarks = this.view === 'bookmarks';
      return html`<div class="list-empty">
        ${bookmarks ? bookmarkIcon(false) : libraryIcon}
        <h2>${bookmarks ? strings.emptyBookmarksTitle : strings.emptyLibraryTitle}</h2>
        <p>${bookmarks ? strings.emptyBookmarksText : strings.emptyLibraryText}</p>
      </div>`;
    }
    return html`<sahifa-article-list
      .list=${this.list}
      .revision=${this.listRevision}
      .selectedId=${this.selectedId}
      kind=${this.activeQuery === '' ? 'library' : 'search'}
      label=${this.activeQuery === '' ? strings.library : strings.searchLabel}
      @open-article=${(event: CustomEvent<{ id: number }>) => void this.openArticle(event.detail.id)}
    ></sahifa-article-list>`;
  }
}

customElements.define('sahifa-app', SahifaApp);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-app': SahifaApp;
  }
}
