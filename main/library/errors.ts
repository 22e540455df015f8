/** Errors whose message a person can read as is: one line, naming the file and the reason. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

export class NotFoundError extends LibraryError {
  override name = 'NotFoundError';
}

/** The file is a library but SQLite finds it damaged: it must never be written to. */
export class DamagedLibraryError extends LibraryError {
  override name = 'DamagedLibraryError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`the library ${file} is damaged (${detail}); it was left as it is for recovery`);
  }
}
