/**
 * Group commit for a refresh: the writes of feeds read at about the same time are committed in one
 * transaction. Every commit flushes the full-text index's pending words into a new segment, which
 * later merges read and write again, so a commit per feed of 50 items costs the writing thread far
 * more than a commit per few feeds. Each feed's writes still stand or fall on their own: inside the
 * shared transaction each runs in its own savepoint (better-sqlite3 nests transactions so), and one
 * that throws is rolled back alone and rejects only its own promise.
 */

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class WriteBatch {
  private pending: Pending[] = [];
  private scheduled = false;

  /** `inTransaction` runs its argument as one transaction (FeedStore.inTransaction). */
  constructor(private readonly inTransaction: <T>(run: () => T) => T) {}

  /**
   * Runs `work` (synchronous, writing) in the next shared transaction: the one committed once the
   * thread has taken every message already waiting, so feeds read meanwhile join it.
   */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const outcomes: Outcome[] = [];
    try {
      this.inTransaction(() => {
        for (const { work } of batch) {
          try {
            // Its own savepoint: what it wrote before throwing goes with it.
            outcomes.push({ ok: true, value: this.inTransaction(work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (the disk is full, the library was closed): nothing was written.
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }
}
