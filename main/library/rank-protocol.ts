/** Messages between the rank helper (rank-helper.ts) and its thread (rank-worker.ts). */
import type { Snippet } from '../text/snippet';
import type { ParsedQuery } from './query';
import type { IdRange, MatchRequest, RangeRanking, RankRequest } from './rank';

export interface RankWorkerInput {
  libraryFile: string;
  nativeBinding?: string;
  /** The ranking extension to score with (rank-extension.ts); null scores with bm25(). */
  rankExtension: string | null;
}

/** The match after the `newer` newest of a range (RangeRanker.matchAfterNewest). */
export interface NewestCall {
  request: MatchRequest;
  newer: number;
}

/** How many matches there are in some ranges. */
export interface TotalCall {
  request: MatchRequest;
  ranges: IdRange[];
}

/** The articles of a page to make the snippets of (match-snippet.ts), for a query. */
export interface SnippetCall {
  parsed: ParsedQuery;
  ids: number[];
}

/** To the worker: a range to rank, a newest match to find, matches to count, snippets to make, or the end of its work. */
export type RankCall =
  | { seq: number; request: RankRequest }
  | { seq: number; newest: NewestCall }
  | { seq: number; total: TotalCall }
  | { seq: number; snippets: SnippetCall }
  | { close: true };

/** From the worker: whether its connection opened, then one answer per call. */
export type RankAnswer =
  | { ready: boolean }
  | { seq: number; ranking: RangeRanking }
  | { seq: number; newest: number | null }
  | { seq: number; total: number }
  /** One per id asked, null where the text holds no match or the article is gone. */
  | { seq: number; snippets: (Snippet | null)[] }
  | { seq: number; error: string };
