/**
 * The refresh's threads run below normal priority, and only they: on Linux, a feed parse thread
 * lowers its own nice value when it starts, while the process's other threads (in the app,
 * Electron's main thread drawing the window) keep theirs.
 */
import fs from 'node:fs';
import os from 'node:os';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { feedParseWorkerScript } from '../../../main/subscriptions/parse-pool';

const BELOW_NORMAL = os.constants.priority.PRIORITY_BELOW_NORMAL;
const threads = () => fs.readdirSync(`/proc/${process.pid}/task`).map(Number);

describe.runIf(process.platform === 'linux')('the refresh in the background', () => {
  it('a feed parse thread runs below normal priority; the process does not', async () => {
    const before = new Map(threads().map((tid) => [tid, os.getPriority(tid)]));
    const worker = new Worker(feedParseWorkerScript());
    try {
      await once(worker, 'message'); // "ready": sent once its priority is set
      const started = threads().filter((tid) => !before.has(tid));
      expect(started.map((tid) => os.getPriority(tid))).toContain(BELOW_NORMAL);
      // Every thread that was there before keeps its priority, the process's own included.
      for (const [tid, priority] of before) if (fs.existsSync(`/proc/${process.pid}/task/${tid}`)) expect(os.getPriority(tid)).toBe(priority);
      expect(os.getPriority(process.pid)).not.toBe(BELOW_NORMAL);
    } finally {
      await worker.terminate();
    }
  });
});
