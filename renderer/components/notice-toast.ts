/**
 * A short notice at the bottom of the window ("Link copied", "Deleted … — Undo"), announced
 * politely to screen readers, with at most one action. The app decides how long it stays.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import type { Notice } from '../view-state';
import { strings } from '../strings';
import { closeIcon } from './icons';
import { sharedStyles } from './shared-styles';

export class NoticeToast extends LitElement {
  static override properties = {
    notice: { attribute: false },
  };

  declare notice: Notice | null;

  constructor() {
    super();
    this.notice = null;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset-block-end: 1.25rem;
        inset-inline-end: 1.25rem;
        z-index: 25;
        max-inline-size: min(30rem, calc(100vw - 2.5rem));
      }

      .notice {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.55rem 0.55rem 0.55rem 1rem;
        border-radius: var(--radius-lg);
        background: var(--text-strong);
        color: var(--surface);
        box-shadow: var(--shadow-lg);
        font-size: 0.92rem;
      }

      :host(:dir(rtl)) .notice {
        padding: 0.55rem 1rem 0.55rem 0.55rem;
      }

      .notice.error {
        background: var(--danger);
      }

      .message {
        flex: 1;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .action {
        block-size: 32px;
        padding-inline: 0.8rem;
        border: 1px solid currentColor;
        border-radius: var(--radius);
        background: transparent;
        color: inherit;
        font-weight: 700;
        cursor: pointer;
      }

      .icon-button {
        inline-size: 32px;
        block-size: 32px;
        color: inherit;
      }

      .icon-button:hover,
      .action:hover {
        background: rgb(127 127 127 / 0.25);
        color: inherit;
      }

      :focus-visible {
        outline-color: var(--surface);
      }
    `,
  ];

  /** The action's button, for moving the focus to it. */
  get actionButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('button.action');
  }

  override render(): TemplateResult {
    const notice = this.notice;
    // The live region stays in the page, so that what appears in it is announced.
    return html`<div role="status" aria-live="polite">
      ${notice === null
        ? nothing
        : html`<div class="notice ${notice.kind ?? 'info'}">
            <span class="message" dir="auto">${notice.message}</span>
            ${notice.action === undefined ? nothing : html`<button class="action" @click=${notice.action.run}>${notice.action.label}</button>`}
            <button class="icon-button" title=${strings.dismiss} aria-label=${strings.dismiss} @click=${this.dismiss}>${closeIcon}</button>
          </div>`}
    </div>`;
  }

  private dismiss(): void {
    emit(this, 'dismiss');
  }
}

customElements.define('sahifa-notice-toast', NoticeToast);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-notice-toast': NoticeToast;
  }
}
