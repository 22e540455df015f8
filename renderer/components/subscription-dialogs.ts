/**
 * The subscriptions' dialogs in one place: Subscribe, a feed's settings (and the unsubscribe
 * question), and a folder's rename and delete questions. The window's subscription flows
 * (controllers/subscription-flows.ts) open them through this element; what the reader answers
 * bubbles up from each dialog as its own event (subscribe-submit, feed-update, feed-unsubscribe,
 * folder-rename, folder-delete).
 */
import { LitElement, html, type TemplateResult } from 'lit';
import type { FeedInfo } from '../../common';
import type { FolderQuestion, SubscriptionDialogsView } from '../view-state';
import type { FeedSettingsDialog } from './feed-settings-dialog';
import type { FolderDialog } from './folder-dialog';
import { boxlessHostStyles } from './shared-styles';
import type { SubscribeDialog } from './subscribe-dialog';
import './feed-settings-dialog';
import './folder-dialog';
import './subscribe-dialog';

export class SubscriptionDialogs extends LitElement implements SubscriptionDialogsView {
  static override properties = {
    folders: { attribute: false },
  };

  /** Every folder's path, suggested where a folder is typed. */
  declare folders: string[];

  constructor() {
    super();
    this.folders = [];
  }

  static override styles = [boxlessHostStyles];

  private get subscribeDialog(): SubscribeDialog | null {
    return this.renderRoot.querySelector('sahifa-subscribe-dialog');
  }

  private get feedDialog(): FeedSettingsDialog | null {
    return this.renderRoot.querySelector('sahifa-feed-settings-dialog');
  }

  private get folderDialog(): FolderDialog | null {
    return this.renderRoot.querySelector('sahifa-folder-dialog');
  }

  get isOpen(): boolean {
    return [this.subscribeDialog, this.feedDialog, this.folderDialog].some((dialog) => dialog?.isOpen ?? false);
  }

  async showSubscribe(opener: HTMLElement | null): Promise<void> {
    await this.updateComplete;
    await this.subscribeDialog?.show(opener);
  }

  subscribed(failure: string | null): void {
    if (failure === null) this.subscribeDialog?.done();
    else this.subscribeDialog?.failed(failure);
  }

  async showFeed(feed: FeedInfo, folder: string, opener: HTMLElement | null, unsubscribe: boolean): Promise<void> {
    await this.updateComplete;
    await this.feedDialog?.show(feed, folder, opener, unsubscribe);
  }

  async showFolder(question: FolderQuestion, opener: HTMLElement | null): Promise<void> {
    await this.updateComplete;
    await this.folderDialog?.show(question, opener);
  }

  renamed(failure: string | null): void {
    if (failure === null) this.folderDialog?.done();
    else this.folderDialog?.failed(failure);
  }

  override render(): TemplateResult {
    return html`<sahifa-subscribe-dialog .folders=${this.folders}></sahifa-subscribe-dialog>
      <sahifa-feed-settings-dialog .folders=${this.folders}></sahifa-feed-settings-dialog>
      <sahifa-folder-dialog></sahifa-folder-dialog>`;
  }
}

customElements.define('sahifa-subscription-dialogs', SubscriptionDialogs);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-subscription-dialogs': SubscriptionDialogs;
  }
}
