/**
 * The rank helper's thread: its own read-only connection to the library, ranking the ranges the
 * library sends it, finding and counting matches and making snippets (rank-helper.ts). Bundled to out/main/rank-worker.cjs and .mjs by
 * scripts/build.mjs; tests and benchmarks run it from source through rank-worker-source.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { RangeRanker } from './rank';
import { loadRankExtension } from './rank-extension';
import type { RankAnswer, RankCall, RankWorkerInput, SnippetCall } from './rank-protocol';
import { decodeStored, type StoredValue } from './stored-text';
import { matchSnippet } from './match-snippet';

const input = workerData as RankWorkerInput;
const post = (answer: RankAnswer) => parentPort?.postMessage(answer);

let db: Database.Database;
try {
  db = new Database(input.libraryFile, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  // A quarter of the library's own connection's page cache (64 MB, which an import's index merges
  // want): this one only reads, the index pages it misses come from the system's file cache, and
  // both connections hold the same pages of the words searched. Searching the benchmark's million
  // articles, it kept the process's memory 50–80 MB lower (265–293 → 211–234 MB) for 5–10% more
  // search CPU time (docs/benchmarks.md).
  db.pragma('cache_size = -16384');
  // Scoring otherwise than the library's thread would give halves that do not merge: no helper then.
  if (input.rankExtension !== null) {
    if (!loadRankExtension(db, input.rankExtension)) throw new Error('the ranking extension did not load');
    // Every article's length, read before the first search needs them (95 ms at a million).
    db.prepare('SELECT sahifa_rank_lengths()').get();
  }
} catch {
  // The library ranks everything itself when its helper cannot open the file or score as it does.
  post({ ready: false });
  process.exit(0);
}

const ranker = new RangeRanker(db, input.rankExtension === null ? 'bm25' : 'sahifa_rank');
const storedText = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
const snippets = ({ parsed, ids }: SnippetCall) =>
  ids.map((id) => {
    const stored = storedText.get(id) as StoredValue | undefined;
    return stored === undefined ? null : matchSnippet(decodeStored(stored), parsed);
  });
parentPort?.on('message', (call: RankCall) => {
  if ('close' in call) {
    // Closed before the thread ends, so the file can be moved or replaced right after (a restore).
    db.close();
    process.exit(0);
  }
  try {
    if ('newest' in call) post({ seq: call.seq, newest: ranker.matchAfterNewest(call.newest.request, call.newest.newer) });
    else if ('total' in call) post({ seq: call.seq, total: ranker.countIn(call.total.request, call.total.ranges) });
    else if ('snippets' in call) post({ seq: call.seq, snippets: snippets(call.snippets) });
    else post({ seq: call.seq, ranking: ranker.rank(call.request) });
  } catch (error) {
    post({ seq: call.seq, error: error instanceof Error ? error.message : String(error) });
  }
});
post({ ready: true });
