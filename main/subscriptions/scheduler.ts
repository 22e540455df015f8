/**
 * The background refresh loop: every feed on its own schedule (refresh.ts's nextCheck: its
 * interval, what it asked, backoff, jitter), within the limits on parallel requests and requests
 * per host; "refresh now" for everything, some feeds or a folder's feeds; stop() ends it cleanly
 * (requests in flight are cancelled, nothing half-written: each feed's items are one transaction).
 */
import type { Library } from '../library/library';
import { activeFeedIds, dueFeedIds, refreshContext, refreshFeeds, type FeedOutcome, type RefreshSummary } from './refresh';

/** However far the next feed is, the loop looks again this often (a feed added meanwhile). */
const MAX_SLEEP_MS = 60_000;

export interface SchedulerOptions {
  parallel?: number;
  perHost?: number;
  /** Feed parse threads per run (parse-pool.ts); none by default. */
  parseThreads?: number;
  onFeed?: (outcome: FeedOutcome) => void;
  onRun?: (summary: RefreshSummary) => void;
  now?: () => number;
}

export class RefreshScheduler {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private wanted: number[] | 'all' | null = null;

  constructor(private readonly library: Library, private readonly options: SchedulerOptions = {}) {}

  start(): void {
    this.wake(0);
  }

  /** Fetch these feeds (every active one when omitted) now, whatever their schedule. */
  refreshNow(feedIds?: number[]): void {
    if (feedIds === undefined || this.wanted === 'all') this.wanted = 'all';
    else this.wanted = [...new Set([...(this.wanted ?? []), ...feedIds])];
    this.wake(0);
  }

  /** Stops: no new requests, those in flight cancelled; resolves once the last write is done. */
  async stop(): Promise<void> {
    this.controller.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  private wake(ms: number): void {
    if (this.controller.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running.then(() => this.runOnce());
    }, ms);
    this.timer.unref?.();
  }

  private async runOnce(): Promise<void> {
    if (this.controller.signal.aborted) return;
    const now = this.options.now?.() ?? Date.now();
    const asked = this.wanted;
    this.wanted = null;
    const due = new Set(dueFeedIds(this.library, now));
    if (asked === 'all') for (const id of activeFeedIds(this.library)) due.add(id);
    else for (const id of asked ?? []) due.add(id);
    if (due.size > 0) {
      const ctx = refreshContext(this.library, { signal: this.controller.signal, perHost: this.options.perHost, parseThreads: this.options.parseThreads });
      try {
        const summary = await refreshFeeds(ctx, [...due], { parallel: this.options.parallel, perHost: this.options.perHost, onFeed: this.options.onFeed });
        this.options.onRun?.(summary);
      } finally {
        ctx.close();
      }
    }
    this.wake(this.sleepMs());
  }

  /** Until the earliest next check, at most MAX_SLEEP_MS. */
  private sleepMs(): number {
    const now = this.options.now?.() ?? Date.now();
    let earliest = now + MAX_SLEEP_MS;
    for (const feed of this.library.feeds().list()) {
      if (feed.paused !== null) continue;
      const at = feed.nextCheck === null ? now : Date.parse(feed.nextCheck);
      if (at < earliest) earliest = at;
    }
    return Math.max(1000, earliest - now);
  }
}
