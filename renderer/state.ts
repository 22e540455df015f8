/**
 * The shapes of what the window shows, shared by the controllers that hold it (controllers/) and
 * the components that render it (components/), so that neither has to import the other's module.
 */
import type { ArticleSummary, ImportReport, SearchHit } from '../common';

/** The library's two lists. */
export type View = 'library' | 'bookmarks';

/** A row of the list: an article, or a search's result with its marked words. */
export type ListItem = ArticleSummary | SearchHit;

/** A short notice at the bottom of the window, with at most one action. */
export interface Notice {
  message: string;
  /** e.g. Undo */
  action?: { label: string; run: () => void };
  kind?: 'info' | 'error';
}

/** How the last import went, until dismissed. */
export type ImportStatus = { kind: 'report'; report: ImportReport } | { kind: 'error'; message: string };

/** A running import. */
export interface ImportProgressState {
  /** The import's id in main (from its progress events); null until the first one, and for imports the window sends in batches itself. */
  id: number | null;
  done: number;
  /** 0 while not known. */
  total: number;
  /** The last file done: a path, or a name. */
  current: string;
  cancelling: boolean;
}
