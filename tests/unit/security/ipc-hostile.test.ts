/**
 * A compromised renderer (or an article's iframe) calling the API: every method of the contract,
 * with hostile input, through the same paths the app uses (invokeMethod, and registerIpc with a
 * stand-in ipcMain), from our frame and from frames that are not ours. Nothing may get through,
 * nothing may crash, nothing may change in the library, nothing may leak into Object.prototype.
 *
 * tests/unit/shell/handlers.test.ts and ipc.test.ts cover the ordinary refusals one by one; this
 * file sweeps the whole contract, so a method added later is covered (or the table fails to compile).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod, type Handlers, type Platform } from '../../../main/handlers';
import { importPaths } from '../../../main/import/importer';
import { registerIpc, type IpcRegistrar } from '../../../main/ipc';
import { Library } from '../../../main/library/library';
import { channelOf, METHOD_NAMES, type MethodInput, type MethodName } from '../../../common';

const shared = path.resolve(process.cwd(), '../shared');
const articles = [
  path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_article.utf8.txt'),
  path.join(shared, 'corpus', 'encodings', 'derived', 'saudinewsnet_title_only.windows-1256.txt'),
];

const TEN_MB = 'ب'.repeat(10_000_000);
const pollutingProto = () => JSON.parse('{"__proto__":{"polluted":1}}') as unknown;
const pollutingConstructor = () => JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown;
/** Good input for `method`, with a prototype-pollution key added the way JSON.parse adds it. */
const withProtoKey = (json: string) => JSON.parse(`{${json}${json ? ',' : ''}"__proto__":{"polluted":1}}`) as unknown;

/** Wrong for every method, whatever its schema. */
const HOSTILE_FOR_ALL: [string, unknown][] = [
  ['null', null],
  ['a number', 7],
  ['a string', 'stats'],
  ['an array', [{}]],
  ['true', true],
  ['a __proto__ key', pollutingProto()],
  ['a constructor key', pollutingConstructor()],
  ['an unknown key', { admin: true }],
  ['a 10 MB unknown key', { payload: TEN_MB }],
];

