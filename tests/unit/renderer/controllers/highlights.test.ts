import { beforeEach, describe, expect, it } from 'vitest';
import { ArticleController } from '../../../../renderer/controllers/article';
import { HighlightsController } from '../../../../renderer/controllers/highlights';
import { LibraryFacetsController } from '../../../../renderer/controllers/library-facets';
import { ListQueryController } from '../../../../renderer/controllers/list-query';
import { NoticeController } from '../../../../renderer/controllers/notices';
import { ar } from '../../../../renderer/i18n/ar';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

describe('the highlights controller', () => {
  let api: FakeApi;
  let host: FakeHost;
  let notices: NoticeController;
  let downloads: string[];
  let marks: HighlightsController;

  beforeEach(() => {
    api = fakeApi(5);
    host = new FakeHost();
    notices = new NoticeController(host);
    downloads = [];
    marks = new HighlightsController(host, api, notices, (fileName) => downloads.push(fileName));
  });

  it('fetches the highlights of the article shown, once, and forgets them for another', async () => {
    await api.addHighlight({ article: 1, start: 10, end: 40 });
    marks.follow(1);
    marks.follow(1);
    await settle();
    expect(api.inputs('articleHighlights')).toEqual([{ id: 1 }]);
    expect(marks.highlights.map((h) => h.quote)).toEqual([api.articles[0]!.text.slice(10, 40)]);
    marks.follow(2);
    expect(marks.highlights).toEqual([]);
    await settle();
    expect(marks.highlights).toEqual([]);
  });

  it('fetches an article’s highlights at the same time as the article, which shows with them', async () => {
    await api.addHighlight({ article: 3, start: 10, end: 40 });
    const list = new ListQueryController(host, api);
    const reading = new ArticleController(host, {
      api,
      list,
      facets: new LibraryFacetsController(host, api),
      notices,
      alongside: (id) => marks.follow(id),
    });
    const opened = reading.open(3);
    // Both asked for before either answered.
    expect(api.calls.map((c) => c.method).filter((m) => m === 'getArticle' || m === 'articleHighlights')).toEqual(['getArticle', 'articleHighlights']);
    expect(reading.article).toBeNull();
    await opened;
    expect(reading.article?.id).toBe(3);
    expect(marks.articleId).toBe(3);
    expect(marks.highlights).toHaveLength(1);
    // Following the article once it is shown asks for nothing more.
    await marks.follow(3);
    expect(api.inputs('articleHighlights')).toEqual([{ id: 3 }]);
  });

  it('opens the article even when its highlights cannot be fetched (a notice says why)', async () => {
    api.failNext('articleHighlights', 'the library is busy');
    const reading = new ArticleController(host, {
      api,
      list: new ListQueryController(host, api),
      facets: new LibraryFacetsController(host, api),
      notices,
      alongside: (id) => marks.follow(id),
    });
    await reading.open(2);
    expect(reading.article?.id).toBe(2);
    expect(notices.notice).toMatchObject({ kind: 'error', message: 'the library is busy' });
  });

  it('adds in text order, recolours, annotates and removes, saving each change first', async () => {
    marks.follow(1);
    await settle();
    await marks.add(1, 100, 120, 'green');
    await marks.add(1, 10, 20, 'yellow');
    expect(marks.highlights.map((h) => h.start)).toEqual([10, 100]);
    const [first] = marks.highlights;
    await marks.update(first!.id, { color: 'pink', note: 'مهم' });
    expect(marks.highlights[0]).toMatchObject({ color: 'pink', note: 'مهم' });
    expect(notices.notice?.message).toBe(ar.noteSaved);
    await marks.remove(first!.id);
    expect(marks.highlights.map((h) => h.start)).toEqual([100]);
    expect(api.highlights.find((h) => h.id === first!.id)?.removed).toBe(true);
  });

  it('shows a failure as a notice and changes nothing', async () => {
    marks.follow(1);
    await settle();
    api.failNext('addHighlight', 'the offsets are outside the text');
    expect(await marks.add(1, 0, 10, 'blue')).toBeNull();
    expect(marks.highlights).toEqual([]);
    expect(notices.notice).toMatchObject({ kind: 'error', message: 'the offsets are outside the text' });
  });

  it('exports the article’s highlights as a download in the browser mode', async () => {
    marks.follow(2);
    await settle();
    await marks.add(2, 5, 25, 'yellow');
    await marks.exportAs('md');
    expect(api.inputs('exportHighlights')).toEqual([{ article: 2, format: 'md' }]);
    expect(downloads).toEqual(['highlights.md']);
    expect(notices.notice?.message).toBe(ar.highlightsExported);
  });
});
