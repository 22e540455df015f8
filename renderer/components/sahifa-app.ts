/**
 * The window: the top bar, and under it the sidebar, the list and the reader; the import's
 * progress and report, notices, the drop overlay, the settings and the shortcuts dialog.
 *
 * It is layout and wiring. The controllers (../controllers) hold the state and make the calls to
 * window.sahifa: what the list shows, the library's counts and tags, the article in the reader,
 * imports, notices and undo. The components render what they are given and send events up
 * (../events.ts). This element hands each of those, and each of main's events, to its controller,
 * and moves the focus where the reader expects it, which only the window can see across its panes.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { Highlight, SahifaEvent, SourceCount, TagCount } from '../../common';
import { ArticleController } from '../controllers/article';
import { FeedsController } from '../controllers/feeds';
import { FileDropController } from '../controllers/file-drop';
import { HighlightsController } from '../controllers/highlights';
import { HighlightsViewController } from '../controllers/highlights-view';
import { ImportController } from '../controllers/import';
import { deepActiveElement, ShortcutController } from '../controllers/keyboard';
import { LibraryFacetsController } from '../controllers/library-facets';
import { LinkDropController } from '../controllers/link-drop';
import { ListQueryController } from '../controllers/list-query';
import type { FeedScope, Section } from '../view-state';
import { LocaleController } from '../controllers/locale';
import { MediaQueryController } from '../controllers/media-query';
import { NoticeController } from '../controllers/notices';
import { SubscriptionFlows } from '../controllers/subscription-flows';
import { TriageController } from '../controllers/triage';
import { UndoController } from '../controllers/undo';
import { sahifa } from '../sahifa';
import type { ShortcutAction } from '../shortcuts';
import { strings } from '../strings';
import type { ArticleList } from './article-list';
import type { ArticleReader } from './article-reader';
import type { HighlightList } from './highlight-list';
import type { HighlightsPane } from './highlights-pane';
import type { ListPane } from './list-pane';
import type { SettingsPanel } from './settings-panel';
import type { ShortcutsDialog } from './shortcuts-dialog';
import type { SideBar } from './side-bar';
import type { SubscriptionDialogs } from './subscription-dialogs';
import { sharedStyles } from './shared-styles';
import type { TopBar } from './top-bar';
import './article-reader';
import './drop-overlay';
import './highlights-pane';
import './feed-tree';
import './import-progress';
import './import-toast';
import './list-pane';
import './notice-toast';
import './settings-panel';
import './shortcuts-dialog';
import './side-bar';
import './subscription-dialogs';
import './top-bar';

/** The reader's highlights while those of its article are not in: always the same, so nothing is redrawn for it. */
const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** Below this width the window shows one pane at a time, the list or the reader, and the sidebar is a drawer. */
const NARROW = '(max-width: 760px)';
/** Below this width the sidebar shows icons only. */
const MIDDLING = '(max-width: 1100px)';

export class SahifaApp extends LitElement {
  static override properties = {
    narrow: { type: Boolean, reflect: true },
    pane: { type: String, reflect: true },
  };

  /** One pane at a time on small windows. */
  declare narrow: boolean;
  declare pane: 'list' | 'reader';

