/**
 * What no ranking can do better than on the known-item measurement (bench/known-item.ts), and which
 * misses are the same story under another paper's headline.
 *
 * The measurement draws an article at random and types `count` of its headline's distinct content
 * words, in headline order (known-item-queries.ts). Given the query, the chance that it was made
 * from a headline with c such words that holds the query's words in that order is 1 / C(c, count),
 * and 0 for any other headline; nothing else about an article (its body, its date, its paper)
 * changes that chance. So the best any ranking can expect is to order headlines by that chance and
 * to guess among equal ones: with m headlines likelier than the article's and k as likely (its own
 * included), its expected reciprocal rank is the mean of 1/(m+1) … 1/(m+k). The mean of that over
 * the queries is the measurement's ceiling for MRR.
 *
 * Tie classes: two headlines are "identical" when their words analyze the same (the index's
 * normalization: hamza, ta marbuta, alef maqsura, harakat and punctuation aside), and
 * "near-identical" when their content words' stems overlap by at least NEAR_IDENTICAL (Jaccard):
 * the same story rewritten by another paper (حرس الحدود ينقذ… ×3).
 */
import { analyzeWord } from '../main/text/analyze';
import { tokenize } from '../main/text/tokenize';
import { headlineWords } from './known-item-queries';

export const NEAR_IDENTICAL = 0.75;

interface Headline {
  /** Every word's analyzed surface, joined by spaces. */
  normalized: string;
  /** The distinct content words' surfaces, in headline order (what queries are drawn from). */
  content: string[];
  /** The content words' stems. */
  stems: Set<string>;
}

function headline(title: string): Headline {
  const all: string[] = [];
  for (const { start, end } of tokenize(title)) {
    const term = analyzeWord(title.slice(start, end));
    if (term) all.push(term.surface);
  }
  const content = headlineWords(title).map((word) => analyzeWord(word)!);
  return { normalized: all.join(' '), content: content.map((t) => t.surface), stems: new Set(content.map((t) => t.stem)) };
}

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

export type Likeness = 'identical' | 'near-identical' | 'different';

export class Headlines {
  private readonly headlines: Headline[];
  /** Content surface → the articles (indices) whose headline holds it. */
  private readonly holding = new Map<string, number[]>();

  /** `titles` by article index, as the measurement numbers them. */
  constructor(titles: readonly string[]) {
    this.headlines = titles.map(headline);
    this.headlines.forEach(({ content }, index) => {
      for (const surface of content) {
        const list = this.holding.get(surface);
        if (list) list.push(index);
        else this.holding.set(surface, [index]);
      }
    });
  }

  likeness(a: number, b: number): Likeness {
    const x = this.headlines[a]!;
    const y = this.headlines[b]!;
    if (x.normalized === y.normalized) return 'identical';
    let shared = 0;
    for (const stem of x.stems) if (y.stems.has(stem)) shared++;
    const union = x.stems.size + y.stems.size - shared;
    return union > 0 && shared / union >= NEAR_IDENTICAL ? 'near-identical' : 'different';
  }

  /** The chance that `query` was drawn from article `index`'s headline. */
  chanceOf(query: string, index: number): number {
    return this.chance(index, query.split(' ').map((word) => analyzeWord(word)!.surface));
  }

  private chance(index: number, words: readonly string[]): number {
    const { content } = this.headlines[index]!;
    let at = -1;
    for (const word of words) {
      const next = content.indexOf(word);
      if (next <= at) return 0;
      at = next;
    }
    return 1 / choose(content.length, words.length);
  }

  /** The best expected reciprocal rank of article `target` for a query typed from its headline. */
  bestExpectedReciprocalRank(query: string, target: number): number {
    const words = query.split(' ').map((word) => analyzeWord(word)!.surface);
    const own = this.chance(target, words);
    const candidates = (this.holding.get(words[0]!) ?? []).filter((index) => words.every((w) => this.headlines[index]!.content.includes(w)));
    let likelier = 0;
    let asLikely = 0;
    for (const index of candidates) {
      const chance = this.chance(index, words);
      if (chance > own) likelier++;
      else if (chance === own) asLikely++;
    }
    let sum = 0;
    for (let j = 1; j <= asLikely; j++) sum += 1 / (likelier + j);
    return sum / asLikely;
  }
}
