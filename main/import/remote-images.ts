/**
 * Remote images made local while an article is sanitized: the sanitizer drops every remote
 * reference, unless a caller that downloaded the image beforehand (subscriptions' offline images)
 * has put it in scope here, in which case the <img> gets the downloaded bytes as a data: URI.
 *
 * A scope is set around one synchronous parse (a feed, a page), so nothing leaks between imports;
 * outside a scope nothing changes. Feed parsers announce each item (readSafely), so a scope can
 * tell which item an image belongs to.
 */

export interface RemoteImageScope {
  /** A raster data: URI for this absolute image address, or null to drop the image as usual. */
  resolve(url: string): string | null;
  /** Called as each feed item starts being read. */
  item?(): void;
}

let scope: RemoteImageScope | null = null;

export function withRemoteImages<T>(current: RemoteImageScope, run: () => T): T {
  const previous = scope;
  scope = current;
  try {
    return run();
  } finally {
    scope = previous;
  }
}

/** The data: URI in scope for an <img src>, or null (no scope, not http(s), not downloaded). */
export function remoteImage(src: string): string | null {
  if (!scope || !/^https?:/i.test(src.trim())) return null;
  return scope.resolve(src.trim());
}

export function feedItemStarted(): void {
  scope?.item?.();
}
