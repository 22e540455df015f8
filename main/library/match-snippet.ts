/**
 * A search hit's snippet from its article's text: the words the query matches, and the window of
 * text around the densest of them. Built on the library's thread, and on the rank helper's for half
 * of each page of a large library's search (search.ts).
 */
import { makeSnippet, type Snippet } from '../text/snippet';
import { tokenize } from '../text/tokenize';
import { findMatches } from './highlight';
import type { ParsedQuery } from './query';

/** The snippet around the query's matches in `text`; null when the text holds none (a hit found by its notes). */
export function matchSnippet(text: string, parsed: ParsedQuery): Snippet | null {
  const tokens = tokenize(text);
  const matches = findMatches(text, parsed, tokens);
  return matches.length === 0 ? null : makeSnippet(text, matches, { tokens });
}
