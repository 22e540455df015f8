/**
 * The settings, in a modal dialog at the window's start side, so the reader stays in view and
 * every change shows at once: the reading face, size, line height, measure and alignment, the
 * theme, the interface's language, the digits, and the Hijri date. Each change is applied to the
 * window immediately and saved in the library (settings-store.ts).
 */
import { css, html, type TemplateResult } from 'lit';
import {
  digitStyles,
  FONT_SIZE,
  LINE_HEIGHT,
  MEASURE,
  textFaces,
  themes,
  type DigitStyle,
  type Settings,
  type TextFace,
  type Theme,
} from '../../common';
import { formatNumber } from '../locale';
import { changeSettings, currentSettings, onSettingsChange } from '../settings-store';
import { strings } from '../strings';
import { closeIcon } from './icons';
import { ModalDialog } from './modal-dialog';
import { sharedStyles } from './shared-styles';

const FACE_FAMILY: Record<TextFace, string> = {
  naskh: "'Noto Naskh Arabic'",
  amiri: "'Amiri'",
  kufi: "'Noto Kufi Arabic'",
  sans: "'Noto Sans Arabic'",
  system: 'system-ui',
};

function faceLabel(face: TextFace): string {
  return { naskh: strings.faceNaskh, amiri: strings.faceAmiri, kufi: strings.faceKufi, sans: strings.faceSans, system: strings.faceSystem }[face];
}

function themeLabel(theme: Theme): string {
  return { system: strings.themeSystem, light: strings.themeLight, dark: strings.themeDark, sepia: strings.themeSepia }[theme];
}

function digitsLabel(digits: DigitStyle): string {
  return { auto: strings.digitsAuto, 'arabic-indic': strings.digitsArabicIndic, western: strings.digitsWestern }[digits];
}

export class SettingsPanel extends ModalDialog {
  static override properties = {
    settings: { state: true },
  };

