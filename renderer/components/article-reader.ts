/**
 * The reading view: one article in a text face made for Arabic, at a comfortable measure, with
 * the matches of the search that led here marked and the first one scrolled into view.
 *
 * The article's own direction and language go on the <article>, so an English piece reads left to
 * right inside the Arabic interface; each paragraph is dir="auto" so that a Latin name or a number
 * keeps its order inside an Arabic sentence.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ArticleView } from '../../preload/api';
import { formatLongDate, readingTime } from '../format';
import { marked, rangesWithin, splitParagraphs } from '../highlight';
import { markWordsInDom } from '../html-highlight';
import { strings } from '../strings';
import { backIcon, bookmarkIcon, clockIcon, externalIcon } from './icons';
import { sharedStyles } from './shared-styles';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, td, th';

export class ArticleReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    loading: { type: Boolean },
    error: { attribute: false },
  };

  declare article: ArticleView | null;
  declare loading: boolean;
  declare error: string | null;

  constructor() {
    super();
    this.article = null;
    this.loading = false;
    this.error = null;
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

      article {
        max-inline-size: 68ch;
        margin-inline: auto;
        padding: 2.75rem 2.5rem 5rem;
        font-family: var(--font-reading);
        font-size: 1.22rem;
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
        font-size: 2rem;
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
        line-height: 1.95;
        text-align: start;
        hyphens: auto;
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
    const article = this.article;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (article.html !== null && body !== null) {
      // As for plain-text paragraphs: each block finds its own direction, so an English quote
      // inside an Arabic article (or the reverse) lines up the way it reads.
      for (const block of body.querySelectorAll(BLOCKS)) if (!block.hasAttribute('dir')) block.setAttribute('dir', 'auto');
      if (article.highlights.length > 0) markWordsInDom(body, article.text, article.highlights);
    }
    this.scrollToFirstMark();
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
    return html`${this.renderToolbar()} ${this.loading ? html`<div class="loading-bar" role="progressbar"></div>` : nothing}
    ${this.renderContent()}`;
  }

  private renderToolbar(): TemplateResult {
    const article = this.article;
    return html`<div class="toolbar">
      <button class="icon-button back" title=${strings.back} aria-label=${strings.back} @click=${this.back}>${backIcon}</button>
      <span class="spacer"></span>
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
    const date = formatLongDate(article.published);
    // Focusable so that the keyboard scrolls the article (arrows, space, Page Down).
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${article.title}>
      <article dir=${article.dir} lang=${article.lang ?? nothing} data-id=${article.id}>
        ${article.source === null ? nothing : html`<p class="kicker">${article.source}</p>`}
        <h1 dir="auto">${marked(article.title, article.titleHighlights)}</h1>
        <div class="meta" lang="ar">
          ${date === null ? nothing : html`<span class="date">${date}</span>`}
          <span class="reading-time">${clockIcon}${readingTime(article.text)}</span>
          ${article.byline === null ? nothing : html`<span class="byline">${strings.by} <bdi>${article.byline}</bdi></span>`}
          ${article.url !== null && /^https?:/i.test(article.url)
            ? html`<a href=${article.url} @click=${this.openLink}>${externalIcon}${strings.openOriginal}</a>`
            : nothing}
        </div>
        <div class="body" @click=${this.openLink}>${this.renderBody(article)}</div>
      </article>
    </div>`;
  }

  private renderBody(article: ArticleView): unknown {
    // Sanitized in main at import; CSP forbids inline scripts and handlers on top of that.
    // Keyed on the view object: a new view (another query's marks) starts from the pristine HTML.
    if (article.html !== null) return keyed(article, unsafeHTML(article.html));
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
