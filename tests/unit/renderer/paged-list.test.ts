import { describe, expect, it } from 'vitest';
import { PagedList } from '../../../renderer/paged-list';
import type { Page } from '../../../common';

/** A fake API over `total` numbered rows that records which pages were asked for. */
function api(total: number) {
  const calls: number[] = [];
  const pending: Array<() => void> = [];
  const load = (offset: number, limit: number): Promise<Page<number>> => {
    calls.push(offset);
    return new Promise((resolve) => {
      pending.push(() => resolve({ total, offset, items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i) }));
    });
  };
  const flush = async () => {
    while (pending.length > 0) pending.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { calls, load, flush };
}

describe('PagedList', () => {
  it('fetches only the pages around the rows in view, and keeps a bounded number of them', async () => {
    const fake = api(100_000);
    let changes = 0;
    const list = new PagedList(fake.load, { pageSize: 50, maxPages: 6, onChange: () => changes++, onError: () => undefined });
    const started = list.start();
    await fake.flush();
    await started;
    expect(list.total).toBe(100_000);
    expect(list.get(10)).toBe(10);
    expect(list.get(60)).toBeUndefined();

    list.ensure(50_000, 50_020);
    expect(fake.calls.slice(1)).toEqual([49_950, 50_000, 50_050]);
    await fake.flush();
    expect(list.get(50_010)).toBe(50_010);
    expect(changes).toBeGreaterThan(1);

    // Far jumps evict far pages: memory stays bounded whatever the library's size.
    for (let row = 0; row < 100_000; row += 10_000) {
      list.ensure(row, row + 20);
      await fake.flush();
    }
    const loaded = Array.from({ length: 2000 }, (_, page) => list.get(page * 50) !== undefined).filter(Boolean).length;
    expect(loaded).toBeLessThanOrEqual(6);
  });

  it('drops answers that arrive after it was closed (a newer search replaced it)', async () => {
    const fake = api(10);
    let changes = 0;
    const list = new PagedList(fake.load, { onChange: () => changes++, onError: () => undefined });
    void list.start();
    list.close();
    await fake.flush();
    expect(changes).toBe(0);
    expect(list.get(0)).toBeUndefined();
  });
});
