/**
 * The renderer's one door to the app: `window.sahifa`, exposed by the preload script in Electron
 * or installed by bridge-browser.ts in the browser mode. Read through this function rather than a
 * global declaration so that the renderer does not depend on how other processes type `window`.
 */
import type { SahifaApi } from '../common';

type WindowWithSahifa = Window & { sahifa?: SahifaApi };

export function hasSahifa(): boolean {
  return (window as WindowWithSahifa).sahifa !== undefined;
}

export function sahifa(): SahifaApi {
  const api = (window as WindowWithSahifa).sahifa;
  if (api === undefined) throw new Error('window.sahifa is not available');
  return api;
}

export function installSahifa(api: SahifaApi): void {
  Object.defineProperty(window, 'sahifa', { value: Object.freeze(api), configurable: false, writable: false });
}
