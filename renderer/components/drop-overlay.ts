/** Over the whole window while files are dragged over it: where they go when dropped. */
import { LitElement, css, html, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { strings } from '../strings';
import { importIcon } from './icons';
import { boxlessHostStyles, sharedStyles } from './shared-styles';

export class DropOverlay extends LitElement {
  constructor() {
    super();
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    boxlessHostStyles,
    css`
      .drop {
        position: fixed;
        inset: 0;
        z-index: 30;
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 0.5rem;
        margin: 0.75rem;
        border: 2px dashed var(--accent);
        border-radius: var(--radius-lg);
        background: color-mix(in srgb, var(--bg) 88%, transparent);
        color: var(--accent);
        font-size: 1.2rem;
        font-weight: 600;
        pointer-events: none;
        backdrop-filter: blur(2px);
      }

      .drop .icon {
        inline-size: 44px;
        block-size: 44px;
      }

      .drop small {
        color: var(--muted);
        font-size: 0.85rem;
        font-weight: 400;
      }
    `,
  ];

  override render(): TemplateResult {
    return html`<div class="drop" aria-hidden="true">${importIcon}<span>${strings.dropHere}</span><small>${strings.dropHint}</small></div>`;
  }
}

customElements.define('sahifa-drop-overlay', DropOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-drop-overlay': DropOverlay;
  }
}
