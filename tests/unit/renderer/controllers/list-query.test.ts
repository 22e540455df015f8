import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ListQueryController, SEARCH_DEBOUNCE_MS } from '../../../../renderer/controllers/list-query';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

describe('the list controller', () => {
  let api: FakeApi;
  let host: FakeHost;
  let list: ListQueryController;

  beforeEach(() => {
    api = fakeApi(60);
    host = new FakeHost();
    list = new ListQueryController(host, api);
  });

  afterEach(() => {
    host.disconnect();
    vi.useRealTimers();
  });

  it('shows the library, newest first, a page at a time', async () => {
    host.connect();
    await list.ready;
    expect(list.list?.total).toBe(60);
    expect(list.list?.get(0)?.id).toBe(60);
    expect(list.list?.get(49)?.id).toBe(11);
    // The second page is asked for only when its rows come into view.
    expect(list.list?.get(50)).toBeUndefined();
    expect(api.inputs('listArticles')).toEqual([{ filter: 'all', unread: false, sort: 'date', offset: 0, limit: 50 }]);
    list.list?.ensure(40, 55);
    await settle();
    expect(list.list?.get(59)?.id).toBe(1);
    expect(host.updates).toBeGreaterThan(0);
  });

  it('orders search results by relevance or newest first, and keeps the library’s own sort apart', async () => {
    host.connect();
    await list.ready;
    list.setSearchSort('date');
    // Not searching: nothing to ask again.
    expect(api.inputs('search')).toEqual([]);
    const word = 'ال';
    list.type(word);
    list.commit();
    await list.ready;
    expect(api.inputs('search').at(-1)).toMatchObject({ query: word, sort: 'date' });
    const ids = Array.from({ length: Math.min(list.list!.total!, 50) }, (_, i) => list.list!.get(i)!.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    list.setSearchSort('relevance');
    await list.ready;
    expect(api.inputs('search').at(-1)).toMatchObject({ query: word, sort: 'relevance' });
    expect((api.inputs('listArticles') as { sort?: string }[]).every((input) => input.sort === 'date')).toBe(true);
  });

  it('searches once the typing pauses, for the trimmed text', async () => {
    vi.useFakeTimers();
    host.connect();
    const word = api.articles[0]!.title.split(' ')[0]!;
    list.type(word.slice(0, 1));
    list.type(word.slice(0, 2));
    list.type(` ${word} `);
    expect(list.text).toBe(` ${word} `);
    expect(api.inputs('search')).toEqual([]);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(list.query).toBe(word);
    expect(api.inputs('search')).toEqual([{ query: word, offset: 0, limit: 50, bookmarked: false, unread: false, sort: 'relevance' }]);
    await list.ready;
    expect(list.list?.total).toBeGreaterThan(0);
    expect(list.list?.get(0)?.title.includes(word) || api.articles.find((a) => a.id === list.list?.get(0)?.id)?.text.includes(word)).toBe(true);

    // Enter with the same text searches nothing new; clearing brings the library back.
    list.commit();
    expect(api.inputs('search')).toHaveLength(1);
    list.clearSearch();
    expect(list.text).toBe('');
    expect(list.query).toBe('');
    await list.ready;
    expect(list.list?.total).toBe(60);
  });

  it('drops the answers for a list that was replaced', async () => {
    host.connect();
    const first = list.list;
    list.setSort('title');
    await settle();
    expect(first?.total).toBeNull();
    expect(list.list).not.toBe(first);
    expect(list.list?.total).toBe(60);
    const titles = [0, 1, 2].map((i) => list.list?.get(i)?.title ?? '');
    expect([...titles].sort((a, b) => a.localeCompare(b, 'ar'))).toEqual(titles);
  });

  it('narrows by tag, source and unread, and a view lifts the tag', async () => {
    api.articles[0]!.tags = ['اقتصاد'];
    api.articles[1]!.tags = ['اقتصاد'];
    api.articles[1]!.read = true;
    host.connect();
    list.showView('bookmarks');
    list.setTag('اقتصاد');
    expect(list.view).toBe('library');
    await list.ready;
    expect(list.list?.total).toBe(2);
    list.toggleUnread();
    await list.ready;
    expect(list.list?.total).toBe(1);
    expect(list.list?.get(0)?.id).toBe(1);
    const source = api.articles[0]!.source!;
    list.setSource(source);
    expect(api.inputs('listArticles').at(-1)).toMatchObject({ tag: 'اقتصاد', source, unread: true });

    expect(list.showView('library')).toBe(true);
    expect(list.tag).toBeNull();
    // The same view again, with no tag or search to leave: nothing to do.
    const calls = api.calls.length;
    expect(list.showView('library')).toBe(false);
    expect(api.calls.length).toBe(calls);
  });

  it('changes a loaded row in place, without asking again', async () => {
    host.connect();
    await list.ready;
    const calls = api.calls.length;
    const revision = list.revision;
    list.updateArticle(60, { read: true, bookmarked: true });
    expect(list.list?.get(0)).toMatchObject({ id: 60, read: true, bookmarked: true });
    expect(list.list?.get(1)).toMatchObject({ read: false, bookmarked: false });
    expect(list.revision).toBe(revision + 1);
    expect(api.calls.length).toBe(calls);
  });

  it('says why the list could not be loaded', async () => {
    api.failNext('listArticles', 'the library is locked');
    host.connect();
    await list.ready;
    expect(list.error).toBe('the library is locked');
    list.reload();
    expect(list.error).toBeNull();
  });
});
