/**
 * Electron's security checklist, applied to every session and every web contents: no permissions,
 * no navigation, no new windows, no webviews, no downloads, no request leaving the app.
 * Links open in the system browser only through the openExternal API method, after a click.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin';

/** What the window may load: its own files, and data/blob URLs the CSP already narrows. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://');
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  // The CSP already forbids remote loads; this also covers what CSP does not see (e.g. a
  // navigation attempt, a prefetch) and would survive a CSP mistake.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url);
    if (!allowed) console.error(`sahifa: blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/** For every web contents ever created (windows, devtools, anything a bug might open). */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The page is one document; clicking a link in an article must not replace the app.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // handled by will-navigate
    if (!isAppUrl(event.url) && event.url !== 'about:srcdoc' && event.url !== 'about:blank') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
