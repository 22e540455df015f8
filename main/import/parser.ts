/**
 * What an importer is: a file as the importers see it, the context a container gives the files it
 * holds, and the parser that turns a file of one format into articles. The registry of parsers by
 * format is formats.ts.
 */
import type { NewArticle } from '../../common';
import type { FailureReason } from './errors';

/** Everything sniff.ts can tell apart. Only some have parsers. */
export type Format =
  | 'txt' | 'md' | 'html' | 'mhtml' | 'feed' | 'json feed' | 'json' | 'xml' | 'epub' | 'zip'
  | 'pdf' | 'image' | 'audio' | 'video' | 'office document' | 'rtf' | 'archive';

export interface SourceFile {
  /** Where it came from, as shown in failures and stored as `origin`: a path, or `path › entry`. */
  path: string;
  /** The file's own name, for its extension and as a last-resort title. */
  name: string;
  bytes: Uint8Array;
  /**
   * Reads a file the page refers to by a relative path (a saved page's `X_files/` folder), or null
   * when there is none, it is too large, or the path leaves the file's own folder. Only files read
   * from disk (or containers that can resolve their own entries) provide it.
   */
  readRelative?(relativePath: string): Uint8Array | null;
}

export interface ParseContext {
  /** Containers (zip, folders inside them) report an entry that failed without failing the whole file. */
  fail(entry: string, reason: FailureReason): void;
  /**
   * Sniff and parse a file found inside a container, as if it had been imported on its own; its
   * failures are recorded under its own path (give it `container › entry`), never thrown.
   */
  parseEntry(entry: SourceFile): Promise<NewArticle[]>;
}

/** Throws ImportError with a user-facing reason when the file cannot become an article. */
export type Parser = (file: SourceFile, context: ParseContext) => NewArticle[] | Promise<NewArticle[]>;
