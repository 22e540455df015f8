/**
 * The preload bridge: exposes the contract (preload/api.ts) to the renderer as `window.sahifa`.
 *
 * Runs sandboxed, so it is bundled to one small CommonJS file that requires 'electron' only. It forwards
 * inputs as they are: validation happens in main, on the trusted side. Each method gets its own
 * channel, so the renderer can reach nothing the contract does not name.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiError, MethodName, SahifaApi, SahifaEvent } from './api';
import { channelOf, EVENT_CHANNEL } from './channels';

/**
 * Every method of the contract. Listed rather than read from api.ts's `methodNames` so that the
 * preload does not bundle zod; `satisfies` makes a method missing here, or one the contract does
 * not have, a type error.
 */
const METHODS = {
  listArticles: true,
  getArticle: true,
  search: true,
  setBookmark: true,
  stats: true,
  importPaths: true,
  importFileData: true,
  pickAndImport: true,
  cancelImport: true,
  openExternal: true,
  // Reading (issue 6)
  getSettings: true,
  updateSettings: true,
  saveReading: true,
  setNote: true,
  setTags: true,
  listTags: true,
  listSources: true,
  exportArticle: true,
  deleteArticle: true,
  restoreArticle: true,
} as const satisfies Record<MethodName, true>;
const methodNames = Object.keys(METHODS) as MethodName[];

type Reply = { result: unknown } | ApiError;

function isApiError(reply: Reply): reply is ApiError {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}

async function call(name: MethodName, input: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(channelOf(name), input)) as Reply;
  // Only the message crosses the context bridge: a custom Error's other fields would be dropped.
  if (isApiError(reply)) throw new Error(reply.error.message);
  return reply.result;
}

const methods = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)]));

const bridge = {
  ...methods,
  shell: 'electron',
  onEvent(listener: (event: SahifaEvent) => void): () => void {
    // The IPC event object (with its sender) stays here: the renderer gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: SahifaEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  getPathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
} as SahifaApi;

contextBridge.exposeInMainWorld('sahifa', bridge);