/** Wrong for one method: types, missing fields, sizes, ids. A method added to the contract is a type error here until listed. */
const HOSTILE_FOR: { [M in MethodName]: [string, unknown][] } = {
  listArticles: [
    ['an unknown filter', { filter: 'deleted' }],
    ['a negative offset', { offset: -1 }],
    ['a fractional offset', { offset: 1.5 }],
    ['limit 0', { limit: 0 }],
    ['limit 501', { limit: 501 }],
    ['a string limit', { limit: '10' }],
    ['good input with a __proto__ key', withProtoKey('"filter":"all"')],
  ],
  getArticle: [
    ['no id', {}],
    ['a negative id', { id: -1 }],
    ['id zero', { id: 0 }],
    ['a fractional id', { id: 1.5 }],
    ['an id beyond 2^53', { id: 2 ** 53 }],
    ['NaN', { id: Number.NaN }],
    ['a string id', { id: '1' }],
    ['an object id', { id: { valueOf: 1 } }],
    ['a 1,001-character query', { id: 1, query: 'ب'.repeat(1_001) }],
    ['a 10 MB query', { id: 1, query: TEN_MB }],
    ['a query array', { id: 1, query: ['a'] }],
    ['good input with a __proto__ key', withProtoKey('"id":1')],
    ['good input with a constructor key', JSON.parse('{"id":1,"constructor":{"prototype":{"polluted":1}}}')],
  ],
  search: [
    ['no query', {}],
    ['a number query', { query: 5 }],
    ['a 10 MB query', { query: TEN_MB }],
    ['a negative offset', { query: 'السعودية', offset: -5 }],
    ['a string boolean', { query: 'السعودية', bookmarked: 'true' }],
    ['good input with a __proto__ key', withProtoKey('"query":"السعودية"')],
  ],
  setBookmark: [
    ['no bookmarked', { id: 1 }],
    ['no id', { bookmarked: true }],
    ['a negative id', { id: -1, bookmarked: true }],
    ['a fractional id', { id: 1.5, bookmarked: true }],
    ['a string id', { id: '1', bookmarked: true }],
    ['a number for a boolean', { id: 1, bookmarked: 1 }],
    ['good input with a __proto__ key', withProtoKey('"id":1,"bookmarked":true')],
  ],
  stats: [['good input with a __proto__ key', withProtoKey('')]],
  importPaths: [
    ['no paths', {}],
    ['an empty list', { paths: [] }],
    ['a string', { paths: articles[0] }],
    ['a number in the list', { paths: [5] }],
    ['an empty path', { paths: [''] }],
    ['a 4,097-character path', { paths: ['/'.repeat(4_097)] }],
    ['10,001 paths', { paths: Array.from({ length: 10_001 }, () => articles[0]) }],
    ['good input with a __proto__ key', withProtoKey(`"paths":${JSON.stringify(articles)}`)],
  ],
  importFileData: [
    ['no files', {}],
    ['an empty list', { files: [] }],
    ['a file without contents', { files: [{ name: 'a.txt' }] }],
    ['a file without a name', { files: [{ name: '', base64: 'YQ==' }] }],
    ['a 1,025-character name', { files: [{ name: 'a'.repeat(1_025), base64: 'YQ==' }] }],
    ['1,001 files', { files: Array.from({ length: 1_001 }, () => ({ name: 'a.txt', base64: 'YQ==' })) }],
    ['a number as contents', { files: [{ name: 'a.txt', base64: 5 }] }],
    ['a file with a __proto__ key', { files: [withProtoKey('"name":"a.txt","base64":"YQ=="')] }],
  ],
  pickAndImport: [['good input with a __proto__ key', withProtoKey('')]],
  cancelImport: [
    ['no id', {}],
    ['a negative id', { id: -1 }],
    ['a string id', { id: '1' }],
    ['good input with a __proto__ key', withProtoKey('"id":1')],
  ],
  getSettings: [['good input with a __proto__ key', withProtoKey('')]],
  updateSettings: [
    ['no settings', {}],
    ['null settings', { settings: null }],
    ['an unknown setting', { settings: { admin: true } }],
    ['a font size of 1,000', { settings: { fontSize: 1_000 } }],
    ['an unknown theme', { settings: { theme: 'evil' } }],
    ['settings with a __proto__ key', { settings: pollutingProto() }],
    ['settings with a constructor key', { settings: pollutingConstructor() }],
  ],
  saveReading: [
    ['no id', { read: true }],
    ['a position beyond the end', { id: 1, position: 2 }],
    ['a negative position', { id: 1, position: -0.1 }],
    ['a string for read', { id: 1, read: 'yes' }],
    ['a fractional id', { id: 1.5, read: true }],
  ],
  setNote: [
    ['no note', { id: 1 }],
    ['a 10,001-character note', { id: 1, note: 'ب'.repeat(10_001) }],
    ['a 10 MB note', { id: 1, note: TEN_MB }],
    ['a number note', { id: 1, note: 5 }],
    ['good input with a __proto__ key', withProtoKey('"id":1,"note":"x"')],
  ],
  setTags: [
    ['a string for tags', { id: 1, tags: 'أخبار' }],
    ['an empty tag', { id: 1, tags: [''] }],
    ['a blank tag', { id: 1, tags: ['   '] }],
    ['a 61-character tag', { id: 1, tags: ['ب'.repeat(61)] }],
    ['51 tags', { id: 1, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['a negative id', { id: -1, tags: ['a'] }],
  ],
  listTags: [['good input with a __proto__ key', withProtoKey('')]],
  listSources: [['good input with a __proto__ key', withProtoKey('')]],
  exportArticle: [
    ['no format', { id: 1 }],
    ['an unknown format', { id: 1, format: 'exe' }],
    ['a path as format', { id: 1, format: '../../etc/passwd' }],
    ['no id', { format: 'md' }],
  ],
  deleteArticle: [
    ['no id', {}],
    ['a negative id', { id: -1 }],
    ['a string id', { id: '1' }],
    ['an id beyond 2^53', { id: 2 ** 53 }],
    ['good input with a __proto__ key', withProtoKey('"id":1')],
  ],
  restoreArticle: [
    ['id zero', { id: 0 }],
    ['a fractional id', { id: 1.5 }],
  ],
  articleHighlights: [
    ['no id', {}],
    ['a string id', { id: '1' }],
  ],
  addHighlight: [
    ['no offsets', { article: 1 }],
    ['a negative start', { article: 1, start: -1, end: 5 }],
    ['a fractional end', { article: 1, start: 0, end: 5.5 }],
    ['a colour outside the set', { article: 1, start: 0, end: 5, color: 'red' }],
    ['a CSS colour', { article: 1, start: 0, end: 5, color: 'url(javascript:1)' }],
    ['a 10 MB note', { article: 1, start: 0, end: 5, note: TEN_MB }],
    ['good input with a __proto__ key', withProtoKey('"article":1,"start":0,"end":5')],
  ],
  updateHighlight: [
    ['no id', { color: 'green' }],
    ['an id that is not a UUID', { id: "1' OR 1=1 --", color: 'green' }],
    ['a 10 MB note', { id: '6f1c2a3e-9a0b-4c7d-8e5f-1a2b3c4d5e6f', note: TEN_MB }],
  ],
  removeHighlight: [
    ['no id', {}],
    ['a numeric id', { id: 1 }],
  ],
  listHighlights: [
    ['limit 501', { limit: 501 }],
    ['an unknown colour', { color: 'black' }],
    ['a string article', { article: '1' }],
  ],
  exportHighlights: [
    ['an unknown format', { format: 'html' }],
    ['no format', {}],
    ['a path as article', { article: '/etc/passwd', format: 'md' }],
  ],
  listFeeds: [['a feed id', { id: 1 }]],
  subscribe: [
    ['no url', {}],
    ['a blank url', { url: '   ' }],
    ['a number url', { url: 5 }],
    ['a 10 MB url', { url: TEN_MB }],
    ['a folder that is a number', { url: 'https://example.com/feed', folder: 1 }],
  ],
  unsubscribe: [
    ['no keepArticles', { id: 1 }],
    ['a string id', { id: '1', keepArticles: true }],
  ],
  updateFeed: [
    ['no id', { title: 'x' }],
    ['an interval of a minute', { id: 1, intervalMinutes: 1 }],
    ['a negative retention', { id: 1, retentionDays: -3 }],
    ['paused as a string', { id: 1, paused: 'yes' }],
  ],
  refreshFeeds: [
    ['a feed id 0', { feed: 0 }],
    ['a folder name', { folder: 'أخبار' }],
  ],
  markAllRead: [
    ['an unknown age', { olderThan: 'year' }],
    ['a negative feed', { feed: -1 }],
  ],
  markUnread: [
    ['no ids', {}],
    ['ids as a string', { ids: '1,2' }],
    ['a fractional id', { ids: [1.5] }],
  ],
  savePage: [
    ['no url', {}],
    ['a list of urls', { url: ['https://example.com/'] }],
  ],
  importOpml: [
    ['no name', { base64: '' }],
    ['no data', { name: 'a.opml' }],
  ],
  exportOpml: [['a path', { path: '/etc/passwd' }]],
  renameFolder: [
    ['no name', { id: 1 }],
    ['a name as a list', { id: 1, name: ['a', 'b'] }],
    ['a huge name', { id: 1, name: 'x'.repeat(5_000) }],
  ],
  deleteFolder: [
    ['no choice', { id: 1 }],
    ['a string id', { id: '1', unsubscribe: false, keepArticles: true }],
  ],
  restoreFolder: [
    ['no moves', { id: 1 }],
    ['a folder without its name', { id: 1, feeds: [], folders: [{ id: 2 }] }],
  ],
  openExternal: [
    ['no url', {}],
    ['a number url', { url: 5 }],
    ['a list of urls', { url: ['https://example.com/'] }],
    ['a 9,000-character url', { url: `https://example.com/${'a'.repeat(9_000)}` }],
    ['good input with a __proto__ key', withProtoKey('"url":"https://example.com/"')],
  ],
};

const hostileCalls: [MethodName, string, unknown][] = METHOD_NAMES.flatMap((name) =>
  [...HOSTILE_FOR_ALL, ...HOSTILE_FOR[name]].map(([label, input]): [MethodName, string, unknown] => [name, label, input]),
);

let dir: string;
let library: Library;
let handlers: Handlers;
const platformCalls: string[] = [];
let firstId: number;

const platform: Platform = {
  pickFiles: () => {
    platformCalls.push('pickFiles');
    return Promise.resolve([articles[0]!]);
  },
  openExternal: async (url) => {
    platformCalls.push(`openExternal ${url}`);
    return true;
  },
  saveFile: async (file) => {
    platformCalls.push(`saveFile ${file.defaultName}`);
    return true;
  },
};

/** Everything the library holds, hashed, read through a separate connection. */
function fingerprint(): { stats: unknown; hash: string; files: string[] } {
  const db = new Database(library.file, { readonly: true });
  try {
    const hash = createHash('sha256');
    // Every ordinary table (articles, bookmarks, settings, tags, the search index's own tables...).
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['articles', 'bookmarks']));
    for (const table of tables) {
      hash.update(table);
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
    return { stats: library.stats(), hash: hash.digest('hex'), files: fs.readdirSync(dir).sort() };
  } finally {
    db.close();
  }
}

// Stand-ins for the parts of Electron's frames the sender check reads.
interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}
const mainFrame: FakeFrame = { url: 'app://sahifa/index.html', parent: null, processId: 7, routingId: 1 };
const windowContents = { id: 3, mainFrame, isDestroyed: () => false } as unknown as WebContents;
const eventFrom = (frame: FakeFrame | null, senderId = 3) =>
  ({ senderFrame: frame, sender: { id: senderId } }) as unknown as IpcMainInvokeEvent;

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const handled = new Map<string, Listener>();
const otherRegistrations: string[] = [];

