/** Messages between the rank helper (rank-helper.ts) and its thread (rank-worker.ts). */
import type { RangeRanking, RankRequest } from './rank';

export interface RankWorkerInput {
  libraryFile: string;
  nativeBinding?: string;
}

/** To the worker: a range to rank, or the end of its work. */
export type RankCall = { seq: number; request: RankRequest } | { close: true };

/** From the worker: whether its connection opened, then one answer per call. */
export type RankAnswer =
  | { ready: boolean }
  | { seq: number; ranking: RangeRanking }
  | { seq: number; error: string };
