/**
 * A sparse window onto a long list the API serves in pages (a 100k-article library, a search's
 * results). Only the pages around what the user looks at are kept; rows of pages not loaded yet
 * read as `undefined` and show as placeholders until their page arrives.
 */
import type { Page } from '../common';

export type PageLoader<T> = (offset: number, limit: number) => Promise<Page<T>>;

export interface PagedListOptions {
  pageSize?: number;
  /** Pages kept in memory; the ones farthest from the visible rows go first. */
  maxPages?: number;
  onChange: () => void;
  onError: (error: unknown) => void;
}

export class PagedList<T> {
  /** Null until the first page has answered. */
  total: number | null = null;
  readonly pageSize: number;
  private readonly maxPages: number;
  private readonly pages = new Map<number, T[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private closed = false;
  /** The page at the middle of the rows last asked for: eviction keeps the pages nearest to it. */
  private center = 0;
  private readonly loader: PageLoader<T>;
  private readonly options: PagedListOptions;

  constructor(loader: PageLoader<T>, options: PagedListOptions) {
    this.loader = loader;
    this.options = options;
    this.pageSize = options.pageSize ?? 50;
    this.maxPages = Math.max(4, options.maxPages ?? 40);
  }

  /** Resolves once the first page (and so the total) is known. */
  start(): Promise<void> {
    return this.loadPage(0);
  }

  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The item at `index`, its page fetched first when it is not loaded (undefined past the end). */
  async fetch(index: number): Promise<T | undefined> {
    const page = Math.floor(index / this.pageSize);
    if (!this.pages.has(page)) await this.loadPage(page);
    return this.get(index);
  }

  /** Fetches the pages covering [first, last] plus one page either side, and drops far ones. */
  ensure(first: number, last: number): void {
    if (this.closed || this.total === null || this.total === 0) return;
    const lastPage = Math.floor((this.total - 1) / this.pageSize);
    const from = Math.max(0, Math.floor(first / this.pageSize) - 1);
    const to = Math.min(lastPage, Math.floor(Math.max(first, last) / this.pageSize) + 1);
    for (let page = from; page <= to; page++) {
      if (!this.pages.has(page)) void this.loadPage(page);
    }
    this.center = (from + to) / 2;
    this.evict();
  }

  /** Stops updating: answers still in flight are dropped (a newer list replaced this one). */
  close(): void {
    this.closed = true;
    this.pages.clear();
  }

  /** Replaces one loaded item in place (a bookmark toggled) without refetching. */
  update(predicate: (item: T) => boolean, change: (item: T) => T): void {
    for (const items of this.pages.values()) {
      items.forEach((item, i) => {
        if (predicate(item)) items[i] = change(item);
      });
    }
    this.options.onChange();
  }

  private loadPage(page: number): Promise<void> {
    const loading = this.loading.get(page) ?? this.fetchPage(page);
    this.loading.set(page, loading);
    return loading;
  }

  private async fetchPage(page: number): Promise<void> {
    try {
      const result = await this.loader(page * this.pageSize, this.pageSize);
      if (this.closed) return;
      this.pages.set(page, result.items);
      this.total = result.total;
      this.evict();
      this.options.onChange();
    } catch (error) {
      if (!this.closed) this.options.onError(error);
    } finally {
      this.loading.delete(page);
    }
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const center = this.center;
    const farthestFirst = [...this.pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
    for (const page of farthestFirst.slice(0, this.pages.size - this.maxPages)) this.pages.delete(page);
  }
}
