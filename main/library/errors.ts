/** Errors whose message a person can read as is: one line, naming the file and the reason. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

export class NotFoundError extends LibraryError {
  override name = 'NotFoundError';
}
