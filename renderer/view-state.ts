/**
 * The shapes of what the window shows, shared by the controllers that hold the state and the
 * components that render it (so neither folder imports the other).
 */
import type { ArticleSummary, FeedInfo, FolderInfo, HighlightColor, ImportReport, ImportStage, MethodInput, SearchHit } from '../common';

/** Which list the library pane shows. */
export type View = 'library' | 'bookmarks';

/** A row of the list: an article, or a search hit with its snippet. */
export type ListItem = ArticleSummary | SearchHit;

export interface ImportProgressState {
  /** The import's id in main (from its progress events); null until the first one, and for imports the window sends in batches itself. */
  id: number | null;
  done: number;
  /** 0 while not known. */
  total: number;
  /** The last file done: a path, or a name. */
  current: string;
  stage: ImportStage;
  cancelling: boolean;
}

/** How the last import ended, for the report card. */
export type ImportStatus = { kind: 'report'; report: ImportReport } | { kind: 'error'; message: string };

/** A short notice at the bottom of the window, with at most one action. */
export interface Notice {
  message: string;
  /** e.g. Undo */
  action?: { label: string; run: () => void };
  kind?: 'info' | 'error';
}

/** What the sidebar can show in the list pane: a list of articles, or every highlight. */
export type Section = View | 'highlights';

/** A subscription the highlights can be narrowed to. */
export interface FeedChoice {
  id: number;
  title: string;
}

/** What the highlights view is narrowed to; null for no narrowing. */
export interface HighlightNarrowing {
  color: HighlightColor | null;
  tag: string | null;
  feed: number | null;
}
/** What the list is narrowed to in the subscriptions: one feed, or a folder (with the folders inside it). */
export type FeedScope = { kind: 'feed'; id: number } | { kind: 'folder'; id: number };

/** The same scope as the contract's narrowing. */
export function scopeNarrowing(scope: FeedScope | null): { feed?: number; folder?: number } {
  if (scope === null) return {};
  return scope.kind === 'feed' ? { feed: scope.id } : { folder: scope.id };
}

/** A feed's settings as the settings dialog changes them (the contract's updateFeed, without the id). */
export type FeedChanges = Omit<MethodInput<'updateFeed'>, 'id'>;

/** What the folder dialog asks about one folder. */
export interface FolderQuestion {
  action: 'rename' | 'delete';
  folder: FolderInfo;
  /** The path of the folder it sits in, null at the top: where its contents go. */
  parent: string | null;
  /** The feeds in it and in the folders inside it. */
  feeds: number;
}

/** The subscriptions' dialogs (components/subscription-dialogs.ts), as the flows that open them see them. */
export interface SubscriptionDialogsView {
  readonly isOpen: boolean;
  showSubscribe(opener: HTMLElement | null): Promise<void>;
  /** How the subscription went: null closes the dialog, a reason is shown in it. */
  subscribed(failure: string | null): void;
  showFeed(feed: FeedInfo, folder: string, opener: HTMLElement | null, unsubscribe: boolean): Promise<void>;
  showFolder(question: FolderQuestion, opener: HTMLElement | null): Promise<void>;
  /** How the rename went, as subscribed(). */
  renamed(failure: string | null): void;
}
