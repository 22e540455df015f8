/**
 * Every custom event the renderer's components send up, declared once in HTMLElementEventMap so
 * that a listener knows its detail's type. Components send them with `emit`, which always makes
 * them bubble out of shadow roots (composed): the root component listens where it wires things.
 */
import type { ArticleExportFormat, HighlightColor, HighlightExportFormat, ListSort, MarkReadAge, SearchSort } from '../common';
import type { FeedChanges, FeedScope, HighlightNarrowing, Section } from './view-state';

declare global {
  interface HTMLElementEventMap {
    // The list
    'open-article': CustomEvent<{ id: number }>;
    'sort-changed': CustomEvent<{ sort: ListSort }>;
    /** How search results are ordered: by relevance or newest first. */
    'search-sort-changed': CustomEvent<{ sort: SearchSort }>;
    /** null: every source. */
    'source-changed': CustomEvent<{ source: string | null }>;
    'unread-toggled': CustomEvent<undefined>;
    // The sidebar
    'view-selected': CustomEvent<{ view: Section }>;
    'tag-selected': CustomEvent<{ tag: string }>;
    // The subscriptions in the sidebar, and their dialogs
    'feed-scope-selected': CustomEvent<{ scope: FeedScope }>;
    /** null: every subscription. */
    'feed-refresh': CustomEvent<{ scope: FeedScope | null }>;
    'feed-mark-read': CustomEvent<{ scope: FeedScope | null; olderThan?: MarkReadAge }>;
    'feed-settings': CustomEvent<{ id: number; opener: HTMLElement; unsubscribe?: boolean }>;
    'show-subscribe': CustomEvent<{ opener: HTMLElement }>;
    'subscribe-submit': CustomEvent<{ url: string; folder: string }>;
    'feed-update': CustomEvent<{ id: number; changes: FeedChanges }>;
    'feed-unsubscribe': CustomEvent<{ id: number; keepArticles: boolean }>;
    'opml-import': CustomEvent<{ file: File }>;
    'opml-export': CustomEvent<undefined>;
    /** A folder row's menu: Rename… or Delete folder…. */
    'folder-edit': CustomEvent<{ id: number; opener: HTMLElement; action: 'rename' | 'delete' }>;
    'folder-rename': CustomEvent<{ id: number; name: string }>;
    'folder-delete': CustomEvent<{ id: number; unsubscribe: boolean; keepArticles: boolean }>;
    // The top bar
    /** What the search field holds now, at each keystroke. */
    'search-input': CustomEvent<{ text: string }>;
    /**
     * Enter or ↓ in the search field: search now. Cancelled (preventDefault) by whoever moved the
     * focus into the results, so that the key does nothing else.
     */
    'search-commit': CustomEvent<{ intoResults: boolean }>;
    'search-clear': CustomEvent<undefined>;
    'show-shortcuts': CustomEvent<{ opener: HTMLElement }>;
    'show-settings': CustomEvent<{ opener: HTMLElement }>;
    'start-import': CustomEvent<undefined>;
    /** The narrow window's button for the sections, tags and subscriptions (a drawer). */
    'toggle-sidebar': CustomEvent<{ opener: HTMLElement }>;
    // The reader
    'reader-back': CustomEvent<undefined>;
    'toggle-bookmark': CustomEvent<undefined>;
    'toggle-read': CustomEvent<undefined>;
    'copy-link': CustomEvent<undefined>;
    'open-external': CustomEvent<{ url: string }>;
    'export-article': CustomEvent<{ format: ArticleExportFormat }>;
    'delete-article': CustomEvent<undefined>;
    /** The reader scrolled the article themselves, to `fraction` of it (0 top, 1 end). */
    'reading-scroll': CustomEvent<{ id: number; fraction: number }>;
    'set-tags': CustomEvent<{ id: number; tags: string[] }>;
    'save-note': CustomEvent<{ id: number; note: string }>;
    /** [start, end) of the article's text, selected and highlighted in `color`. */
    'highlight-add': CustomEvent<{ article: number; start: number; end: number; color: HighlightColor }>;
    'highlight-update': CustomEvent<{ id: string; color?: HighlightColor; note?: string | null }>;
    'highlight-remove': CustomEvent<{ id: string }>;
    /** The open article's highlights, or with `all` every highlight in the library. */
    'export-highlights': CustomEvent<{ format: HighlightExportFormat; all?: boolean }>;
    /** The reader brought this highlight into view (or found it no longer in the text). */
    'highlight-revealed': CustomEvent<{ id: string }>;
    // The highlights view
    /** A highlight chosen in the view: its article opens, scrolled to it. */
    /** focusText: the reader takes the focus (a click, Enter), or the list keeps it (J, K). */
    'open-highlight': CustomEvent<{ id: string; article: number; focusText: boolean }>;
    'highlights-narrowed': CustomEvent<Partial<HighlightNarrowing>>;
    // Imports and notices
    'cancel-import': CustomEvent<undefined>;
    /** A toast's close button. */
    dismiss: CustomEvent<undefined>;
  }
}

/** The names of the events above (HTMLElementEventMap's built-in events are not CustomEvents). */
export type SahifaEventName = {
  [K in keyof HTMLElementEventMap]: HTMLElementEventMap[K] extends CustomEvent<unknown> ? K : never;
}[keyof HTMLElementEventMap];

export type EventDetail<K extends SahifaEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Sends `type` up from `from`, out of every shadow root. Returns false when a listener cancelled it.
 */
export function emit<K extends SahifaEventName>(from: EventTarget, type: K, ...[detail]: EventDetail<K> extends undefined ? [] : [EventDetail<K>]): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}
