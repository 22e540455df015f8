/**
 * A second thread that takes part in a large library's searches (search.ts searchInParallel): it
 * finds where its share of the newest matches ends, ranks that share, counts matches and makes
 * snippets, while the library's own thread does the rest. Ranking every match of a common word is
 * most of a search's time in a large library (a third of a news library matches السعودية), and
 * two rankings of disjoint ranges merge exactly: the score takes its IDFs and average length from
 * the whole index, whatever range it ranks.
 *
 * Asynchronous on purpose: the library's thread does its own part while the helper works, then
 * awaits the answer without blocking (in the app that thread is Electron's main thread). When the
 * helper is not ready, fails or is late, the answer is null and the library does that part
 * itself: a search never depends on the helper.
 */
import { Worker } from 'node:worker_threads';
import type { Snippet } from '../text/snippet';
import type { ParsedQuery } from './query';
import type { IdRange, MatchRequest, RangeRanking, RankRequest } from './rank';
import type { RankAnswer, RankCall, RankWorkerInput } from './rank-protocol';
import { workerScript } from '../worker-script';

/** Far longer than any ranking takes; past it the helper is presumed stuck and not asked again. */
const ANSWER_TIMEOUT_MS = 5_000;

const RANK_WORKER = { bundle: 'rank-worker', source: './rank-worker-source.mjs' };

type State = 'starting' | 'ready' | 'stopped';

export class RankHelper {
  private readonly worker: Worker;
  private state: State = 'starting';
  private readonly started: Promise<boolean>;
  private readonly stopped: Promise<void>;
  private readonly pending = new Map<number, (answer: RankAnswer | null) => void>();
  private seq = 0;

  constructor(input: RankWorkerInput) {
    this.worker = new Worker(workerScript(RANK_WORKER, import.meta.url), { workerData: input });
    // The thread must not keep a process alive that has nothing else to do.
    this.worker.unref();
    let settleStart: (ready: boolean) => void = () => {};
    this.started = new Promise((resolve) => (settleStart = resolve));
    this.worker.on('message', (answer: RankAnswer) => {
      if ('ready' in answer) {
        if (this.state === 'starting') this.state = answer.ready ? 'ready' : 'stopped';
        settleStart(this.state === 'ready');
        return;
      }
      const resolve = this.pending.get(answer.seq);
      this.pending.delete(answer.seq);
      resolve?.(answer);
    });
    this.stopped = new Promise((resolve) => {
      this.worker.on('exit', () => {
        this.stop();
        settleStart(false);
        resolve();
      });
    });
    // An error ends the thread ('exit' follows): the searches waiting on it get null.
    this.worker.on('error', () => this.stop());
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Resolves true once the helper can take requests, false if it could not start. */
  whenReady(): Promise<boolean> {
    return this.started;
  }

  /** The helper's ranking of the request, or null when it has none to give. */
  async rank(request: RankRequest): Promise<RangeRanking | null> {
    const answer = await this.call((seq) => ({ seq, request }));
    return answer !== null && 'ranking' in answer ? answer.ranking : null;
  }

  /**
   * The match after the `newer` newest of the request's range ({id: null} when there are no more
   * than `newer`), found on the helper's thread; null when it has no answer.
   */
  async matchAfterNewest(request: MatchRequest, newer: number): Promise<{ id: number | null } | null> {
    const answer = await this.call((seq) => ({ seq, newest: { request, newer } }));
    return answer !== null && 'newest' in answer ? { id: answer.newest } : null;
  }

  /** How many matches the ranges hold, counted on the helper's thread; null when it has no answer. */
  async total(request: MatchRequest, ranges: IdRange[]): Promise<number | null> {
    const answer = await this.call((seq) => ({ seq, total: { request, ranges } }));
    return answer !== null && 'total' in answer ? answer.total : null;
  }

  /** Snippets of the articles' texts (match-snippet.ts), one per id; null when it has no answer. */
  async snippets(parsed: ParsedQuery, ids: number[]): Promise<(Snippet | null)[] | null> {
    const answer = await this.call((seq) => ({ seq, snippets: { parsed, ids } }));
    return answer !== null && 'snippets' in answer ? answer.snippets : null;
  }

  private call(message: (seq: number) => RankCall): Promise<RankAnswer | null> {
    if (this.state !== 'ready') return Promise.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        this.stop();
        resolve(null);
      }, ANSWER_TIMEOUT_MS);
      timer.unref();
      this.pending.set(seq, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.worker.postMessage(message(seq));
    });
  }

  /** No more requests; the thread closes its connection and ends. */
  close(): Promise<void> {
    if (this.state === 'ready') this.worker.postMessage({ close: true } satisfies RankCall);
    else void this.worker.terminate();
    this.stop();
    return this.stopped;
  }

  private stop(): void {
    this.state = 'stopped';
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }
}
