/**
 * Tells the reader how an import went: progress while it runs, then the counts
 * ("تم استيراد ٣ مقالات، ١ مكرر، ١ فشل") with every failed file and its reason.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { failureReason } from '../import-failure';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import type { ImportStatus } from '../view-state';
import { strings } from '../strings';
import { alertIcon, checkIcon, closeIcon } from './icons';
import { floatingCardStyles, sharedStyles } from './shared-styles';

export class ImportToast extends LitElement {
  static override properties = {
    status: { attribute: false },
  };

  declare status: ImportStatus | null;

  constructor() {
    super();
    this.status = null;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    floatingCardStyles,
    css`
      :host {
        z-index: 20;
      }

      .toast {
        display: grid;
        grid-template-columns: auto 1fr auto;
        align-items: start;
        gap: 0.25rem 0.75rem;
        padding: 0.9rem 0.9rem 0.9rem 1rem;
        animation: rise 160ms ease-out;
      }

      .status-icon {
        margin-block-start: 0.15rem;
        color: var(--accent);
      }

      .toast.has-failures .status-icon,
      .toast.error .status-icon {
        color: var(--danger);
      }

      .summary {
        margin: 0;
        color: var(--text-strong);
        font-weight: 600;
        line-height: 1.6;
      }

      .failures {
        grid-column: 2 / 4;
        max-block-size: 12rem;
        margin: 0.25rem 0 0;
        padding: 0;
        overflow-y: auto;
        list-style: none;
        font-size: 0.85rem;
      }

      .failures li {
        padding-block: 0.35rem;
        border-block-start: 1px solid var(--border);
      }

      .failures .file {
        display: block;
        color: var(--text);
        font-weight: 500;
        overflow-wrap: anywhere;
      }

      .failures .reason {
        display: block;
        color: var(--danger);
      }

      .icon-button {
        inline-size: 30px;
        block-size: 30px;
        margin-block-start: -0.2rem;
      }

      @keyframes rise {
        from {
          transform: translateY(8px);
          opacity: 0;
        }
      }

      @media (prefers-reduced-motion: reduce) {
        .toast {
          animation: none;
        }
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const status = this.status;
    if (status === null) return nothing;
    if (status.kind === 'error') {
      return html`<div class="toast card error" role="alert">
        <span class="status-icon">${alertIcon}</span>
        <p class="summary">${strings.importFailedTitle}: ${status.message}</p>
        ${this.renderClose()}
      </div>`;
    }
    const { report } = status;
    const failed = report.failed.length;
    const summary = report.cancelled
      ? report.imported > 0
        ? strings.importCancelledKept(report.imported)
        : strings.importCancelled
      : report.imported + report.duplicates + failed === 0
        ? strings.importNothing
        : strings.importSummary(report.imported, report.duplicates, failed);
    return html`<div class="toast card ${failed > 0 ? 'has-failures' : ''}" role="status" aria-live="polite">
      <span class="status-icon">${failed > 0 ? alertIcon : checkIcon}</span>
      <p class="summary">${summary}</p>
      ${this.renderClose()}
      ${failed === 0
        ? nothing
        : html`<ul class="failures">
            ${report.failed.map(
              (failure) =>
                html`<li>
                  <span class="file"><bdi>${failure.path}</bdi></span>
                  <span class="reason"><bdi>${failureReason(failure)}</bdi></span>
                </li>`,
            )}
          </ul>`}
    </div>`;
  }

  private renderClose(): TemplateResult {
    return html`<button class="icon-button" title=${strings.dismiss} aria-label=${strings.dismiss} @click=${this.dismiss}>
      ${closeIcon}
    </button>`;
  }

  private dismiss(): void {
    emit(this, 'dismiss');
  }
}

customElements.define('sahifa-import-toast', ImportToast);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-import-toast': ImportToast;
  }
}
