/**
 * Searching the library: a query parsed and ranked over the full-text index, on this thread or,
 * for a large library, split with the rank helper's thread; each hit with its snippet and the
 * words to highlight.
 */
import type Database from 'better-sqlite3';
import { makeSnippet, type Snippet } from '../text/snippet';
import type { ArticleRow } from './article-rows';
import { notFound, type Articles } from './articles';
import { filterClause, type SearchFilters } from './filters';
import { findMatches } from './highlight';
import type { HighlightStore } from './highlight-store';
import { matchSnippet } from './match-snippet';
import { mergeNoteRanking } from './note-search';
import { DateOrder } from './date-order';
import { PhraseFrequencies } from './phrase-frequency';
import { compileMatchQuery, compileQuery, parseQuery, scoredPhrases, type ParsedQuery } from './query';
import { mergeRankings, RangeRanker, WHOLE_LIBRARY, type RangeRanking, type Ranked, type RankRequest, type Scorer } from './rank';
import { loadRankExtension } from './rank-extension';
import { RankHelper } from './rank-helper';
import { decodeStored } from './stored-text';
import { rerankWindow, titlesFirst } from './title-first';
import type { Page, Range, SearchHit, SearchSort } from '../../common';

export interface SearchOptions extends SearchFilters {
  offset?: number;
  limit?: number;
  /** 'relevance' (the default) or 'date': every match newest first (date-order.ts). */
  sort?: SearchSort;
}

/**
 * A query matching no more than RANK_ALL_UP_TO articles is ranked whole, exactly. One matching
 * more ranks its RELEVANCE_WINDOW most recently added matches (the highest ids) and lists the older
 * ones after them, most recently added first. The total stays exact and every match is on exactly
 * one page. bm25 costs about a microsecond a match, and a common word matches a third of the
 * library: 330,000 articles of a million.
 */
export const RANK_ALL_UP_TO = 20_000;
export const RELEVANCE_WINDOW = 20_000;

// Rows ranked beyond a page, so that equal scores at its edge are still ordered newest first.
export const TIE_MARGIN = 50;
/**
 * The rank helper's share of a relevance window's matches (the newest), the rest ranked on the
 * library's thread. More than half: the helper finds where its share ends while the library's
 * thread counts the phrases (about half a millisecond at a million articles, against 0.8 ms to
 * walk 12,000 matches), then ranks while that thread walks on to the window's start.
 */
const HELPER_SHARE = 0.6;

/**
 * Below this many ids a search is quick on one thread; above it, the rank helper takes part
 * (about 7 ms saved at 100k articles for words a third of the library holds).
 */
const SPLIT_SEARCH_ABOVE = 20_000;

/** A parsed query and the ranking it asks for (null when it asks for nothing searchable). */
interface SearchPlan {
  parsed: ParsedQuery;
  offset: number;
  limit: number;
  sort: SearchSort;
  request: RankRequest | null;
}

const emptyPage = ({ offset }: SearchPlan): Page<SearchHit> => ({ total: 0, offset, items: [] });

/** One page of results in order, and how many there are in all. */
interface Ordered {
  rows: Ranked[];
  total: number;
}

/** What a hit shows of its article, and its text when `text` is 'a.text,'. */
const hitSql = (text: string) =>
  `SELECT a.title, a.source, a.published, a.dir, ${text} (b.article_id IS NOT NULL) AS bookmarked,
     coalesce((SELECT r.read FROM reading r WHERE r.article_id = a.id), 0) AS read
   FROM articles a LEFT JOIN bookmarks b ON b.article_id = a.id WHERE a.id = ?`;

type HitRow = Pick<ArticleRow, 'title' | 'source' | 'published' | 'dir' | 'text' | 'bookmarked' | 'read'>;

/** The ids from `low` to `high` in two halves, the upper one starting at the returned id. */
const middle = (low: number, high: number) => Math.floor((low + high) / 2) + 1;

export interface SearchSetup {
  /** The library's file, which the rank helper opens on its own connection. */
  file: string;
  nativeBinding?: string;
  /** The compiled ranking extension (rank-extension.ts); null ranks with bm25(). */
  rankExtension: string | null;
  /** Whether searchInParallel may start the rank helper (OpenOptions.parallelSearch). */
  parallel: boolean;
  splitAbove?: number;
  rankAllUpTo?: number;
  relevanceWindow?: number;
}

