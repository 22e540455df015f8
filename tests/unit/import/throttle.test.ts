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

  it('sends an urgent value at once, within the interval, in place of the one held back', () => {
    let now = 0;
    const sent: string[] = [];
    const t = throttle<string>((v) => sent.push(v), 100, () => now, (v) => v.startsWith('stage'));
    t.push('file 1');
    now = 10;
    t.push('file 2'); // held back
    now = 20;
    t.push('stage: index'); // a new stage: sent now, not at the next push or the flush
    expect(sent).toEqual(['file 1', 'stage: index']);
    t.flush();
    expect(sent).toEqual(['file 1', 'stage: index']);
  });
});
