/**
 * What the library holds, for the sidebar and the list's tools: its counts (articles, bookmarks),
 * its tags and its sources with their counts. Refreshed after anything that may change them; the
 * host renders again when they come in.
 */
import type { ReactiveControllerHost } from 'lit';
import type { LibraryStats, SahifaApi, SourceCount, TagCount } from '../../common';

export type FacetsApi = Pick<SahifaApi, 'stats' | 'listTags' | 'listSources'>;

export class LibraryFacetsController {
  stats: LibraryStats | null = null;
  tags: TagCount[] = [];
  sources: SourceCount[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: FacetsApi,
    /** Called with every new set of tags and sources (to drop a narrowing that is gone). */
    private readonly onFacets: (tags: TagCount[], sources: SourceCount[]) => void = () => undefined,
  ) {}

  async refreshStats(): Promise<void> {
    try {
      this.stats = await this.api.stats({});
      this.host.requestUpdate();
    } catch (error) {
      console.warn('sahifa: stats failed', error);
    }
  }

  async refreshFacets(): Promise<void> {
    try {
      const [tags, sources] = await Promise.all([this.api.listTags({}), this.api.listSources({})]);
      this.tags = tags;
      this.sources = sources;
      this.host.requestUpdate();
      this.onFacets(tags, sources);
    } catch (error) {
      console.warn('sahifa: tags and sources not loaded', error);
    }
  }

  /** Counts, tags and sources. */
  refresh(): void {
    void this.refreshStats();
    void this.refreshFacets();
  }

  /** Every article's sources together. */
  get sourceTotal(): number {
    return this.sources.reduce((sum, s) => sum + s.count, 0);
  }
}
