/**
 * The Subscribe dialog: a site's or a feed's address and, optionally, a folder (a path such as
 * "أخبار / الخليج"; the folders there are suggested). It sends `subscribe-submit` and stays open,
 * busy, until the window says how it went: done() closes it, failed() shows the one-line reason.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { closeIcon } from './icons';
import { AnsweredDialog } from './modal-dialog';
import { dialogStyles, formDialogStyles, sharedStyles } from './shared-styles';

export class SubscribeDialog extends AnsweredDialog {
  static override properties = {
    folders: { attribute: false },
  };

  /** Existing folders' paths, suggested in the folder field. */
  declare folders: string[];

  constructor() {
    super('input[name=url]');
    this.folders = [];
    new LocaleController(this);
  }

  static override styles = [sharedStyles, dialogStyles, formDialogStyles];

  async show(opener: HTMLElement | null): Promise<void> {
    this.error = null;
    this.busy = false;
    await this.openFrom(opener, () => this.renderRoot.querySelector('form')?.reset());
    this.renderRoot.querySelector<HTMLInputElement>('input[name=url]')?.focus();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const url = String(data.get('url') ?? '').trim();
    if (url === '') return;
    this.busy = true;
    this.error = null;
    emit(this, 'subscribe-submit', { url, folder: String(data.get('folder') ?? '').trim() });
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="subscribe-title" @close=${this.onClose}>
      <header>
        <h2 id="subscribe-title">${strings.subscribeTitle}</h2>
        <button class="icon-button close" title=${strings.close} aria-label=${strings.close} @click=${() => this.close()}>${closeIcon}</button>
      </header>
      <form @submit=${this.onSubmit}>
        <label
          >${strings.subscribeAddress}
          <input type="text" inputmode="url" name="url" dir="ltr" required autocomplete="url" placeholder="https://" aria-invalid=${this.error === null ? 'false' : 'true'} aria-describedby="subscribe-error" />
        </label>
        <label
          >${strings.subscribeFolder}
          <input type="text" name="folder" dir="auto" list="subscribe-folders" placeholder=${strings.subscribeFolderHint} />
          <datalist id="subscribe-folders">${this.folders.map((path) => html`<option value=${path}></option>`)}</datalist>
        </label>
        <p class="error" id="subscribe-error" role="alert" dir="auto">${this.error ?? nothing}</p>
        <div class="actions">
          <button type="button" class="button quiet" @click=${() => this.close()}>${strings.cancel}</button>
          <button type="submit" class="button primary" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${this.busy ? strings.subscribing : strings.subscribe}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('sahifa-subscribe-dialog', SubscribeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-subscribe-dialog': SubscribeDialog;
  }
}
