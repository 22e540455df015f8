/**
 * The command line's subscription commands: subscribe, feeds, refresh, feed, unsubscribe, opml,
 * save and mark-read, on the same library as the app, with the JSON shapes scripts rely on. They
 * fetch in this process (there is no window to keep responsive), within the refresher's limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { feedFilter, feedId, folderId, onOff, type Output, type SubscriptionValues } from './cli-subscription-options';
import { day, UsageError, wholeNumber } from './cli-usage';
import type { Feed } from './library/feeds';
import type { Library } from './library/library';
import { exportOpml, importOpml, readOpmlFile } from './subscriptions/opml';
import { defaultFeedParseThreads } from './subscriptions/parse-pool';
import { activeFeedIds, refreshFeeds, withRefreshContext, type RefreshContext } from './subscriptions/refresh';
import { savePage, subscribe } from './subscriptions/subscribe';

/** A feed as `feeds` prints it. */
function feedJson(feed: Feed) {
  return {
    id: feed.id,
    title: feed.title,
    url: feed.url,
    site: feed.site,
    folder: feed.folder,
    articles: feed.articles,
    unread: feed.unread,
    last_checked: feed.lastChecked,
    last_error: feed.lastError,
    // The reason as a stable word (common/subscriptions.ts FEED_ERROR_CODES), for scripts.
    error_code: feed.errorCode,
    interval_minutes: feed.intervalMinutes,
    full_text: feed.fullText,
    images: feed.images,
    paused: feed.paused !== null,
  };
}

function feedLine(feed: Feed): string {
  const state = feed.paused !== null ? ` [paused: ${feed.paused}]` : feed.lastError ? ` [error: ${feed.lastError}]` : '';
  return `${String(feed.id).padStart(4)}  ${String(feed.unread).padStart(5)}/${String(feed.articles).padEnd(5)} ${feed.title}${feed.folder ? ` (${feed.folder})` : ''} — ${feed.url}${state}`;
}

