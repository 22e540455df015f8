/** Where the desktop app's page lives (served by main/protocol.ts). No Electron here: tests import it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sahifa';
/** The page's origin; IPC senders must be at it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
