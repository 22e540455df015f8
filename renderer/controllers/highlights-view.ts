/**
 * The highlights view: every highlight in the library, newest first, in pages (a PagedList, as the
 * article list), narrowed by colour, tag or feed; and the highlight chosen in it, which the reader
 * brings into view once its article is open. Every change of narrowing starts a fresh list;
 * answers for a list that was replaced are dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Highlight, HighlightListItem, SahifaApi } from '../../common';
import type { HighlightNarrowing } from '../view-state';
import type { PagedList } from '../paged-list';
import { showFreshList } from './shown-list';

export type HighlightsViewApi = Pick<SahifaApi, 'listHighlights'>;

const PAGE_SIZE = 50;

export class HighlightsViewController implements ReactiveController {
  /** Whether the list pane shows the highlights (instead of articles). */
  active = false;
  narrowing: HighlightNarrowing = { color: null, tag: null, feed: null };
  list: PagedList<HighlightListItem> | null = null;
  /** Bumped whenever the list's pages change, so that the list renders its rows again. */
  revision = 0;
  error: string | null = null;
  /** Resolves when the current list's first page is in. */
  ready: Promise<void> = Promise.resolve();
  /** The highlight last chosen in the list (its row shows as current). */
  selectedId: string | null = null;
  /** The highlight the reader is to scroll to once its article shows it; null once it did. */
  revealing: string | null = null;
  /** Whether revealing it moves the focus to it in the reader (else the list keeps the focus). */
  revealFocus = true;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: HighlightsViewApi,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.list?.close();
  }

  /** Shows the highlights in the list pane (from the first, newest, one). */
  show(): void {
    this.active = true;
    this.reload();
  }

  /** The list pane goes back to articles. */
  hide(): void {
    if (!this.active) return;
    this.active = false;
    this.list?.close();
    this.list = null;
    this.host.requestUpdate();
  }

  /** Narrows by colour, tag or feed (null lifts that one). */
  narrow(change: Partial<HighlightNarrowing>): void {
    this.narrowing = { ...this.narrowing, ...change };
    if (this.active) this.reload();
  }

  /** A highlight was chosen: its article opens, and the reader is to bring it into view. */
  choose(item: Pick<Highlight, 'id' | 'article'>, focusText = true): number {
    this.selectedId = item.id;
    this.revealing = item.id;
    this.revealFocus = focusText;
    this.host.requestUpdate();
    return item.article;
  }

  /** The reader showed the highlight (or could not: it is no longer in the text). */
  revealed(id: string): void {
    if (this.revealing !== id) return;
    this.revealing = null;
    this.host.requestUpdate();
  }

  /** A highlight changed in the reader (colour, note): its row changes in place. */
  changed(highlight: Highlight): void {
    this.list?.update(
      (item) => item.id === highlight.id,
      (item) => ({ ...item, ...highlight }),
    );
  }

  /** Highlights were added or removed somewhere: the list is asked for again. */
  refresh(): void {
    if (this.active) this.reload();
  }

  private reload(): void {
    const { color, tag, feed } = this.narrowing;
    const narrowing = { ...(color === null ? {} : { color }), ...(tag === null ? {} : { tag }), ...(feed === null ? {} : { feed }) };
    showFreshList(this, this.host, (offset, limit) => this.api.listHighlights({ ...narrowing, offset, limit }), PAGE_SIZE);
  }
}
