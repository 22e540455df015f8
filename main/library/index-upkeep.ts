/**
 * How the full-text index keeps its segments, and how large writes (an import, a re-index) go
 * faster.
 *
 * FTS5 writes each transaction's words as a new segment and merges segments as they pile up: by
 * default, four of a level into one of the next (`automerge`). A million articles imported 500 a
 * transaction are 2,000 segments, so every word is written again at each of five or six levels; at
 * 10,000 articles the merging was already a third of the importing thread's work. And what is left
 * at the end, some twenty segments, is read by every search: each term looked up in each segment,
 * each match merged from them.
 *
 * So large writes merge sixteen at a time while they run, which writes each word about half as
 * often, and the index is tidied when they end (tidyStep):
 *   - when the new articles are at least half the library, the whole index is merged into one
 *     segment: one more pass over what was just written, and searches read one segment;
 *   - otherwise only the levels that hold four or more segments are merged, as the usual rule
 *     would have: the library's older, larger segments are not written again for a few new articles.
 * Either way in steps of PAGES_PER_STEP, each its own transaction: a write from another connection
 * (a bookmark while an import finishes) waits for one step, not the whole merge.
 *
 * The rules are stored in the index (its config table), so a process that ends mid-import leaves
 * them raised: Library.open puts them back (restoreMergeRules).
 */
import type Database from 'better-sqlite3';
import { BOUND_ID } from './rank';

interface MergeRules {
  /** Segments of one level merged into the next as writes go on. */
  automerge: number;
  /** Segments of one level that force a merge at once, within the writing transaction. */
  crisismerge: number;
}

/** FTS5's own defaults, which the index keeps outside imports. */
export const USUAL_MERGE_RULES: MergeRules = { automerge: 4, crisismerge: 16 };

/**
 * During a large import. 16 rather than 4: at 100k articles, 12% less CPU and 15% less time to
 * import (docs/benchmarks.md); 64 gave no more. The crisis limit is raised with it, or it would
 * merge each level at once, inside a batch's transaction, as soon as it reached 16.
 */
export const BULK_MERGE_RULES: MergeRules = { automerge: 16, crisismerge: 64 };

/**
 * Articles from which writing in bulk pays: four transactions of an import's default size. Below
 * that FTS5's usual merges cost next to nothing.
 */
export const BULK_FROM = 2_000;

/**
 * Leaf pages merged per step: about 25 ms here. Steps of 500, 1,000 and 2,000 pages took the same
 * time in all (a 31k library's index merged into one segment: about a second); the smaller the step,
 * the fewer pages the merge leaves free in the file (1,340, 1,856 and 2,866 pages of 4 KB).
 */
const PAGES_PER_STEP = 500;

export type TidyMode = 'whole' | 'levels';

/** Large writes under way (an import: Library.startBulkImport; a re-index: writeInBulk). */
export interface BulkWrites {
  /**
   * The writes are over (`written` articles added): the usual rules are back. Returns the tidying
   * they call for, one short step per call, true while there is more.
   */
  end(written: number): () => boolean;
}

function setting(db: Database.Database) {
  // FTS5 takes these only as integers, and better-sqlite3 binds numbers as REALs.
  return db.prepare(`INSERT INTO article_index (article_index, rank) VALUES (?, ${BOUND_ID})`);
}

export function mergeRules(db: Database.Database): MergeRules {
  const stored = new Map(
    (db.prepare("SELECT k, v FROM article_index_config WHERE k IN ('automerge', 'crisismerge')").all() as { k: string; v: number }[]).map(
      ({ k, v }) => [k, Number(v)],
    ),
  );
  return {
    automerge: stored.get('automerge') ?? USUAL_MERGE_RULES.automerge,
    crisismerge: stored.get('crisismerge') ?? USUAL_MERGE_RULES.crisismerge,
  };
}

export function setMergeRules(db: Database.Database, rules: MergeRules): void {
  const current = mergeRules(db);
  if (current.automerge === rules.automerge && current.crisismerge === rules.crisismerge) return;
  const set = setting(db);
  db.transaction(() => {
    set.run('automerge', rules.automerge);
    set.run('crisismerge', rules.crisismerge);
  })();
}

/**
 * The usual rules back, if an import that ended without finishing left them raised. Another
 * process importing into the same file at that moment only loses its speed-up.
 */
export function restoreMergeRules(db: Database.Database): void {
  setMergeRules(db, USUAL_MERGE_RULES);
}

/** Which tidying an import of `imported` articles calls for, in a library that now holds `articles`. */
export function tidyModeAfter(imported: number, articles: number): TidyMode {
  return imported * 2 >= articles ? 'whole' : 'levels';
}

/**
 * Merges one step's worth of the index (PAGES_PER_STEP), in its own transaction; false once there
 * was nothing left to merge. 'whole' merges every segment into one; 'levels' merges the levels
 * holding as many segments as the usual rule allows (FTS5's `usermerge`, 4).
 */
export function tidyStep(db: Database.Database, mode: TidyMode): boolean {
  const changes = db.prepare('SELECT total_changes()').pluck();
  const before = changes.get() as number;
  // A negative count asks FTS5 for an incremental 'optimize': every segment merged into one.
  setting(db).run('merge', mode === 'whole' ? -PAGES_PER_STEP : PAGES_PER_STEP);
  // The command itself counts as one change; a merge that wrote anything counts more.
  return (changes.get() as number) - before > 1;
}

/**
 * Large writes begin: merging sixteen segments at a time until end(), which puts the usual rules
 * back and returns the tidying the written articles call for in a library of `libraryArticles()`.
 */
export function startBulkWrites(db: Database.Database, libraryArticles: () => number): BulkWrites {
  setMergeRules(db, BULK_MERGE_RULES);
  return {
    end: (written) => {
      restoreMergeRules(db);
      const mode = tidyModeAfter(written, libraryArticles());
      return () => db.open && tidyStep(db, mode);
    },
  };
}

/**
 * `write` (which commits as it goes and returns how many articles it wrote) in bulk, then the
 * tidying at once: for work that blocks anyway (Library.open's re-index queue). Imports tidy in
 * steps between which they yield (importer.ts).
 */
export function writeInBulk(db: Database.Database, write: () => number, libraryArticles: () => number): number {
  const bulk = startBulkWrites(db, libraryArticles);
  let written: number;
  try {
    written = write();
  } catch (error) {
    bulk.end(0);
    throw error;
  }
  const tidy = bulk.end(written);
  while (tidy());
  return written;
}

/** How many segments the index is made of (tests and benchmarks: reads one row per leaf page's first term). */
export function segmentCount(db: Database.Database): number {
  return db.prepare('SELECT count(DISTINCT segid) FROM article_index_idx').pluck().get() as number;
}
