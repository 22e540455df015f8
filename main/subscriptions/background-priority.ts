/**
 * The refresh's threads step aside for the window's. A first refresh keeps the refresh thread and
 * a parse thread busy for a while, which on two cores leaves the main process's thread (Electron's,
 * drawing the window and answering it) waiting for a core now and then: up to ~100 ms measured. On
 * Linux every thread has its own nice value, and setpriority() on a thread's id changes only that
 * thread; the id is what /proc/thread-self names. Elsewhere, or where it is not allowed, the thread
 * keeps its priority: the refresh still works, only less politely.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function runThisThreadInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // No /proc, or not permitted: nothing to change.
  }
}