export class Search {
  private readonly statements;
  private readonly ranker: RangeRanker;
  private readonly phraseFrequencies: PhraseFrequencies;
  /** Started at the first search of a library large enough to split (see helper()). */
  private rankHelper: RankHelper | null = null;
  private helperClosed: Promise<void> = Promise.resolve();
  private readonly splitAbove: number;
  private readonly window: number;
  private readonly rankAllUpTo: number;
  private readonly dateOrder: DateOrder;

  constructor(
    private readonly db: Database.Database,
    private readonly setup: SearchSetup,
    private readonly highlights: HighlightStore,
    /** Reads an article's title and text (articles.ts): one way to read stored text. */
    private readonly articles: Pick<Articles, 'titleAndText'>,
  ) {
    this.ranker = new RangeRanker(db, loadRankExtension(db, setup.rankExtension) ? 'sahifa_rank' : 'bm25');
    this.phraseFrequencies = new PhraseFrequencies(this.ranker);
    this.splitAbove = setup.splitAbove ?? SPLIT_SEARCH_ABOVE;
    this.rankAllUpTo = setup.rankAllUpTo ?? RANK_ALL_UP_TO;
    this.window = Math.min(setup.relevanceWindow ?? RELEVANCE_WINDOW, this.rankAllUpTo);
    this.dateOrder = new DateOrder(db);
    this.statements = {
      titles: db.prepare('SELECT a.id, a.title FROM json_each(?) j JOIN articles a ON a.id = j.value'),
      // Two subqueries: each is one b-tree probe, where min() and max() in one SELECT scan the table.
      idBounds: db.prepare('SELECT (SELECT min(id) FROM articles) AS low, (SELECT max(id) FROM articles) AS high'),
      sortDates: db.prepare('SELECT a.id, a.sort_date AS d FROM json_each(?) j JOIN articles a ON a.id = j.value'),
      hit: db.prepare(hitSql('a.text,')),
      // A compressed text is a few pages of the file: not read for a hit whose snippet is made.
      hitWithoutText: db.prepare(hitSql('')),
      text: db.prepare('SELECT text FROM articles WHERE id = ?'),
    };
  }

  /** How this library's searches score: with the ranking extension, or SQLite's bm25(). */
  get scorer(): Scorer {
    return this.ranker.scorer;
  }

  /** One page of results, ranked on this thread (the command line's one-off searches). */
  search(query: string, options: SearchOptions = {}): Page<SearchHit> {
    const planned = this.plan(query, options);
    if (planned.request === null) return emptyPage(planned);
    if (planned.sort === 'date') return this.resultsPage(planned, this.byDate(planned, planned.request));
    const request = { ...planned.request, phraseCounts: this.phraseCounts(planned.parsed) };
    const plan = { ...planned, request };
    const boundary = this.windowBoundary(request);
    if (boundary === null) return this.resultsPage(plan, this.wholeOrder(plan, this.withNotes(plan, this.ranker.rank(request))));
    const olderRange = { from: request.range.from, to: boundary };
    const ranking = this.ranker.rank({ ...request, range: { from: boundary + 1, to: request.range.to }, countRanges: [olderRange] });
    return this.resultsPage(plan, this.windowOrder(plan, request, boundary, ranking));
  }

