import { beforeEach, describe, expect, it } from 'vitest';
import { HighlightsViewController } from '../../../../renderer/controllers/highlights-view';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

/** Every row of the view's list as loaded so far, in order. */
const loaded = (view: HighlightsViewController) => Array.from({ length: view.list?.total ?? 0 }, (_, i) => view.list?.get(i));

describe('the highlights view', () => {
  let api: FakeApi;
  let host: FakeHost;
  let view: HighlightsViewController;

  beforeEach(async () => {
    api = fakeApi(6);
    host = new FakeHost();
    view = new HighlightsViewController(host, api);
    api.articles[0]!.tags.push('اقتصاد');
    api.articles[1]!.feed = 7;
    await api.addHighlight({ article: 1, start: 10, end: 40, color: 'yellow', note: 'أول ملاحظة' });
    await api.addHighlight({ article: 2, start: 50, end: 90, color: 'green' });
    await api.addHighlight({ article: 3, start: 5, end: 30, color: 'green', note: 'الأحدث' });
  });

  it('asks for nothing until it is shown, then lists every highlight newest first with its article', async () => {
    expect(api.inputs('listHighlights')).toEqual([]);
    view.show();
    await view.ready;
    expect(view.active).toBe(true);
    expect(view.list?.total).toBe(3);
    expect(loaded(view).map((h) => [h?.article, h?.note])).toEqual([
      [3, 'الأحدث'],
      [2, null],
      [1, 'أول ملاحظة'],
    ]);
    expect(loaded(view)[0]).toMatchObject({ title: api.articles[2]!.title, source: api.articles[2]!.source, published: api.articles[2]!.published });
    expect(api.inputs('listHighlights')).toEqual([{ offset: 0, limit: 50 }]);
  });

  it('narrows by colour, tag and feed, together, and lifts each again', async () => {
    view.show();
    view.narrow({ color: 'green' });
    await view.ready;
    expect(loaded(view).map((h) => h?.article)).toEqual([3, 2]);
    view.narrow({ feed: 7 });
    await view.ready;
    expect(loaded(view).map((h) => h?.article)).toEqual([2]);
    expect(api.inputs('listHighlights').at(-1)).toEqual({ color: 'green', feed: 7, offset: 0, limit: 50 });
    view.narrow({ color: null, feed: null, tag: 'اقتصاد' });
    await view.ready;
    expect(loaded(view).map((h) => h?.article)).toEqual([1]);
    view.narrow({ tag: null });
    await view.ready;
    expect(view.list?.total).toBe(3);
  });

  it('pages through thousands of highlights, loading only the pages asked for', async () => {
    for (let i = 0; i < 1_200; i++) await api.addHighlight({ article: 4, start: i % 200, end: (i % 200) + 10 });
    view.show();
    await view.ready;
    expect(view.list?.total).toBe(1_203);
    view.list?.ensure(1_000, 1_010);
    await settle();
    expect(api.inputs('listHighlights').map((input) => (input as { offset: number }).offset)).toEqual([0, 950, 1000, 1050]);
    expect(view.list?.get(1_202)).toBeUndefined();
    expect(view.list?.get(1_005)?.article).toBe(4);
  });

  it('drops the answer for a list that was replaced meanwhile', async () => {
    view.show();
    const first = view.list;
    view.narrow({ color: 'yellow' });
    await settle();
    expect(first?.total).toBeNull();
    expect(loaded(view).map((h) => h?.color)).toEqual(['yellow']);
  });

  it('keeps the chosen highlight for the reader to reveal, until it says it did', async () => {
    view.show();
    await view.ready;
    const chosen = view.list!.get(1)!;
    expect(view.choose(chosen)).toBe(2);
    expect(view.selectedId).toBe(chosen.id);
    expect(view.revealing).toBe(chosen.id);
    view.revealed('another highlight');
    expect(view.revealing).toBe(chosen.id);
    view.revealed(chosen.id);
    expect(view.revealing).toBeNull();
    expect(view.selectedId).toBe(chosen.id);
  });

  it('changes a row in place when its highlight changes, and asks again when highlights come or go', async () => {
    view.show();
    await view.ready;
    const asked = api.inputs('listHighlights').length;
    const updated = await api.updateHighlight({ id: view.list!.get(0)!.id, note: 'ملاحظة جديدة', color: 'pink' });
    view.changed(updated);
    expect(view.list!.get(0)).toMatchObject({ note: 'ملاحظة جديدة', color: 'pink', title: api.articles[2]!.title });
    expect(api.inputs('listHighlights')).toHaveLength(asked);
    await api.removeHighlight({ id: updated.id });
    view.refresh();
    await view.ready;
    expect(view.list?.total).toBe(2);
  });

  it('shows a failure as the list’s error, and goes away when hidden', async () => {
    api.failNext('listHighlights', 'the library is busy');
    view.show();
    await view.ready;
    expect(view.error).toBe('the library is busy');
    view.hide();
    expect(view.active).toBe(false);
    expect(view.list).toBeNull();
    const asked = api.inputs('listHighlights').length;
    view.refresh();
    view.narrow({ color: 'blue' });
    expect(api.inputs('listHighlights')).toHaveLength(asked);
  });
});