  private readonly api = sahifa();
  private readonly small = new MediaQueryController(this, NARROW);
  private readonly middling = new MediaQueryController(this, MIDDLING);
  private readonly listQuery = new ListQueryController(this, this.api);
  private readonly facets = new LibraryFacetsController(this, this.api, (tags, sources) => this.dropVanishedNarrowing(tags, sources));
  private readonly notices = new NoticeController(this, () => this.onNoticeDismissed());
  private readonly feeds = new FeedsController(this, {
    api: this.api,
    notices: this.notices,
    onArticlesChanged: () => this.refreshAll(),
    onPageSaved: (id) => void this.openArticle(id),
  });
  private readonly reading = new ArticleController(this, {
    api: this.api,
    list: this.listQuery,
    facets: this.facets,
    notices: this.notices,
    alongside: (id) => this.marks.follow(id),
    onReadChanged: () => this.feeds.countsChanged(),
  });
  private readonly marks = new HighlightsController(this, this.api, this.notices);
  private readonly highlightsView = new HighlightsViewController(this, this.api);
  private readonly undo = new UndoController({
    api: this.api,
    article: this.reading,
    list: this.listQuery,
    facets: this.facets,
    notices: this.notices,
    onRestored: () => {
      this.highlightsView.refresh();
      void this.updateComplete.then(() => this.reader?.focusText());
    },
    onCountsChanged: () => this.feeds.countsChanged(),
  });
  private readonly subscriptions = new SubscriptionFlows({
    feeds: this.feeds,
    undo: this.undo,
    notices: this.notices,
    dialogs: () => this.renderRoot.querySelector<SubscriptionDialogs>('sahifa-subscription-dialogs'),
    scope: () => this.listQuery.scope,
    onScopeGone: () => this.showScope(null),
  });
  private readonly triage = new TriageController({
    reading: this.reading,
    list: this.listQuery,
    notices: this.notices,
    undo: this.undo,
    reader: () => this.reader,
    open: async (id, index) => {
      await this.openArticle(id);
      this.articleList?.selectIndex(index);
      await this.updateComplete;
      this.reader?.focusText();
    },
  });
  private readonly importer = new ImportController(this, { api: this.api, onImported: () => this.refreshAll() });
  private readonly drop = new FileDropController(this, (files) => void this.importer.importDropped(files));
  private readonly links = new LinkDropController(this, (url) => void this.feeds.savePage(url));
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.narrow = false;
    this.pane = 'list';
    new LocaleController(this);
    new ShortcutController(this, {
      paused: () =>
        (this.settingsPanel?.isOpen ?? false) ||
        (this.shortcutsDialog?.isOpen ?? false) ||
        (this.sideBar?.isOpen ?? false) ||
        this.subscriptions.isOpen,
      run: (action, target) => this.runShortcut(action, target),
    });
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

    .body {
      display: grid;
      grid-template-columns: var(--sidebar-width) var(--list-width) minmax(0, 1fr);
      min-block-size: 0;
    }

    sahifa-article-reader {
      min-inline-size: 0;
    }

    /* The highlights view takes the list's place; the list keeps its rows and scroll for the way back. */
    sahifa-list-pane[hidden] {
      display: none;
    }

    sahifa-article-reader:focus {
      outline: none;
    }

    input[type='file'] {
      display: none;
    }

    @media (max-width: 1100px) {
      :host {
        --sidebar-width: 64px;
        --list-width: 340px;
      }
    }

    :host([narrow]) {
      --sidebar-width: 0px;
    }

    :host([narrow]) .body {
      grid-template-columns: minmax(0, 1fr);
    }