  /**
   * The same page as search(), with the rank helper's thread taking part (opened with
   * `parallelSearch`; the app's searches). The matches to rank are split by how many there are,
   * newest first: the helper finds where its share (HELPER_SHARE of the relevance window) ends
   * while this thread counts the articles holding each phrase, then ranks its share while this
   * thread walks on to the window's start and ranks the rest. Above RANK_ALL_UP_TO matches, each
   * thread then counts half of the older matches' ids. The helper also makes half of the page's
   * snippets.
   */
  async searchInParallel(query: string, options: SearchOptions = {}): Promise<Page<SearchHit>> {
    const planned = this.plan(query, options);
    if (planned.request === null) return emptyPage(planned);
    const bounds = this.setup.parallel && planned.sort === 'relevance' ? this.splitBounds() : null;
    const helper = bounds === null ? null : this.helper();
    if (bounds === null || !helper?.ready) return this.search(query, options);
    const share = Math.ceil(this.window * HELPER_SHARE);
    // The helper's share: the `share` newest matches, from `edge` (the share-th newest) on.
    const edgeAnswer = helper.matchAfterNewest(planned.request, share - 1);
    const request = { ...planned.request, phraseCounts: this.phraseCounts(planned.parsed, bounds) };
    const plan = { ...planned, request };
    const edgeFound = await edgeAnswer;
    if (edgeFound === null) return this.search(query, options);
    const page = async (ordered: Ordered) => this.resultsPage(plan, ordered, await this.helperSnippets(helper, plan, ordered));
    const rankBoth = async (lower: RankRequest, upper: RankRequest) => {
      const upperAnswer = helper.rank(upper);
      const lowerRanking = this.ranker.rank(lower);
      return mergeRankings(lowerRanking, (await upperAnswer) ?? this.ranker.rank(upper), request.best);
    };
    const edge = edgeFound.id;
    if (edge === null) {
      // Fewer matches than the helper's share: halves of the ids, each ranked and counted whole.
      const split = middle(bounds.low, bounds.high);
      const ranking = await rankBoth({ ...request, range: { from: WHOLE_LIBRARY.from, to: split - 1 } }, { ...request, range: { from: split, to: WHOLE_LIBRARY.to } });
      return page(this.wholeOrder(plan, this.withNotes(plan, ranking)));
    }
    const helperPart: RankRequest = { ...request, range: { from: edge, to: WHOLE_LIBRARY.to }, countRanges: [] };
    const helperRanking = helper.rank(helperPart);
    const below = { ...request, range: { from: WHOLE_LIBRARY.from, to: edge - 1 } };
    const beyond = this.ranker.matchAfterNewest(below, this.rankAllUpTo - share);
    const helperAnswer = async () => (await helperRanking) ?? this.ranker.rank(helperPart);
    if (beyond === null) {
      // No more than RANK_ALL_UP_TO matches: every one ranked; the helper's share holds `share` of them.
      const rest = this.ranker.rank(below);
      const ranking = mergeRankings(rest, await helperAnswer(), request.best);
      return page(this.wholeOrder(plan, this.withNotes(plan, { ranked: ranking.ranked, total: ranking.total + share })));
    }
    const boundary = this.window === this.rankAllUpTo ? beyond : this.ranker.matchAfterNewest(below, this.window - share)!;
    const olderSplit = middle(bounds.low, boundary);
    const helperOlder = helper.total(request, [{ from: olderSplit, to: boundary }]);
    const rest = this.ranker.rank({ ...request, range: { from: boundary + 1, to: edge - 1 }, countRanges: [{ from: WHOLE_LIBRARY.from, to: olderSplit - 1 }] });
    const ranking = mergeRankings(rest, await helperAnswer(), request.best);
    const older = (await helperOlder) ?? this.ranker.count({ ...request, range: { from: olderSplit, to: boundary } });
    return page(this.windowOrder(plan, request, boundary, { ranked: ranking.ranked, total: ranking.total + older }));
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
    this.rankHelper ??= new RankHelper({
      libraryFile: this.setup.file,
      ...(this.setup.nativeBinding ? { nativeBinding: this.setup.nativeBinding } : {}),
      // The helper must score as this thread does, or the two halves would not merge.
      rankExtension: this.ranker.scorer === 'sahifa_rank' ? this.setup.rankExtension : null,
    });
    return this.rankHelper;
  }

  private plan(query: string, options: SearchOptions): SearchPlan {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 20;
    const sort = options.sort ?? 'relevance';
    const parsed = parseQuery(query);
    const expression = compileQuery(parsed);
    const matchExpression = compileMatchQuery(parsed);
    if (!expression || !matchExpression) return { parsed, offset, limit, sort, request: null };
    return {
      parsed,
      offset,
      limit,
      sort,
      request: {
        expression,
        matchExpression,
        filter: filterClause(options),
        range: WHOLE_LIBRARY,
        best: Math.max(offset + limit, rerankWindow(parsed)) + TIE_MARGIN,
        // Counted once the search knows it ranks by relevance (search, searchInParallel).
        phraseCounts: [],
      },
    };
  }

