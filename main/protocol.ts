/**
 * The app:// protocol that serves the built renderer (out/renderer) to the window, instead of
 * file://, which would give the page access to every file the user can read.
 */
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { readStaticFile, SECURITY_HEADERS } from './static-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  // standard: real origins and relative URLs; secure: a secure context like https;
  // supportFetchAPI: module scripts and fonts are fetched.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return textResponse(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
    const file = await readStaticFile(rendererDir, url.pathname);
    if (file === null) return textResponse(404, 'Not found.');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