    :host([narrow][pane='reader']) sahifa-list-pane,
    :host([narrow][pane='reader']) sahifa-highlights-pane,
    :host([narrow][pane='list']) sahifa-article-reader {
      display: none;
    }
  `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.api.onEvent(this.onAppEvent);
    window.addEventListener('pagehide', this.onPageHide);
    void this.facets.refreshStats();
    // After the first rows: they come first.
    void this.listQuery.ready.then(() => this.facets.refreshFacets());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    window.removeEventListener('pagehide', this.onPageHide);
  }

  protected override willUpdate(): void {
    this.narrow = this.small.matches;
    // The highlights of the article shown, or being opened (fetched with it: ArticleController).
    void this.marks.follow(this.reading.loading ? this.reading.selectedId : (this.reading.article?.id ?? null));
  }

  // ---------------------------------------------------------------- the parts

  private get topBar(): TopBar | null {
    return this.renderRoot.querySelector('sahifa-top-bar');
  }

  private get listPane(): ListPane | null {
    return this.renderRoot.querySelector('sahifa-list-pane');
  }

  private get articleList(): ArticleList | null {
    return this.listPane?.articleList ?? null;
  }

  private get highlightList(): HighlightList | null {
    return this.renderRoot.querySelector<HighlightsPane>('sahifa-highlights-pane')?.highlightList ?? null;
  }

  private get reader(): ArticleReader | null {
    return this.renderRoot.querySelector('sahifa-article-reader');
  }

  private get fileInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
  }

  private get settingsPanel(): SettingsPanel | null {
    return this.renderRoot.querySelector('sahifa-settings-panel');
  }

  private get shortcutsDialog(): ShortcutsDialog | null {
    return this.renderRoot.querySelector('sahifa-shortcuts-dialog');
  }

  private get sideBar(): SideBar | null {
    return this.renderRoot.querySelector('sahifa-sidebar');
  }

  private get noticeHasFocus(): boolean {
    return this.renderRoot.querySelector('sahifa-notice-toast')?.matches(':focus-within') ?? false;
  }

  // ---------------------------------------------------------------- wiring

  private readonly onAppEvent = (event: SahifaEvent): void => {
    switch (event.type) {
      case 'library-changed':
        this.importer.libraryChanged(event.report);
        this.refreshAll();
        break;
      case 'focus-search':
        this.topBar?.focusSearch();
        break;
      case 'import-progress':
        this.importer.progressed(event);
        break;
      case 'feeds-refreshed':
        this.feeds.refreshed(event.outcome);
        break;
      case 'menu-command': {
        const focused = deepActiveElement();
        void this.subscriptions.command(event.command, focused instanceof HTMLElement ? focused : null);
        break;
      }
    }
  };

  private readonly onPageHide = (): void => this.reading.leave();

  /** The list (its selection stays: the reader keeps its article), the counts, the tags and sources, the feeds' counts. */
  private refreshAll(): void {
    this.listQuery.reload();
    this.facets.refresh();
    this.highlightsView.refresh();
    this.feeds.countsChanged();
  }

  /** A tag or source that is gone (its last article untagged or deleted) no longer narrows the list. */
  private dropVanishedNarrowing(tags: TagCount[], sources: SourceCount[]): void {
    const { tag, source } = this.listQuery;
    if (tag !== null && !tags.some((t) => t.name === tag)) this.showTag(null);
    if (source !== null && !sources.some((s) => s.source === source)) this.listQuery.setSource(null);
  }

  /** The library, the bookmarks, or every highlight in the list pane. */
  private showView(view: Section): void {
    if (view === 'highlights') {
      this.highlightsView.show();
    } else {
      const fromHighlights = this.highlightsView.active;
      this.highlightsView.hide();
      if (!this.listQuery.showView(view) && !fromHighlights) return;
    }
    if (this.narrow) this.pane = 'list';
  }

  private showTag(tag: string | null): void {
    this.highlightsView.hide();
    this.listQuery.setTag(tag);
    if (this.narrow) this.pane = 'list';
  }

  /** A highlight chosen in the highlights view: its article, scrolled to it. */
  private openHighlight(highlight: { id: string; article: number; focusText?: boolean }): Promise<void> {
    return this.openArticle(this.highlightsView.choose(highlight, highlight.focusText ?? true));
  }

  private showScope(scope: FeedScope | null): void {
    this.listQuery.setScope(scope);
    if (this.narrow) this.pane = 'list';
  }

  private readonly onSearchCommit = (event: HTMLElementEventMap['search-commit']): void => {
    this.highlightsView.hide();
    this.listQuery.commit();
    // ↓: into the results, on the first row (the arrows walk on from there).
    if (event.detail.intoResults && this.articleList?.focusFirstRow()) event.preventDefault();
  };

  private openArticle(id: number): Promise<void> {
    if (this.narrow) this.pane = 'reader';
    return this.reading.open(id);
  }

  /** Enter on a row: that article, with the focus in its text. */
  private async enterReader(row: Element | null): Promise<void> {
    const highlight = row instanceof HTMLElement ? row.dataset['highlight'] : undefined;
    if (highlight !== undefined && row instanceof HTMLElement) {
      await this.openHighlight({ id: highlight, article: Number(row.dataset['article']) });
      return;
    }
    const id = Number(row instanceof HTMLElement ? row.dataset.id : NaN);
    if (Number.isInteger(id) && id > 0 && id !== this.reading.article?.id) await this.openArticle(id);
    if (this.narrow) this.pane = 'reader';
    await this.updateComplete;
    this.reader?.focusText();
  }

  /** Esc: back to the list, on the current article's row. */
  private leaveReader(): void {
    if (this.narrow) this.pane = 'list';
    void this.updateComplete.then(() => (this.highlightsView.active ? this.highlightList?.focusCurrent() : this.articleList?.focusCurrent()));
  }

  /** The focus was on the notice (its button): it goes back where the reader was working. */
  private onNoticeDismissed(): void {
    const hadFocus = this.noticeHasFocus;
    this.undo.forget();
    if (!hadFocus) return;
    if (this.reading.article !== null) this.reader?.focusText();
    else this.articleList?.focusCurrent();
  }

  /** Deletes the article in the reader and opens the next one in its place (the notice offers an undo). */
  private async deleteCurrent(): Promise<void> {
    const article = this.reading.article;
    if (article === null) return;
    const current = this.articleList?.currentRowIndex ?? null;
    const index = current !== null && this.listQuery.list?.get(current)?.id === article.id ? current : 0;
    if (!(await this.undo.delete(article))) return;
    this.highlightsView.refresh();
    await this.listQuery.ready;
    await this.updateComplete;
    await this.listPane?.updateComplete;
    const rows = this.articleList;
    if (rows !== null && (this.listQuery.list?.total ?? 0) > 0) {
      await rows.updateComplete;
      rows.selectIndex(index);
    } else {
      this.topBar?.focusSearch(false);
    }
    void this.facets.refreshStats();
  }

  private async startImport(): Promise<void> {
    if (this.importer.hasPicker && (await this.importer.pick())) return;
    this.fileInput?.click();
  }

  private readonly onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.importer.importFiles(files);
  };

  private runShortcut(action: ShortcutAction, target: Element | null): void {
    switch (action) {
      case 'search':
        this.topBar?.focusSearch();
        return;
      case 'help':
        void this.shortcutsDialog?.show(target instanceof HTMLElement ? target : null);
        return;
      case 'next':
      case 'previous':
        if (this.highlightsView.active) this.highlightList?.step(action === 'next' ? 1 : -1);
        else this.articleList?.step(action === 'next' ? 1 : -1);
        return;
      case 'highlights':
        this.showView('highlights');
        return;
      case 'open':
        void this.enterReader(target);
        return;
      case 'back':
        if (this.notices.notice !== null && this.noticeHasFocus) this.notices.dismiss();
        else this.leaveReader();
        return;
      case 'bookmark':
        void this.reading.toggleBookmark();
        return;
      case 'toggle-read':
        void this.reading.toggleRead();
        return;
      case 'delete':
        void this.deleteCurrent();
        return;
      case 'undo':
        void this.undo.undo();
        return;
      case 'page-forward':
      case 'page-back':
        void this.triage.page(action === 'page-back');
        return;
      case 'mark-list-read':
        void this.triage.markListRead();
        return;
      case 'sidebar':
        if (this.narrow) void this.sideBar?.openDrawer(target instanceof HTMLElement ? target : null);
        else this.sideBar?.focusCurrent();
        return;
    }
  }

  // ---------------------------------------------------------------- render

  private renderHighlightsPane(): TemplateResult {
    const view = this.highlightsView;
    return html`<sahifa-highlights-pane
      .list=${view.list}
      .revision=${view.revision}
      .error=${view.error}
      .narrowing=${view.narrowing}
      .tags=${this.facets.tags}
      .feeds=${this.feeds.feeds}
      .selectedId=${view.selectedId}
      ?narrow=${this.narrow}
      @open-highlight=${(event: HTMLElementEventMap['open-highlight']) => void this.openHighlight(event.detail)}
      @highlights-narrowed=${(event: HTMLElementEventMap['highlights-narrowed']) => view.narrow(event.detail)}
      @export-highlights=${(event: HTMLElementEventMap['export-highlights']) => void this.marks.exportAs(event.detail.format, true)}
    ></sahifa-highlights-pane>`;
  }

  override render(): TemplateResult {
    const { listQuery: query, facets, reading, importer, notices } = this;
    return html`
      <sahifa-top-bar
        .query=${query.text}
        ?narrow=${this.narrow}
        @search-input=${(event: HTMLElementEventMap['search-input']) => {
          this.highlightsView.hide();
          query.type(event.detail.text);
        }}
        @search-commit=${this.onSearchCommit}
        @search-clear=${() => query.clearSearch()}
        @show-shortcuts=${(event: HTMLElementEventMap['show-shortcuts']) => void this.shortcutsDialog?.show(event.detail.opener)}
        @show-settings=${(event: HTMLElementEventMap['show-settings']) => void this.settingsPanel?.show(event.detail.opener)}
        @start-import=${() => void this.startImport()}
        @toggle-sidebar=${(event: HTMLElementEventMap['toggle-sidebar']) => void this.sideBar?.openDrawer(event.detail.opener)}
      ></sahifa-top-bar>
      <div class="body">
        <sahifa-sidebar
          .view=${this.highlightsView.active ? 'highlights' : query.view}
          .tag=${this.highlightsView.active ? null : query.tag}
          .stats=${facets.stats}
          .tags=${facets.tags}
          ?compact=${this.middling.matches && !this.narrow}
          ?drawer=${this.narrow}
          ?scoped=${query.scope !== null}
          @view-selected=${(event: HTMLElementEventMap['view-selected']) => this.showView(event.detail.view)}
          @tag-selected=${(event: HTMLElementEventMap['tag-selected']) => this.showTag(event.detail.tag)}
        >
          ${this.renderFeedTree()}
        </sahifa-sidebar>
        ${this.highlightsView.active ? this.renderHighlightsPane() : nothing}
        <sahifa-list-pane
          ?hidden=${this.highlightsView.active}
          .list=${query.list}
          .revision=${query.revision}
          .error=${query.error}
          .view=${query.view}
          .query=${query.query}
          .tag=${query.tag}
          .scopeTitle=${query.scope === null ? null : this.feeds.scopeTitle(query.scope)}
          .source=${query.source}
          .sort=${query.sort}
          .searchSort=${query.searchSort}
          .unread=${query.unread}
          .sources=${facets.sources}
          .sourceTotal=${facets.sourceTotal}
          .selectedId=${reading.selectedId}
          ?narrow=${this.narrow}
          @open-article=${(event: HTMLElementEventMap['open-article']) => void this.openArticle(event.detail.id)}
          @sort-changed=${(event: HTMLElementEventMap['sort-changed']) => query.setSort(event.detail.sort)}
          @search-sort-changed=${(event: HTMLElementEventMap['search-sort-changed']) => query.setSearchSort(event.detail.sort)}
          @source-changed=${(event: HTMLElementEventMap['source-changed']) => query.setSource(event.detail.source)}
          @unread-toggled=${() => query.toggleUnread()}
        ></sahifa-list-pane>
        <sahifa-article-reader
          role="main"
          aria-label=${strings.readerLabel}
          .article=${reading.article}
          .loading=${reading.loading}
          .error=${reading.error}
          .knownTags=${facets.tags.map((t) => t.name)}
          .userHighlights=${this.marks.articleId === reading.article?.id ? this.marks.highlights : NO_HIGHLIGHTS}
          .reveal=${this.highlightsView.revealing}
          .revealFocus=${this.highlightsView.revealFocus}
          ?narrow=${this.narrow}
          @highlight-add=${(event: HTMLElementEventMap['highlight-add']) =>
            void this.marks.add(event.detail.article, event.detail.start, event.detail.end, event.detail.color).then(() => this.highlightsView.refresh())}
          @highlight-update=${(event: HTMLElementEventMap['highlight-update']) => {
            const { id, ...changes } = event.detail;
            void this.marks.update(id, changes).then(() => {
              const updated = this.marks.highlights.find((h) => h.id === id);
              if (updated !== undefined) this.highlightsView.changed(updated);
            });
          }}
          @highlight-remove=${(event: HTMLElementEventMap['highlight-remove']) => void this.marks.remove(event.detail.id).then(() => this.highlightsView.refresh())}
          @export-highlights=${(event: HTMLElementEventMap['export-highlights']) => void this.marks.exportAs(event.detail.format, event.detail.all)}
          @highlight-revealed=${(event: HTMLElementEventMap['highlight-revealed']) => this.highlightsView.revealed(event.detail.id)}
          @reader-back=${() => this.leaveReader()}
          @toggle-bookmark=${() => void reading.toggleBookmark()}
          @toggle-read=${() => void reading.toggleRead()}
          @copy-link=${() => void reading.copyLink()}
          @open-external=${(event: HTMLElementEventMap['open-external']) => void reading.openExternal(event.detail.url)}
          @export-article=${(event: HTMLElementEventMap['export-article']) => void reading.exportAs(event.detail.format)}
          @delete-article=${() => void this.deleteCurrent()}
          @set-tags=${(event: HTMLElementEventMap['set-tags']) => void reading.saveTags(event.detail.id, event.detail.tags)}
          @save-note=${(event: HTMLElementEventMap['save-note']) => void reading.saveNote(event.detail.id, event.detail.note)}
          @reading-scroll=${(event: HTMLElementEventMap['reading-scroll']) => reading.scrolled(event.detail.id, event.detail.fraction)}
        ></sahifa-article-reader>
      </div>
      <sahifa-import-toast .status=${importer.status} @dismiss=${() => importer.dismiss()}></sahifa-import-toast>
      <sahifa-import-progress .progress=${importer.progress} @cancel-import=${() => importer.cancel()}></sahifa-import-progress>
      ${this.drop.dragging ? html`<sahifa-drop-overlay></sahifa-drop-overlay>` : nothing}
      <input type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.onFilesChosen} />
      <sahifa-notice-toast .notice=${notices.notice} @dismiss=${() => notices.dismiss()}></sahifa-notice-toast>
      <sahifa-settings-panel></sahifa-settings-panel>
      <sahifa-shortcuts-dialog></sahifa-shortcuts-dialog>
      ${this.renderSubscriptionDialogs()}
    `;
  }

  private renderFeedTree(): TemplateResult {
    const { feeds, subscriptions: flows } = this;
    return html`<sahifa-feed-tree
      .feeds=${feeds.feeds}
      .folders=${feeds.folders}
      .scope=${this.listQuery.scope}
      .refreshing=${feeds.refreshing}
      ?compact=${this.middling.matches && !this.narrow}
      @feed-scope-selected=${(event: HTMLElementEventMap['feed-scope-selected']) => this.showScope(event.detail.scope)}
      @feed-refresh=${(event: HTMLElementEventMap['feed-refresh']) => void feeds.refresh(event.detail.scope)}
      @feed-mark-read=${(event: HTMLElementEventMap['feed-mark-read']) => void this.undo.markAllRead(event.detail.scope, event.detail.olderThan)}
      @feed-settings=${(event: HTMLElementEventMap['feed-settings']) => void flows.showFeed(event.detail.id, event.detail.opener, event.detail.unsubscribe ?? false)}
      @folder-edit=${(event: HTMLElementEventMap['folder-edit']) => void flows.showFolder(event.detail.id, event.detail.action, event.detail.opener)}
      @show-subscribe=${(event: HTMLElementEventMap['show-subscribe']) => void flows.showSubscribe(event.detail.opener)}
      @opml-import=${(event: HTMLElementEventMap['opml-import']) => void feeds.importOpml(event.detail.file)}
      @opml-export=${() => void feeds.exportOpml()}
    ></sahifa-feed-tree>`;
  }

  private renderSubscriptionDialogs(): TemplateResult {
    const flows = this.subscriptions;
    return html`<sahifa-subscription-dialogs
      .folders=${this.feeds.folderPaths}
      @subscribe-submit=${(event: HTMLElementEventMap['subscribe-submit']) => void flows.subscribe(event.detail.url, event.detail.folder)}
      @feed-update=${(event: HTMLElementEventMap['feed-update']) => void flows.update(event.detail.id, event.detail.changes)}
      @feed-unsubscribe=${(event: HTMLElementEventMap['feed-unsubscribe']) => void flows.unsubscribe(event.detail.id, event.detail.keepArticles)}
      @folder-rename=${(event: HTMLElementEventMap['folder-rename']) => void flows.renameFolder(event.detail.id, event.detail.name)}
      @folder-delete=${(event: HTMLElementEventMap['folder-delete']) => void flows.deleteFolder(event.detail.id, event.detail.unsubscribe, event.detail.keepArticles)}
    ></sahifa-subscription-dialogs>`;
  }
}

customElements.define('sahifa-app', SahifaApp);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-app': SahifaApp;
  }
}