  /** How many articles hold each phrase, for sahifa_rank() (bm25() counts them itself). */
  private phraseCounts(parsed: ParsedQuery, { low, high } = this.idBounds()): number[] {
    if (this.ranker.scorer === 'bm25') return [];
    if (low === null || high === null) return [];
    return this.phraseFrequencies.estimate(scoredPhrases(parsed), { low, high });
  }

  /**
   * Null when the query matches no more than RANK_ALL_UP_TO articles (rank them all); else the id
   * after which its RELEVANCE_WINDOW most recently added matches lie.
   */
  private windowBoundary(request: RankRequest): number | null {
    const beyond = this.ranker.matchAfterNewest(request, this.rankAllUpTo);
    if (beyond === null || this.window === this.rankAllUpTo) return beyond;
    return this.ranker.matchAfterNewest(request, this.window);
  }

  /** The ranking with the articles whose notes match added (each article counted once). */
  private withNotes({ request }: SearchPlan, ranking: RangeRanking): RangeRanking {
    if (request === null) return ranking;
    const notes = this.highlights.rankNotes(request.expression, request.filter, request.best);
    return notes === null ? ranking : mergeNoteRanking(ranking, notes, request.best);
  }

  /** Every article whose notes match (a reader's notes are few), best first; null when none does. */
  private allNoteMatches(request: RankRequest) {
    return this.highlights.rankNotes(request.expression, request.filter, Number.MAX_SAFE_INTEGER);
  }

  /** A page of a ranking of every match: ties newest first, then headlines first (title-first.ts). */
  private wholeOrder({ parsed, offset, limit }: SearchPlan, ranking: RangeRanking): Ordered {
    const ordered = titlesFirst(this.newestFirstOnTies(ranking.ranked), parsed, (ids) => this.titles(ids));
    return { rows: ordered.slice(offset, offset + limit), total: ranking.total };
  }

  /**
   * A page of a result set larger than the relevance window: first the window (the matches after
   * `boundary`) ranked, with the articles whose notes match; then the older matches, most recently
   * added first. `ranking` ranks the window; its total counts the older matches.
   */
  private windowOrder(plan: SearchPlan, request: RankRequest, boundary: number, ranking: RangeRanking): Ordered {
    const { offset, limit } = plan;
    let head = ranking;
    let headSize = this.window;
    let olderCount = ranking.total;
    let olderWithNotes: number[] = [];
    const notes = this.allNoteMatches(request);
    if (notes !== null) {
      // An article matched by its notes is ranked with the window, wherever its text stands.
      const inText = notes.ranked.filter(({ id }) => this.ranker.matches(request.matchExpression, id)).map(({ id }) => id);
      olderWithNotes = inText.filter((id) => id <= boundary);
      headSize += notes.total - (inText.length - olderWithNotes.length);
      olderCount -= olderWithNotes.length;
      head = mergeNoteRanking(ranking, notes, request.best);
    }
    const rows = this.wholeOrder(plan, { ranked: head.ranked, total: headSize }).rows.slice(0, Math.max(0, headSize - offset));
    const end = offset + limit;
    if (end > headSize) {
      const from = Math.max(offset, headSize);
      const older = { ...request, range: { from: request.range.from, to: boundary } };
      rows.push(...this.ranker.newestFirst(older, from - headSize, end - from, olderWithNotes));
    }
    return { rows, total: headSize + olderCount };
  }

  /** A page of every match newest first (date-order.ts); the score is not computed (0). */
  private byDate(plan: SearchPlan, request: RankRequest): Ordered {
    const notes = this.allNoteMatches(request);
    const total = this.ranker.count(request) + (notes === null ? 0 : notes.total - notes.alsoInText);
    const { low, high } = this.idBounds();
    const ids = this.dateOrder.page({
      matchExpression: request.matchExpression,
      filter: request.filter,
      noteIds: notes?.ranked.map(({ id }) => id) ?? [],
      offset: plan.offset,
      limit: plan.limit,
      matches: total,
      articles: low === null || high === null ? 0 : high - low + 1,
      prefix: [...plan.parsed.groups.flat(), ...plan.parsed.excluded].some((term) => term.kind === 'prefix'),
    });
    return { rows: ids.map((id) => ({ id, rank: 0 })), total };
  }

