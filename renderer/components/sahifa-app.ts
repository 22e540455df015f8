/**
 * The window: top bar (brand, search, import), sidebar (library, bookmarks), the list of articles
 * or search results, and the reader. It owns the app's state and is the only component that
 * calls window.sahifa; the others render what they are given and send events up.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ArticleView, ImportReport, LibraryStats, SahifaEvent } from '../../common';
import { importFiles } from '../file-import';
import { PagedList } from '../paged-list';
import { sahifa } from '../sahifa';
import { formatNumber, strings } from '../strings';
import type { ListItem } from './article-list';
import type { ImportStatus } from './import-toast';
import type { ImportProgressState } from './import-progress';
import { brandMark, bookmarkIcon, closeIcon, importIcon, libraryIcon, searchIcon } from './icons';
import { sharedStyles } from './shared-styles';
// ---- Reading (issue 6)
import type { ArticleExportFormat, ListSort, SourceCount, TagCount } from '../../common';
import { copyText, downloadFile } from '../clipboard';
import { ReadingTracker } from '../reading-tracker';
import { onSettingsChange } from '../settings-store';
import { shortcutFor, type ShortcutAction } from '../shortcuts';
import type { ArticleList } from './article-list';
import type { ArticleReader } from './article-reader';
import type { Notice } from './notice-toast';
import type { SettingsPanel } from './settings-panel';
import type { ShortcutsDialog } from './shortcuts-dialog';
import { keyboardIcon, settingsIcon, tagIcon } from './icons';
import './notice-toast';
import './settings-panel';
import './shortcuts-dialog';
import './article-list';
import './article-reader';
import './import-toast';
import './import-progress';

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
    importProgress: { state: true },
    dragging: { state: true },
    narrow: { type: Boolean, reflect: true },
    pane: { type: String, reflect: true },
    // Reading (issue 6)
    unread: { state: true },
    tag: { state: true },
    source: { state: true },
    sort: { state: true },
    tags: { state: true },
    sources: { state: true },
    notice: { state: true },
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
  /** The import running now (its bar and cancel button), null when none. */
  declare importProgress: ImportProgressState | null;
  declare dragging: boolean;
  /** One pane at a time on small windows. */
  declare narrow: boolean;
  declare pane: 'list' | 'reader';
  // ---- Reading (issue 6): what the list is narrowed to and sorted by, the sidebar's tags.
  declare unread: boolean;
  /** The tag the list is limited to, null for none. */
  declare tag: string | null;
  declare source: string | null;
  declare sort: ListSort;
  declare tags: TagCount[];
  declare sources: SourceCount[];
  declare notice: Notice | null;

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private articleRequest = 0;
  private dragDepth = 0;
  private lastReportKey = '';
  /** Cancels the import of files the window sends in batches itself (drops, the file input). */
  private fileImportAbort: AbortController | null = null;
  /** Imports whose report arrived: a progress event of theirs still on its way must not bring the bar back. */
  private readonly finishedImports = new Set<number>();
  private unsubscribe: (() => void) | null = null;
  private readonly narrowQuery = window.matchMedia(NARROW);
  // ---- Reading (issue 6)
  private readonly tracker = new ReadingTracker({
    savePosition: (id, position) => {
      if (this.article?.id === id) this.article = { ...this.article, position };
      sahifa()
        .saveReading({ id, position })
        .catch((error: unknown) => console.warn('sahifa: reading position not saved', error));
    },
    markRead: (id) => void this.setRead(id, true),
  });
  private unsubscribeSettings: (() => void) | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves when the current list's first page is in. */
  private listReady: Promise<void> = Promise.resolve();
  /** The last deletion, while it can be undone. */
  private undoable: { id: number; title: string } | null = null;

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
    this.importProgress = null;
    this.dragging = false;
    this.narrow = this.narrowQuery.matches;
    this.pane = 'list';
    this.unread = false;
    this.tag = null;
    this.source = null;
    this.sort = 'date';
    this.tags = [];
    this.sources = [];
    this.notice = null;
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

      /* ---------- reading (issue 6) ---------- */
      .top-actions {
        display: flex;
        align-items: center;
        gap: 0.35rem;
      }

      nav {
        overflow-y: auto;
      }

      nav h2.tags-heading {
        margin-block-start: 1rem;
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

      .list-tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
        padding: 0 1.25rem 0.7rem;
        border-block-end: 1px solid var(--border);
      }

      .list-header {
        border-block-end: 0;
        padding-block-end: 0.45rem;
        min-block-size: 48px;
      }

      .list-pane {
        grid-template-rows: auto auto minmax(0, 1fr);
      }

      .brand {
        min-inline-size: 0;
        overflow: hidden;
      }

      .brand svg {
        flex: none;
      }

      .brand small {
        overflow: hidden;
        text-overflow: ellipsis;
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

      sahifa-article-reader:focus {
        outline: none;
      }

      @media (max-width: 1100px) {
        nav h2.tags-heading {
          display: none;
        }
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
    this.unsubscribeSettings = onSettingsChange(this.onSettingsChanged);
    window.addEventListener('pagehide', this.onPageHide);
    this.reloadList();
    void this.refreshStats();
    // After the first rows: they come first.
    void this.listReady.then(() => this.refreshFacets());
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
    this.unsubscribeSettings?.();
    window.removeEventListener('pagehide', this.onPageHide);
    this.tracker.close();
    clearTimeout(this.noticeTimer);
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
    const narrowing = { unread: this.unread, ...(this.tag === null ? {} : { tag: this.tag }), ...(this.source === null ? {} : { source: this.source }) };
    const sort = this.sort;
    const api = sahifa();
    const list = new PagedList<ListItem>(
      query === ''
        ? (offset, limit) => api.listArticles({ filter: bookmarked ? 'bookmarked' : 'all', ...narrowing, sort, offset, limit })
        : (offset, limit) => api.search({ query, offset, limit, bookmarked, ...narrowing }),
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
    this.listReady = list.start();
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
    void this.refreshFacets();
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
      this.tracker.open(article);
    } catch (error) {
      if (request !== this.articleRequest) return;
      this.article = null;
      this.articleError = messageOf(error) || strings.articleNotFound;
    } finally {
      if (request === this.articleRequest) this.articleLoading = false;
    }
  }

  // ---------------------------------------------------------------- reading (issue 6)

  /** The sidebar's tags and the list's sources, with their counts. */
  private async refreshFacets(): Promise<void> {
    try {
      const [tags, sources] = await Promise.all([sahifa().listTags({}), sahifa().listSources({})]);
      this.tags = tags;
      this.sources = sources;
      // A tag or source that is gone (its last article untagged or deleted) no longer narrows the list.
      if (this.tag !== null && !tags.some((t) => t.name === this.tag)) this.setTag(null);
      if (this.source !== null && !sources.some((s) => s.source === this.source)) this.setSource(null);
    } catch (error) {
      console.warn('sahifa: tags and sources not loaded', error);
    }
  }

  private get listElement(): ArticleList | null {
    return this.renderRoot.querySelector('sahifa-article-list');
  }

  private get readerElement(): ArticleReader | null {
    return this.renderRoot.querySelector('sahifa-article-reader');
  }

  private readonly onSettingsChanged = (): void => {
    // The language or the digits may have changed: every component renders its text again.
    const refresh = (root: ParentNode): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLElement && 'requestUpdate' in element) (element as unknown as LitElement).requestUpdate();
        if (element.shadowRoot) refresh(element.shadowRoot);
      }
    };
    this.requestUpdate();
    refresh(this.renderRoot);
    this.listRevision++;
  };

  private readonly onPageHide = (): void => this.tracker.close();

  private showNotice(notice: Notice, ms = 4_000): void {
    clearTimeout(this.noticeTimer);
    this.notice = notice;
    this.noticeTimer = setTimeout(() => this.dismissNotice(), ms);
  }

  private dismissNotice(): void {
    clearTimeout(this.noticeTimer);
    const hadFocus = this.renderRoot.querySelector('sahifa-notice-toast')?.matches(':focus-within') ?? false;
    this.notice = null;
    this.undoable = null;
    // The focus was on the notice's button: it goes where the reader was working.
    if (hadFocus) this.focusWorkArea();
  }

  private focusWorkArea(): void {
    if (this.article !== null) this.readerElement?.focusText();
    else this.listElement?.focusCurrent();
  }

  private async setRead(id: number, read: boolean): Promise<void> {
    try {
      await sahifa().saveReading({ id, read });
      if (this.article?.id === id) this.article = { ...this.article, read };
      this.list?.update((item) => item.id === id, (item) => ({ ...item, read }));
    } catch (error) {
      this.showNotice({ message: messageOf(error), kind: 'error' });
    }
  }

  private async toggleRead(): Promise<void> {
    const article = this.article;
    if (article === null) return;
    this.tracker.settle();
    await this.setRead(article.id, !article.read);
  }

  private async copyLink(): Promise<void> {
    const url = this.article?.url;
    if (!url) return;
    const copied = await copyText(url);
    this.showNotice(copied ? { message: strings.linkCopied } : { message: strings.copyFailed, kind: 'error' }, 2_500);
  }

  private async exportCurrent(format: ArticleExportFormat): Promise<void> {
    const article = this.article;
    if (article === null) return;
    try {
      const result = await sahifa().exportArticle({ id: article.id, format });
      if (result.kind === 'content') downloadFile(result.fileName, result.mimeType, result.content);
      if (result.kind !== 'cancelled') this.showNotice({ message: strings.exported }, 2_500);
    } catch (error) {
      this.showNotice({ message: messageOf(error), kind: 'error' });
    }
  }

  /** Deletes the article in the reader, opens the next one in its place, and offers an undo for a few seconds. */
  private async deleteCurrent(): Promise<void> {
    const article = this.article;
    if (article === null) return;
    const index = this.list?.get(this.listElement?.currentRowIndex ?? -1)?.id === article.id ? this.listElement?.currentRowIndex ?? 0 : 0;
    try {
      const deleted = await sahifa().deleteArticle({ id: article.id });
      this.tracker.drop(article.id);
      this.article = null;
      this.selectedId = null;
      this.undoable = deleted;
      this.showNotice({ message: strings.deleted(deleted.title), action: { label: strings.undo, run: () => void this.undoDelete() } }, 8_000);
      this.refreshAll();
      await this.listReady;
      await this.updateComplete;
      const list = this.listElement;
      if (list !== null && (this.list?.total ?? 0) > 0) {
        await list.updateComplete;
        list.selectIndex(index);
      } else {
        this.searchInput?.focus();
      }
      void this.refreshStats();
    } catch (error) {
      this.showNotice({ message: messageOf(error), kind: 'error' });
    }
  }

  private async undoDelete(): Promise<void> {
    const undoable = this.undoable;
    if (undoable === null) return;
    this.undoable = null;
    clearTimeout(this.noticeTimer);
    this.notice = null;
    try {
      const { id } = await sahifa().restoreArticle({ id: undoable.id });
      this.refreshAll();
      await this.openArticle(id);
      this.showNotice({ message: strings.restored }, 2_500);
      await this.updateComplete;
      this.readerElement?.focusText();
    } catch (error) {
      this.showNotice({ message: messageOf(error), kind: 'error' });
    }
  }

  private async saveTags(id: number, tags: string[]): Promise<void> {
    try {
      const result = await sahifa().setTags({ id, tags });
      if (this.article?.id === id) this.article = { ...this.article, tags: result.tags };
      void this.refreshFacets();
    } catch (error) {
      this.showNotice({ message: messageOf(error), kind: 'error' });
    }
  }

  private async saveNote(id: number, note: string): Promise<void> {
    try {
      const result = await sahifa().setNote({ id, note });
      if (this.article?.id === id) this.article = { ...this.article, note: result.note, bookmarked: result.bookmarked };
      this.list?.update((item) => item.id === id, (item) => ({ ...item, bookmarked: result.bookmarked }));
      this.showNotice({ message: strings.noteSaved }, 2_500);
      void this.refreshStats();
    } catch (error) {
      this.showNotice({ message: messageOf(error), kind: 'error' });
    }
  }

  private setTag(tag: string | null): void {
    this.tag = tag;
    if (tag !== null) this.view = 'library';
    if (this.narrow) this.pane = 'list';
    this.reloadList();
  }

  private setSource(source: string | null): void {
    this.source = source;
    this.reloadList();
  }

  /** Enter on a row: that article, with the focus in its text. */
  private async enterReader(row: HTMLElement | null): Promise<void> {
    const id = Number(row?.dataset.id);
    if (Number.isInteger(id) && id > 0 && id !== this.article?.id) await this.openArticle(id);
    if (this.narrow) this.pane = 'reader';
    await this.updateComplete;
    this.readerElement?.focusText();
  }

  /** Esc: back to the list, on the current article's row. */
  private leaveReader(): void {
    if (this.narrow) this.pane = 'list';
    void this.updateComplete.then(() => this.listElement?.focusCurrent());
  }

  private get settingsPanel(): SettingsPanel | null {
    return this.renderRoot.querySelector('sahifa-settings-panel');
  }

  private get shortcutsDialog(): ShortcutsDialog | null {
    return this.renderRoot.querySelector('sahifa-shortcuts-dialog');
  }

  private runShortcut(action: ShortcutAction, event: KeyboardEvent, target: Element | null): void {
    switch (action) {
      case 'search':
        this.focusSearch();
        return;
      case 'help':
        void this.shortcutsDialog?.show(target instanceof HTMLElement ? target : null);
        return;
      case 'next':
      case 'previous':
        this.listElement?.step(action === 'next' ? 1 : -1);
        return;
      case 'open':
        void this.enterReader(target instanceof HTMLElement ? target : null);
        return;
      case 'back':
        if (this.notice !== null && this.renderRoot.querySelector('sahifa-notice-toast')?.matches(':focus-within')) this.dismissNotice();
        else this.leaveReader();
        return;
      case 'bookmark':
        if (this.article !== null) void this.toggleBookmark();
        return;
      case 'toggle-read':
        void this.toggleRead();
        return;
      case 'delete':
        void this.deleteCurrent();
        return;
      case 'undo':
        void this.undoDelete();
        return;
    }
    void event;
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
    const abort = new AbortController();
    this.fileImportAbort = abort;
    this.importStatus = null;
    this.importProgress = { id: null, done: 0, total: files.length, current: '', cancelling: false };
    try {
      const report = await importFiles(
        files,
        (done, total) => {
          if (this.fileImportAbort === abort && this.importProgress !== null) this.importProgress = { ...this.importProgress, done, total };
        },
        abort.signal,
      );
      this.showReport(report);
    } catch (error) {
      this.finishProgress();
      this.importStatus = { kind: 'error', message: messageOf(error) };
      this.refreshAll();
    } finally {
      if (this.fileImportAbort === abort) this.fileImportAbort = null;
    }
  }

  private async importPathList(paths: string[]): Promise<void> {
    this.importStatus = null;
    // The number of files is known once main has read the folders: its first progress event says.
    this.importProgress = { id: null, done: 0, total: 0, current: '', cancelling: false };
    try {
      this.showReport(await sahifa().importPaths({ paths }));
    } catch (error) {
      this.finishProgress();
      this.importStatus = { kind: 'error', message: messageOf(error) };
      this.refreshAll();
    }
  }

  private showReport(report: ImportReport): void {
    this.finishProgress();
    this.lastReportKey = reportKey(report);
    this.importStatus = { kind: 'report', report };
    this.refreshAll();
  }

  private finishProgress(): void {
    if (this.importProgress?.id != null) this.finishedImports.add(this.importProgress.id);
    this.importProgress = null;
  }

  private readonly onCancelImport = (): void => {
    const progress = this.importProgress;
    if (progress === null || progress.cancelling) return;
    this.importProgress = { ...progress, cancelling: true };
    if (progress.id === null) {
      // Files sent in batches stop before the next batch; an import by path whose id is not known
      // yet is cancelled as soon as its first progress event names it.
      this.fileImportAbort?.abort();
      return;
    }
    sahifa()
      .cancelImport({ id: progress.id })
      .catch((error: unknown) => console.warn('sahifa: cancelling the import failed', error));
  };

  private onImportProgress(event: Extract<SahifaEvent, { type: 'import-progress' }>): void {
    if (this.finishedImports.has(event.id)) return;
    const before = this.importProgress;
    const cancelling = before?.cancelling ?? false;
    this.importProgress = { id: event.id, done: event.done, total: event.total, current: event.current, cancelling };
    if (cancelling && before?.id === null && this.fileImportAbort === null) {
      sahifa()
        .cancelImport({ id: event.id })
        .catch((error: unknown) => console.warn('sahifa: cancelling the import failed', error));
    }
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
        // An import by path is over (main announces its end after its last progress event).
        if (this.importProgress?.id != null) this.finishProgress();
        if (event.report !== null && reportKey(event.report) !== this.lastReportKey) {
          this.lastReportKey = reportKey(event.report);
          this.importStatus = { kind: 'report', report: event.report };
        }
        this.refreshAll();
        break;
      case 'focus-search':
        this.focusSearch();
        break;
      case 'import-progress':
        this.onImportProgress(event);
        break;
    }
  };

  private focusSearch(): void {
    const input = this.searchInput;
    input?.focus();
    input?.select();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    // A dialog has the keyboard to itself (Esc closes it natively).
    if (this.settingsPanel?.isOpen || this.shortcutsDialog?.isOpen) return;
    const target = deepActiveElement();
    const action = shortcutFor(event, {
      direction: document.documentElement.dir === 'ltr' ? 'ltr' : 'rtl',
      inList: target instanceof HTMLElement && target.matches('button.row'),
      editing: isEditable(target),
    });
    if (action === null) return;
    // Esc on the reader's own controls (the export menu) was theirs; Delete in the note is typing.
    if (action === 'back' && event.defaultPrevented) return;
    event.preventDefault();
    this.runShortcut(action, event, target);
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
    if (view === this.view && this.activeQuery === '' && this.tag === null) return;
    this.view = view;
    this.tag = null;
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
          role="main"
          aria-label=${strings.readerLabel}
          .article=${this.article}
          .loading=${this.articleLoading}
          .error=${this.articleError}
          .knownTags=${this.tags.map((t) => t.name)}
          ?narrow=${this.narrow}
          @toggle-bookmark=${() => void this.toggleBookmark()}
          @reader-back=${() => this.leaveReader()}
          @open-external=${(event: CustomEvent<{ url: string }>) => void sahifa().openExternal({ url: event.detail.url })}
          @toggle-read=${() => void this.toggleRead()}
          @copy-link=${() => void this.copyLink()}
          @export-article=${(event: CustomEvent<{ format: ArticleExportFormat }>) => void this.exportCurrent(event.detail.format)}
          @delete-article=${() => void this.deleteCurrent()}
          @set-tags=${(event: CustomEvent<{ id: number; tags: string[] }>) => void this.saveTags(event.detail.id, event.detail.tags)}
          @save-note=${(event: CustomEvent<{ id: number; note: string }>) => void this.saveNote(event.detail.id, event.detail.note)}
          @reading-scroll=${(event: CustomEvent<{ id: number; fraction: number }>) => {
            if (event.detail.id === this.article?.id) this.tracker.scrolled(event.detail.fraction);
          }}
        ></sahifa-article-reader>
      </div>
      <sahifa-import-toast .status=${this.importStatus} @dismiss=${() => (this.importStatus = null)}></sahifa-import-toast>
      <sahifa-import-progress .progress=${this.importProgress} @cancel-import=${this.onCancelImport}></sahifa-import-progress>
      ${this.dragging
        ? html`<div class="drop" aria-hidden="true">${importIcon}<span>${strings.dropHere}</span><small>${strings.dropHint}</small></div>`
        : nothing}
      <input type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.onFilesChosen} />
      <sahifa-notice-toast .notice=${this.notice} @dismiss=${() => this.dismissNotice()}></sahifa-notice-toast>
      <sahifa-settings-panel></sahifa-settings-panel>
      <sahifa-shortcuts-dialog></sahifa-shortcuts-dialog>
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
      <div class="top-actions">
        <button
          class="icon-button shortcuts-button"
          title=${`${strings.shortcuts} (?)`}
          aria-label=${strings.shortcuts}
          @click=${(event: MouseEvent) => void this.shortcutsDialog?.show(event.currentTarget as HTMLElement)}
        >
          ${keyboardIcon}
        </button>
        <button
          class="icon-button settings-button"
          title=${strings.settings}
          aria-label=${strings.settings}
          @click=${(event: MouseEvent) => void this.settingsPanel?.show(event.currentTarget as HTMLElement)}
        >
          ${settingsIcon}
        </button>
        <button class="button primary import" title=${strings.importTitle} @click=${() => void this.startImport()}>
          ${importIcon}<span class="import-label">${strings.importButton}</span>
        </button>
      </div>
    </header>`;
  }

  private renderSidebar(): TemplateResult {
    const item = (view: View, icon: TemplateResult | ReturnType<typeof bookmarkIcon>, label: string, count: number | undefined) =>
      html`<button
        class="nav-item"
        data-view=${view}
        aria-current=${this.view === view && this.tag === null ? 'page' : 'false'}
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
                      @click=${() => this.setTag(name)}
                    >
                      ${tagIcon}<span class="label" dir="auto">${name}</span><span class="badge">${formatNumber(count)}</span>
                    </button>
                  </li>`,
              )}
            </ul>`}
      <p class="hint">${strings.emptyLibraryText}</p>
    </nav>`;
  }

  private renderListHeader(): TemplateResult {
    const searching = this.activeQuery !== '';
    const title = searching
      ? `«${this.activeQuery}»`
      : this.tag !== null
        ? strings.tagTitle(this.tag)
        : this.view === 'bookmarks'
          ? strings.bookmarks
          : strings.library;
    const total = this.list?.total;
    const count = total === null || total === undefined ? '' : searching ? strings.resultCount(total) : strings.articleCount(total);
    const allCount = this.sources.reduce((sum, s) => sum + s.count, 0);
    return html`<div class="list-header">
        <h1 id="list-title" dir="auto">${title}</h1>
        <span class="count" role="status" aria-live="polite">${count}</span>
      </div>
      <div class="list-tools">
        ${searching
          ? nothing
          : html`<select class="sort" aria-label=${strings.sortLabel} @change=${this.onSortChange}>
              ${(
                [
                  ['date', strings.sortDate],
                  ['title', strings.sortTitle],
                  ['source', strings.sortSource],
                ] as const
              ).map(([value, label]) => html`<option value=${value} ?selected=${this.sort === value}>${label}</option>`)}
            </select>`}
        <select class="source" aria-label=${strings.sourceLabel} @change=${this.onSourceChange}>
          <option value="" ?selected=${this.source === null}>${strings.withCount(strings.allSources, allCount)}</option>
          ${this.sources.map(
            ({ source, count: n }) =>
              html`<option value=${source ?? ''} ?selected=${this.source === source}>${strings.withCount(source ?? '', n)}</option>`,
          )}
        </select>
        <button
          class="button unread-toggle"
          aria-pressed=${this.unread ? 'true' : 'false'}
          @click=${() => {
            this.unread = !this.unread;
            this.reloadList();
          }}
        >
          ${strings.unreadOnly}
        </button>
      </div>`;
  }

  private readonly onSortChange = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value as ListSort;
    this.reloadList();
  };

  private readonly onSourceChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.setSource(value === '' ? null : value);
  };

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
      if (this.unread || this.tag !== null || this.source !== null) {
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
    return html`<sahifa-article-list
      .list=${this.list}
      .revision=${this.listRevision}
      .selectedId=${this.selectedId}
      kind=${this.activeQuery === '' ? 'library' : 'search'}
      label=${this.activeQuery === '' ? strings.listLabel : strings.searchLabel}
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
