/**
 * Searching the library: a query parsed and ranked over the full-text index, on this thread or,
 * for a large library, split with the rank helper's thread; each hit with its snippet and the
 * words to highlight.
 */
import type Database from 'better-sqlite3';
import { makeSnippet } from '../text/snippet';
import { tokenize } from '../text/tokenize';
import type { ArticleRow } from './article-rows';
import { notFound, type Articles } from './articles';
import { filterClause, type SearchFilters } from './filters';
import { findMatches } from './highlight';
import type { HighlightStore } from './highlight-store';
import { mergeNoteRanking } from './note-search';
import { compileQuery, NOTE_COLUMNS, parseQuery, type ParsedQuery } from './query';
import { mergeRankings, RangeRanker, WHOLE_LIBRARY, type RangeRanking, type Ranked, type RankRequest } from './rank';
import { RankHelper } from './rank-helper';
import { decodeStored } from './stored-text';
import { rerankWindow, titlesFirst } from './title-first';
import type { Page, Range, SearchHit } from '../../common';

export interface SearchOptions extends SearchFilters {
  offset?: number;
  limit?: number;
}

// Rows ranked beyond a page, so that equal scores at its edge are still ordered newest first.
export const TIE_MARGIN = 50;
/**
 * Below this many ids a search is quick on one thread; above it, the rank helper ranks the upper
 * half of the ids (about 7 ms saved at 100k articles for words a third of the library holds).
 */
const SPLIT_SEARCH_ABOVE = 20_000;

/** A parsed query and the ranking it asks for (null when it asks for nothing searchable). */
interface SearchPlan {
  parsed: ParsedQuery;
  offset: number;
  limit: number;
  request: RankRequest | null;
  /** The same query on the note index (query.ts NOTE_COLUMNS). */
  noteExpression: string | null;
}

const emptyPage = ({ offset }: SearchPlan): Page<SearchHit> => ({ total: 0, offset, items: [] });

export interface SearchSetup {
  /** The library's file, which the rank helper opens on its own connection. */
  file: string;
  nativeBinding?: string;
  /** Whether searchInParallel may start the rank helper (OpenOptions.parallelSearch). */
  parallel: boolean;
  splitAbove?: number;
}

export class Search {
  private readonly statements;
  private readonly ranker: RangeRanker;
  /** Started at the first search of a library large enough to split (see helper()). */
  private rankHelper: RankHelper | null = null;
  private helperClosed: Promise<void> = Promise.resolve();
  private readonly splitAbove: number;

  constructor(
    private readonly db: Database.Database,
    private readonly setup: SearchSetup,
    private readonly highlights: HighlightStore,
    /** Reads an article's title and text (articles.ts): one way to read stored text. */
    private readonly articles: Pick<Articles, 'titleAndText'>,
  ) {
    this.ranker = new RangeRanker(db);
    this.splitAbove = setup.splitAbove ?? SPLIT_SEARCH_ABOVE;
    this.statements = {
      titles: db.prepare('SELECT a.id, a.title FROM json_each(?) j JOIN articles a ON a.id = j.value'),
      // Two subqueries: each is one b-tree probe, where min() and max() in one SELECT scan the table.
      idBounds: db.prepare('SELECT (SELECT min(id) FROM articles) AS low, (SELECT max(id) FROM articles) AS high'),
      sortDate: db.prepare('SELECT sort_date AS d FROM articles WHERE id = ?'),
      hit: db.prepare(
        `SELECT a.title, a.source, a.published, a.dir, a.text, (b.article_id IS NOT NULL) AS bookmarked,
           coalesce((SELECT r.read FROM reading r WHERE r.article_id = a.id), 0) AS read
         FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`,
      ),
    };
  }

  /** One page of results, ranked on this thread (the command line's one-off searches). */
  search(query: string, options: SearchOptions = {}): Page<SearchHit> {
    const plan = this.plan(query, options);
    if (plan.request === null) return emptyPage(plan);
    return this.resultsPage(plan, this.withNotes(plan, this.ranker.rank(plan.request)));
  }

  /**
   * The same page as search(), with the rank helper ranking the upper half of a large library's
   * ids while this thread ranks the lower half (opened with `parallelSearch`; the app's searches).
   */
  async searchInParallel(query: string, options: SearchOptions = {}): Promise<Page<SearchHit>> {
    const plan = this.plan(query, options);
    if (plan.request === null) return emptyPage(plan);
    const split = this.setup.parallel ? this.splitPoint() : null;
    const helper = split === null ? null : this.helper();
    if (split === null || !helper?.ready) return this.resultsPage(plan, this.withNotes(plan, this.ranker.rank(plan.request)));
    const upperRange = { from: split, to: WHOLE_LIBRARY.to };
    const upper = helper.rank({ ...plan.request, range: upperRange });
    const lower = this.ranker.rank({ ...plan.request, range: { from: WHOLE_LIBRARY.from, to: split - 1 } });
    const upperRanking = (await upper) ?? this.ranker.rank({ ...plan.request, range: upperRange });
    return this.resultsPage(plan, this.withNotes(plan, mergeRankings(lower, upperRanking, plan.request.best)));
  }

