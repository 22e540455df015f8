/** Messages between the rank helper (rank-helper.ts) and its thread (rank-worker.ts). */
import type { Snippet } from '../text/snippet';
import type { IdBounds } from './phrase-frequency';
import type { ParsedQuery, ScoredPhrase } from './query';
import type { RangeRanking, RankRequest } from './rank';

export interface RankWorkerInput {
  libraryFile: string;
  nativeBinding?: string;
  /** The ranking extension to score with (rank-extension.ts); null scores with bm25(). */
  rankExtension: string | null;
}

/** The phrases to count the articles of (phrase-frequency.ts), among the library's ids. */
export interface CountCall {
  phrases: ScoredPhrase[];
  bounds: IdBounds;
}

/** The articles of a page to make the snippets of (match-snippet.ts), for a query. */
export interface SnippetCall {
  parsed: ParsedQuery;
  ids: number[];
}

/** To the worker: a range to rank, phrases to count, snippets to make, or the end of its work. */
export type RankCall =
  | { seq: number; request: RankRequest }
  | { seq: number; count: CountCall }
  | { seq: number; snippets: SnippetCall }
  | { close: true };

/** From the worker: whether its connection opened, then one answer per call. */
export type RankAnswer =
  | { ready: boolean }
  | { seq: number; ranking: RangeRanking }
  | { seq: number; phraseCounts: number[] }
  /** One per id asked, null where the text holds no match or the article is gone. */
  | { seq: number; snippets: (Snippet | null)[] }
  | { seq: number; error: string };
