/**
 * The refresh's group commit: feeds read at about the same time are written in one transaction, and
 * a feed whose write fails loses only its own rows, never a neighbour's.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteBatch } from '../../../main/subscriptions/write-batch';

let db: Database.Database;
let commits: number;

beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE items (feed INTEGER, title TEXT NOT NULL)');
  commits = 0;
});
afterEach(() => db.close());

function batch(): WriteBatch {
  return new WriteBatch((run) => {
    const result = db.transaction(run)();
    if (!db.inTransaction) commits++;
    return result;
  });
}

const insert = (feed: number, title: string | null) => () => db.prepare('INSERT INTO items VALUES (?, ?)').run(feed, title).changes;
const titles = () => db.prepare('SELECT feed, title FROM items ORDER BY rowid').all();

describe('a refresh writes feeds read together in one commit', () => {
  it('writes asked for in the same turn share one transaction, and each gets its own answer', async () => {
    const writes = batch();
    const answers = await Promise.all([writes.write(insert(1, 'أ')), writes.write(insert(2, 'ب')), writes.write(insert(3, 'ج'))]);
    expect(answers).toEqual([1, 1, 1]);
    expect(commits).toBe(1);
    expect(titles()).toEqual([
      { feed: 1, title: 'أ' },
      { feed: 2, title: 'ب' },
      { feed: 3, title: 'ج' },
    ]);
    // A later turn is a later transaction.
    await writes.write(insert(4, 'د'));
    expect(commits).toBe(2);
  });

  it('a write that fails part way is rolled back alone; the others in its transaction are kept', async () => {
    const writes = batch();
    const failing = () => {
      insert(2, 'written before the failure')();
      return insert(2, null)(); // NOT NULL: throws after a row of its own was written
    };
    const results = await Promise.allSettled([writes.write(insert(1, 'قبل')), writes.write(failing), writes.write(insert(3, 'بعد'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(titles()).toEqual([
      { feed: 1, title: 'قبل' },
      { feed: 3, title: 'بعد' },
    ]);
  });

  it('when the commit itself fails, every write of the batch is told and nothing is written', async () => {
    const writes = new WriteBatch(() => {
      throw new Error('disk full');
    });
    const results = await Promise.allSettled([writes.write(insert(1, 'أ')), writes.write(insert(2, 'ب'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(titles()).toEqual([]);
  });
});