  /**
   * Starts the rank helper if it is not running; true once it is ready, false if the library was
   * opened without `parallelSearch` or the thread could not start.
   */
  async parallelSearchReady(): Promise<boolean> {
    return (await this.helper()?.whenReady()) ?? false;
  }

  /** Where a query matches in one article's full text and title, for the reading view. */
  matchRanges(id: number, query: string): { highlights: Range[]; titleHighlights: Range[] } {
    const row = this.articles.titleAndText(id);
    if (!row) throw notFound(id);
    const parsed = parseQuery(query);
    return { highlights: findMatches(row.text, parsed), titleHighlights: findMatches(row.title, parsed) };
  }

  /** Stops the rank helper; whenClosed() resolves once its thread has let go of the file. */
  close(): void {
    this.helperClosed = this.rankHelper?.close() ?? Promise.resolve();
  }

  whenClosed(): Promise<void> {
    return this.helperClosed;
  }

  /**
   * The rank helper, started on first use: a small library never splits a search, so it never
   * pays for the thread and its connection (the first large search runs on one thread meanwhile).
   */
  private helper(): RankHelper | null {
    if (!this.setup.parallel || !this.db.open) return null;
    this.rankHelper ??= new RankHelper(this.setup.file, this.setup.nativeBinding);
    return this.rankHelper;
  }

  private plan(query: string, options: SearchOptions): SearchPlan {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 20;
    const parsed = parseQuery(query);
    const expression = compileQuery(parsed);
    if (!expression) return { parsed, offset, limit, request: null, noteExpression: null };
    return {
      parsed,
      offset,
      limit,
      request: { expression, filter: filterClause(options), range: WHOLE_LIBRARY, best: Math.max(offset + limit, rerankWindow(parsed)) + TIE_MARGIN },
      noteExpression: compileQuery(parsed, NOTE_COLUMNS),
    };
  }

  /** The ranking with the articles whose notes match added (each article counted once). */
  private withNotes({ request, noteExpression }: SearchPlan, ranking: RangeRanking): RangeRanking {
    if (request === null || noteExpression === null) return ranking;
    const notes = this.highlights.rankNotes(noteExpression, request.expression, request.filter, request.best);
    return notes === null ? ranking : mergeNoteRanking(ranking, notes, request.best);
  }

  /** A snippet of where the query matches the text, else of the first note it matches. */
  private snippetOf(id: number, text: string, parsed: ParsedQuery): { snippet: string; highlights: Range[] } {
    const tokens = tokenize(text);
    const matches = findMatches(text, parsed, tokens);
    if (matches.length === 0) {
      for (const note of this.highlights.notesOf(id)) {
        const inNote = findMatches(note, parsed);
        if (inNote.length > 0) return makeSnippet(note, inNote);
      }
    }
    return makeSnippet(text, matches, { tokens });
  }

  /** The page's hits, with snippets and highlights, from the ranking of the whole library. */
  private resultsPage({ parsed, offset, limit }: SearchPlan, ranking: RangeRanking): Page<SearchHit> {
    const ranked = titlesFirst(this.newestFirstOnTies(ranking.ranked), parsed, (ids) => this.titles(ids)).slice(offset, offset + limit);
    const items = ranked.map(({ id, rank }): SearchHit => {
      const row = this.statements.hit.get(id) as Pick<ArticleRow, 'title' | 'source' | 'published' | 'dir' | 'text' | 'bookmarked' | 'read'>;
      const { snippet, highlights } = this.snippetOf(id, decodeStored(row.text), parsed);
      return {
        id,
        title: row.title,
        source: row.source,
        published: row.published,
        bookmarked: row.bookmarked === 1,
        read: row.read === 1,
        dir: row.dir,
        snippet,
        highlights,
        titleHighlights: findMatches(row.title, parsed),
        score: -rank,
      };
    });
    return { total: ranking.total, offset, items };
  }

  /** The id halfway between the first and the last, when there are enough ids to be worth splitting. */
  private splitPoint(): number | null {
    const { low, high } = this.statements.idBounds.get() as { low: number | null; high: number | null };
    if (low === null || high === null || high - low < this.splitAbove) return null;
    return Math.floor((low + high) / 2) + 1;
  }

  /** The titles of some articles, in one statement. */
  private titles(ids: number[]): Map<number, string> {
    const rows = this.statements.titles.all(JSON.stringify(ids)) as { id: number; title: string }[];
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** Equal scores, newest first: only the candidates' dates are looked up, not every match's. */
  private newestFirstOnTies(candidates: Ranked[]): Ranked[] {
    const dated = candidates.map((c) => ({ ...c, date: (this.statements.sortDate.get(c.id) as { d: string } | undefined)?.d ?? '' }));
    dated.sort((x, y) => x.rank - y.rank || (x.date < y.date ? 1 : x.date > y.date ? -1 : y.id - x.id));
    return dated.map(({ id, rank }) => ({ id, rank }));
  }
}
