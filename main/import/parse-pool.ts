/**
 * Parse threads for an import: files are read, parsed and analysed on other threads
 * (parse-worker.ts) while the importing thread writes to the library, and the results come back
 * in file order, so ids stay in the order the files were found.
 *
 * - A window of files ahead of the one being written is in flight, within a count and a memory
 *   budget; the rest are not even read yet.
 * - Until a thread has started (a tenth of a second from the app's bundles, a few tenths from
 *   source through tsx), the importing thread parses the files itself: no import waits for one.
 * - A thread that dies (a hostile file exhausting its memory, a parser crashing it) costs only the
 *   file it was parsing, which fails with the reason; the files queued behind it go to a new thread.
 * - When no thread can start at all, the importing thread parses everything itself.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PreparedArticle } from '../library/prepare';
import { workerScript } from '../worker-script';
import { reason, type FailureReason } from './errors';
import { parseAndPrepare, readSource, type FileToParse, type ParsedFile } from './parse-file';
import type { ParseReply, ParseRequest } from './parse-protocol';
import { MAX_FILE_BYTES } from './sniff';

/** Where the parse thread's code is (see main/worker-script.ts). */
export function parseWorkerScript(moduleUrl: string = import.meta.url): string {
  return workerScript({ bundle: 'parse-worker', source: './parse-worker-source.mjs' }, moduleUrl);
}

/**
 * One parse thread per core the importing thread leaves free, and at least two: a thread that
 * waits for the disk leaves its core idle, and the other parses meanwhile. On two cores, a million
 * files read cold took 485 s with two against 564 s with one; with the files already in memory,
 * two are 2% slower at 100k and 4% at 10k (docs/benchmarks.md). More than four would only wait for
 * the writer.
 */
export function defaultParseThreads(): number {
  return Math.max(2, Math.min(4, availableParallelism() - 1));
}

export interface ParsePoolOptions {
  threads: number;
  /** Files in flight ahead of the one being written, at most... */
  aheadFiles: number;
  /** ...and their bytes on disk, past the first one. */
  aheadBytes: number;
  /** Parse files here while no thread has started yet (default); tests wait, to know which thread parses what. */
  parseWhileStarting?: boolean;
  /** The parse thread's script; tests substitute one that crashes. */
  script?: string;
}

type Parsed = ParsedFile<PreparedArticle>;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve = (): void => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A file handed to the pool: parsed, on a thread, or waiting for one. */
interface Slot {
  index: number;
  file: FileToParse;
  thread: ParseThread | null;
  result: Parsed | null;
  /** Settles when the file is parsed or comes back from a thread that died. */
  changed: Deferred;
}

interface ParseThread {
  worker: Worker;
  ready: boolean;
  /** Files sent to it, oldest first: it answers them in that order. */
  queue: Slot[];
  error: Error | null;
}

/** The bytes a file holds in memory while in flight: none for files too large to be read. */
function weight(file: FileToParse): number {
  return file.size > MAX_FILE_BYTES ? 0 : file.size;
}

function crashReason(error: Error | null, exitCode: number): FailureReason {
  const detail = (error?.message.split('\n')[0] ?? '').slice(0, 200) || `exit code ${exitCode}`;
  return reason('parse-crashed', `could not import: parsing this file stopped its thread (${detail})`, { message: detail });
}

export class ParsePool {
  private readonly threads = new Set<ParseThread>();
  private readonly slots = new Map<number, Slot>();
  /** Files given back by a thread that died, waiting for another one, in file order. */
  private givenBack: Slot[] = [];
  /** The next file never handed to a thread. */
  private ahead = 0;
  /** The file being asked for; everything before it has been taken. */
  private current = 0;
  private bytesAhead = 0;
  private everReady = false;
  private closed = false;
  private readyChange = deferred();

  constructor(
    private readonly files: FileToParse[],
    private readonly options: ParsePoolOptions,
  ) {
    for (let i = 0; i < options.threads; i++) this.startThread();
  }

  /** File `index`'s articles and failures. Call in file order. */
  async parsed(index: number): Promise<Parsed> {
    this.current = index;
    for (;;) {
      this.fill();
      const slot = this.slots.get(index);
      if (slot?.result) {
        this.take(slot);
        return slot.result;
      }
      if (slot?.thread) {
        await slot.changed.promise;
        continue;
      }
      // Parsing here is as safe as an import without threads was; once threads have run, a file
      // that killed one is better left to another thread than risked on this one.
      if ((!this.everReady && this.options.parseWhileStarting !== false) || this.threads.size === 0) {
        if (slot) this.take(slot);
        // Taken here: a thread becoming ready meanwhile starts after it.
        this.current = index + 1;
        return parseAndPrepare(await readSource(this.files[index] as FileToParse));
      }
      await this.readyChange.promise;
    }
  }

