/**
 * A web address pasted into the window (outside any text field) or a link dropped on it: handed
 * over to be saved as a page. Files dropped are the file-drop controller's; text that is not one
 * http(s) address is left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement, isEditable } from './keyboard';

/** The one http(s) address in `text` (trimmed), or null. */
export function webAddressIn(text: string): string | null {
  const candidate = text.trim().split(/\r?\n/).find((line) => line !== '' && !line.startsWith('#'));
  if (candidate === undefined || /\s/.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function carriesLink(event: DragEvent): boolean {
  const types = event.dataTransfer?.types ?? [];
  return !types.includes('Files') && types.includes('text/uri-list');
}

export class LinkDropController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onLink: (url: string) => void,
    private readonly target: Window = window,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.target.addEventListener('paste', this.onPaste);
    this.target.addEventListener('dragover', this.onDragOver);
    this.target.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    this.target.removeEventListener('paste', this.onPaste);
    this.target.removeEventListener('dragover', this.onDragOver);
    this.target.removeEventListener('drop', this.onDrop);
  }

  private readonly onPaste = (event: ClipboardEvent): void => {
    if (isEditable(deepActiveElement())) return;
    const url = webAddressIn(event.clipboardData?.getData('text/plain') ?? '');
    if (url === null) return;
    event.preventDefault();
    this.onLink(url);
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!carriesLink(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private readonly onDrop = (event: DragEvent): void => {
    if (!carriesLink(event)) return;
    event.preventDefault();
    const url = webAddressIn(event.dataTransfer?.getData('text/uri-list') ?? '');
    if (url !== null) this.onLink(url);
  };
}
