import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleController } from '../../../../renderer/controllers/article';
import { LibraryFacetsController } from '../../../../renderer/controllers/library-facets';
import { ListQueryController } from '../../../../renderer/controllers/list-query';
import { NOTICE_MS, NoticeController } from '../../../../renderer/controllers/notices';
import { UNDO_MS, UndoController } from '../../../../renderer/controllers/undo';
import { ar } from '../../../../renderer/i18n/ar';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

describe('notices and undo', () => {
  let api: FakeApi;
  let host: FakeHost;
  let list: ListQueryController;
  let facets: LibraryFacetsController;
  let notices: NoticeController;
  let reading: ArticleController;
  let undo: UndoController;
  let dismissed: number;
  let restored: number;

  beforeEach(async () => {
    vi.useFakeTimers();
    api = fakeApi(60);
    host = new FakeHost();
    dismissed = 0;
    restored = 0;
    list = new ListQueryController(host, api);
    facets = new LibraryFacetsController(host, api);
    notices = new NoticeController(host, () => {
      dismissed++;
      undo.forget();
    });
    reading = new ArticleController(host, { api, list, facets, notices });
    undo = new UndoController({ api, article: reading, list, facets, notices, onRestored: () => restored++ });
    host.connect();
    await list.ready;
  });

  afterEach(() => {
    host.disconnect();
    vi.useRealTimers();
  });

  it('a notice goes away by itself, and a new one replaces it without ending it', () => {
    notices.show({ message: 'one' });
    vi.advanceTimersByTime(NOTICE_MS - 1);
    notices.show({ message: 'two' });
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(notices.notice?.message).toBe('two');
    expect(dismissed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(notices.notice).toBeNull();
    expect(dismissed).toBe(1);
  });

  it('deletes the article in the reader, and the notice undoes it', async () => {
    await reading.open(60);
    const title = reading.article!.title;
    expect(await undo.delete(reading.article!)).toBe(true);
    expect(reading.article).toBeNull();
    expect(reading.selectedId).toBeNull();
    expect(notices.notice?.message).toBe(ar.deleted(title));
    await list.ready;
    expect(list.list?.total).toBe(59);
    expect(list.list?.get(0)?.id).toBe(59);

    // The notice's Undo button.
    notices.notice?.action?.run();
    await settle();
    expect(api.inputs('restoreArticle')).toEqual([{ id: 60 }]);
    expect(reading.article?.id).toBe(60);
    expect(notices.notice?.message).toBe(ar.restored);
    expect(restored).toBe(1);
    await list.ready;
    expect(list.list?.total).toBe(60);
    // Once only.
    await undo.undo();
    expect(api.inputs('restoreArticle')).toHaveLength(1);
  });

  it('the undo ends with its notice', async () => {
    await reading.open(60);
    await undo.delete(reading.article!);
    vi.advanceTimersByTime(UNDO_MS);
    expect(notices.notice).toBeNull();
    await undo.undo();
    expect(api.inputs('restoreArticle')).toEqual([]);
    expect(restored).toBe(0);
  });

  it('an article that cannot be deleted stays, and the notice says why', async () => {
    await reading.open(60);
    api.failNext('deleteArticle', 'the library is read-only');
    expect(await undo.delete(reading.article!)).toBe(false);
    expect(reading.article?.id).toBe(60);
    expect(notices.notice).toEqual({ message: 'the library is read-only', kind: 'error' });
  });
});
