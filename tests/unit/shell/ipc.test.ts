import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../../common';
import { createHandlers } from '../../../main/handlers';
import { registerIpc, type IpcRegistrar } from '../../../main/ipc';
import { Library } from '../../../main/library/library';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

// Stand-ins for the few properties of Electron's objects the sender check reads.
interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

const mainFrame: FakeFrame = { url: 'app://sahifa/index.html', parent: null, processId: 7, routingId: 1 };
const windowContents = { id: 3, mainFrame, isDestroyed: () => false } as unknown as WebContents;

function eventFrom(frame: FakeFrame | null, senderId = 3): IpcMainInvokeEvent {
  return { senderFrame: frame, sender: { id: senderId } } as unknown as IpcMainInvokeEvent;
}

let dir: string;
let library: Library;
const registered = new Map<string, Listener>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-ipc-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  const ipcMain: IpcRegistrar = {
    handle: (channel: string, listener: Listener) => {
      registered.set(channel, listener);
    },
  };
  const platform = { pickFiles: () => null, openExternal: async () => false };
  registerIpc(ipcMain, createHandlers({ library, platform }), () => windowContents);
});

afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('registerIpc', () => {
  it('registers exactly one channel per method of the contract', () => {
    expect([...registered.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('answers our window’s top frame', async () => {
    const answer = await registered.get(channelOf('stats'))!(eventFrom(mainFrame), {});
    expect(answer).toEqual({ result: { articles: 0, bookmarks: 0 } });
  });

  it('validates what the trusted frame sends', async () => {
    const answer = await registered.get(channelOf('getArticle'))!(eventFrom(mainFrame), { id: '1 OR 1=1' });
    expect(answer).toMatchObject({ error: { code: 'invalid-input' } });
  });

  it.each([
    ['an iframe inside the page', { ...mainFrame, parent: mainFrame, routingId: 2 }, 3],
    ['a frame at another address', { ...mainFrame, url: 'https://evil.example/' }, 3],
    ['a file:// page', { ...mainFrame, url: 'file:///tmp/article.html' }, 3],
    ['a look-alike origin', { ...mainFrame, url: 'app://sahifa.evil/index.html' }, 3],
    ['another frame of the same process', { ...mainFrame, routingId: 9 }, 3],
    ['another web contents', mainFrame, 4],
    ['a destroyed frame', null, 3],
  ] as const)('refuses %s', async (_label, frame, senderId) => {
    const answer = await registered.get(channelOf('stats'))!(eventFrom(frame, senderId), {});
    expect(answer).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });
});
