/**
 * What the reader adds to an article, under its title: tags (collections that group articles; the
 * sidebar lists them) and, once it is bookmarked, a note on the bookmark. Changes go up as events
 * (`set-tags`, `save-note`); the app saves them and hands the article back.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale';
import { emit } from '../events';
import { strings } from '../strings';
import { closeIcon, plusIcon, tagIcon } from './icons';
import { sharedStyles } from './shared-styles';

export class ArticleAnnotations extends LitElement {
  static override properties = {
    articleId: { attribute: false },
    tags: { attribute: false },
    note: { attribute: false },
    bookmarked: { attribute: false },
    knownTags: { attribute: false },
    draft: { state: true },
  };

  declare articleId: number;
  declare tags: string[];
  declare note: string | null;
  declare bookmarked: boolean;
  declare knownTags: string[];
  /** The note as being edited. */
  declare draft: string;

  constructor() {
    super();
    this.articleId = 0;
    this.tags = [];
    this.note = null;
    this.bookmarked = false;
    this.knownTags = [];
    this.draft = '';
    new LocaleController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 0.75rem;
        margin-block: 1rem 0;
        font-family: var(--font-ui);
        font-size: 0.88rem;
      }

      .tags {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .tags-row {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }

      .tags-row > .icon {
        color: var(--muted);
      }

      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.15rem;
        block-size: 30px;
        padding-inline: 0.7rem 0.2rem;
        border-radius: 999px;
        background: var(--accent-soft);
        color: var(--accent);
        font-weight: 500;
      }

      .chip button {
        display: inline-grid;
        place-items: center;
        inline-size: 24px;
        block-size: 24px;
        padding: 0;
        border: 0;
        border-radius: 50%;
        background: transparent;
        color: inherit;
        cursor: pointer;
      }

      .chip button:hover {
        background: var(--accent-soft-strong);
      }

      .chip .icon {
        inline-size: 14px;
        block-size: 14px;
      }

      .add {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
      }

      input,
      textarea {
        border: 1px solid var(--border-strong);
        border-radius: var(--radius-sm);
        background: var(--surface-raised);
        color: var(--text);
        font: inherit;
      }

      input {
        inline-size: 9rem;
        block-size: 30px;
        padding-inline: 0.6rem;
      }

      input:focus-visible,
      textarea:focus-visible {
        outline: 2px solid var(--focus-ring);
        outline-offset: 1px;
      }

      .add .icon-button {
        inline-size: 30px;
        block-size: 30px;
      }

      .note {
        display: grid;
        gap: 0.4rem;
      }

      .note label {
        color: var(--muted);
        font-weight: 600;
      }

      textarea {
        min-block-size: 4.5rem;
        padding: 0.5rem 0.65rem;
        line-height: 1.7;
        resize: vertical;
      }

      .note .save {
        justify-self: end;
        block-size: 32px;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('articleId') || changed.has('note')) this.draft = this.note ?? '';
  }

  override render(): TemplateResult {
    const suggestions = this.knownTags.filter((tag) => !this.tags.includes(tag));
    return html`<div class="tags-row">
        ${tagIcon}
        <ul class="tags" aria-label=${strings.tagsLabel}>
        ${this.tags.map(
          (tag) =>
            html`<li class="chip" dir="auto">
              <span>${tag}</span>
              <button title=${strings.removeTag(tag)} aria-label=${strings.removeTag(tag)} @click=${() => this.removeTag(tag)}>${closeIcon}</button>
            </li>`,
        )}
        <li class="add">
          <input
            class="new-tag"
            dir="auto"
            list="known-tags"
            maxlength="60"
            placeholder=${strings.addTagPlaceholder}
            aria-label=${strings.addTag}
            @keydown=${this.onTagKeyDown}
          />
          <datalist id="known-tags">${suggestions.map((tag) => html`<option value=${tag}></option>`)}</datalist>
          <button class="icon-button add-tag" title=${strings.addTag} aria-label=${strings.addTag} @click=${this.addTag}>${plusIcon}</button>
        </li>
      </ul>
      </div>
      ${this.bookmarked
        ? html`<div class="note">
            <label for="note">${strings.noteLabel}</label>
            <textarea id="note" dir="auto" maxlength="10000" placeholder=${strings.notePlaceholder} .value=${this.draft} @input=${this.onNoteInput}></textarea>
            ${this.draft.trim() !== (this.note ?? '')
              ? html`<button class="button save" @click=${this.saveNote}>${strings.saveNote}</button>`
              : nothing}
          </div>`
        : nothing}`;
  }

  private get tagInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input.new-tag');
  }

  private onTagKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.addTag();
    }
  }

  private addTag(): void {
    const input = this.tagInput;
    const name = input?.value.replace(/\s+/g, ' ').trim() ?? '';
    if (input === null || name === '') return;
    input.value = '';
    if (!this.tags.includes(name)) this.emitTags([...this.tags, name]);
    input.focus();
  }

  private removeTag(tag: string): void {
    this.emitTags(this.tags.filter((t) => t !== tag));
    // The chip goes away with its button: keep the focus in the tags.
    this.tagInput?.focus();
  }

  private emitTags(tags: string[]): void {
    emit(this, 'set-tags', { id: this.articleId, tags });
  }

  private onNoteInput(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  private saveNote(): void {
    emit(this, 'save-note', { id: this.articleId, note: this.draft });
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }
}

customElements.define('sahifa-article-annotations', ArticleAnnotations);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-article-annotations': ArticleAnnotations;
  }
}
