/**
 * The reading pane: the toolbar, a thin bar for how far along the article the reader is, and the
 * article (article-body.ts) in its own scrolling box. A freshly opened article starts at the
 * search's first match, else where it was left (its saved position). Scrolling by the reader goes
 * up as `reading-scroll`, for the app to save the position and mark the article read.
 *
 * The face, size, line height, measure and alignment come from the settings (custom properties
 * set by appearance.ts).
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ArticleView, Highlight } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { isNewArticle, type ArticleBody } from './article-body';
import { sharedStyles } from './shared-styles';
import './article-body';
import './reader-toolbar';

/** Where `element` is from the top of the scrolling box's content. */
const offsetWithin = (scroller: HTMLElement, element: HTMLElement): number =>
  element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;

export class ArticleReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    loading: { type: Boolean },
    error: { attribute: false },
    knownTags: { attribute: false },
    userHighlights: { attribute: false },
    reveal: { attribute: false },
    revealFocus: { attribute: false },
    narrow: { type: Boolean, reflect: true },
    progress: { state: true },
  };

  declare article: ArticleView | null;
  /** The reader's highlights in the article, drawn by the body. */
  declare userHighlights: Highlight[];
  /** A highlight to bring into view once the article shows it (chosen in the highlights view). */
  declare reveal: string | null;
  /** Whether the revealed highlight takes the focus. */
  declare revealFocus: boolean;
  declare loading: boolean;
  declare error: string | null;
  /** Every tag in the library, offered when adding one. */
  declare knownTags: string[];
  declare narrow: boolean;
  /** How far along the article the reader is, 0..1. */
  declare progress: number;

  /**
   * Whether the reader has scrolled this article themselves (wheel, keys, touch, the scroll bar):
   * the view's own scrolling (to a match, to the saved position, layout shifts as images load)
   * is not reading, so it neither saves a position nor marks the article read.
   */
  private userScrolling = false;
  /** Set in willUpdate: the article is another one, to be scrolled to its start once rendered. */
  private freshArticle = false;
  /** The highlight in `reveal` once its scrolling is under way (it is asked for once). */
  private revealQueued: string | null = null;
  /** The view's own scrolling, one move after the other: the article's start, then a highlight. */
  private placing: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.article = null;
    this.loading = false;
    this.error = null;
    this.knownTags = [];
    this.userHighlights = [];
    this.reveal = null;
    this.revealFocus = true;
    this.narrow = false;
    this.progress = 0;
    new LocaleController(this);
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

      .scroll {
        flex: 1;
        min-block-size: 0;
        overflow-y: auto;
        scroll-padding-block: 96px;
      }

      .scroll:focus-visible {
        outline-offset: -3px;
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

  private get body(): ArticleBody | null {
    return this.renderRoot.querySelector('sahifa-article-body');
  }

  /** Moves the focus into the article's text, so the arrows and Page Down scroll it. */
  focusText(): void {
    this.scroller?.focus({ preventScroll: true });
  }

  /**
   * Space's paging: scrolls the article by most of a screen, forward (1) or back (-1). False when
   * it was already at that end, so that the window can move on to the next article.
   */
  page(delta: 1 | -1): boolean {
    const scroller = this.scroller;
    if (scroller === null) return false;
    const range = scroller.scrollHeight - scroller.clientHeight;
    if (delta > 0 ? scroller.scrollTop >= range - 2 : scroller.scrollTop <= 0) return false;
    this.userScrolling = true;
    scroller.scrollBy({ top: delta * scroller.clientHeight * 0.85, behavior: 'instant' });
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article') && isNewArticle(changed.get('article'), this.article)) this.freshArticle = true;
    if (changed.has('reveal')) this.revealQueued = null;
  }

  protected override updated(): void {
    const article = this.article;
    if (article === null) return;
    const fresh = this.freshArticle;
    const reveal = this.reveal;
    const revealNow = reveal !== null && reveal !== this.revealQueued && this.userHighlights.some((h) => h.id === reveal);
    if (!fresh && !revealNow) return;
    this.freshArticle = false;
    if (fresh) this.userScrolling = false;
    if (revealNow) this.revealQueued = reveal;
    this.placing = this.placing.then(async () => {
      if (fresh) await this.scrollToStart(article);
      if (revealNow && this.article === article) await this.revealHighlight(reveal);
    });
  }

  /** Brings a highlight to the upper third of the pane and marks it; says so with `highlight-revealed`. */
  private async revealHighlight(id: string): Promise<void> {
    await this.body?.updateComplete;
    const scroller = this.scroller;
    const mark = this.body?.reveal(id, { focus: this.revealFocus }) ?? null;
    if (mark !== null && scroller !== null) {
      scroller.scrollTo({ top: Math.max(0, offsetWithin(scroller, mark) - scroller.clientHeight / 3) });
      this.progress = this.fraction();
    }
    emit(this, 'highlight-revealed', { id });
  }

  /** Where a freshly opened article starts: at the search's first match, else where it was left. */
  private async scrollToStart(article: ArticleView): Promise<void> {
    // The marks are in the text once the body has rendered it.
    await this.body?.updateComplete;
    const scroller = this.scroller;
    if (this.article !== article || scroller === null) return;
    if (article.highlights.length > 0 || article.titleHighlights.length > 0 || article.position <= 0) {
      this.scrollToFirstMark(scroller);
    } else {
      scroller.scrollTo({ top: article.position * Math.max(0, scroller.scrollHeight - scroller.clientHeight) });
    }
    this.progress = this.fraction();
  }

  /**
   * Brings the first match to the upper third of the reading pane, or the article's top when there
   * is none. Scrolls the pane itself: scrollIntoView would also scroll every ancestor, the window too.
   */
  private scrollToFirstMark(scroller: HTMLElement): void {
    const first = this.body?.firstMark ?? null;
    if (first === null) {
      scroller.scrollTo({ top: 0 });
      return;
    }
    const offset = offsetWithin(scroller, first);
    // Already on the first screen: keep the title in view too.
    const visible = offset + first.offsetHeight < scroller.clientHeight * 0.8;
    scroller.scrollTo({ top: visible ? 0 : Math.max(0, offset - scroller.clientHeight / 3) });
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
    if (this.userScrolling) emit(this, 'reading-scroll', { id: article.id, fraction: this.progress });
  }

  private readonly onUserInput = (): void => {
    this.userScrolling = true;
  };

  override render(): TemplateResult {
    return html`<sahifa-reader-toolbar .article=${this.article} .highlightCount=${this.userHighlights.length} ?narrow=${this.narrow}></sahifa-reader-toolbar>
      ${this.loading
        ? html`<div class="loading-bar" role="progressbar" aria-label=${strings.loading}></div>`
        : this.article === null
          ? nothing
          : html`<div class="progress" aria-hidden="true"><div class="fill" style="transform: scaleX(${this.progress.toFixed(4)})"></div></div>`}
      ${this.renderContent()}`;
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
      <sahifa-article-body .article=${article} .knownTags=${this.knownTags} .userHighlights=${this.userHighlights}></sahifa-article-body>
    </div>`;
  }
}

customElements.define('sahifa-article-reader', ArticleReader);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-article-reader': ArticleReader;
  }
}
