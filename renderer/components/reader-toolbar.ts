/**
 * The reader's toolbar: back to the list (small windows), and for the article in the reader its
 * actions (read or unread, copy the link, open the original, export, delete) and its bookmark.
 * Every action goes up as an event; the app does it and hands the article back.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ArticleView } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { isWebLink } from './article-body';
import { backIcon, bookmarkIcon, externalIcon, linkIcon, readIcon, trashIcon, unreadIcon } from './icons';
import { sharedStyles } from './shared-styles';
import './export-menu';

export class ReaderToolbar extends LitElement {
  static override properties = {
    article: { attribute: false },
    highlightCount: { attribute: false },
    narrow: { type: Boolean, reflect: true },
  };

  declare article: ArticleView | null;
  /** How many highlights the article has: the export menu offers them when there are some. */
  declare highlightCount: number;
  declare narrow: boolean;

  constructor() {
    super();
    this.article = null;
    this.highlightCount = 0;
    this.narrow = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
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

      .actions {
        display: flex;
        align-items: center;
        gap: 0.15rem;
      }

      .icon-button[aria-pressed='true'] {
        color: var(--accent);
      }

      .icon-button.danger:hover {
        color: var(--danger);
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
    `,
  ];

  override render(): TemplateResult {
    const article = this.article;
    return html`<div class="toolbar">
      <button class="icon-button back" title=${strings.back} aria-label=${strings.back} @click=${() => emit(this, 'reader-back')}>${backIcon}</button>
      <span class="spacer"></span>
      ${article === null ? nothing : this.renderActions(article)}
      ${article === null
        ? nothing
        : html`<button
            class="button bookmark"
            aria-pressed=${article.bookmarked ? 'true' : 'false'}
            title=${`${article.bookmarked ? strings.unbookmark : strings.bookmark} (${strings.bookmarkShortcut})`}
            @click=${() => emit(this, 'toggle-bookmark')}
          >
            ${bookmarkIcon(article.bookmarked)}
            <span>${article.bookmarked ? strings.bookmarked : strings.bookmark}</span>
            <kbd aria-hidden="true">B</kbd>
          </button>`}
    </div>`;
  }

  private renderActions(article: ArticleView): TemplateResult {
    const readLabel = `${article.read ? strings.markUnread : strings.markRead} (${strings.readShortcut})`;
    const url = article.url;
    return html`<div class="actions">
      <button class="icon-button toggle-read" title=${readLabel} aria-label=${readLabel} @click=${() => emit(this, 'toggle-read')}>
        ${article.read ? unreadIcon : readIcon}
      </button>
      ${url !== null && isWebLink(url)
        ? html`<button class="icon-button copy-link" title=${strings.copyLink} aria-label=${strings.copyLink} @click=${() => emit(this, 'copy-link')}>
              ${linkIcon}
            </button>
            <button class="icon-button open-original" title=${strings.openOriginal} aria-label=${strings.openOriginal} @click=${() => emit(this, 'open-external', { url })}>
              ${externalIcon}
            </button>`
        : nothing}
      <sahifa-export-menu .articleId=${article.id} .highlightCount=${this.highlightCount}></sahifa-export-menu>
      <button class="icon-button danger delete" title=${strings.deleteArticle} aria-label=${strings.deleteArticle} @click=${() => emit(this, 'delete-article')}>
        ${trashIcon}
      </button>
    </div>`;
  }
}

customElements.define('sahifa-reader-toolbar', ReaderToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-reader-toolbar': ReaderToolbar;
  }
}
