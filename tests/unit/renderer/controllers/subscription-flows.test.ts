/**
 * The subscriptions' dialog flows and the keyboard triage, against the fake library (feed 1 in the
 * folder "أخبار", feed 2 at the top): a folder renamed, or the dialog told main's reason; a folder
 * deleted with its feeds moving up, the list taken off it, and the notice's undo (or Ctrl+Z)
 * putting it back; a delete that unsubscribes, with no undo to offer; the desktop menu's commands;
 * Space at the end of the list, and Shift+A.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedInfo } from '../../../../common';
import { ArticleController } from '../../../../renderer/controllers/article';
import { FeedsController } from '../../../../renderer/controllers/feeds';
import { LibraryFacetsController } from '../../../../renderer/controllers/library-facets';
import { ListQueryController } from '../../../../renderer/controllers/list-query';
import { NoticeController } from '../../../../renderer/controllers/notices';
import { SubscriptionFlows } from '../../../../renderer/controllers/subscription-flows';
import { TriageController } from '../../../../renderer/controllers/triage';
import { UndoController } from '../../../../renderer/controllers/undo';
import { ar } from '../../../../renderer/i18n/ar';
import type { FolderQuestion, SubscriptionDialogsView } from '../../../../renderer/view-state';
import { fakeApi, FakeHost, settle, type FakeApi } from './fakes';

/** The dialogs as the flows drive them: what was shown, and how each ended. */
class FakeDialogs implements SubscriptionDialogsView {
  isOpen = false;
  shown: unknown[] = [];
  outcomes: (string | null)[] = [];
  async showSubscribe(opener: HTMLElement | null) {
    this.shown.push({ subscribe: opener });
  }
  subscribed(failure: string | null) {
    this.outcomes.push(failure);
  }
  async showFeed(feed: FeedInfo, folder: string, _opener: HTMLElement | null, unsubscribe: boolean) {
    this.shown.push({ feed: feed.id, folder, unsubscribe });
  }
  async showFolder(question: FolderQuestion) {
    this.shown.push(question);
  }
  renamed(failure: string | null) {
    this.outcomes.push(failure);
  }
}

describe('subscription flows', () => {
  let api: FakeApi;
  let host: FakeHost;
  let list: ListQueryController;
  let notices: NoticeController;
  let feeds: FeedsController;
  let reading: ArticleController;
  let undo: UndoController;
  let dialogs: FakeDialogs;
  let flows: SubscriptionFlows;
  let downloads: string[];

  beforeEach(async () => {
    vi.useFakeTimers();
    api = fakeApi(30);
    host = new FakeHost();
    downloads = [];
    list = new ListQueryController(host, api);
    const facets = new LibraryFacetsController(host, api);
    notices = new NoticeController(host, () => undo.forget());
    feeds = new FeedsController(host, { api, notices, onArticlesChanged: () => list.reload(), downloadFile: (name) => downloads.push(name) });
    reading = new ArticleController(host, { api, list, facets, notices });
    undo = new UndoController({ api, article: reading, list, facets, notices });
    dialogs = new FakeDialogs();
    flows = new SubscriptionFlows({ feeds, undo, notices, dialogs: () => dialogs, scope: () => list.scope, onScopeGone: () => list.setScope(null) });
    host.connect();
    await list.ready;
    await settle();
  });

  afterEach(() => {
    host.disconnect();
    vi.useRealTimers();
  });

  it('asks about a folder with where its contents go and how many feeds it holds', async () => {
    await flows.showFolder(1, 'delete', null);
    expect(dialogs.shown).toEqual([{ action: 'delete', folder: { id: 1, name: 'أخبار', parent: null, unread: 10 }, parent: null, feeds: 1 }]);
    await flows.showFolder(99, 'rename', null);
    expect(dialogs.shown).toHaveLength(1);
  });

  it('renames a folder, or tells the dialog main’s reason', async () => {
    await flows.renameFolder(1, 'صحف');
    expect(dialogs.outcomes).toEqual([null]);
    expect(feeds.folder(1)?.name).toBe('صحف');
    expect(notices.notice?.message).toBe(ar.folderRenamed('صحف'));
    api.failNext('renameFolder', 'there is already a folder named "رياضة" there');
    await flows.renameFolder(1, 'رياضة');
    expect(dialogs.outcomes[1]).toBe('there is already a folder named "رياضة" there');
    expect(feeds.folder(1)?.name).toBe('صحف');
  });

  it('deletes a folder: its feed moves up, the list leaves it, and the undo puts it back', async () => {
    list.setScope({ kind: 'folder', id: 1 });
    await list.ready;
    await flows.deleteFolder(1, false, true);
    expect(api.inputs('deleteFolder')).toEqual([{ id: 1, unsubscribe: false, keepArticles: true }]);
    expect(feeds.folders).toEqual([]);
    expect(feeds.feed(1)?.folder).toBeNull();
    expect(list.scope).toBeNull();
    expect(notices.notice?.message).toBe(ar.folderDeleted('أخبار'));
    await undo.undo();
    expect(api.inputs('restoreFolder')).toEqual([{ id: 1, feeds: [1], folders: [] }]);
    expect(feeds.folder(1)?.name).toBe('أخبار');
    expect(feeds.feed(1)?.folder).toBe(1);
    expect(notices.notice?.message).toBe(ar.folderRestored);
  });

  it('deletes a folder unsubscribing its feeds: no undo offered, and a failure is a notice', async () => {
    await flows.deleteFolder(1, true, true);
    expect(feeds.feed(1)).toBeUndefined();
    expect(notices.notice).toMatchObject({ message: ar.folderDeletedUnsubscribed('أخبار', 1) });
    expect(notices.notice?.action).toBeUndefined();
    api.failNext('deleteFolder', 'there is no folder 7');
    await flows.deleteFolder(7, false, true);
    expect(notices.notice).toMatchObject({ kind: 'error' });
  });

  it('runs the desktop menu’s commands as the sidebar does', async () => {
    await flows.command('subscribe', null);
    expect(dialogs.shown).toEqual([{ subscribe: null }]);
    await flows.command('refresh-feeds', null);
    expect(api.inputs('refreshFeeds')).toEqual([{}]);
    await flows.command('export-opml', null);
    expect(downloads).toEqual(['sahifa-subscriptions.opml']);
  });

  it('Space past the last unread article says so; Shift+A marks the list read with the undo', async () => {
    const triage = new TriageController({ reading, list, notices, undo, reader: () => null, open: (id) => reading.open(id) });
    list.setScope({ kind: 'feed', id: 2 });
    await list.ready;
    expect(await triage.markListRead()).toBe(10);
    expect(notices.notice?.action?.label).toBe(ar.undo);
    await triage.page(false);
    expect(notices.notice?.message).toBe(ar.noMoreUnread);
    await undo.undo();
    await triage.page(false);
    expect(reading.selectedId).not.toBeNull();
  });
});
