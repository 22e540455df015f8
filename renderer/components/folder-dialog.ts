/**
 * A subscription folder's two questions: its new name (sent as `folder-rename`; the dialog stays
 * open, busy, until the window says how it went: done() closes it, failed() shows main's reason,
 * such as a sibling that has the name already), and whether to delete it (sent as
 * `folder-delete`): what it holds moves to its parent, which the question names, or its feeds are
 * unsubscribed, their articles kept or deleted as an unsubscribe asks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import type { FolderQuestion } from '../view-state';
import { closeIcon } from './icons';
import { AnsweredDialog } from './modal-dialog';
import { dialogStyles, formDialogStyles, sharedStyles } from './shared-styles';

export class FolderDialog extends AnsweredDialog {
  static override properties = {
    question: { state: true },
    unsubscribing: { state: true },
  };

  declare question: FolderQuestion | null;
  /** The reader chose to unsubscribe from the feeds inside rather than move them. */
  declare unsubscribing: boolean;

  constructor() {
    super('input[name=name]');
    this.question = null;
    this.unsubscribing = false;
    new LocaleController(this);
  }

  static override styles = [sharedStyles, dialogStyles, formDialogStyles];

  async show(question: FolderQuestion, opener: HTMLElement | null): Promise<void> {
    this.question = question;
    this.unsubscribing = false;
    this.busy = false;
    this.error = null;
    await this.openFrom(opener, () => this.renderRoot.querySelector('form')?.reset());
    const field = this.renderRoot.querySelector<HTMLInputElement>(question.action === 'rename' ? 'input[name=name]' : 'input[name=contents]');
    field?.focus();
    if (question.action === 'rename') field?.select();
  }

  private onRename(event: SubmitEvent): void {
    event.preventDefault();
    const question = this.question;
    if (question === null || this.busy) return;
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (name === question.folder.name) {
      this.close();
      return;
    }
    this.busy = true;
    this.error = null;
    emit(this, 'folder-rename', { id: question.folder.id, name });
  }

  private onDelete(event: SubmitEvent): void {
    event.preventDefault();
    const question = this.question;
    if (question === null) return;
    const data = new FormData(event.target as HTMLFormElement);
    const unsubscribe = data.get('contents') === 'unsubscribe';
    emit(this, 'folder-delete', { id: question.folder.id, unsubscribe, keepArticles: data.get('articles') !== 'delete' });
    this.close();
  }

  override render(): TemplateResult {
    const question = this.question;
    const title = question === null ? '' : question.action === 'rename' ? strings.renameFolderTitle(question.folder.name) : strings.deleteFolderTitle(question.folder.name);
    return html`<dialog aria-labelledby="folder-dialog-title" @close=${this.onClose}>
      <header>
        <h2 id="folder-dialog-title" dir="auto">${title}</h2>
        <button class="icon-button close" title=${strings.close} aria-label=${strings.close} @click=${() => this.close()}>${closeIcon}</button>
      </header>
      ${question === null ? nothing : question.action === 'rename' ? this.renderRename(question) : this.renderDelete(question)}
    </dialog>`;
  }

  private renderRename(question: FolderQuestion): TemplateResult {
    return html`<form @submit=${this.onRename}>
      <label
        >${strings.folderNewName}
        <input
          type="text"
          name="name"
          dir="auto"
          required
          maxlength="120"
          autocomplete="off"
          value=${question.folder.name}
          aria-invalid=${this.error === null ? 'false' : 'true'}
          aria-describedby="folder-error"
        />
      </label>
      <p class="error" id="folder-error" role="alert" dir="auto">${this.error ?? nothing}</p>
      <div class="actions">
        <button type="button" class="button quiet" @click=${() => this.close()}>${strings.cancel}</button>
        <button type="submit" class="button primary" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${strings.renameConfirm}</button>
      </div>
    </form>`;
  }

  private renderDelete(question: FolderQuestion): TemplateResult {
    return html`<form @submit=${this.onDelete} @change=${(event: Event) => this.onChoice(event)}>
      <fieldset>
        <legend>${strings.deleteFolderQuestion}</legend>
        <label class="check"><input type="radio" name="contents" value="move" checked /><span dir="auto">${strings.deleteFolderMove(question.parent)}</span></label>
        ${question.feeds === 0
          ? nothing
          : html`<label class="check"><input type="radio" name="contents" value="unsubscribe" />${strings.deleteFolderUnsubscribe(question.feeds)}</label>`}
      </fieldset>
      ${this.unsubscribing
        ? html`<fieldset>
            <legend>${strings.deleteFolderArticles}</legend>
            <label class="check"><input type="radio" name="articles" value="keep" checked />${strings.unsubscribeKeep}</label>
            <label class="check"><input type="radio" name="articles" value="delete" />${strings.unsubscribeDelete}</label>
          </fieldset>`
        : nothing}
      <div class="actions">
        <button type="button" class="button quiet" @click=${() => this.close()}>${strings.cancel}</button>
        <button type="submit" class="button danger">${strings.deleteFolderConfirm}</button>
      </div>
    </form>`;
  }

  private onChoice(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'contents') this.unsubscribing = input.value === 'unsubscribe';
  }
}

customElements.define('sahifa-folder-dialog', FolderDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-folder-dialog': FolderDialog;
  }
}