/** Runs a subscription command; null when the command is not one of them. */
export async function runSubscriptionCommand(command: string, args: string[], values: SubscriptionValues, library: Library, io: Output): Promise<number | null> {
  const json = values.json;
  const print = (value: unknown) => io.out(JSON.stringify(value));
  const store = library.feeds();
  const withContext = <T>(run: (ctx: RefreshContext) => Promise<T>, parseThreads = 0): Promise<T> =>
    withRefreshContext(library, run, { parseThreads });
  switch (command) {
    case 'subscribe': {
      const report = await withContext((ctx) => subscribe(ctx, args[0] as string, { folder: values.folder ?? null })).catch((error: unknown) => {
        throw new Error(`cannot subscribe to ${args[0]}: ${error instanceof Error ? error.message : String(error)}`);
      });
      const { id, title, url, site, folder } = report.feed;
      const failed = report.failed.map(({ path: where, error }) => ({ path: where, error }));
      if (json) print({ feed: { id, title, url, site, folder }, imported: report.imported, duplicates: report.duplicates, failed });
      else {
        io.out(`${report.existing ? 'already subscribed to' : 'subscribed to'} ${title} (feed ${id}) — ${url}`);
        io.out(`imported ${report.imported}, duplicates ${report.duplicates}, failed ${failed.length}`);
      }
      return 0;
    }
    case 'feeds': {
      const feeds = store.list();
      if (json) print(feeds.map(feedJson));
      else {
        for (const feed of feeds) io.out(feedLine(feed));
        io.out(`${feeds.length} feeds, ${feeds.reduce((n, f) => n + f.unread, 0)} unread`);
      }
      return 0;
    }
    case 'refresh': {
      const ids = values.feed !== undefined ? [store.get(feedId(values.feed)).id] : activeFeedIds(library);
      // Several feeds are read on parse threads while others download; one is read right here.
      const summary = await withContext((ctx) => refreshFeeds(ctx, ids), ids.length > 1 ? defaultFeedParseThreads() : 0);
      if (json) print(summary);
      else {
        io.out(`${summary.feeds} feeds: ${summary.new} new, ${summary.updated} updated, ${summary.not_modified} not modified, ${summary.failed.length} failed`);
        for (const f of summary.failed) io.out(`  feed ${f.feed} ${f.url}: ${f.error}`);
      }
      return summary.failed.length > 0 ? 1 : 0;
    }
    case 'feed': {
      const id = feedId(args[0]);
      if (values.pause && values.resume) throw new UsageError('--pause and --resume cannot be used together');
      const keepDays = values['keep-days'];
      if (keepDays !== undefined && keepDays !== 'off' && !/^[1-9]\d{0,4}$/.test(keepDays)) throw new UsageError(`--keep-days takes a number of days or off, not "${keepDays}"`);
      store.get(id);
      const feed = store.update(id, {
        title: values.title,
        folderId: values.folder === undefined ? undefined : values.folder.trim() === '' ? null : store.ensureFolder(values.folder),
        intervalMinutes: values.interval === undefined ? undefined : wholeNumber(values.interval, 'interval', 60, 1),
        fullText: onOff(values['full-text'], 'full-text'),
        images: onOff(values.images, 'images'),
        keepDays: keepDays === undefined ? undefined : keepDays === 'off' ? null : Number(keepDays),
        paused: values.pause ? 'paused by the reader' : values.resume ? null : undefined,
      });
      if (keepDays !== undefined) store.prune(id);
      if (json) print(feedJson(store.get(feed.id)));
      else io.out(feedLine(store.get(feed.id)));
      return 0;
    }
    case 'unsubscribe': {
      const id = feedId(args[0]);
      const { deleted } = store.remove(id, { deleteArticles: values['delete-articles'] });
      if (json) print({ unsubscribed: id, deleted });
      else io.out(`unsubscribed from feed ${id}${values['delete-articles'] ? `; ${deleted} articles deleted (bookmarked, tagged and noted ones kept)` : '; its articles stay in the library'}`);
      return 0;
    }
    case 'opml': {
      const [action, file] = args;
      if (action === 'import') {
        if (!file || args.length !== 2) throw new UsageError('opml import takes one file');
        const report = importOpml(store, readOpmlFile(file), file);
        if (json) print(report);
        else io.out(`added ${report.added} feeds, ${report.existing} already subscribed, ${report.folders} new folders`);
        return 0;
      }
      if (action === 'export' && args.length === 1) {
        const xml = exportOpml(store);
        if (!values.out) {
          io.out(xml.trimEnd());
          return 0;
        }
        const target = path.resolve(values.out);
        fs.writeFileSync(target, xml);
        if (json) print({ exported: store.list().length, file: target });
        else io.out(`exported ${store.list().length} feeds to ${target}`);
        return 0;
      }
      throw new UsageError('opml takes "import <file>" or "export [--out FILE]"');
    }
    case 'save': {
      const report = await withContext((ctx) => savePage(ctx, args[0] as string)).catch((error: unknown) => {
        throw new Error(`cannot save ${args[0]}: ${error instanceof Error ? error.message : String(error)}`);
      });
      if (json) print({ imported: report.imported, duplicates: report.duplicates, failed: report.failed, id: report.id });
      else io.out(`${report.imported ? 'saved' : 'already in the library:'} article ${report.id}`);
      return 0;
    }
    case 'mark-read': {
      const scopes = [values.feed !== undefined, values.folder !== undefined, values.all].filter(Boolean).length;
      if (scopes !== 1) throw new UsageError('mark-read takes one of --feed ID, --folder F or --all');
      const before = day(values.before, 'before');
      const ids = values.all ? null : (feedFilter(library, values) as number[]);
      const marked = store.markRead(ids, before).length;
      if (json) print({ marked });
      else io.out(`marked ${marked} articles read`);
      return 0;
    }
    case 'folder':
      return folderCommand(args, values, library, io);
    default:
      return null;
  }
}

/** `folder rename <id|path> <name>` and `folder delete <id|path> [--unsubscribe] [--delete-articles]`. */
function folderCommand(args: string[], values: SubscriptionValues, library: Library, io: Output): number {
  const print = (value: unknown) => io.out(JSON.stringify(value));
  const store = library.feeds();
  const [action, which, name] = args as [string, string, string | undefined];
  if (action === 'rename' && name !== undefined) {
    const id = folderId(library, which);
    store.renameFolder(id, name);
    const folder = store.folders().find((f) => f.id === id)!;
    if (values.json) print({ id, name: folder.name, path: folder.path });
    else io.out(`renamed folder ${id} to ${folder.path}`);
    return 0;
  }
  if (action === 'delete' && name === undefined) {
    if (values['delete-articles'] && !values.unsubscribe) throw new UsageError('--delete-articles goes with --unsubscribe');
    const id = folderId(library, which);
    const path = store.folders().find((f) => f.id === id)!.path;
    const done = store.deleteFolder(id, { unsubscribe: values.unsubscribe, deleteArticles: values['delete-articles'] });
    if (values.json) print({ id, moved_feeds: done.feeds.length, moved_folders: done.folders.length, unsubscribed: done.unsubscribed, deleted: done.deleted });
    else if (values.unsubscribe)
      io.out(`deleted folder ${path}; unsubscribed from ${done.unsubscribed} feeds${values['delete-articles'] ? `, ${done.deleted} articles deleted (bookmarked, tagged, noted and highlighted ones kept)` : '; their articles stay in the library'}`);
    else io.out(`deleted folder ${path}; ${done.feeds.length} feeds and ${done.folders.length} folders moved to ${path.includes(' / ') ? path.slice(0, path.lastIndexOf(' / ')) : 'the top'}`);
    return 0;
  }
  throw new UsageError('folder takes "rename <id|path> <name>" or "delete <id|path> [--unsubscribe] [--delete-articles]"');
}