  /** A snippet of where the query matches the text, else of the first note it matches, else of the text's start. */
  private snippetOf(id: number, text: string, parsed: ParsedQuery): Snippet {
    const inText = matchSnippet(text, parsed);
    if (inText !== null) return inText;
    for (const note of this.highlights.notesOf(id)) {
      const inNote = findMatches(note, parsed);
      if (inNote.length > 0) return makeSnippet(note, inNote);
    }
    return makeSnippet(text, []);
  }

  /**
   * The page's hits, with snippets and highlights. `built` holds snippets the rank helper made
   * (searchInParallel); the others are made here.
   */
  private resultsPage({ parsed, offset }: SearchPlan, { rows, total }: Ordered, built: ReadonlyMap<number, Snippet> = new Map()): Page<SearchHit> {
    const items = rows.map(({ id, rank }): SearchHit => {
      const ready = built.get(id);
      const row = (ready ? this.statements.hitWithoutText : this.statements.hit).get(id) as HitRow;
      const { snippet, highlights } = ready ?? this.snippetOf(id, decodeStored(row.text), parsed);
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
    return { total, offset, items };
  }

  /**
   * The page's snippets, for resultsPage: the rank helper makes the second half's while this
   * thread makes the first half's (reading, decompressing and matching 20 texts is a millisecond or
   * two). Those the helper could not make (none in the text, or no answer) are made by resultsPage.
   */
  private async helperSnippets(helper: RankHelper, { parsed }: SearchPlan, { rows }: Ordered): Promise<Map<number, Snippet>> {
    const ids = rows.slice(Math.ceil(rows.length / 2)).map(({ id }) => id);
    const built = new Map<number, Snippet>();
    if (ids.length === 0) return built;
    const answer = helper.snippets(parsed, ids);
    for (const { id } of rows.slice(0, rows.length - ids.length)) {
      const row = this.statements.text.get(id) as Pick<ArticleRow, 'text'> | undefined;
      if (row) built.set(id, this.snippetOf(id, decodeStored(row.text), parsed));
    }
    const snippets = (await answer) ?? [];
    ids.forEach((id, i) => {
      const snippet = snippets[i];
      if (snippet) built.set(id, snippet);
    });
    return built;
  }

  private idBounds(): { low: number | null; high: number | null } {
    return this.statements.idBounds.get() as { low: number | null; high: number | null };
  }

  /** The first and last ids, when there are enough ids between them to be worth splitting. */
  private splitBounds(): { low: number; high: number } | null {
    const { low, high } = this.idBounds();
    if (low === null || high === null || high - low < this.splitAbove) return null;
    return { low, high };
  }

  /** The titles of some articles, in one statement. */
  private titles(ids: number[]): Map<number, string> {
    const rows = this.statements.titles.all(JSON.stringify(ids)) as { id: number; title: string }[];
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /**
   * Equal scores, newest first. Only rows whose score another row shares need a date, and those are
   * read in one statement: looking up every candidate's date one by one took 0.4 ms a search.
   */
  private newestFirstOnTies(candidates: Ranked[]): Ranked[] {
    const ordered = [...candidates].sort((x, y) => x.rank - y.rank || y.id - x.id);
    const tied = ordered.filter((row, i) => ordered[i - 1]?.rank === row.rank || ordered[i + 1]?.rank === row.rank);
    if (tied.length === 0) return ordered;
    const dates = this.sortDates(tied.map(({ id }) => id));
    const date = (row: Ranked) => dates.get(row.id) ?? '';
    return ordered.sort((x, y) => x.rank - y.rank || (date(x) < date(y) ? 1 : date(x) > date(y) ? -1 : y.id - x.id));
  }

  private sortDates(ids: number[]): Map<number, string> {
    const rows = this.statements.sortDates.all(JSON.stringify(ids)) as { id: number; d: string }[];
    return new Map(rows.map((row) => [row.id, row.d]));
  }
}
