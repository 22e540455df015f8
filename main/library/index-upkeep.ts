/**
 * How the full-text index makes and keeps its segments, and how large writes (an import, a
 * re-index) go faster.
 *
 * FTS5 gathers the words of the rows written in memory and writes them out as a new segment at the
 * end of a transaction, when they pass `hashsize`, or when another statement opens a savepoint
 * (articles.ts writes a batch's index rows together for that reason). It merges segments as they
 * pile up: by default, four of a level into one of the next (`automerge`). A million articles
 * imported 500 a transaction are 2,000 segments, so every word is written again at each of five or
 * six levels. And what is left at the end, some twenty segments, is read by every search: each
 * term looked up in each segment, each match merged from them.
 *
 * So:
 *   - the index always gathers up to 8 MB of words (`hashsize`; FTS5's default is 1 MB), so that a
 *     batch of 500 articles is one segment rather than three or four;
 *   - large writes merge sixteen at a time while they run, which writes each word about half as
 *     often, and the index is tidied when they end (tidyStep):
 *       - when the new articles are at least half the library, the whole index is merged into one
 *         segment: one more pass over what was just written, and searches read one segment;
 *       - otherwise only the levels that hold four or more segments are merged, as the usual rule
 *         would have: the library's older, larger segments are not written again for a few new
 *         articles.
 * Tidying goes in steps of PAGES_PER_STEP, each its own transaction: a write from another
 * connection (a bookmark while an import finishes) waits for one step, not the whole merge.
 *
 * The rules are stored in the index (its config table), so a process that ends mid-import leaves
 * them raised: Library.open puts them back (restoreSegmentRules), and gives a library from before
 * the larger `hashsize` its own.
 */
import type Database from 'better-sqlite3';
import { BOUND_ID } from './rank';

interface SegmentRules {
  /** Segments of one level merged into the next as writes go on. */
  automerge: number;
  /** Segments of one level that force a merge at once, within the writing transaction. */
  crisismerge: number;
  /** Bytes of words gathered in memory before they are written out as a segment. */
  hashsize: number;
}

/** FTS5's own when a library does not say (fts5Int.h). */
const FTS5_DEFAULTS: SegmentRules = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };

/**
 * What the index keeps outside large writes: FTS5's merge rules, and 8 MB of words per segment. At
 * 100k articles imported 500 a transaction, 8 MB took 41.4 s and 67.7 s of CPU against 44.0 s and
 * 71.8 s with 1 MB; 4 and 16 MB gave the same as 8 (docs/benchmarks.md).
 */
export const USUAL_SEGMENT_RULES: SegmentRules = { ...FTS5_DEFAULTS, hashsize: 8 * 1024 * 1024 };

/**
 * During a large import. 16 rather than 4: each word is written again at about three levels
 * instead of five or six at a million articles. At 100k, when every article was a segment of its
 * own, it saved 12% of the CPU; with a batch a segment, 38.3 and 38.4 s against 38.9 s (not measured
 * at a million). 64 gave no more. The crisis limit is raised with it, or it would merge each level
 * at once, inside a batch's transaction, as soon as it reached 16.
 */
export const BULK_SEGMENT_RULES: SegmentRules = { ...USUAL_SEGMENT_RULES, automerge: 16, crisismerge: 64 };

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

const RULES = Object.keys(FTS5_DEFAULTS) as (keyof SegmentRules)[];

export function segmentRules(db: Database.Database): SegmentRules {
  const stored = new Map(
    (db.prepare(`SELECT k, v FROM article_index_config WHERE k IN (${RULES.map(() => '?').join(', ')})`).all(...RULES) as { k: string; v: number }[]).map(
      ({ k, v }) => [k, Number(v)],
    ),
  );
  const value = (rule: keyof SegmentRules): number => stored.get(rule) ?? FTS5_DEFAULTS[rule];
  return { automerge: value('automerge'), crisismerge: value('crisismerge'), hashsize: value('hashsize') };
}

export function setSegmentRules(db: Database.Database, rules: SegmentRules): void {
  const current = segmentRules(db);
  const changed = RULES.filter((rule) => current[rule] !== rules[rule]);
  if (changed.length === 0) return;
  const set = setting(db);
  db.transaction(() => {
    for (const rule of changed) set.run(rule, rules[rule]);
  })();
}

/**
 * The usual rules back, if an import that ended without finishing left them raised, or in place
 * for a library written before they were. Another process importing into the same file at that
 * moment only loses its speed-up.
 */
export function restoreSegmentRules(db: Database.Database): void {
  setSegmentRules(db, USUAL_SEGMENT_RULES);
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
  setSegmentRules(db, BULK_SEGMENT_RULES);
  return {
    end: (written) => {
      restoreSegmentRules(db);
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