let before: ReturnType<typeof fingerprint>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-hostile-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  const report = await importPaths(library, articles);
  expect(report.imported).toBe(2);
  firstId = report.ids[0]!;
  library.setBookmarked(firstId, true);
  handlers = createHandlers({ library, platform });

  // Every way of listening ipcMain has, recorded: only `handle` on the contract's channels may be used.
  const ipcMain = {
    handle: (channel: string, listener: Listener) => void handled.set(channel, listener),
    handleOnce: (channel: string) => void otherRegistrations.push(`handleOnce ${channel}`),
    on: (channel: string) => void otherRegistrations.push(`on ${channel}`),
    once: (channel: string) => void otherRegistrations.push(`once ${channel}`),
    addListener: (channel: string) => void otherRegistrations.push(`addListener ${channel}`),
  };
  registerIpc(ipcMain as IpcRegistrar, handlers, () => windowContents);
  before = fingerprint();
});

afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile calls to every method of the contract', () => {
  it('covers every method', () => {
    expect(new Set(hostileCalls.map(([name]) => name))).toEqual(new Set(METHOD_NAMES));
  });

  it.each(hostileCalls)('%s refuses %s (invokeMethod)', async (name, _label, input) => {
    const outcome = await invokeMethod(handlers, name, input);
    expect(outcome).toEqual({ error: { code: 'invalid-input', message: expect.stringContaining(name) } });
  });

  it.each(hostileCalls)('%s refuses %s (over IPC, from our own frame)', async (name, _label, input) => {
    const outcome = await handled.get(channelOf(name))!(eventFrom(mainFrame), input);
    expect(outcome).toMatchObject({ error: { code: 'invalid-input' } });
    // The answer crosses the IPC boundary: one short line, no stack, no echo of a 10 MB input.
    const message = (outcome as { error: { message: string } }).error.message;
    expect(message).not.toMatch(/\n|\bat .*\.ts:\d+/);
    expect(message.length).toBeLessThanOrEqual(500);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'])(
    'has no method or channel called %s',
    async (name) => {
      expect(await invokeMethod(handlers, name, {})).toMatchObject({ error: { code: 'not-found' } });
      expect(handled.has(`sahifa:${name}`)).toBe(false);
      expect(handled.has(name)).toBe(false);
    },
  );

  it('listens on the contract’s channels only, and only through handle()', () => {
    expect([...handled.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    expect(otherRegistrations).toEqual([]);
  });
});

describe('calls from frames that are not the app’s', () => {
  // Input that would work from our frame, and would change the library or the outside world.
  const goodInput: { [M in MethodName]: MethodInput<M> } = {
    listArticles: {},
    getArticle: { id: 1 },
    search: { query: 'السعودية' },
    setBookmark: { id: 2, bookmarked: true },
    stats: {},
    importPaths: { paths: articles },
    importFileData: { files: [{ name: 'new.txt', base64: Buffer.from('مقال جديد من إطار غريب\n\nنص المقال.').toString('base64') }] },
    pickAndImport: {},
    cancelImport: { id: 1 },
    openExternal: { url: 'https://example.com/' },
    getSettings: {},
    updateSettings: { settings: { justify: true } },
    saveReading: { id: 1, position: 0.5, read: true },
    setNote: { id: 1, note: 'ملاحظة من إطار غريب' },
    setTags: { id: 1, tags: ['مزروع'] },
    listTags: {},
    listSources: {},
    exportArticle: { id: 1, format: 'md' },
    deleteArticle: { id: 1 },
    restoreArticle: { id: 1 },
    articleHighlights: { id: 1 },
    addHighlight: { article: 1, start: 0, end: 10, note: 'ملاحظة من إطار غريب' },
    updateHighlight: { id: '6f1c2a3e-9a0b-4c7d-8e5f-1a2b3c4d5e6f', color: 'pink' },
    removeHighlight: { id: '6f1c2a3e-9a0b-4c7d-8e5f-1a2b3c4d5e6f' },
    listHighlights: {},
    exportHighlights: { format: 'md' },
    listFeeds: {},
    subscribe: { url: 'http://127.0.0.1:9/feed.xml' },
    unsubscribe: { id: 1, keepArticles: false },
    updateFeed: { id: 1, paused: true },
    refreshFeeds: {},
    markAllRead: {},
    markUnread: { ids: [1] },
    savePage: { url: 'http://127.0.0.1:9/page.html' },
    importOpml: { name: 'a.opml', base64: '' },
    exportOpml: {},
    renameFolder: { id: 1, name: 'أخبار' },
    deleteFolder: { id: 1, unsubscribe: false, keepArticles: true },
    restoreFolder: { id: 1, feeds: [], folders: [] },
  };

  const foreignFrames: [string, FakeFrame | null, number][] = [
    ['an iframe in an article', { ...mainFrame, parent: mainFrame, routingId: 5 }, 3],
    ['an iframe that claims our URL', { url: 'app://sahifa/index.html', parent: mainFrame, processId: 7, routingId: 6 }, 3],
    ['a page at another origin', { ...mainFrame, url: 'https://attacker.example/' }, 3],
    ['a data: page', { ...mainFrame, url: 'data:text/html,<script>1</script>' }, 3],
    ['a frame in another process', { ...mainFrame, processId: 8 }, 3],
    ['another web contents', mainFrame, 9],
    ['a frame already gone (null)', null, 3],
  ];

  const cases = METHOD_NAMES.flatMap((name) =>
    foreignFrames.map(([label, frame, sender]): [MethodName, string, FakeFrame | null, number] => [name, label, frame, sender]),
  );

  it.each(cases)('%s from %s is forbidden', async (name, _label, frame, sender) => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const outcome = await handled.get(channelOf(name))!(eventFrom(frame, sender), goodInput[name]);
      expect(outcome).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    } finally {
      console.error = original;
    }
  });
});

describe('after all of that', () => {
  it('left the library, the platform and Object.prototype untouched, and still answers', async () => {
    expect(fingerprint()).toEqual(before);
    expect(platformCalls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const outcome = await handled.get(channelOf('getArticle'))!(eventFrom(mainFrame), { id: firstId });
    expect(outcome).toMatchObject({ result: { id: firstId, bookmarked: true } });
  });
});
