/**
 * Feed parse threads for a refresh: reading a feed's XML, sanitizing each item's HTML and analysing
 * its words is most of a refresh's work, and it runs here on other threads while the refresh thread
 * waits on the network and writes to the library. On two cores, one thread parses while the other
 * fetches and writes; more would only wait for the writer.
 *
 * - Threads start on the first feed that needs reading (a refresh where every feed answers 304
 *   starts none) and stop with the refresh run (close()).
 * - A thread that dies (a hostile feed exhausting its memory) costs only the feed it was reading,
 *   which fails with the reason; the feeds queued behind it go to a new thread.
 * - The calling thread reads a feed itself only when every thread has left one waiting for
 *   STUCK_MS (a thread caught in a pathological feed): the refresh thread is the library's only
 *   writer, and writing the index is as much work as reading the feeds. Measured on 500 feeds × 50
 *   items, 2 cores: with the refresh thread reading whenever the parse thread had two feeds
 *   waiting, it was busy 97% of the time and the parse thread idle a third (21–23 s); with the
 *   reading left to the parse thread, 16.5–17.9 s.
 * - When no thread can start at all, feeds are read where parse() is called.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script';
import { NotAFeedError } from './feed-document';
import { parseForRefresh, type FeedParseRequest, type FeedParseResult } from './feed-parse';
import type { FeedParseMessage, FeedParseReply } from './parse-protocol';

/** Where the feed parse thread's code is (see main/worker-script.ts). */
export function feedParseWorkerScript(moduleUrl: string = import.meta.url): string {
  return workerScript({ bundle: 'feed-parse-worker', source: './parse-worker-source.mjs' }, moduleUrl);
}

/** One parse thread per core beyond the refresh thread's, at least one, at most three. */
export function defaultFeedParseThreads(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1));
}

/** Reads fetched feeds, on threads or in place. */
export interface FeedParser {
  parse(request: FeedParseRequest): Promise<FeedParseResult>;
  close(): Promise<void>;
}

/** Reads each feed where it is asked, on the calling thread. */
export const inPlaceParser: FeedParser = {
  parse: (request) => Promise.resolve().then(() => parseForRefresh(request)),
  close: () => Promise.resolve(),
};

/**
 * How long a thread may leave the oldest feed sent to it unanswered before it counts as stuck. A
 * feed of 50 items takes ~30 ms to read, and a refresh has at most a few in flight.
 */
const STUCK_MS = 2_000;

interface Pending {
  seq: number;
  /** When it was sent to a thread (performance.now()). */
  sentAt?: number;
  request: FeedParseRequest;
  resolve(result: FeedParseResult): void;
  reject(error: Error): void;
}

interface ParseThread {
  worker: Worker;
  ready: boolean;
  /** Requests sent to it, oldest first: it answers them in that order. */
  queue: Pending[];
  error: Error | null;
}

export class FeedParseCrashed extends Error {}

export class FeedParsePool implements FeedParser {
  private readonly threads = new Set<ParseThread>();
  private started = false;
  private closed = false;
  /** No thread could start: every feed is read in place. */
  private inPlace = false;
  private seq = 0;

  constructor(private readonly options: { threads: number; script?: string }) {}

  parse(request: FeedParseRequest): Promise<FeedParseResult> {
    if (this.closed) return Promise.reject(new Error('the refresh has stopped'));
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.options.threads; i++) this.startThread();
    }
    if (this.inPlace || this.threads.size === 0 || this.allStuck()) return inPlaceParser.parse(request);
    return new Promise((resolve, reject) => this.send({ seq: this.seq++, request, resolve, reject }));
  }

  private allStuck(): boolean {
    const now = performance.now();
    for (const thread of this.threads) {
      const oldest = thread.queue[0]?.sentAt;
      if (oldest === undefined || now - oldest < STUCK_MS) return false;
    }
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.threads];
    this.threads.clear();
    for (const thread of threads) for (const pending of thread.queue) pending.reject(new Error('the refresh has stopped'));
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  /** To the thread with the shortest queue (messages wait in a thread's port until it listens). */
  private send(pending: Pending): void {
    let target: ParseThread | null = null;
    for (const thread of this.threads) if (!target || thread.queue.length < target.queue.length) target = thread;
    if (!target) {
      inPlaceParser.parse(pending.request).then(pending.resolve, pending.reject);
      return;
    }
    pending.sentAt = performance.now();
    target.queue.push(pending);
    // A copy, transferred: the original stays here in case this thread dies and another needs it.
    const bytes = pending.request.bytes.slice();
    const message: FeedParseMessage = { seq: pending.seq, request: { ...pending.request, bytes } };
    target.worker.postMessage(message, [bytes.buffer]);
  }

  private startThread(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.options.script ?? feedParseWorkerScript());
    } catch {
      this.inPlace = this.threads.size === 0;
      return;
    }
    const thread: ParseThread = { worker, ready: false, queue: [], error: null };
    this.threads.add(thread);
    worker.on('message', (reply: FeedParseReply) => {
      if (reply.type === 'ready') {
        thread.ready = true;
        return;
      }
      const pending = thread.queue.shift();
      if (!pending || pending.seq !== reply.seq) return; // cannot happen: a thread answers in order
      if (reply.type === 'parsed') pending.resolve(reply.result);
      else pending.reject(reply.notAFeed ? new NotAFeedError(reply.message) : new Error(reply.message));
    });
    worker.on('error', (error) => {
      thread.error = error;
    });
    worker.on('exit', (code) => this.lost(thread, code));
  }

  private lost(thread: ParseThread, exitCode: number): void {
    if (!this.threads.delete(thread) || this.closed) return;
    const [culprit, ...queued] = thread.queue;
    thread.queue = [];
    if (!thread.ready) {
      // A thread that never started says none will: the others take its feeds, else they are read in place.
      if (this.threads.size === 0) this.inPlace = true;
      for (const pending of [culprit, ...queued]) if (pending) this.send(pending);
      return;
    }
    const detail = (thread.error?.message.split('\n')[0] ?? '').slice(0, 200) || `exit code ${exitCode}`;
    culprit?.reject(new FeedParseCrashed(`reading this feed stopped its thread (${detail})`));
    this.startThread();
    for (const pending of queued) this.send(pending);
  }
}
