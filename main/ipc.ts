/**
 * The IPC side of the contract: one `ipcMain.handle` per method, on its own channel, each call
 * checked for its sender before its input is validated and run. Channels the contract does not
 * name have no handler at all.
 *
 * Electron comes in as types and as the `ipcMain` argument, so this runs under plain Node in tests.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, METHOD_NAMES, type ApiError } from '../common';
import { invokeMethod, type Handlers } from './handlers';
import { APP_ORIGIN } from './app-origin';

/**
 * Only the top frame of our own window, showing our own page, may call: not an iframe an article
 * might contain, not a page that somehow got navigated elsewhere.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents | null): boolean {
  const frame = event.senderFrame;
  if (frame === null || window === null || window.isDestroyed()) return false;
  if (event.sender.id !== window.id) return false;
  const main = window.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

const forbidden: ApiError = { error: { code: 'forbidden', message: 'This frame may not use the Sahifa API.' } };

/** Pieces of Electron's objects this module reads (so tests can pass stand-ins). */
export type IpcRegistrar = Pick<IpcMain, 'handle'>;

export function registerIpc(ipcMain: IpcRegistrar, handlers: Handlers, mainWindowContents: () => WebContents | null): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, mainWindowContents())) {
        console.error(`sahifa: refused ${name} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return forbidden;
      }
      return invokeMethod(handlers, name, input);
    });
  }
}
