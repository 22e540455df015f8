/**
 * What the virtualized lists (article-list.ts, highlight-list.ts) ask of @lit-labs/virtualizer
 * beyond rendering: to bring a row that is not rendered yet into view.
 */
import { FlowLayout, type flow } from '@lit-labs/virtualizer/layouts/flow.js';
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
 * The flow layout, for rows of one known height. Until it has measured a row the virtualizer sizes
 * its scroller as if every row were 100 px tall: a jump to the end of a library of 118 px rows made
 * in that first moment landed a sixth of the way short of it, and the scrollbar's thumb changed size
 * once the rows were measured. Starting from the rows' height, the list is its right length from the
 * first frame.
 */
class FixedHeightRows extends FlowLayout {
  /** Set by the virtualizer from the specifier's config (BaseLayout assigns the config's keys). */
  set rowHeight(height: number) {
    this._itemSize = { ...this._itemSize, height };
  }

  get rowHeight(): number {
    return this._itemSize.height;
  }
}

/** The layout for rows `height` px tall; the layout itself is kept when only the height changes. */
export function fixedHeightRows(height: number): ReturnType<typeof flow> & { rowHeight: number } {
  return { type: FixedHeightRows, rowHeight: height };
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
