/**
 * One article as it reads: its source, title, date (with the Hijri one if asked for), reading time,
 * byline and link, the reader's tags and note, and its text in a face made for Arabic, at a
 * comfortable measure, with the matches of the search that led here marked.
 *
 * The article's own direction and language go on the <article>, so an English piece reads left to
 * right inside the Arabic interface; each paragraph or block finds its own direction (dir="auto")
 * so that a Latin name or a number keeps its order inside an Arabic sentence.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ArticleView } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { formatArticleDate, readingTime } from '../format';
import { marked, rangesWithin, splitParagraphs } from '../highlight';
import { markWordsInDom } from '../html-highlight';
import { strings } from '../strings';
import { clockIcon, externalIcon } from './icons';
import { sharedStyles } from './shared-styles';
import './article-annotations';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, td, th';

/** Only http(s) links leave the app (for the system browser); others do nothing. */
export const isWebLink = (url: string): boolean => /^https?:/i.test(url);

/** Whether `next` is another article, or the same one fetched again with other marks, rather than a copy with a change (read, tagged). */
export function isNewArticle(previous: ArticleView | null | undefined, next: ArticleView | null): boolean {
  return next !== null && !(previous?.id === next.id && previous.highlights === next.highlights);
}

export class ArticleBody extends LitElement {
  static override properties = {
    article: { attribute: false },
    knownTags: { attribute: false },
  };

  declare article: ArticleView | null;
  /** Every tag in the library, offered when adding one. */
  declare knownTags: string[];

  constructor() {
    super();
    this.article = null;
    this.knownTags = [];
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
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

      .meta .hijri {
        color: var(--muted);
      }

      .body {
        margin-block-start: 1.75rem;
        color: var(--text);
        line-height: var(--reading-line-height);
        text-align: var(--reading-align);
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
    `,
  ];

  /** The search's first match in the text, if any. */
  get firstMark(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.body mark');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const article = this.article;
    if (!changed.has('article') || article === null || !isNewArticle(changed.get('article'), article)) return;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (article.html === null || body === null) return;
    // As for plain-text paragraphs: each block of the article's HTML finds its own direction, so an
    // English quote inside an Arabic article (or the reverse) lines up the way it reads.
    for (const block of body.querySelectorAll(BLOCKS)) if (!block.hasAttribute('dir')) block.setAttribute('dir', 'auto');
    if (article.highlights.length > 0) markWordsInDom(body, article.text, article.highlights);
  }

  override render(): TemplateResult | typeof nothing {
    const article = this.article;
    if (article === null) return nothing;
    const date = formatArticleDate(article.published);
    const { lang, dir } = document.documentElement;
    return html`<article dir=${article.dir} lang=${article.lang ?? nothing} data-id=${article.id} aria-labelledby="article-title">
      ${article.source === null ? nothing : html`<p class="kicker">${article.source}</p>`}
      <h1 id="article-title" dir="auto">${marked(article.title, article.titleHighlights)}</h1>
      <div class="meta" lang=${lang} dir=${dir}>
        ${date === null
          ? nothing
          : html`<span class="date">${date.gregorian}</span>${date.hijri === null ? nothing : html`<span class="hijri">${date.hijri}</span>`}`}
        <span class="reading-time">${clockIcon}${readingTime(article.text)}</span>
        ${article.byline === null ? nothing : html`<span class="byline">${strings.by} <bdi>${article.byline}</bdi></span>`}
        ${article.url !== null && isWebLink(article.url) ? html`<a href=${article.url} @click=${this.openLink}>${externalIcon}${strings.openOriginal}</a>` : nothing}
      </div>
      <sahifa-article-annotations
        lang=${lang}
        dir=${dir}
        .articleId=${article.id}
        .tags=${article.tags}
        .note=${article.note}
        .bookmarked=${article.bookmarked}
        .knownTags=${this.knownTags}
      ></sahifa-article-annotations>
      <div class="body" @click=${this.openLink}>${this.renderText(article)}</div>
    </article>`;
  }

  private renderText(article: ArticleView): unknown {
    // Sanitized in main at import; CSP forbids inline scripts and handlers on top of that.
    // Keyed on the highlights, which are new for each view fetched: another query's marks start
    // from the pristine HTML, while a copy of the same view (marked read, tagged) keeps the DOM
    // and its marks.
    if (article.html !== null) return keyed(article.highlights, unsafeHTML(article.html));
    const paragraphs = splitParagraphs(article.text);
    // Plain-text files often open with their title line: the heading already shows it.
    if (paragraphs[0]?.text.trim() === article.title.trim()) paragraphs.shift();
    return paragraphs.map(
      (paragraph) => html`<p dir="auto">${marked(paragraph.text, rangesWithin(article.highlights, paragraph.start, paragraph.text.length))}</p>`,
    );
  }

  /** Links never navigate the app: http(s) ones open in the system browser, the rest do nothing. */
  private openLink(event: MouseEvent): void {
    const link = (event.target as Element).closest('a[href]');
    if (link === null) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (isWebLink(href)) emit(this, 'open-external', { url: href });
  }
}

customElements.define('sahifa-article-body', ArticleBody);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-article-body': ArticleBody;
  }
}
