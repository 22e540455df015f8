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
import type { ArticleView, Highlight, HighlightColor } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { formatArticleDate, readingTime } from '../format';
import { marked, rangesWithin, splitParagraphs } from '../highlight';
import { markWordsInDom } from '../html-highlight';
import { buildTextMap, drawHighlights, textRangeOf } from '../text-map';
import type { HighlightPopover, PopoverPlace } from './highlight-popover';
import './highlight-popover';
import { strings } from '../strings';
import { clockIcon, externalIcon } from './icons';
import { sharedStyles } from './shared-styles';
import './article-annotations';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, td, th';

/** How long a highlight chosen in the highlights view stays marked in the text. */
const REVEAL_MS = 2_500;

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
    userHighlights: { attribute: false },
    panel: { state: true },
  };

  /** The reader's highlights in this article (orphaned ones are listed, not drawn). */
  declare userHighlights: Highlight[];
  /** The highlighting toolbar at a selection, or the editor of a clicked highlight. */
  declare panel: { place: PopoverPlace; selection: { start: number; end: number } | null; highlight: Highlight | null } | null;
  /** Changes when the body's DOM must be drawn afresh (another article, other marks). */
  private bodyKey: object = {};
  /** A highlight asked for with a note: its editor opens once it is drawn. */
  private noteWanted: { start: number; end: number } | null = null;

  declare article: ArticleView | null;
  /** Every tag in the library, offered when adding one. */
  declare knownTags: string[];

  constructor() {
    super();
    this.article = null;
    this.knownTags = [];
    this.userHighlights = [];
    this.panel = null;
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

      .body mark.reader-highlight {
        padding: 0.1em 0;
        border-radius: 2px;
        color: var(--text-strong);
        background: var(--highlight-yellow);
        cursor: pointer;
        box-decoration-break: clone;
        -webkit-box-decoration-break: clone;
      }

      .body mark.reader-highlight[data-color='green'] {
        background: var(--highlight-green);
      }

      .body mark.reader-highlight[data-color='blue'] {
        background: var(--highlight-blue);
      }

      .body mark.reader-highlight[data-color='pink'] {
        background: var(--highlight-pink);
      }

      .body mark.reader-highlight[title] {
        text-decoration: underline dotted var(--muted);
        text-underline-offset: 0.35em;
      }

      /* The highlight chosen in the highlights view, marked for a moment once it is brought into view. */
      .body mark.reader-highlight[data-revealed] {
        outline: 2px solid var(--accent);
        outline-offset: 2px;
      }

      .orphaned {
        margin-block-start: 1.5rem;
        color: var(--muted);
        font-family: var(--font-ui);
        font-size: 0.85rem;
      }
    `,
  ];

  /** The search's first match in the text, if any. */
  get firstMark(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.body mark:not(.reader-highlight)');
  }

  /**
   * Marks a drawn highlight for a moment and, unless told not to, puts the focus on it (so that a
   * screen reader reads it out), without scrolling: the reader scrolls its own box. Returns its
   * first mark, null when the highlight is not drawn (orphaned, or not in this article).
   */
  reveal(id: string, { focus = true, forMs = REVEAL_MS }: { focus?: boolean; forMs?: number } = {}): HTMLElement | null {
    const marks = [...this.renderRoot.querySelectorAll<HTMLElement>('mark.reader-highlight')].filter((mark) => mark.dataset['highlight'] === id);
    const first = marks[0];
    if (first === undefined) return null;
    for (const mark of marks) mark.toggleAttribute('data-revealed', true);
    first.tabIndex = -1;
    if (focus) first.focus({ preventScroll: true });
    setTimeout(() => {
      for (const mark of marks) mark.removeAttribute('data-revealed');
    }, forMs);
    return first;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const articleChanged = changed.has('article') && isNewArticle(changed.get('article'), this.article);
    if (articleChanged || changed.has('userHighlights')) this.bodyKey = {};
    if (articleChanged && changed.get('article')?.id !== this.article?.id) this.panel = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const article = this.article;
    const redraw = (changed.has('article') && isNewArticle(changed.get('article'), article)) || changed.has('userHighlights');
    if (!redraw || article === null) return;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (body === null) return;
    if (article.html !== null) this.markSearch(article, body);
    this.drawUserHighlights(article, body);
  }

  /** The body's DOM is new: the search's marks go in first, then the reader's highlights over them. */
  private markSearch(article: ArticleView, body: HTMLElement): void {
    // As for plain-text paragraphs: each block of the article's HTML finds its own direction, so an
    // English quote inside an Arabic article (or the reverse) lines up the way it reads.
    for (const block of body.querySelectorAll(BLOCKS)) if (!block.hasAttribute('dir')) block.setAttribute('dir', 'auto');
    if (article.highlights.length > 0) markWordsInDom(body, article.text, article.highlights);
  }

  private drawUserHighlights(article: ArticleView, body: HTMLElement): void {
    const placed = this.userHighlights.filter((h) => !h.orphaned);
    if (placed.length > 0) drawHighlights(buildTextMap(body, article.text), placed);
    const wanted = this.noteWanted;
    if (wanted === null) return;
    const created = placed.find((h) => h.start <= wanted.start && h.end >= wanted.end);
    if (created === undefined) return;
    this.noteWanted = null;
    const mark = body.querySelector<HTMLElement>(`mark[data-highlight="${created.id}"]`);
    if (mark !== null) this.openEditor(created, mark);
  }

  /** Where a selection in the article's text is, as offsets into the text; null when there is none. */
  private selectedRange(): { start: number; end: number; place: PopoverPlace } | null {
    const article = this.article;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    const selection = root.getSelection?.() ?? document.getSelection();
    if (article === null || body === null || selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) return null;
    const offsets = textRangeOf(buildTextMap(body, article.text), range);
    if (offsets === null) return null;
    const box = range.getBoundingClientRect();
    return { start: offsets[0], end: offsets[1], place: { top: box.top, bottom: box.bottom, left: box.left, right: box.right } };
  }

  /** After a selection by mouse, touch or keys: the toolbar comes up at it (or goes away). */
  private onSelectionEnd(): void {
    const selected = this.selectedRange();
    if (selected === null) {
      if (this.panel?.highlight === null) this.panel = null;
      return;
    }
    this.panel = { place: selected.place, selection: { start: selected.start, end: selected.end }, highlight: null };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeydown);
    super.disconnectedCallback();
  }

  /**
   * H highlights the selection in the first colour, as the toolbar's first button does, wherever
   * the focus is (the reader's scrolling box, after a drag); by physical key too, for an Arabic layout.
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    // Shift+H is another key: every highlight (shortcuts.ts).
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.defaultPrevented) return;
    if (event.key.toLowerCase() !== 'h' && event.code !== 'KeyH') return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable)) return;
    const selected = this.selectedRange();
    if (selected === null) return;
    event.preventDefault();
    this.addHighlight(selected.start, selected.end, 'yellow');
  };

  private onBodyClick(event: MouseEvent): void {
    const mark = (event.target as Element).closest<HTMLElement>('mark.reader-highlight');
    if (mark !== null && this.selectedRange() === null) {
      const highlight = this.userHighlights.find((h) => h.id === mark.dataset['highlight']);
      if (highlight !== undefined) {
        this.openEditor(highlight, mark);
        return;
      }
    }
    this.openLink(event);
  }

  private openEditor(highlight: Highlight, mark: HTMLElement): void {
    const box = mark.getBoundingClientRect();
    this.panel = { place: { top: box.top, bottom: box.bottom, left: box.left, right: box.right }, selection: null, highlight };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HighlightPopover>('sahifa-highlight-popover')?.focusFirst());
  }

  private addHighlight(start: number, end: number, color: HighlightColor): void {
    const article = this.article;
    if (article === null) return;
    emit(this, 'highlight-add', { article: article.id, start, end, color });
    this.panel = null;
    ((this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection())?.removeAllRanges();
  }

  private onColourChosen(event: CustomEvent<{ colour: HighlightColor; withNote: boolean }>): void {
    const popover = this.panel;
    if (popover === null) return;
    if (popover.highlight !== null) {
      emit(this, 'highlight-update', { id: popover.highlight.id, color: event.detail.colour });
      this.panel = { ...popover, highlight: { ...popover.highlight, color: event.detail.colour } };
      return;
    }
    if (popover.selection === null) return;
    if (event.detail.withNote) this.noteWanted = popover.selection;
    this.addHighlight(popover.selection.start, popover.selection.end, event.detail.colour);
  }

  private onNoteChosen(event: CustomEvent<{ note: string }>): void {
    const highlight = this.panel?.highlight;
    if (highlight == null) return;
    emit(this, 'highlight-update', { id: highlight.id, note: event.detail.note });
    this.panel = null;
  }

  private onRemoveChosen(): void {
    const highlight = this.panel?.highlight;
    if (highlight == null) return;
    emit(this, 'highlight-remove', { id: highlight.id });
    this.panel = null;
  }

  override render(): TemplateResult | typeof nothing {
    const article = this.article;
    if (article === null) return nothing;
    const orphaned = this.userHighlights.filter((h) => h.orphaned).length;
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
      <div
        class="body"
        @click=${this.onBodyClick}
        @pointerup=${this.onSelectionEnd}
        @keyup=${(event: KeyboardEvent) => (event.shiftKey || event.key === 'Shift' ? this.onSelectionEnd() : undefined)}
      >
        ${keyed(this.bodyKey, this.renderText(article))}
      </div>
      ${orphaned > 0 ? html`<p class="orphaned" lang=${lang} dir=${dir}>${strings.highlightsOrphaned(orphaned)}</p>` : nothing}
    </article>
    <sahifa-highlight-popover
      lang=${lang}
      dir=${dir}
      .place=${this.panel?.place ?? null}
      .highlight=${this.panel?.highlight ?? null}
      @highlight-colour-chosen=${this.onColourChosen}
      @highlight-note-chosen=${this.onNoteChosen}
      @highlight-remove-chosen=${this.onRemoveChosen}
      @highlight-popover-close=${() => (this.panel = null)}
    ></sahifa-highlight-popover>`;
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