  declare settings: Settings;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.settings = currentSettings();
  }

  static override styles = [
    sharedStyles,
    css`
      dialog {
        position: fixed;
        inset-block: 0;
        inset-inline-start: 0;
        inset-inline-end: auto;
        inline-size: min(25rem, 100vw);
        max-inline-size: 100vw;
        block-size: 100%;
        max-block-size: 100%;
        margin: 0;
        padding: 0;
        border: 0;
        border-inline-end: 1px solid var(--border-strong);
        background: var(--surface);
        color: var(--text);
        box-shadow: var(--shadow-lg);
      }

      /* Light: the article behind shows every change as it is made. */
      dialog::backdrop {
        background: rgb(0 0 0 / 0.12);
      }

      header {
        position: sticky;
        inset-block-start: 0;
        z-index: 1;
        display: flex;
        align-items: center;
        justify-content: space-between;
        padding: 0.9rem 1.25rem;
        border-block-end: 1px solid var(--border);
        background: var(--surface);
      }

      h2 {
        margin: 0;
        color: var(--text-strong);
        font-size: 1.05rem;
      }

      .content {
        display: grid;
        gap: 1.1rem;
        padding: 1rem 1.25rem 2rem;
      }

      h3 {
        margin: 0.5rem 0 0;
        color: var(--muted);
        font-size: 0.8rem;
        font-weight: 600;
      }

      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        min-inline-size: 0;
      }

      legend,
      .field > label {
        margin-block-end: 0.45rem;
        padding: 0;
        color: var(--text-strong);
        font-weight: 600;
        font-size: 0.9rem;
      }

      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }

      .choice {
        position: relative;
      }

      .choice input {
        position: absolute;
        inset: 0;
        opacity: 0;
        margin: 0;
        cursor: pointer;
      }

      .choice span {
        display: inline-flex;
        align-items: center;
        min-block-size: 36px;
        padding-inline: 0.8rem;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius);
        background: var(--surface-raised);
        color: var(--text);
        font-size: 0.9rem;
      }

      .choice input:checked + span {
        border-color: var(--accent);
        background: var(--accent-soft);
        color: var(--accent);
        font-weight: 600;
      }

      .choice input:focus-visible + span {
        outline: 2px solid var(--focus-ring);
        outline-offset: 2px;
      }

      .face span {
        font-size: 1.05rem;
      }

      .field {
        display: grid;
      }

      .range {
        display: flex;
        align-items: center;
        gap: 0.75rem;
      }

      .range input {
        flex: 1;
        accent-color: var(--accent);
      }

      .range output {
        min-inline-size: 4.5rem;
        color: var(--muted);
        font-size: 0.85rem;
        text-align: end;
      }

      .check {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-size: 0.9rem;
      }

      .check input {
        inline-size: 18px;
        block-size: 18px;
        accent-color: var(--accent);
      }

      .preview {
        margin: 0;
        padding: 0.9rem 1rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--bg);
        font-family: var(--font-reading);
        font-size: var(--reading-size);
        line-height: var(--reading-line-height);
        text-align: var(--reading-align);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onSettingsChange((settings) => (this.settings = settings));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /** Opens the panel; the focus goes back to `opener` when it closes. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.settings = currentSettings();
    await this.openFrom(opener);
    this.renderRoot.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  private change(patch: Partial<Settings>): void {
    changeSettings(patch).catch(() => undefined);
  }

  private radios<T extends string>(
    name: string,
    legend: string,
    values: readonly T[],
    selected: T,
    label: (value: T) => string,
    onPick: (value: T) => void,
    extra: (value: T) => { style?: string; lang?: string } = () => ({}),
  ): TemplateResult {
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="choices ${name}">
        ${values.map((value) => {
          const { style, lang } = extra(value);
          return html`<label class="choice ${name}">
            <input type="radio" name=${name} value=${value} .checked=${value === selected} @change=${() => onPick(value)} />
            <span style=${style ?? ''} lang=${lang ?? document.documentElement.lang}>${label(value)}</span>
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private range(id: string, label: string, bounds: { min: number; max: number; step: number }, value: number, shown: string, onPick: (value: number) => void): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <div class="range">
        <input
          id=${id}
          type="range"
          min=${bounds.min}
          max=${bounds.max}
          step=${bounds.step}
          .value=${String(value)}
          aria-valuetext=${shown}
          @input=${(event: Event) => onPick(Number((event.target as HTMLInputElement).value))}
        />
        <output for=${id}>${shown}</output>
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    const s = this.settings;
    return html`<dialog aria-labelledby="settings-title" @close=${this.onClose}>
      <header>
        <h2 id="settings-title">${strings.settingsTitle}</h2>
        <button class="icon-button close" title=${strings.close} aria-label=${strings.close} @click=${this.close}>${closeIcon}</button>
      </header>
      <div class="content">
        <h3>${strings.readingSection}</h3>
        ${this.radios('face', strings.textFace, textFaces, s.textFace, faceLabel, (textFace) => this.change({ textFace }), (face) => ({
          style: `font-family: ${FACE_FAMILY[face]}`,
        }))}
        ${this.range('font-size', strings.fontSize, FONT_SIZE, s.fontSize, formatNumber(s.fontSize), (fontSize) => this.change({ fontSize }))}
        ${this.range('line-height', strings.lineHeight, LINE_HEIGHT, s.lineHeight, formatNumber(s.lineHeight), (lineHeight) =>
          this.change({ lineHeight: Math.round(lineHeight * 10) / 10 }),
        )}
        ${this.range('measure', strings.measure, MEASURE, s.measure, strings.measureValue(formatNumber(s.measure)), (measure) => this.change({ measure }))}
        ${this.radios(
          'align',
          strings.alignment,
          ['start', 'justify'] as const,
          s.justify ? 'justify' : 'start',
          (value) => (value === 'justify' ? strings.alignJustify : strings.alignStart),
          (value) => this.change({ justify: value === 'justify' }),
        )}
        <p class="preview" dir="auto">${strings.settingsPreview}</p>

        <h3>${strings.interfaceSection}</h3>
        ${this.radios('theme', strings.theme, themes, s.theme, themeLabel, (theme) => this.change({ theme }))}
        ${this.radios(
          'language',
          strings.language,
          ['ar', 'en'] as const,
          s.language,
          (value) => (value === 'ar' ? 'العربية' : 'English'),
          (language) => this.change({ language }),
          (value) => ({ lang: value }),
        )}
        ${this.radios('digits', strings.digits, digitStyles, s.digits, digitsLabel, (digits) => this.change({ digits }))}
        <label class="check"><input type="checkbox" name="hijri" .checked=${s.hijri} @change=${(event: Event) =>
          this.change({ hijri: (event.target as HTMLInputElement).checked })} />${strings.hijri}</label>
      </div>
    </dialog>`;
  }
}

customElements.define('sahifa-settings-panel', SettingsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sahifa-settings-panel': SettingsPanel;
  }
}
