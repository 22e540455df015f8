/**
 * The system dialogs the desktop shell shows, as an interface: main/electron-dialogs.ts shows
 * Electron's, attached to the window; tests pass stand-ins. The option shapes are the parts of
 * Electron's own that Sahifa uses.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenDialogOptions {
  title?: string;
  buttonLabel?: string;
  defaultPath?: string;
  properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory')[];
  filters?: FileFilter[];
}

export interface SaveDialogOptions {
  title?: string;
  buttonLabel?: string;
  defaultPath?: string;
  filters?: FileFilter[];
}

export interface MessageOptions {
  type: 'info' | 'warning' | 'error';
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
}

export interface Dialogs {
  /** The chosen paths, or null when the person cancels. */
  open(options: OpenDialogOptions): Promise<string[] | null>;
  /** The chosen path, or null when the person cancels. */
  save(options: SaveDialogOptions): Promise<string | null>;
  /** The index of the button pressed. */
  message(options: MessageOptions): Promise<number>;
  error(message: string): void;
}
