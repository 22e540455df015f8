import { describe, expect, it } from 'vitest';
import type { SourceCount, TagCount } from '../../../../common';
import { LibraryFacetsController } from '../../../../renderer/controllers/library-facets';
import { fakeApi, FakeHost } from './fakes';

describe('the library facets controller', () => {
  it('counts the articles and bookmarks, and lists the tags and sources with their counts', async () => {
    const api = fakeApi(60);
    api.articles[0]!.bookmarked = true;
    api.articles[0]!.tags = ['سياسة'];
    api.articles[1]!.tags = ['سياسة', 'اقتصاد'];
    const source = api.articles[0]!.source;
    api.articles[2]!.source = null;
    const host = new FakeHost();
    const seen: [TagCount[], SourceCount[]][] = [];
    const facets = new LibraryFacetsController(host, api, (tags, sources) => seen.push([tags, sources]));
    await facets.refreshStats();
    await facets.refreshFacets();
    expect(facets.stats).toEqual({ articles: 60, bookmarks: 1 });
    expect(facets.tags).toEqual([
      { name: 'سياسة', count: 2 },
      { name: 'اقتصاد', count: 1 },
    ]);
    // The articles without a source count too: "every source" is the whole library.
    expect(facets.sources).toEqual([
      { source, count: 59 },
      { source: null, count: 1 },
    ]);
    expect(facets.sourceTotal).toBe(60);
    expect(seen).toEqual([[facets.tags, facets.sources]]);
    expect(host.updates).toBe(2);
  });

  it('keeps what it had when the library does not answer', async () => {
    const api = fakeApi(5);
    api.articles[0]!.tags = ['رياضة'];
    const facets = new LibraryFacetsController(new FakeHost(), api);
    await facets.refreshFacets();
    api.failNext('listTags', 'the library is busy');
    await facets.refreshFacets();
    expect(facets.tags).toEqual([{ name: 'رياضة', count: 1 }]);
  });
});
