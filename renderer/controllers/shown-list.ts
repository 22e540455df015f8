/**
 * What a controller that shows a paged list keeps (the article list, the highlights view), and the
 * one way to replace that list: answers that come for a list already replaced are dropped.
 */
import type { ReactiveControllerHost } from 'lit';
import { messageOf } from '../error-message';
import { PagedList, type PageLoader } from '../paged-list';

export interface ShownList<T> {
  list: PagedList<T> | null;
  /** Bumped whenever the list's pages change, so that its rows render again. */
  revision: number;
  error: string | null;
  /** Settles once the new list's first page is in (or failed). */
  ready: Promise<void>;
}

export function showFreshList<T>(shown: ShownList<T>, host: ReactiveControllerHost, loader: PageLoader<T>, pageSize: number): void {
  shown.list?.close();
  const list = new PagedList<T>(loader, {
    pageSize,
    onChange: () => {
      if (shown.list !== list) return;
      shown.revision++;
      host.requestUpdate();
    },
    onError: (error) => {
      if (shown.list !== list) return;
      shown.error = messageOf(error);
      host.requestUpdate();
    },
  });
  shown.list = list;
  shown.error = null;
  shown.ready = list.start();
  host.requestUpdate();
}
