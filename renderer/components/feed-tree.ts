/**
 * The subscriptions in the sidebar: folders (nested, each can be folded) and feeds, each with its
 * unread count, a feed's last error and a paused feed marked; choosing one narrows the list. Each
 * row's menu (and the heading's, for every subscription) refreshes now, marks read (all, older
 * than a day or a week), opens a feed's settings or the unsubscribe question, or a folder's rename
 * and delete questions; the heading also has Subscribe and OPML import and export. Everything goes
 * up as events (../events.ts).
 *
 * Titles come from feeds in any script: each is isolated (dir=auto), so a Latin title in
 * the Arabic interface, or an Arabic one with Latin words, reads in its own direction.
 */
import { LitElement, css, html, nothing, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { FeedInfo, FolderInfo, MarkReadAge } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { feedErrorReason } from '../feed-error';
import { formatNumber, strings } from '../strings';
import type { FeedScope } from '../view-state';
import { alertIcon, chevronIcon, feedIcon, folderIcon, moreIcon, pauseIcon, plusIcon } from './icons';
import { sharedStyles } from './shared-styles';

/** Whose menu is open: a feed's, a folder's, or the heading's (every subscription). */
type MenuOwner = FeedScope | 'all';

const sameOwner = (a: MenuOwner | null, b: MenuOwner): boolean =>
  a !== null && (a === 'all' || b === 'all' ? a === b : a.kind === b.kind && a.id === b.id);

export class FeedTree extends LitElement {
  static override properties = {
    feeds: { attribute: false },
    folders: { attribute: false },
    scope: { attribute: false },
    refreshing: { attribute: false },
    compact: { type: Boolean, reflect: true },
    menu: { state: true },
    collapsed: { state: true },
  };

  declare feeds: FeedInfo[];
  declare folders: FolderInfo[];
  /** What the list is narrowed to, null for none. */
  declare scope: FeedScope | null;
  declare refreshing: ReadonlySet<number>;
  /** Icons only, in the sidebar of a middling window. */
  declare compact: boolean;
  declare menu: MenuOwner | null;
  declare collapsed: ReadonlySet<number>;

  /** The button whose menu is open: the focus goes back to it. */
  private menuOpener: HTMLElement | null = null;
  /** Where the open menu is drawn: by its button, reaching toward the list, above it near the window's bottom. */
  private menuPlace = '';

  constructor() {
    super();
    this.feeds = [];
    this.folders = [];
    this.scope = null;
    this.refreshing = new Set();
    this.compact = false;
    this.menu = null;
    this.collapsed = new Set();
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-block-start: 1rem;
      }

      .heading {
        display: flex;
        align-items: center;
        gap: 0.15rem;
        padding-inline-start: 0.65rem;
      }

      h2 {
        flex: 1;
        margin: 0;
        color: var(--faint);
        font-size: 0.75rem;
        font-weight: 600;
      }

      .icon-button.small {
        inline-size: 30px;
        block-size: 30px;
      }

      .icon-button.small .icon {
        inline-size: 18px;
        block-size: 18px;
      }

      ul {
        display: grid;
        gap: 0.1rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }

      ul ul {
        padding-inline-start: 0.9rem;
      }

      .row {
        position: relative;
        display: flex;
        align-items: center;
        border-radius: var(--radius);
      }

      .row:hover {
        background: var(--surface-hover);
      }

      .row:has(.scope[aria-current='page']) {
        background: var(--accent-soft);
      }

      .toggle {
        display: grid;
        place-items: center;
        flex: none;
        inline-size: 22px;
        block-size: 36px;
        padding: 0;
        border: 0;
        background: transparent;
        color: var(--faint);
        cursor: pointer;
      }

      .toggle .icon {
        inline-size: 14px;
        block-size: 14px;
        transition: transform 120ms ease;
      }

      .toggle[aria-expanded='true'] .icon {
        transform: rotate(90deg);
      }

      :host(:dir(rtl)) .toggle[aria-expanded='true'] .icon {
        transform: scaleX(-1) rotate(90deg);
      }

      .scope {
        display: flex;
        flex: 1;
        align-items: center;
        gap: 0.55rem;
        min-inline-size: 0;
        min-block-size: 36px;
        padding-block: 0.3rem;
        padding-inline: 0.4rem;
        border: 0;
        border-radius: var(--radius);
        background: transparent;
        color: var(--muted);
        text-align: start;
        cursor: pointer;
      }

      .feed > .row .scope {
        padding-inline-start: 0.65rem;
      }

      .scope[aria-current='page'] {
        color: var(--accent);
        font-weight: 600;
      }

      .scope .icon {
        inline-size: 18px;
        block-size: 18px;
      }

      .error-icon {
        display: contents;
      }

      .error-icon .icon {
        color: var(--danger, #b3261e);
      }

      .text {
        display: grid;
        flex: 1;
        min-inline-size: 0;
      }

      .label,
      .error-line {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .error-line {
        color: var(--danger, #b3261e);
        font-size: 0.72rem;
      }

      .paused .label {
        color: var(--faint);
      }

      .badge {
        flex: none;
      }

      .refreshing .badge,
      .refreshing .icon {
        opacity: 0.55;
      }

      /* Over the count, shown while the row is pointed at or has the focus: the name keeps the width. */
      .row > .more {
        position: absolute;
        inset-inline-end: 0.15rem;
        inset-block-start: 3px;
        background: var(--surface-raised);
        opacity: 0;
      }

      .row:hover > .more,
      .row:focus-within > .more,
      .row > .more[aria-expanded='true'] {
        opacity: 1;
      }

      /* Fixed, so that it can reach over the list beside the narrow sidebar (which scrolls and clips). */
      .menu {
        position: fixed;
        min-inline-size: 15rem;
      }

      .heading-wrap {
        position: relative;
      }

      .menu button {
        padding: 0.5rem 0.7rem;
        border: 0;
        border-radius: calc(var(--radius) - 2px);
        background: transparent;
        color: var(--text);
        font-size: 0.88rem;
        text-align: start;
        cursor: pointer;
      }

      .menu button:hover,
      .menu button:focus-visible {
        background: var(--surface-hover);
      }

      .menu hr {
        margin: 0.25rem 0;
        border: 0;
        border-block-start: 1px solid var(--border);
      }

      input[type='file'] {
        display: none;
      }

      /* The sidebar shows icons only. */
      :host([compact]) :is(h2, .text, .badge, .more, .toggle) {
        display: none;
      }

      :host([compact]) .heading {
        justify-content: center;
        padding: 0;
      }

      :host([compact]) ul ul {
        padding: 0;
      }

      :host([compact]) .scope {
        justify-content: center;
      }
    `,
  ];

  protected override updated(changed: PropertyValues<this>): void {
    // A menu just opened: the focus goes to its first item.
    if (changed.has('menu') && this.menu !== null) this.renderRoot.querySelector<HTMLElement>('.menu button')?.focus();
  }

  /** The feed or folder the list is narrowed to, if it is shown. */
  currentItem(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scope[aria-current="page"]');
  }

  private get fileInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type=file]');
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="feeds-heading">
      <div class="heading-wrap">
        <div class="heading">
          <h2 id="feeds-heading">${strings.subscriptions}</h2>
          <button
            class="icon-button small subscribe"
            title=${strings.subscribe}
            aria-label=${strings.subscribe}
            @click=${(event: Event) => emit(this, 'show-subscribe', { opener: event.currentTarget as HTMLElement })}
          >
            ${plusIcon}
          </button>
          ${this.moreButton('all', strings.allSubscriptionsActions)}
        </div>
        ${sameOwner(this.menu, 'all') ? this.renderMenu('all') : nothing}
      </div>
      ${this.feeds.length === 0 && this.folders.length === 0 ? nothing : html`<ul role="list">${this.renderLevel(null, 0)}</ul>`}
      <input type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" tabindex="-1" aria-hidden="true" @change=${this.onOpmlChosen} />
    </section>`;
  }

  private renderLevel(parent: number | null, depth: number): TemplateResult[] {
    if (depth > 32) return [];
    const folders = this.folders.filter((f) => f.parent === parent).sort((a, b) => a.name.localeCompare(b.name));
    const feeds = this.feeds.filter((f) => f.folder === parent);
    return [...folders.map((folder) => this.renderFolder(folder, depth)), ...feeds.map((feed) => this.renderFeed(feed))];
  }

  private renderFolder(folder: FolderInfo, depth: number): TemplateResult {
    const scope: FeedScope = { kind: 'folder', id: folder.id };
    const open = !this.collapsed.has(folder.id);
    return html`<li class="folder" data-folder=${folder.id}>
      <div class="row">
        <button class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-label=${strings.expandFolder(folder.name)} @click=${() => this.toggle(folder.id)}>
          ${chevronIcon}
        </button>
        ${this.scopeButton(scope, folderIcon, folder.name, folder.unread, nothing, folder.name)}
        ${this.moreButton(scope, strings.feedActions(folder.name))}
        ${sameOwner(this.menu, scope) ? this.renderMenu(scope) : nothing}
      </div>
      ${open ? html`<ul role="list">${this.renderLevel(folder.id, depth + 1)}</ul>` : nothing}
    </li>`;
  }

  private renderFeed(feed: FeedInfo): TemplateResult {
    const scope: FeedScope = { kind: 'feed', id: feed.id };
    const icon = feed.lastError !== null ? alertIcon : feed.paused !== null ? pauseIcon : feedIcon;
    // The full reason (a sentence for the failure's code) is the row's title; the row says it shortly.
    const reason = feedErrorReason(feed);
    const why = feed.paused !== null ? (feed.pausedByReader ? strings.feedPaused : strings.feedPausedWhy(reason ?? feed.paused)) : reason !== null ? strings.feedError(reason) : null;
    const short = feed.paused !== null ? strings.feedPaused : feed.lastError !== null ? strings.feedFailed : null;
    const second = short === null ? nothing : html`<span class="error-line">${short}</span>`;
    return html`<li class="feed ${feed.paused !== null ? 'paused' : ''} ${this.refreshing.has(feed.id) ? 'refreshing' : ''}" data-feed=${feed.id}>
      <div class="row">
        ${this.scopeButton(scope, icon, feed.title, feed.unread, second, why === null ? feed.title : `${feed.title} — ${why}`, feed.lastError !== null)}
        ${this.moreButton(scope, strings.feedActions(feed.title))}
        ${sameOwner(this.menu, scope) ? this.renderMenu(scope) : nothing}
      </div>
    </li>`;
  }

  private scopeButton(
    scope: FeedScope,
    icon: SVGTemplateResult,
    label: string,
    unread: number,
    second: TemplateResult | typeof nothing,
    title: string,
    failed = false,
  ): TemplateResult {
    const current = this.scope !== null && this.scope.kind === scope.kind && this.scope.id === scope.id;
    return html`<button
      class="scope"
      aria-current=${current ? 'page' : 'false'}
      title=${title}
      @click=${() => emit(this, 'feed-scope-selected', { scope })}
    >
      <span class=${failed ? 'error-icon' : ''}>${icon}</span>
      <span class="text"><span class="label" dir="auto">${label}</span>${second}</span>
      ${unread > 0 ? html`<span class="badge" aria-label=${strings.unreadCount(unread)}>${formatNumber(unread)}</span>` : nothing}
    </button>`;
  }

  private moreButton(owner: MenuOwner, label: string): TemplateResult {
    const open = sameOwner(this.menu, owner);
    return html`<button
      class="icon-button small more"
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      title=${label}
      aria-label=${label}
      @click=${(event: Event) => this.toggleMenu(owner, event.currentTarget as HTMLElement)}
    >
      ${moreIcon}
    </button>`;
  }

  private renderMenu(owner: MenuOwner): TemplateResult {
    const scope = owner === 'all' ? null : owner;
    const item = (label: string, run: () => void) =>
      html`<button role="menuitem" @click=${() => {
        this.closeMenu(false);
        run();
      }}>${label}</button>`;
    const markRead = (olderThan?: MarkReadAge) => () => emit(this, 'feed-mark-read', olderThan === undefined ? { scope } : { scope, olderThan });
    const opener = () => this.menuOpener ?? this;
    return html`<div class="menu popup-menu" role="menu" style=${this.menuPlace} @keydown=${this.onMenuKey} @focusout=${this.onMenuFocusOut}>
      ${item(strings.refreshNow, () => emit(this, 'feed-refresh', { scope }))}
      <hr />
      ${item(strings.markAllRead, markRead())} ${item(strings.markOlderThanDay, markRead('day'))} ${item(strings.markOlderThanWeek, markRead('week'))}
      ${scope?.kind === 'feed'
        ? html`<hr />
            ${item(strings.feedSettings, () => emit(this, 'feed-settings', { id: scope.id, opener: opener() }))}
            ${item(strings.unsubscribe, () => emit(this, 'feed-settings', { id: scope.id, opener: opener(), unsubscribe: true }))}`
        : nothing}
      ${scope?.kind === 'folder'
        ? html`<hr />
            ${item(strings.renameFolder, () => emit(this, 'folder-edit', { id: scope.id, opener: opener(), action: 'rename' }))}
            ${item(strings.deleteFolder, () => emit(this, 'folder-edit', { id: scope.id, opener: opener(), action: 'delete' }))}`
        : nothing}
      ${owner === 'all'
        ? html`<hr />
            ${item(strings.importOpml, () => this.fileInput?.click())} ${item(strings.exportOpml, () => emit(this, 'opml-export'))}`
        : nothing}
    </div>`;
  }

  private toggle(folder: number): void {
    const collapsed = new Set(this.collapsed);
    if (!collapsed.delete(folder)) collapsed.add(folder);
    this.collapsed = collapsed;
  }

  private toggleMenu(owner: MenuOwner, opener: HTMLElement): void {
    if (sameOwner(this.menu, owner)) {
      this.closeMenu(true);
      return;
    }
    this.menuOpener = opener;
    const box = opener.getBoundingClientRect();
    const rtl = getComputedStyle(opener).direction === 'rtl';
    const vertical = box.bottom + 320 < window.innerHeight ? `top: ${box.bottom + 4}px` : `bottom: ${window.innerHeight - box.top + 4}px`;
    const sideways = rtl ? `right: ${window.innerWidth - box.right}px` : `left: ${box.left}px`;
    this.menuPlace = `${vertical}; ${sideways}`;
    this.menu = owner;
  }

  private closeMenu(refocus: boolean): void {
    this.menu = null;
    if (refocus) this.menuOpener?.focus();
  }

  private readonly onMenuKey = (event: KeyboardEvent): void => {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('.menu button')];
    const at = items.indexOf((this.shadowRoot?.activeElement ?? null) as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closeMenu(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  };

  /** The focus left the menu (a click elsewhere, Tab): it closes. */
  private readonly onMenuFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    if (to instanceof Node && this.renderRoot.querySelector('.menu')?.contains(to)) return;
    if (to === this.menuOpener) return;
    this.menu = null;
  };

  private readonly onOpmlChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file !== undefined) emit(this, 'opml-import', { file });
  };
}

customElements.define('sahifa-feed-tree', FeedTree);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-feed-tree': FeedTree;
  }
}
