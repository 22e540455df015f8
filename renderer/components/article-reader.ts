/**
 * The reading view: one article in a text face made for Arabic, at a comfortable measure, with
 * the matches of the search that led here marked and the first one scrolled into view.
 *
 * The article's own direction and language go on the <article>, so an English piece reads left to
 * right inside the Arabic interface; each paragraph is dir="auto" so that a Latin name or a number
 * keeps its order inside an Arabic sentence.
 *
 * The face, size, line height, measure and alignment come from the settings (custom properties
 * set by appearance.ts). The reader reopens an article where it was left (its saved position), shows
 * how far along it is with a thin bar, and reports scrolling up (`reading-scroll`) for the app to
 * save; its actions (read, copy link, export, delete, tags, note) are events for the app too.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ArticleView, ArticleExportFormat } from '../../common';
import { formatArticleDate, readingTime } from '../format';
import { marked, rangesWithin, splitParagraphs } from '../highlight';
import { markWordsInDom } from '../html-highlight';
import { strings } from '../strings';
import { backIcon, bookmarkIcon, clockIcon, downloadIcon, externalIcon, linkIcon, readIcon, trashIcon, unreadIcon } from './icons';
import './article-annotations';
import { sharedStyles } from './shared-styles';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, td, th';

export class ArticleReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    loading: { type: Boolean },
    error: { attribute: false },
    knownTags: { attribute: false },
    progress: { state: true },
    exportOpen: { state: true },
  };

  declare article: ArticleView | null;
  declare loading: boolean;
  declare error: string | null;
  /** Every tag in the library, offered when adding one. */
  declare knownTags: string[];
  /** How far along the article the reader is, 0..1. */
  declare progress: number;
  declare exportOpen: boolean;

  constructor() {
    super();
    this.article = null;
    this.loading = false;
    this.error = null;
    this.knownTags = [];
    this.progress = 0;
    this.exportOpen = false;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        block-size: 100%;
        min-block-size: 0;
        background: var(--surface);
      }

      .toolbar {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-block-size: 56px;
        padding-inline: 1.25rem;
        border-block-end: 1px solid var(--border);
      }

      .toolbar .spacer {
        flex: 1;
      }

      .back {
        display: none;
      }

      :host([narrow]) .back {
        display: inline-grid;
      }

      .bookmark[aria-pressed='true'] {
        border-color: var(--accent-soft-strong);
        background: var(--accent-soft);
        color: var(--accent);
      }

      .bookmark kbd {
        padding: 0 0.35em;
        border: 1px solid var(--border-strong);
        border-radius: 4px;
        color: var(--faint);
        font-family: var(--font-ui);
        font-size: 0.72rem;
        line-height: 1.5;
      }

      .scroll:focus-visible {
        outline-offset: -3px;
      }

      .scroll {
        flex: 1;
        min-block-size: 0;
        overflow-y: auto;
        scroll-padding-block: 96px;
      }

      /* How far along: a thin bar under the toolbar. */
      .progress {
        block-size: 3px;
        background: transparent;
      }

      .progress .fill {
        block-size: 100%;
        inline-size: 100%;
        background: var(--accent);
        transform-origin: var(--progress-origin, right);
        transition: transform 80ms linear;
      }

      :host(:dir(ltr)) {
        --progress-origin: left;
      }

      .actions {
        display: flex;
        align-items: center;
        gap: 0.15rem;
      }

      .export {
        position: relative;
      }

      .export-menu {
        position: absolute;
        inset-block-start: calc(100% + 4px);
        inset-inline-end: 0;
        z-index: 5;
        display: grid;
        min-inline-size: 11rem;
        padding: 0.3rem;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius);
        background: var(--surface-raised);
        box-shadow: var(--shadow-lg);
      }

      .export-menu button {
        block-size: 36px;
        padding-inline: 0.75rem;
        border: 0;
        border-radius: var(--radius-sm);
        background: transparent;
        text-align: start;
        cursor: pointer;
      }

      .export-menu button:hover {
        background: var(--surface-hover);
      }

      .icon-button[aria-pressed='true'] {
        color: var(--accent);
      }

      .icon-button.danger:hover {
        color: var(--danger);
      }

      article {
        max-inline-size: calc(var(--reading-measure) + 5rem);
        margin-inline: auto;
        padding: 2.75rem 2.5rem 5rem;
        font-family: var(--font-reading);
        font-size: var(--reading-size);
      }

      .kicker {
        margin: 0 0 0.6rem;
        color: var(--accent);
        font-family: var(--font-ui);
        font-size: 0.9rem;
        font-weight: 600;
      }

      h1 {
        margin: 0;
        color: var(--text-strong);
        font-family: var(--font-reading);
        font-size: 1.65em;
        font-weight: 700;
        line-height: 1.55;
        text-wrap: balance;
      }

      .meta {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 1rem;
        margin-block: 1rem 0;
        padding-block-end: 1.4rem;
        border-block-end: 1px solid var(--border);
        color: var(--muted);
        font-family: var(--font-ui);
        font-size: 0.85rem;
      }

      .meta > span {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }

      .meta .icon {
        inline-size: 16px;
        block-size: 16px;
      }

      .meta a {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        color: var(--accent);
        text-decoration: none;
      }

      .meta a:hover {
        text-decoration: underline;
      }

      .body {
        margin-block-start: 1.75rem;
        color: var(--text);
        line-height: var(--reading-line-height);
        text-align: var(--reading-align);
        hyphens: auto;
      }

      .meta .hijri {
        color: var(--muted);
      }

      .body p {
        margin: 0 0 1.1em;
      }

      /* Sanitized article HTML: keep it within the measure and the theme. */
      .body img,
      .body video,
      .body svg {
        max-inline-size: 100%;
        block-size: auto;
        border-radius: var(--radius-sm);
      }

      .body figure {
        margin: 1.5em 0;
      }

      .body figcaption {
        color: var(--muted);
        font-family: var(--font-ui);
        font-size: 0.85rem;
      }

      .body h2,
      .body h3,
      .body h4 {
        margin: 1.6em 0 0.6em;
        color: var(--text-strong);
        line-height: 1.6;
      }

      .body h2 {
        font-size: 1.4rem;
      }

      .body h3 {
        font-size: 1.2rem;
      }

      .body blockquote {
        margin: 1.4em 0;
        padding-inline-start: 1.1em;
        border-inline-start: 3px solid var(--accent-soft-strong);
        color: var(--muted);
      }

      .body a {
        color: var(--accent);
      }

      .body table {
        border-collapse: collapse;
        font-size: 0.9em;
      }

      .body td,
      .body th {
        padding: 0.3em 0.6em;
        border: 1px solid var(--border);
      }

      .body pre {
        overflow-x: auto;
        font-size: 0.85em;
      }

      .body mark {
        padding: 0.05em 0.1em;
      }

      .empty {
        display: grid;
        flex: 1;
        place-content: center;
        justify-items: center;
        gap: 0.5rem;
        padding: 2rem;
        color: var(--muted);
        text-align: center;
      }

      .empty .glyph {
        display: grid;
        place-items: center;
        inline-size: 72px;
        block-size: 72px;
        margin-block-end: 0.5rem;
        border-radius: 50%;
        background: var(--accent-soft);
        color: var(--accent);
        font-family: var(--font-reading);
        font-size: 2.2rem;
        font-weight: 700;
        line-height: 1;
      }

      .empty h2 {
        margin: 0;
        color: var(--text);
        font-size: 1.1rem;
        font-weight: 600;
      }

      .empty p {
        margin: 0;
        max-inline-size: 28rem;
        font-size: 0.92rem;
      }

      .error {
        color: var(--danger);
      }

      .loading-bar {
        block-size: 2px;
        background: linear-gradient(90deg, transparent, var(--accent), transparent);
        background-size: 50% 100%;
        animation: slide 1s linear infinite;
      }

      @keyframes slide {
        from {
          background-position: -50% 0;
        }
        to {
          background-position: 150% 0;
        }
      }

      @media (prefers-reduced-motion: reduce) {
        .loading-bar {
          animation: none;
        }
      }
    `,
  ];

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroll');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('article') || this.article === null) return;
    const previous = changed.get('article') as ArticleView | null | undefined;
    // The same article again (bookmarked, tagged, marked read): keep the reader where it is.
    if (previous?.id === this.article.id && previous.highlights === this.article.highlights) return;
    this.exportOpen = false;
    const article = this.article;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (article.html !== null && body !== null) {
      // As for plain-text paragraphs: each block finds its own direction, so an English quote
      // inside an Arabic article (or the reverse) lines up the way it reads.
      for (const block of body.querySelectorAll(BLOCKS)) if (!block.hasAttribute('dir')) block.setAttribute('dir', 'auto');
      if (article.highlights.length > 0) markWordsInDom(body, article.text, article.highlights);
    }
    this.scrollToStart(article);
  }

  /**
   * Whether the reader has scrolled this article themselves (wheel, keys, touch, the scroll bar):
   * the view's own scrolling (to a match, to the saved position, layout shifts as images load)
   * is not reading, so it neither saves a position nor marks the article read.
   */
  private userScrolling = false;

  private readonly onUserInput = (): void => {
    this.userScrolling = true;
  };

  /** Where a freshly opened article starts: at the search's first match, else where it was left. */
  private scrollToStart(article: ArticleView): void {
    const scroller = this.scroller;
    this.userScrolling = false;
    if (article.highlights.length > 0 || article.titleHighlights.length > 0 || scroller === null || article.position <= 0) {
      this.scrollToFirstMark();
    } else {
      scroller.scrollTo({ top: article.position * Math.max(0, scroller.scrollHeight - scroller.clientHeight) });
    }
    this.progress = this.fraction();
  }

  /** The fraction of the article scrolled: 0 at the top, 1 when its end is in view. */
  private fraction(): number {
    const scroller = this.scroller;
    if (scroller === null) return 0;
    const range = scroller.scrollHeight - scroller.clientHeight;
    return range <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / range));
  }

  private onScroll(): void {
    const article = this.article;
    if (article === null) return;
    this.progress = this.fraction();
    if (!this.userScrolling) return;
    this.dispatchEvent(new CustomEvent('reading-scroll', { detail: { id: article.id, fraction: this.progress }, bubbles: true, composed: true }));
  }

  /** Moves the focus into the article's text, so the arrows and Page Down scroll it. */
  focusText(): void {
    this.scroller?.focus({ preventScroll: true });
  }

  /**
   * Brings the first match to the upper third of the reading pane, or the article's top when there
   * is none. Scrolls the pane itself: scrollIntoView would also scroll every ancestor, the window too.
   */
  private scrollToFirstMark(): void {
    const scroller = this.scroller;
    if (scroller === null) return;
    const first = this.renderRoot.querySelector<HTMLElement>('.body mark');
    if (first === null) {
      scroller.scrollTo({ top: 0 });
      return;
    }
    const offset = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    // Already on the first screen: keep the title in view too.
    const visible = offset + first.offsetHeight < scroller.clientHeight * 0.8;
    scroller.scrollTo({ top: visible ? 0 : Math.max(0, offset - scroller.clientHeight / 3) });
  }

  override render(): TemplateResult {
    return html`${this.renderToolbar()}
    ${this.loading
      ? html`<div class="loading-bar" role="progressbar" aria-label=${strings.loading}></div>`
      : this.article === null
        ? nothing
        : html`<div class="progress" aria-hidden="true"><div class="fill" style="transform: scaleX(${this.progress.toFixed(4)})"></div></div>`}
    ${this.renderContent()}`;
  }

  private renderToolbar(): TemplateResult {
    const article = this.article;
    return html`<div class="toolbar">
      <button class="icon-button back" title=${strings.back} aria-label=${strings.back} @click=${this.back}>${backIcon}</button>
      <span class="spacer"></span>
      ${article === null ? nothing : this.renderActions(article)}
      ${article === null
        ? nothing
        : html`<button
            class="button bookmark"
            aria-pressed=${article.bookmarked ? 'true' : 'false'}
            title=${`${article.bookmarked ? strings.unbookmark : strings.bookmark} (${strings.bookmarkShortcut})`}
            @click=${this.toggleBookmark}
          >
            ${bookmarkIcon(article.bookmarked)}
            <span>${article.bookmarked ? strings.bookmarked : strings.bookmark}</span>
            <kbd aria-hidden="true">B</kbd>
          </button>`}
    </div>`;
  }

  private renderActions(article: ArticleView): TemplateResult {
    const readLabel = `${article.read ? strings.markUnread : strings.markRead} (${strings.readShortcut})`;
    const web = article.url !== null && /^https?:/i.test(article.url);
    return html`<div class="actions">
      <button class="icon-button toggle-read" title=${readLabel} aria-label=${readLabel} @click=${() => this.emit('toggle-read')}>
        ${article.read ? unreadIcon : readIcon}
      </button>
      ${web
        ? html`<button class="icon-button copy-link" title=${strings.copyLink} aria-label=${strings.copyLink} @click=${() => this.emit('copy-link')}>
              ${linkIcon}
            </button>
            <button
              class="icon-button open-original"
              title=${strings.openOriginal}
              aria-label=${strings.openOriginal}
              @click=${() => this.emit('open-external', { url: article.url })}
            >
              ${externalIcon}
            </button>`
        : nothing}
      <div class="export" @keydown=${this.onExportKeyDown} @focusout=${this.onExportFocusOut}>
        <button
          class="icon-button export-button"
          title=${strings.exportLabel}
          aria-label=${strings.exportLabel}
          aria-expanded=${this.exportOpen ? 'true' : 'false'}
          aria-controls="export-menu"
          @click=${() => (this.exportOpen = !this.exportOpen)}
        >
          ${downloadIcon}
        </button>
        ${this.exportOpen
          ? html`<div class="export-menu" id="export-menu" role="group" aria-label=${strings.exportLabel}>
              <button data-format="md" @click=${() => this.exportAs('md')}>${strings.exportMarkdown}</button>
              <button data-format="html" @click=${() => this.exportAs('html')}>${strings.exportHtml}</button>
            </div>`
          : nothing}
      </div>
      <button class="icon-button danger delete" title=${strings.deleteArticle} aria-label=${strings.deleteArticle} @click=${() => this.emit('delete-article')}>
        ${trashIcon}
      </button>
    </div>`;
  }

  private exportAs(format: ArticleExportFormat): void {
    this.exportOpen = false;
    this.emit('export-article', { format });
    this.renderRoot.querySelector<HTMLElement>('.export-button')?.focus();
  }

  private onExportKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.exportOpen) {
      event.stopPropagation();
      this.exportOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.export-button')?.focus();
    }
  }

  private onExportFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next === null || !(event.currentTarget as HTMLElement).contains(next)) this.exportOpen = false;
  }

  private emit(type: string, detail: unknown = undefined): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private renderContent(): TemplateResult {
    if (this.error !== null) {
      return html`<div class="empty"><p class="error" role="alert">${this.error}</p></div>`;
    }
    const article = this.article;
    if (article === null) {
      return html`<div class="empty">
        <span class="glyph" aria-hidden="true">ص</span>
        <h2>${strings.noReaderTitle}</h2>
        <p>${strings.noReaderText}</p>
      </div>`;
    }
    const date = formatArticleDate(article.published);
    // Focusable so that the keyboard scrolls the article (arrows, space, Page Down).
    return html`<div
      class="scroll"
      tabindex="0"
      role="region"
      aria-label=${article.title}
      @scroll=${this.onScroll}
      @wheel=${this.onUserInput}
      @keydown=${this.onUserInput}
      @pointerdown=${this.onUserInput}
      @touchstart=${this.onUserInput}
    >
      <article dir=${article.dir} lang=${article.lang ?? nothing} data-id=${article.id} aria-labelledby="article-title">
        ${article.source === null ? nothing : html`<p class="kicker">${article.source}</p>`}
        <h1 id="article-title" dir="auto">${marked(article.title, article.titleHighlights)}</h1>
        <div class="meta" lang=${document.documentElement.lang} dir=${document.documentElement.dir}>
          ${date === null
            ? nothing
            : html`<span class="date">${date.gregorian}</span>${date.hijri === null ? nothing : html`<span class="hijri">${date.hijri}</span>`}`}
          <span class="reading-time">${clockIcon}${readingTime(article.text)}</span>
          ${article.byline === null ? nothing : html`<span class="byline">${strings.by} <bdi>${article.byline}</bdi></span>`}
          ${article.url !== null && /^https?:/i.test(article.url)
            ? html`<a href=${article.url} @click=${this.openLink}>${externalIcon}${strings.openOriginal}</a>`
            : nothing}
        </div>
        <sahifa-article-annotations
          lang=${document.documentElement.lang}
          dir=${document.documentElement.dir}
          .articleId=${article.id}
          .tags=${article.tags}
          .note=${article.note}
          .bookmarked=${article.bookmarked}
          .knownTags=${this.knownTags}
        ></sahifa-article-annotations>
        <div class="body" @click=${this.openLink}>${this.renderBody(article)}</div>
      </article>
    </div>`;
  }

  private renderBody(article: ArticleView): unknown {
    // Sanitized in main at import; CSP forbids inline scripts and handlers on top of that.
    // Keyed on the view object: a new view (another query's marks) starts from the pristine HTML.
    // Keyed on the highlights, which are new for each view fetched: a copy of the same view
    // (marked read, tagged) keeps the DOM and its marks.
    if (article.html !== null) return keyed(article.highlights, unsafeHTML(article.html));
    const paragraphs = splitParagraphs(article.text);
    // Plain-text files often open with their title line: the heading already shows it.
    if (paragraphs[0]?.text.trim() === article.title.trim()) paragraphs.shift();
    return paragraphs.map(
      (paragraph) =>
        html`<p dir="auto">${marked(paragraph.text, rangesWithin(article.highlights, paragraph.start, paragraph.text.length))}</p>`,
    );
  }

  /** Links never navigate the app: http(s) ones open in the system browser, the rest do nothing. */
  private openLink(event: MouseEvent): void {
    const link = (event.target as Element).closest('a[href]');
    if (link === null) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (/^https?:/i.test(href)) this.dispatchEvent(new CustomEvent('open-external', { detail: { url: href }, bubbles: true, composed: true }));
  }

  private toggleBookmark(): void {
    this.dispatchEvent(new CustomEvent('toggle-bookmark', { bubbles: true, composed: true }));
  }

  private back(): void {
    this.dispatchEvent(new CustomEvent('reader-back', { bubbles: true, composed: true }));
  }
}

customElements.define('sahifa-article-reader', ArticleReader);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-article-reader': ArticleReader;
  }
}
