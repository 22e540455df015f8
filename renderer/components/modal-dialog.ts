/**
 * What every modal dialog of the window shares: its one `<dialog>`, whether it is open, opening it
 * from a control, and the focus going back to that control when it closes (however it closes: a
 * button, Esc, or the dialog's own form).
 */
import { LitElement, type PropertyDeclarations } from 'lit';

export class ModalDialog extends LitElement {
  private opener: HTMLElement | null = null;

  protected get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog once it has rendered what it shows; `prepare` runs just before (resetting a form). */
  protected async openFrom(opener: HTMLElement | null, prepare?: () => void): Promise<void> {
    this.opener = opener;
    await this.updateComplete;
    prepare?.();
    this.dialog?.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  /** The dialog's `close` event: the focus goes back where it came from. */
  protected readonly onClose = (): void => {
    this.opener?.focus();
    this.opener = null;
  };
}

/**
 * A modal dialog whose form goes to main and waits, busy, for how it went: done() closes it,
 * failed() shows main's one-line reason and puts the focus back on the field to correct.
 */
export class AnsweredDialog extends ModalDialog {
  // Typed wide: each dialog declares its own besides these, and Lit keeps both.
  static override properties: PropertyDeclarations = {
    busy: { state: true },
    error: { state: true },
  };

  declare busy: boolean;
  declare error: string | null;

  constructor(private readonly fieldToCorrect: string) {
    super();
    this.busy = false;
    this.error = null;
  }

  /** It worked. */
  done(): void {
    this.busy = false;
    this.close();
  }

  /** It did not: the reason, and the field to correct. */
  failed(message: string): void {
    this.busy = false;
    this.error = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(this.fieldToCorrect)?.focus());
  }
}
