/**
 * A feed's settings (name, folder, how often it refreshes, full text — with Sahifa's suggestion
 * when its items are short —, offline images, how long items are kept, paused), and the question
 * an unsubscribe asks: keep the feed's articles or delete them (the ones the reader kept always
 * stay). Sends `feed-update` with what changed, or `feed-unsubscribe`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { FeedInfo } from '../../common';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { feedErrorReason } from '../feed-error';
import { strings } from '../strings';
import type { FeedChanges } from '../view-state';
import { closeIcon } from './icons';
import { ModalDialog } from './modal-dialog';
import { dialogStyles, formDialogStyles, sharedStyles } from './shared-styles';

const INTERVALS = [15, 30, 60, 180, 360, 720, 1440];
const RETENTIONS = [7, 30, 90, 365];

export class FeedSettingsDialog extends ModalDialog {
  static override properties = {
    folders: { attribute: false },
    feed: { state: true },
    folder: { state: true },
    asking: { state: true },
  };

  /** Existing folders' paths, suggested in the folder field. */
  declare folders: string[];
  declare feed: FeedInfo | null;
  /** The feed's folder path when the dialog opened. */
  declare folder: string;
  /** The unsubscribe question is shown. */
  declare asking: boolean;

  constructor() {
    super();
    this.folders = [];
    this.feed = null;
    this.folder = '';
    this.asking = false;
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    dialogStyles,
    formDialogStyles,
    css`
      .suggestion {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        margin: 0;
      }
      /* What the server or the network said, word for word: for whoever reports it or fixes the feed. */
      .error-detail {
        margin-block-start: -0.5rem;
        color: var(--muted);
        font-size: 0.8rem;
      }
      .error-detail code {
        display: block;
        margin-block-start: 0.25rem;
        overflow-wrap: anywhere;
        unicode-bidi: isolate;
      }
      /* "Don't suggest this again": as small as the suggestion it answers. */
      .suggestion .button {
        block-size: 28px;
        padding-inline: 0.5rem;
        color: var(--muted);
        font-size: 0.8rem;
      }
    `,
  ];

  async show(feed: FeedInfo, folder: string, opener: HTMLElement | null, unsubscribe = false): Promise<void> {
    this.feed = feed;
    this.folder = folder;
    this.asking = unsubscribe;
    // What was typed and not saved the last time goes: the fields start from the feed as it is.
    await this.openFrom(opener, () => this.renderRoot.querySelector('form')?.reset());
    this.renderRoot.querySelector<HTMLElement>(unsubscribe ? 'input[name=articles]' : 'input[name=title]')?.focus();
  }

  private onSave(event: SubmitEvent): void {
    event.preventDefault();
    const feed = this.feed;
    if (feed === null) return;
    const data = new FormData(event.target as HTMLFormElement);
    const changes: FeedChanges = {};
    const title = String(data.get('title') ?? '').trim();
    if (title !== '' && title !== feed.title) changes.title = title;
    const folder = String(data.get('folder') ?? '').trim();
    if (folder !== this.folder) changes.folder = folder;
    const interval = Number(data.get('interval'));
    if (interval !== feed.intervalMinutes) changes.intervalMinutes = interval;
    const fullText = data.get('fullText') === 'on';
    if (fullText !== feed.fullText) changes.fullText = fullText;
    const images = data.get('images') === 'on';
    if (images !== feed.images) changes.images = images;
    const keep = String(data.get('retention'));
    const retentionDays = keep === 'forever' ? null : Number(keep);
    if (retentionDays !== feed.retentionDays) changes.retentionDays = retentionDays;
    const paused = data.get('paused') === 'on';
    if (paused !== (feed.paused !== null)) changes.paused = paused;
    if (Object.keys(changes).length > 0) emit(this, 'feed-update', { id: feed.id, changes });
    this.close();
  }

  /** "Don't suggest this again": remembered in the library at once, whatever else the dialog saves. */
  private dismissSuggestion(): void {
    const feed = this.feed;
    if (feed === null) return;
    emit(this, 'feed-update', { id: feed.id, changes: { dismissSuggestion: true } });
    this.feed = { ...feed, suggestFullText: false };
  }

  private onUnsubscribe(event: SubmitEvent): void {
    event.preventDefault();
    const feed = this.feed;
    if (feed === null) return;
    const data = new FormData(event.target as HTMLFormElement);
    emit(this, 'feed-unsubscribe', { id: feed.id, keepArticles: data.get('articles') !== 'delete' });
    this.close();
  }

  override render(): TemplateResult {
    const feed = this.feed;
    const title = feed === null ? '' : this.asking ? strings.unsubscribeTitle(feed.title) : strings.feedSettingsTitle(feed.title);
    return html`<dialog aria-labelledby="feed-dialog-title" @close=${this.onClose}>
      <header>
        <h2 id="feed-dialog-title" dir="auto">${title}</h2>
        <button class="icon-button close" title=${strings.close} aria-label=${strings.close} @click=${() => this.close()}>${closeIcon}</button>
      </header>
      ${feed === null ? nothing : this.asking ? this.renderQuestion() : this.renderSettings(feed)}
    </dialog>`;
  }

  private renderSettings(feed: FeedInfo): TemplateResult {
    const intervals = INTERVALS.includes(feed.intervalMinutes) ? INTERVALS : [...INTERVALS, feed.intervalMinutes].sort((a, b) => a - b);
    const retentions = feed.retentionDays === null || RETENTIONS.includes(feed.retentionDays) ? RETENTIONS : [...RETENTIONS, feed.retentionDays].sort((a, b) => a - b);
    return html`<form @submit=${this.onSave}>
      <label>${strings.feedName}<input type="text" name="title" dir="auto" value=${feed.title} /></label>
      <p class="hint" dir="ltr">${feed.url}</p>
      <label
        >${strings.feedFolder}
        <input type="text" name="folder" dir="auto" list="feed-folders" value=${this.folder} placeholder=${strings.feedFolderTop} />
        <datalist id="feed-folders">${this.folders.map((path) => html`<option value=${path}></option>`)}</datalist>
      </label>
      <label
        >${strings.feedInterval}
        <select name="interval">
          ${intervals.map((m) => html`<option value=${m} ?selected=${m === feed.intervalMinutes}>${strings.everyMinutes(m)}</option>`)}
        </select>
      </label>
      <label class="check"><input type="checkbox" name="fullText" ?checked=${feed.fullText} />${strings.feedFullText}</label>
      ${feed.suggestFullText
        ? html`<p class="suggestion">
            ${strings.feedFullTextSuggested}
            <button type="button" class="button quiet" @click=${this.dismissSuggestion}>${strings.feedFullTextDismiss}</button>
          </p>`
        : nothing}
      <label class="check"><input type="checkbox" name="images" ?checked=${feed.images} />${strings.feedImages}</label>
      <label
        >${strings.feedRetention}
        <select name="retention">
          <option value="forever" ?selected=${feed.retentionDays === null}>${strings.retentionForever}</option>
          ${retentions.map((d) => html`<option value=${d} ?selected=${d === feed.retentionDays}>${strings.retentionDays(d)}</option>`)}
        </select>
        <span class="hint">${strings.feedRetentionHint}</span>
      </label>
      <label class="check"><input type="checkbox" name="paused" ?checked=${feed.paused !== null} />${strings.feedPause}</label>
      ${feed.lastError === null
        ? nothing
        : html`<p class="error" dir="auto">${strings.feedError(feedErrorReason(feed) ?? feed.lastError)}</p>
            <details class="error-detail">
              <summary>${strings.feedErrorDetail}</summary>
              <code dir="ltr" lang="en">${feed.lastError}</code>
            </details>`}
      <div class="actions">
        <button type="button" class="button quiet danger start" @click=${() => (this.asking = true)}>${strings.unsubscribe}</button>
        <button type="button" class="button quiet" @click=${() => this.close()}>${strings.cancel}</button>
        <button type="submit" class="button primary">${strings.save}</button>
      </div>
    </form>`;
  }

  private renderQuestion(): TemplateResult {
    return html`<form @submit=${this.onUnsubscribe}>
      <fieldset>
        <legend>${strings.unsubscribeQuestion}</legend>
        <label class="check"><input type="radio" name="articles" value="keep" checked />${strings.unsubscribeKeep}</label>
        <label class="check"><input type="radio" name="articles" value="delete" />${strings.unsubscribeDelete}</label>
      </fieldset>
      <div class="actions">
        <button type="button" class="button quiet" @click=${() => this.close()}>${strings.cancel}</button>
        <button type="submit" class="button primary">${strings.unsubscribeConfirm}</button>
      </div>
    </form>`;
  }
}

customElements.define('sahifa-feed-settings-dialog', FeedSettingsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-feed-settings-dialog': FeedSettingsDialog;
  }
}
