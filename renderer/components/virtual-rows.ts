/**
 * What the virtualized lists (article-list.ts, highlight-list.ts) ask of @lit-labs/virtualizer
 * beyond rendering: to bring a row that is not rendered yet into view.
 */
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

/** The part of the virtualizer the lists drive (it has no exported type for the instance). */
interface VirtualizerHandle {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
}

/** Scrolls the virtualized `scroller` until row `index` is in view (it is rendered then). */
export function scrollToVirtualRow(scroller: HTMLElement | null, index: number): void {
  (scroller as unknown as Record<symbol, VirtualizerHandle | undefined> | null)?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
}

/**
 * The items of a virtualized list of `total` rows: the indices 0..total-1 (the rows' data lives in
 * a PagedList). Filled by a plain loop: `Array.from({ length }, …)` took 50 ms of the window's
 * thread for a library of a million, before the first rows could show.
 */
export function rowIndices(total: number): number[] {
  const indices = new Array<number>(total);
  for (let i = 0; i < total; i++) indices[i] = i;
  return indices;
}
