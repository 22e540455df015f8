/**
 * What searching the reader's notes costs a search of article text (not part of `npm test`):
 * p50/p95 of library.search(q, {limit: 20}) over bench/queries.ts on N real news articles
 * (default 10k), first with no notes, then with a highlight note on one article in ten.
 *
 *   npx tsx bench/note-search.ts [--size 10000] [--runs 5]
 *
 * The first figure uses only Library.open/addArticles/search, so it can be compared with the same
 * figure on a checkout from before highlights existed; "the notes step alone" is what search adds.
 */
import { performance } from 'node:perf_hooks';
import { Library } from '../main/library/library';
import { compileQuery, parseQuery } from '../main/library/query';
import { NO_FILTER } from '../main/library/rank';
import { newsArticles } from '../tests/fixtures/corpus';
import { newsArticle, temporaryLibrary } from './corpora';
import { QUERIES } from './queries';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function measure(library: Library, runs: number): { p50: number; p95: number; mean: number } {
  for (const { query } of QUERIES) library.search(query, { limit: 20 });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const { query } of QUERIES) {
      const start = performance.now();
      library.search(query, { limit: 20 });
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

/** What search adds for notes (Library.withNotes's query), timed alone. */
function measureNotesStep(store: Library['highlights'], runs: number): { p50: number; p95: number; mean: number } {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const { query } of QUERIES) {
      const parsed = parseQuery(query);
      const expression = compileQuery(parsed);
      if (!expression) continue;
      const start = performance.now();
      store.rankNotes(expression, NO_FILTER, 70);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

const format = ({ p50, p95, mean }: { p50: number; p95: number; mean: number }) =>
  `p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  mean ${mean.toFixed(2)} ms`;

const size = option('--size', 10_000);
const runs = option('--runs', 5);
const { library, dispose } = temporaryLibrary('sahifa-bench-notes-');
try {
  const articles = newsArticles(size).map(newsArticle);
  for (let i = 0; i < articles.length; i += 1000) library.addArticles(articles.slice(i, i + 1000));
  console.log(`${size} articles, ${QUERIES.length} queries × ${runs} runs`);
  console.log(`no notes             ${format(measure(library, runs))}`);
  const store = (library as Partial<Pick<Library, 'highlights'>>).highlights;
  if (store) {
    console.log(`the notes step alone ${format(measureNotesStep(store, runs))}`);
    const words = ['رأي', 'مهم للبحث', 'السعودية والنفط', 'راجع الأرقام', 'الرياض'];
    for (let id = 1; id <= size; id += 10) {
      const end = Math.min(20, library.get(id).text.length);
      if (end > 0) store.add(id, { start: 0, end, note: `${words[id % words.length]} ${id}` });
    }
    console.log(`notes on 1 in 10     ${format(measure(library, runs))}`);
    console.log(`the notes step alone ${format(measureNotesStep(store, runs))}`);
  }
} finally {
  dispose();
}
