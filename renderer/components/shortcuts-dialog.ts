/** Every keyboard shortcut, in a modal dialog (the ? key). */
import { css, html, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { shortcutList } from '../shortcuts';
import { strings } from '../strings';
import { closeIcon } from './icons';
import { ModalDialog } from './modal-dialog';
import { dialogStyles, sharedStyles } from './shared-styles';

const isMac = /Mac/i.test(navigator.platform);

export class ShortcutsDialog extends ModalDialog {
  constructor() {
    super();
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      dialog {
        inline-size: min(36rem, calc(100vw - 2rem));
      }

      table {
        inline-size: 100%;
        border-collapse: collapse;
        font-size: 0.9rem;
      }

      th,
      td {
        padding: 0.55rem 1.25rem;
        border-block-end: 1px solid var(--border);
        text-align: start;
        vertical-align: middle;
      }

      th {
        font-weight: 400;
        white-space: nowrap;
      }

      tr:last-child th,
      tr:last-child td {
        border-block-end: 0;
      }

      kbd {
        display: inline-block;
        min-inline-size: 1.8em;
        padding: 0.05em 0.45em;
        border: 1px solid var(--border-strong);
        border-block-end-width: 2px;
        border-radius: 5px;
        background: var(--surface-raised);
        color: var(--text-strong);
        font-family: var(--font-ui);
        font-size: 0.85em;
        text-align: center;
      }

      .or {
        margin-inline: 0.4em;
        color: var(--muted);
        font-size: 0.8em;
      }

      .plus {
        margin-inline: 0.15em;
        color: var(--muted);
      }
    `,
  ];

  async show(opener: HTMLElement | null): Promise<void> {
    await this.openFrom(opener);
    this.renderRoot.querySelector<HTMLElement>('button.close')?.focus();
  }

  override render(): TemplateResult {
    const direction = document.documentElement.dir === 'ltr' ? 'ltr' : 'rtl';
    const rows = shortcutList(strings, direction, isMac);
    return html`<dialog aria-labelledby="shortcuts-title" @close=${this.onClose}>
      <header>
        <h2 id="shortcuts-title">${strings.shortcuts}</h2>
        <button class="icon-button close" title=${strings.close} aria-label=${strings.close} @click=${this.close}>${closeIcon}</button>
      </header>
      <table>
        <tbody>
          ${rows.map(
            ({ keys, label }) =>
              html`<tr>
                <th scope="row" dir="ltr">
                  ${keys.map(
                    (combo, i) =>
                      html`${i > 0 ? html`<span class="or">${strings.or}</span>` : ''}${combo.map(
                        (key, j) => html`${j > 0 ? html`<span class="plus">+</span>` : ''}<kbd>${key}</kbd>`,
                      )}`,
                  )}
                </th>
                <td>${label}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </dialog>`;
  }
}

customElements.define('sahifa-shortcuts-dialog', ShortcutsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-shortcuts-dialog': ShortcutsDialog;
  }
}
