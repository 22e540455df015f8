/**
 * The small panels of highlighting, floating at the text they are about: the toolbar at a
 * selection (a button per colour, and one that highlights and opens the note), and the editor of
 * a highlight the reader clicked (its colour, its note, remove). They only say what was chosen:
 * the article body sends the events.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../common';
import { LocaleController } from '../controllers/locale';
import { strings } from '../strings';
import { sharedStyles } from './shared-styles';

export interface PopoverPlace {
  /** Viewport coordinates of the text's box. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export class HighlightPopover extends LitElement {
  static override properties = {
    place: { attribute: false },
    highlight: { attribute: false },
  };

  /** Where the text is; null hides the popover. */
  declare place: PopoverPlace | null;
  /** The highlight being edited; null: the toolbar for a new one. */
  declare highlight: Highlight | null;

  constructor() {
    super();
    this.place = null;
    this.highlight = null;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        z-index: 20;
        font-family: var(--font-ui);
      }

      .panel {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        padding: 0.45rem;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius);
        background: var(--surface-raised);
        box-shadow: var(--shadow-lg);
        color: var(--text);
      }

      .colours {
        display: flex;
        gap: 0.35rem;
        align-items: center;
      }

      .swatch {
        inline-size: 1.9rem;
        block-size: 1.9rem;
        border: 2px solid var(--border-strong);
        border-radius: 50%;
        cursor: pointer;
      }

      .swatch[aria-pressed='true'] {
        border-color: var(--text-strong);
        box-shadow: 0 0 0 2px var(--surface-raised) inset;
      }

      .swatch:focus-visible,
      button:focus-visible,
      textarea:focus-visible {
        outline: 2px solid var(--focus-ring);
        outline-offset: 2px;
      }

      .swatch.yellow { background: var(--highlight-yellow); }
      .swatch.green { background: var(--highlight-green); }
      .swatch.blue { background: var(--highlight-blue); }
      .swatch.pink { background: var(--highlight-pink); }

      .text-button {
        padding: 0.3rem 0.6rem;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius-sm);
        background: var(--surface);
        color: var(--text);
        font: inherit;
        font-size: 0.85rem;
        cursor: pointer;
      }

      .text-button.danger {
        color: var(--danger);
      }

      textarea {
        inline-size: 18rem;
        min-block-size: 4.5rem;
        padding: 0.4rem;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius-sm);
        background: var(--surface);
        color: var(--text);
        font: inherit;
        resize: vertical;
      }

      .actions {
        display: flex;
        gap: 0.4rem;
        justify-content: flex-end;
      }
    `,
  ];

  protected override updated(): void {
    const place = this.place;
    if (place === null) return;
    // Above the text when there is room, else below it; always inside the window.
    const { offsetWidth: width, offsetHeight: height } = this;
    const top = place.top - height - 8 >= 0 ? place.top - height - 8 : place.bottom + 8;
    const centre = (place.left + place.right) / 2;
    this.style.top = `${Math.max(4, Math.min(window.innerHeight - height - 4, top))}px`;
    this.style.left = `${Math.max(4, Math.min(window.innerWidth - width - 4, centre - width / 2))}px`;
  }

  /** Moves the focus into the panel (the editor's note, or the toolbar's first colour). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>(this.highlight === null ? '.swatch' : 'textarea')?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    if (this.place === null) return nothing;
    const highlight = this.highlight;
    return html`<div
      class="panel"
      role=${highlight === null ? 'toolbar' : 'dialog'}
      aria-label=${highlight === null ? strings.highlightToolbar : strings.highlightEditor}
      @keydown=${this.onKeydown}
    >
      <div class="colours">
        ${HIGHLIGHT_COLORS.map(
          (colour) =>
            html`<button
              class="swatch ${colour}"
              data-colour=${colour}
              aria-label=${strings.highlightIn(strings.highlightColour[colour])}
              title=${strings.highlightIn(strings.highlightColour[colour])}
              aria-pressed=${highlight === null ? nothing : String(highlight.color === colour)}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => this.choose(colour)}
            ></button>`,
        )}
        ${highlight === null
          ? html`<button class="text-button" data-action="note" @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.choose('yellow', true)}>
              ${strings.highlightWithNote}
            </button>`
          : nothing}
      </div>
      ${highlight === null
        ? nothing
        : html`<textarea dir="auto" aria-label=${strings.highlightNote} placeholder=${strings.highlightNote} .value=${highlight.note ?? ''}></textarea>
            <div class="actions">
              <button class="text-button" data-action="save-note" @click=${this.saveNote}>${strings.highlightSaveNote}</button>
              <button class="text-button danger" data-action="remove" @click=${() => this.send('highlight-remove-chosen', {})}>${strings.highlightRemove}</button>
              <button class="text-button" data-action="close" @click=${() => this.send('highlight-popover-close', {})}>${strings.highlightClose}</button>
            </div>`}
    </div>`;
  }

  private choose(colour: HighlightColor, withNote = false): void {
    this.send('highlight-colour-chosen', { colour, withNote });
  }

  private saveNote(): void {
    const note = this.renderRoot.querySelector('textarea')?.value ?? '';
    this.send('highlight-note-chosen', { note });
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.send('highlight-popover-close', {});
    }
  }

  /** Events of the popover only: its parent (the article body) listens on it directly. */
  private send(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

customElements.define('sahifa-highlight-popover', HighlightPopover);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-highlight-popover': HighlightPopover;
  }
}
