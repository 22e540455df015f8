/**
 * The main process's handle on the refresh worker (worker.ts): start it with the library, ask it
 * to refresh now, hear about each feed, and stop it when the app closes — stop() resolves once
 * the worker has finished its last write and closed its connection.
 */
import { Worker } from 'node:worker_threads';
import { workerScript as locateWorkerScript } from '../worker-script';
import { OpmlError, type OpmlReport } from './opml';
import type { FeedOutcome, RefreshSummary } from './refresh';
import type { RefreshCommand, RefreshMessage, RefreshWorkerInput } from './worker-protocol';

export function refreshWorkerScript(moduleUrl: string = import.meta.url): string {
  return locateWorkerScript({ bundle: 'refresh-worker', source: './worker-source.mjs' }, moduleUrl);
}

export interface RefreshThreadOptions extends Omit<RefreshWorkerInput, 'libraryFile'> {
  onFeed?: (outcome: FeedOutcome) => void;
  onRun?: (summary: RefreshSummary) => void;
  onError?: (message: string) => void;
  script?: string;
}

export class RefreshThread {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly imports = new Map<number, { resolve: (report: OpmlReport) => void; reject: (error: Error) => void }>();
  private nextRequest = 1;

  constructor(libraryFile: string, options: RefreshThreadOptions = {}) {
    const { onFeed, onRun, onError, script, ...input } = options;
    const data: RefreshWorkerInput = { libraryFile, ...input };
    const file = script ?? refreshWorkerScript();
    // A bundle needs no loader: a parent run through tsx would pass tsx on to the thread, which
    // then compiles the packages the bundle requires (parse5, jsdom) on the fly, a third slower.
    const bundled = /[\\/]out[\\/](main|cli)[\\/][^\\/]+\.[cm]js$/.test(file);
    this.worker = new Worker(file, { workerData: data, ...(bundled ? { execArgv: [] } : {}) });
    this.worker.on('message', (message: RefreshMessage) => {
      if (message.type === 'feed') onFeed?.(message.outcome);
      else if (message.type === 'run') onRun?.(message.summary);
      else if (message.type === 'failed') onError?.(message.message);
      else if (message.type === 'opml-imported' || message.type === 'opml-failed') {
        const pending = this.imports.get(message.request);
        this.imports.delete(message.request);
        if (message.type === 'opml-imported') pending?.resolve(message.report);
        else pending?.reject(message.opml ? new OpmlError(message.message) : new Error(message.message));
      }
    });
    this.worker.on('error', (error) => onError?.(error.message));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        for (const pending of this.imports.values()) pending.reject(new Error('the refresh thread has stopped'));
        this.imports.clear();
        resolve();
      }),
    );
  }

  refreshNow(feeds?: number[]): void {
    this.send({ type: 'refresh-now', feeds });
  }

  /** Subscribes to the feeds of an OPML file on the thread (and fetches them there): its report. */
  importOpml(name: string, bytes: Uint8Array): Promise<OpmlReport> {
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.imports.set(request, { resolve, reject });
      this.send({ type: 'import-opml', request, name, bytes });
    });
  }

  /** Stops refreshing; resolves when the thread is gone. */
  async stop(): Promise<void> {
    this.send({ type: 'stop' });
    await this.exited;
  }

  private send(command: RefreshCommand): void {
    this.worker.postMessage(command);
  }
}
