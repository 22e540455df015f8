/**
 * A running import: a bar that fills with the files done ("٣٤ / ٥٠٠٠ — file name") and a button
 * to cancel it. Before the first progress update the number of files is not known yet (a folder
 * is still being read), and the bar says so by moving without a value; so it does again, saying
 * why, while a large import puts the search index in order after its last file.
 *
 * It renders what it is given and sends `cancel-import` up; the app does the cancelling.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import type { ImportProgressState } from '../view-state';
import { strings } from '../strings';
import { floatingCardStyles, sharedStyles } from './shared-styles';

/** The file's own name: paths from any system, and entries of a zip (`archive.zip › entry`). */
export function fileNameOf(current: string): string {
  const entry = current.split(' › ').pop() ?? current;
  return entry.split(/[\\/]/).filter((part) => part !== '').pop() ?? entry;
}

export class ImportProgress extends LitElement {
  static override properties = {
    progress: { attribute: false },
  };

  declare progress: ImportProgressState | null;

  constructor() {
    super();
    this.progress = null;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    floatingCardStyles,
    css`
      :host {
        z-index: 21;
      }

      .panel {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: 0.55rem 0.75rem;
        padding: 0.85rem 0.9rem 0.9rem 1rem;
      }

      .label {
        display: flex;
        gap: 0.4rem;
        min-inline-size: 0;
        margin: 0;
        color: var(--text-strong);
        font-weight: 600;
        line-height: 1.5;
      }

      .count {
        flex: none;
        font-variant-numeric: tabular-nums;
      }

      .file {
        overflow: hidden;
        color: var(--muted);
        font-weight: 400;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .bar {
        grid-column: 1 / 3;
        block-size: 6px;
        overflow: hidden;
        border-radius: 999px;
        background: var(--accent-soft-strong);
      }

      .fill {
        block-size: 100%;
        border-radius: inherit;
        background: var(--accent);
        transition: inline-size 120ms linear;
      }

      .bar.unknown .fill {
        inline-size: 30%;
        animation: slide 1.1s ease-in-out infinite alternate;
      }

      @keyframes slide {
        from {
          margin-inline-start: 0;
        }
        to {
          margin-inline-start: 70%;
        }
      }

      @media (prefers-reduced-motion: reduce) {
        .fill {
          transition: none;
        }

        .bar.unknown .fill {
          animation: none;
        }
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const progress = this.progress;
    if (progress === null) return nothing;
    // Once every file is in, a large import puts the search index in order: a wait of its own.
    const indexing = progress.stage === 'index';
    const known = progress.total > 0 && !indexing;
    const percent = known ? Math.min(100, (progress.done / progress.total) * 100) : 0;
    const name = progress.current === '' ? '' : fileNameOf(progress.current);
    return html`<div class="panel card">
      <p class="label" aria-live="off">
        ${known
          ? html`<span class="count">${strings.importCounter(progress.done, progress.total)}</span>${name === ''
                ? nothing
                : html`<span aria-hidden="true">—</span><bdi class="file" title=${progress.current}>${name}</bdi>`}`
          : html`<span>${indexing ? strings.importIndexing : strings.importPreparing}</span>`}
      </p>
      <button class="button quiet cancel" ?disabled=${progress.cancelling} @click=${this.cancel}>
        ${progress.cancelling ? strings.importCancelling : strings.importCancel}
      </button>
      ${known
        ? html`<div
            class="bar"
            role="progressbar"
            aria-label=${strings.importProgressLabel}
            aria-valuemin="0"
            aria-valuemax=${progress.total}
            aria-valuenow=${progress.done}
            aria-valuetext=${strings.importProgress(progress.done, progress.total)}
          >
            <div class="fill" style="inline-size: ${percent.toFixed(2)}%"></div>
          </div>`
        : html`<div class="bar unknown" role="progressbar" aria-label=${strings.importProgressLabel}><div class="fill"></div></div>`}
    </div>`;
  }

  private cancel(): void {
    emit(this, 'cancel-import');
  }
}

customElements.define('sahifa-import-progress', ImportProgress);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-import-progress': ImportProgress;
  }
}
