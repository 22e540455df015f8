import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleController, type BrowserActions } from '../../../../renderer/controllers/article';
import { LibraryFacetsController } from '../../../../renderer/controllers/library-facets';
import { ListQueryController } from '../../../../renderer/controllers/list-query';
import { NoticeController } from '../../../../renderer/controllers/notices';
import { READ_AFTER_MS, SAVE_DELAY_MS } from '../../../../renderer/reading-tracker';
import { ar } from '../../../../renderer/i18n/ar';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

describe('the article controller', () => {
  let api: FakeApi;
  let host: FakeHost;
  let list: ListQueryController;
  let facets: LibraryFacetsController;
  let notices: NoticeController;
  let browser: BrowserActions & { copied: string[]; downloads: string[] };
  let reading: ArticleController;

  beforeEach(async () => {
    api = fakeApi(60);
    host = new FakeHost();
    list = new ListQueryController(host, api);
    facets = new LibraryFacetsController(host, api);
    notices = new NoticeController(host);
    browser = {
      copied: [],
      downloads: [],
      copyText: async (text) => {
        browser.copied.push(text);
        return true;
      },
      downloadFile: (fileName) => void browser.downloads.push(fileName),
    };
    reading = new ArticleController(host, { api, list, facets, notices, browser });
    host.connect();
    await list.ready;
  });

  afterEach(() => {
    host.disconnect();
    vi.useRealTimers();
  });

  it('opens an article with the marks of the search that found it', async () => {
    const article = api.articles[4]!;
    const word = article.text.split(/\s+/).find((w) => w.length > 4)!;
    list.type(word);
    list.commit();
    await reading.open(article.id);
    expect(api.inputs('getArticle')).toEqual([{ id: article.id, query: word }]);
    expect(reading.article?.title).toBe(article.title);
    const [start, end] = reading.article!.highlights[0]!;
    expect(reading.article!.text.slice(start, end)).toBe(word);
    expect(reading.loading).toBe(false);
  });

  it('shows only the last article asked for when answers cross', async () => {
    const slow = api.getArticle;
    let release: () => void = () => undefined;
    api.getArticle = async (input) => {
      if (input.id === 1) await new Promise<void>((resolve) => (release = resolve));
      return slow(input);
    };
    const first = reading.open(1);
    await reading.open(2);
    release();
    await first;
    expect(reading.selectedId).toBe(2);
    expect(reading.article?.id).toBe(2);
  });

  it('says when an article cannot be opened', async () => {
    api.failNext('getArticle', 'article 7 not found');
    await reading.open(7);
    expect(reading.article).toBeNull();
    expect(reading.error).toBe('article 7 not found');
  });

  it('marks an article read after a while open, and U by hand stands', async () => {
    vi.useFakeTimers();
    await reading.open(60);
    vi.advanceTimersByTime(READ_AFTER_MS);
    await settle();
    expect(api.inputs('saveReading')).toEqual([{ id: 60, read: true }]);
    expect(reading.article?.read).toBe(true);
    expect(list.list?.get(0)).toMatchObject({ id: 60, read: true });

    await reading.open(59);
    await reading.toggleRead();
    await reading.toggleRead();
    vi.advanceTimersByTime(READ_AFTER_MS);
    await settle();
    // Marked read and unread again by hand: the time open no longer marks it.
    expect(api.inputs('saveReading').slice(1)).toEqual([
      { id: 59, read: true },
      { id: 59, read: false },
    ]);
    expect(list.list?.get(1)).toMatchObject({ id: 59, read: false });
  });

  it('saves where the reading stopped, once the scrolling pauses', async () => {
    vi.useFakeTimers();
    await reading.open(60);
    reading.scrolled(60, 0.2);
    reading.scrolled(60, 0.4);
    reading.scrolled(12, 0.9);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    await settle();
    expect(api.inputs('saveReading')).toEqual([{ id: 60, position: 0.4 }]);
    expect(reading.article?.position).toBe(0.4);
    expect(api.articles[59]!.position).toBe(0.4);
  });

  it('bookmarks: the row changes in place, or the bookmarks list is asked again', async () => {
    await reading.open(60);
    await reading.toggleBookmark();
    expect(reading.article?.bookmarked).toBe(true);
    expect(list.list?.get(0)).toMatchObject({ id: 60, bookmarked: true });
    await settle();
    expect(facets.stats).toEqual({ articles: 60, bookmarks: 1 });

    list.showView('bookmarks');
    await list.ready;
    expect(list.list?.total).toBe(1);
    await reading.toggleBookmark();
    await list.ready;
    expect(list.list?.total).toBe(0);
  });

  it('a note bookmarks its article and says it was saved; tags refresh the sidebar', async () => {
    await reading.open(58);
    await reading.saveNote(58, 'للتقرير الأسبوعي');
    expect(reading.article).toMatchObject({ note: 'للتقرير الأسبوعي', bookmarked: true });
    expect(notices.notice?.message).toBe(ar.noteSaved);

    await reading.saveTags(58, ['سياسة', 'الرياض']);
    expect(reading.article?.tags).toEqual(['سياسة', 'الرياض']);
    await settle();
    expect(facets.tags).toEqual([
      { name: 'سياسة', count: 1 },
      { name: 'الرياض', count: 1 },
    ]);
  });

  it('copies the link, exports, and turns failures into notices', async () => {
    await reading.open(57);
    await reading.copyLink();
    expect(browser.copied).toEqual([api.articles[56]!.url]);
    expect(notices.notice?.message).toBe(ar.linkCopied);
    await reading.exportAs('md');
    expect(browser.downloads).toEqual(['57.md']);
    expect(notices.notice?.message).toBe(ar.exported);

    api.failNext('setTags', 'too many tags');
    await reading.saveTags(57, ['x']);
    expect(notices.notice).toEqual({ message: 'too many tags', kind: 'error' });
    expect(reading.article?.tags).toEqual([]);
  });

  it('a deleted article is forgotten: its position is not saved', async () => {
    vi.useFakeTimers();
    await reading.open(60);
    reading.scrolled(60, 0.5);
    reading.forget(60);
    vi.advanceTimersByTime(READ_AFTER_MS);
    await settle();
    expect(reading.article).toBeNull();
    expect(api.inputs('saveReading')).toEqual([]);
  });
});
