/**
 * The preload bridge: exposes the contract (common/contract.ts) to the renderer as `window.sahifa`.
 *
 * Runs sandboxed, so it is bundled to one small CommonJS file that requires 'electron' only. It forwards
 * inputs as they are: validation happens in main, on the trusted side. Each method gets its own
 * channel, so the renderer can reach nothing the contract does not name.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { channelOf, EVENT_CHANNEL, METHOD_NAMES, type ApiError, type MethodName, type SahifaApi, type SahifaEvent } from '../common';


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

const methods = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));

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