  /** Stops the threads; files still in flight are dropped (an import cancelled, or over). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.threads].map((thread) => thread.worker.terminate()));
    this.threads.clear();
  }

  private take(slot: Slot): void {
    this.slots.delete(slot.index);
    this.bytesAhead -= weight(slot.file);
    if (this.givenBack.includes(slot)) this.givenBack = this.givenBack.filter((other) => other !== slot);
  }

  /** Hands files ahead of the current one to ready threads, within the window. */
  private fill(): void {
    if (!this.anyReady()) return;
    while (this.givenBack.length > 0) this.send(this.givenBack.shift() as Slot);
    // Files before the current one that no thread took were parsed here.
    if (this.ahead < this.current) this.ahead = this.current;
    const { aheadFiles, aheadBytes } = this.options;
    while (this.ahead < this.files.length && this.ahead - this.current < aheadFiles && (this.ahead === this.current || this.bytesAhead < aheadBytes)) {
      const file = this.files[this.ahead] as FileToParse;
      const slot: Slot = { index: this.ahead, file, thread: null, result: null, changed: deferred() };
      this.slots.set(slot.index, slot);
      this.bytesAhead += weight(file);
      this.send(slot);
      this.ahead++;
    }
  }

  private anyReady(): boolean {
    for (const thread of this.threads) if (thread.ready) return true;
    return false;
  }

  /** To the ready thread with the shortest queue. */
  private send(slot: Slot): void {
    let target: ParseThread | null = null;
    for (const thread of this.threads) if (thread.ready && (!target || thread.queue.length < target.queue.length)) target = thread;
    if (!target) throw new Error('no parse thread is ready');
    slot.thread = target;
    target.queue.push(slot);
    const { bytes, ...file } = slot.file;
    if (bytes) {
      // A copy, transferred: the original stays here in case this thread dies and another needs it.
      const copy = bytes.slice();
      const request: ParseRequest = { seq: slot.index, file: { ...file, bytes: copy } };
      target.worker.postMessage(request, [copy.buffer]);
    } else {
      const request: ParseRequest = { seq: slot.index, file };
      target.worker.postMessage(request);
    }
  }

  private startThread(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.options.script ?? parseWorkerScript());
    } catch {
      this.signalReadyChange();
      return;
    }
    const thread: ParseThread = { worker, ready: false, queue: [], error: null };
    this.threads.add(thread);
    worker.on('message', (reply: ParseReply) => {
      if (reply.type === 'ready') {
        thread.ready = true;
        this.everReady = true;
        this.fill();
        this.signalReadyChange();
        return;
      }
      const slot = thread.queue.shift();
      if (!slot || slot.index !== reply.seq) return; // cannot happen: a thread answers in order
      slot.result = { articles: reply.articles, failures: reply.failures, notes: reply.notes };
      slot.thread = null;
      slot.changed.resolve();
    });
    worker.on('error', (error) => {
      thread.error = error;
    });
    worker.on('exit', (code) => this.lost(thread, code));
  }

  private lost(thread: ParseThread, exitCode: number): void {
    this.threads.delete(thread);
    if (this.closed) return;
    const [culprit, ...queued] = thread.queue;
    thread.queue = [];
    if (culprit) {
      culprit.result = { articles: [], failures: [{ path: culprit.file.path, ...crashReason(thread.error, exitCode) }], notes: [] };
      culprit.thread = null;
      culprit.changed.resolve();
    }
    for (const slot of queued) {
      // Whoever waits for it looks again; the next wait is for its next thread.
      const changed = slot.changed;
      slot.changed = deferred();
      slot.thread = null;
      changed.resolve();
    }
    this.givenBack = [...queued, ...this.givenBack].sort((a, b) => a.index - b.index);
    // A thread that never started says threads cannot start here: the importing thread parses.
    if (thread.ready) this.startThread();
    this.fill();
    this.signalReadyChange();
  }

  private signalReadyChange(): void {
    const change = this.readyChange;
    this.readyChange = deferred();
    change.resolve();
  }
}
