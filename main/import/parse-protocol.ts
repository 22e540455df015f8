/**
 * What the importing thread and a parse thread (parse-worker.ts) say to each other: one request
 * per file, one reply per file, in the order the files were sent.
 */
import type { PreparedArticle } from '../library/prepare';
import type { FileToParse, ParsedFile } from './parse-file';

/** A file to read and parse. Its bytes, when it has them (importBuffers), are a transferred copy. */
export interface ParseRequest {
  seq: number;
  file: FileToParse;
}

export type ParseReply =
  /** The thread has loaded its code and takes files. */
  | { type: 'ready' }
  | ({ type: 'parsed'; seq: number } & ParsedFile<PreparedArticle>);
