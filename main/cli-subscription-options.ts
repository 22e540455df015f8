/**
 * What the command line must know of its subscription commands before running one: their usage
 * lines, options and argument counts, and the `--feed`/`--folder` narrowing that list and search
 * share. The commands themselves (cli-subscriptions.ts) load the fetching and feed-reading code, so
 * cli.ts imports them only when one runs: every other command starts without it.
 */
import { UsageError } from './cli-usage';
import { NotFoundError, type Library } from './library/library';

export const SUBSCRIPTION_USAGE = `  subscribe <url> [--folder F]   subscribe to a feed, or to the feed a site announces
  feeds                          the subscriptions, with unread counts and their last error
  refresh [--feed ID]            fetch every feed that is not paused (or one) now
  feed <id> [--title T] [--folder F] [--interval MIN] [--full-text on|off]
         [--images on|off] [--keep-days N|off] [--pause|--resume]
                                 change a subscription
  unsubscribe <id> [--delete-articles]
                                 bookmarked, tagged and noted articles always stay
  opml import <file> | opml export [--out FILE]
  save <url>                     fetch a page and import it like a saved page
  mark-read (--feed ID | --folder F | --all) [--before YYYY-MM-DD]
  folder rename <id|path> <name> rename a folder (unique among the folders beside it)
  folder delete <id|path> [--unsubscribe] [--delete-articles]
                                 its feeds and folders move to its parent, or are unsubscribed`;

export const SUBSCRIPTION_OPTIONS = {
  feed: { type: 'string' },
  folder: { type: 'string' },
  title: { type: 'string' },
  interval: { type: 'string' },
  'full-text': { type: 'string' },
  images: { type: 'string' },
  'keep-days': { type: 'string' },
  pause: { type: 'boolean', default: false },
  resume: { type: 'boolean', default: false },
  'delete-articles': { type: 'boolean', default: false },
  unsubscribe: { type: 'boolean', default: false },
  before: { type: 'string' },
} as const;

/** The parsed options these commands read (cli.ts's parseArgs values have them all). */
export interface SubscriptionValues {
  json: boolean;
  all: boolean;
  out?: string;
  feed?: string;
  folder?: string;
  title?: string;
  interval?: string;
  'full-text'?: string;
  images?: string;
  'keep-days'?: string;
  pause: boolean;
  resume: boolean;
  'delete-articles': boolean;
  unsubscribe: boolean;
  before?: string;
}

/** Where the commands write (cli.ts's Io). */
export interface Output {
  out: (text: string) => void;
}

export const SUBSCRIPTION_ARGUMENTS: Record<string, [number, number]> = {
  subscribe: [1, 1],
  feeds: [0, 0],
  refresh: [0, 0],
  feed: [1, 1],
  unsubscribe: [1, 1],
  opml: [1, 2],
  save: [1, 1],
  'mark-read': [0, 0],
  folder: [2, 3],
};

export function feedId(value: string | undefined, name = 'a feed id'): number {
  if (value === undefined || !/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`"${value ?? ''}" is not ${name}`);
  return Number(value);
}

export function onOff(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'on' && value !== 'off') throw new UsageError(`--${name} takes on or off, not "${value}"`);
  return value === 'on';
}

/** The feeds `--feed ID` or `--folder F` name, or undefined when neither is given. */
export function feedFilter(library: Library, values: Pick<SubscriptionValues, 'feed' | 'folder'>): number[] | undefined {
  if (values.feed !== undefined && values.folder !== undefined) throw new UsageError('--feed and --folder cannot be used together');
  if (values.feed !== undefined) return [library.feeds().get(feedId(values.feed)).id];
  if (values.folder !== undefined) return library.feeds().feedIdsInFolder(folderId(library, values.folder));
  return undefined;
}

/** A folder named by its id or its path ("أخبار / الخليج"). */
export function folderId(library: Library, name: string): number {
  if (/^[1-9]\d{0,15}$/.test(name)) {
    const id = Number(name);
    if (library.feeds().folders().some((f) => f.id === id)) return id;
  }
  const id = library.feeds().findFolder(name);
  if (id === null) throw new NotFoundError(`there is no folder "${name}"`);
  return id;
}
