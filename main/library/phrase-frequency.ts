/**
 * How many articles hold each phrase of a query: what the ranking function's IDF is made of
 * (rank.ts, sahifa_rank.c). bm25() counts them exactly by walking the whole library's list of each
 * phrase, 10-25 ms for a common word at a million articles; this counts the newest articles only,
 * as many as it takes to meet SAMPLE_MATCHES of the phrase, and scales the count to the library:
 *   - a phrase held by fewer than SAMPLE_MATCHES articles in all is counted exactly;
 *   - one held by more is estimated from at least SAMPLE_MATCHES of them, about 3% off (one in
 *     the square root of the sample), which moves its IDF by a few hundredths: it weighs a word as
 *     it is used in the newest articles;
 *   - a word* prefix is counted exactly: FTS5 merges every word it begins for each statement, so
 *     counting part of the library would cost as much as counting all of it.
 * The ids are taken as evenly spread over the library (deleted articles leave gaps in them).
 */
import type { ScoredPhrase } from './query';
import { NO_FILTER, type RangeRanker } from './rank';

/** Matches of a phrase counted before its share of the library is trusted. */
export const SAMPLE_MATCHES = 1_000;
/** Newest ids counted first; a further try counts as many as the first suggests, with a margin. */
const FIRST_SPAN = 16_384;
const MARGIN = 1.25;
/** Each statement costs 0.05-0.2 ms before it counts anything: a try at least doubles the span. */
const LEAST_GROWTH = 2;

export interface IdBounds {
  low: number;
  high: number;
}

export class PhraseFrequencies {
  /** Counts with the ranker's own statement: a phrase alone is a match expression. */
  constructor(private readonly ranker: RangeRanker) {}

  /** One figure for each phrase, in order; excluded phrases get 0 (no match holds them). */
  estimate(phrases: readonly ScoredPhrase[], { low, high }: IdBounds): number[] {
    return phrases.map((phrase) => {
      if (phrase.excluded) return 0;
      if (phrase.prefix) return this.inRange(phrase.expression, low, high);
      for (let span = FIRST_SPAN; ; ) {
        const from = high - span + 1;
        if (from <= low) return this.inRange(phrase.expression, low, high);
        const found = this.inRange(phrase.expression, from, high);
        if (found >= SAMPLE_MATCHES) return (found * (high - low + 1)) / span;
        span = Math.ceil(span * Math.max(LEAST_GROWTH, found === 0 ? Infinity : (MARGIN * SAMPLE_MATCHES) / found));
      }
    });
  }

  private inRange(expression: string, from: number, to: number): number {
    return this.ranker.count({ matchExpression: expression, filter: NO_FILTER, range: { from, to } });
  }
}
