/**
 * A file that cannot be imported, for a reason the user can act on.
 * The message is shown as is, one line, next to the file's path.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
