/**
 * What the main thread and the import worker (main/import/worker.ts) say to each other. Messages
 * are structured-cloned, so they stay small: progress at most ten times a second, and the report
 * once at the end.
 */
import type { ImportReport } from '../../common';
import type { ImportProgress } from './importer';

/** A file the renderer read itself (drops, the browser mode's file input), as the contract sends it. */
export interface EncodedFile {
  name: string;
  base64: string;
}

/** What to import: files and folders by path, or file contents. */
export type ImportRequest = { paths: string[] } | { files: EncodedFile[] };

/** The worker's `workerData`. */
export interface WorkerInput {
  libraryFile: string;
  /** The better-sqlite3 native module the main process loaded (Electron has its own build). */
  nativeBinding: string | undefined;
  request: ImportRequest;
  batchSize: number;
  progressIntervalMs: number;
}

export type WorkerCommand = { type: 'cancel' };

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  /** The import could not run or stopped (the library cannot be opened, the disk is full...). */
  | { type: 'failed'; message: string; libraryError: boolean };
