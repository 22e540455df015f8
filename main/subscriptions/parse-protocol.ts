/** What the refresh thread and a feed parse thread (parse-worker.ts) say to each other. */
import type { FeedParseRequest, FeedParseResult } from './feed-parse';

export interface FeedParseMessage {
  seq: number;
  request: FeedParseRequest;
}

export type FeedParseReply =
  /** The thread has loaded its code. */
  | { type: 'ready' }
  | { type: 'parsed'; seq: number; result: FeedParseResult }
  /** Reading the feed threw: the feed's failure, with the error's kind so it can be told apart. */
  | { type: 'failed'; seq: number; message: string; notAFeed: boolean };
