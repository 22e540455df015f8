import { describe, expect, it } from 'vitest';
import { throttle } from '../../../main/import/throttle';

describe('throttle', () => {
  it('sends the first value at once, then at most one per interval, the latest, and flushes the last', () => {
    let now = 0;
    const sent: number[] = [];
    const t = throttle<number>((v) => sent.push(v), 100, () => now);
    t.push(1); // sent: the bar shows at once
    now = 30;
    t.push(2);
    now = 60;
    t.push(3); // held back
    now = 100;
    t.push(4); // an interval after the first: sent, and 2 and 3 are never sent
    now = 150;
    t.push(5);
    t.flush();
    t.flush(); // nothing left
    expect(sent).toEqual([1, 4, 5]);
  });
});
