/**
 * The reader's export button and its menu (Markdown, HTML). The menu closes when the focus leaves
 * it, on Esc (which then goes no further: it does not also leave the reader), and for another
 * article. The choice goes up as `export-article`.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ArticleExportFormat, HighlightExportFormat } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { downloadIcon } from './icons';
import { sharedStyles } from './shared-styles';

export class ExportMenu extends LitElement {
  static override properties = {
    articleId: { attribute: false },
    highlightCount: { attribute: false },
    open: { state: true },
  };

  /** The article it exports: another one closes the menu. */
  declare articleId: number | null;
  /** The article's highlights: when it has some, they can be exported too. */
  declare highlightCount: number;
  declare open: boolean;

  constructor() {
    super();
    this.articleId = null;
    this.highlightCount = 0;
    this.open = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        position: relative;
      }

      .export-menu {
        position: absolute;
        inset-block-start: calc(100% + 4px);
        inset-inline-end: 0;
        min-inline-size: 11rem;
      }

      .export-menu button {
        block-size: 36px;
        padding-inline: 0.75rem;
        border: 0;
        border-radius: var(--radius-sm);
        background: transparent;
        text-align: start;
        white-space: nowrap;
        cursor: pointer;
      }

      .export-menu hr {
        margin-block: 0.25rem;
        margin-inline: 0.4rem;
        border: 0;
        border-block-start: 1px solid var(--border);
      }

      .export-menu button:hover {
        background: var(--surface-hover);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('articleId')) this.open = false;
  }

  override render(): TemplateResult {
    return html`<div class="export" @keydown=${this.onKeyDown} @focusout=${this.onFocusOut}>
      <button
        class="icon-button export-button"
        title=${strings.exportLabel}
        aria-label=${strings.exportLabel}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="export-menu"
        @click=${() => (this.open = !this.open)}
      >
        ${downloadIcon}
      </button>
      ${this.open
        ? html`<div class="export-menu popup-menu" id="export-menu" role="group" aria-label=${strings.exportLabel}>
            <button data-format="md" @click=${() => this.exportAs('md')}>${strings.exportMarkdown}</button>
            <button data-format="html" @click=${() => this.exportAs('html')}>${strings.exportHtml}</button>
            ${this.highlightCount > 0
              ? html`<hr />
                  <button data-highlights="md" @click=${() => this.exportHighlights('md')}>${strings.exportHighlightsMd}</button>
                  <button data-highlights="json" @click=${() => this.exportHighlights('json')}>${strings.exportHighlightsJson}</button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private get button(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.export-button');
  }

  private exportAs(format: ArticleExportFormat): void {
    this.open = false;
    emit(this, 'export-article', { format });
    this.button?.focus();
  }

  private exportHighlights(format: HighlightExportFormat): void {
    this.open = false;
    emit(this, 'export-highlights', { format });
    this.button?.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.open = false;
      this.button?.focus();
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next === null || !(event.currentTarget as HTMLElement).contains(next)) this.open = false;
  }
}

customElements.define('sahifa-export-menu', ExportMenu);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-export-menu': ExportMenu;
  }
}
