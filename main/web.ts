/**
 * The browser mode: `npm run web -- --library <file> [--port N]` (built to out/main/web.mjs).
 * Serves the built renderer and the API over loopback HTTP so the UI can be tested with Playwright
 * in Chromium and worked on without Electron; the handlers are the desktop app's own.
 *
 * Protocol (what renderer/bridge-browser.ts speaks):
 * - The server listens on 127.0.0.1 only and prints exactly one line on stdout:
 *     Sahifa browser mode: http://127.0.0.1:<port>/?token=<64 hex chars>
 *   The token is random per run. When the library is damaged, a line before it says so:
 *     Sahifa browser mode: the library is damaged; choose what to do at <the same address>
 *   and until a choice is made pages show the recovery question (main/recovery-page.ts; its form
 *   posts to /choose, same token and Origin rules) and API calls answer 503.
 * - Every request must send `Host: 127.0.0.1:<port>` or `Host: localhost:<port>` (anything else,
 *   e.g. a rebound DNS name, gets 403) and carry the token:
 *   - a GET of a page or file may carry it as `?token=`; the response then sets the cookie
 *     `sahifa_token_<port>=<token>; HttpOnly; SameSite=Strict; Path=/`, which the page's own
 *     requests send from then on;
 *   - API calls carry that cookie (fetch with credentials: 'same-origin') or the header
 *     `X-Sahifa-Token: <token>` (for scripts and tests).
 *   Without it: 403.
 * - Files: GET/HEAD of the built renderer (out/renderer), `/` is index.html; every response has the
 *   same Content-Security-Policy as the desktop app.
 * - API: `POST /api/<method>` with `Content-Type: application/json` and the method's input as the
 *   JSON body (an empty body means `{}`); a present Origin header must be this server's origin.
 *   Body limit: 300 MB for importFileData, 16 MB for importOpml and markUnread, 1 MB otherwise (413 beyond).
 *   Answer: 200 `{"result": <MethodResult>}`, or an ApiError `{"error":{"code","message"}}` with
 *   400 (invalid-input), 403 (forbidden), 404 (not-found, unknown method), 415 (not JSON),
 *   500 (failed).
 * - Events (SahifaEvent: import progress, library changes, feeds refreshed in the background): `GET /api/events`, same token and
 *   Origin rules, answers a `text/event-stream` with one `data: <JSON SahifaEvent>` per event
 *   (the renderer's EventSource). pickAndImport answers `{supported: false}` (use an
 *   <input type=file> and importFileData); openExternal never opens anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importSamplesIfEmpty } from './first-run';
import { ThreadRefresher } from './feed-refresher';
import { createHandlers, type Platform } from './handlers';
import type { Library } from './library/library';
import { defaultLibraryPath } from './library/paths';
import { openLibraryOrRecover } from './library/recovery';
import { RecoveryPage } from './recovery-page';
import { stopAllImports } from './import/jobs';
import { startWebServer, type WebServer } from './web-server';

/** Set once the server listens: events before that have no page to go to. */
let eventSink: WebServer | undefined;

const browserPlatform: Platform = {
  pickFiles: () => null,
  openExternal: async () => false,
  notify: (event) => eventSink?.send(event),
};

/** The repository (or unpacked app) root: the nearest folder up with a package.json. */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

async function main(argv: string[]): Promise<number> {
  let values: { library?: string; port?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { library: { type: 'string' }, port: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`sahifa web: ${(error as Error).message}`);
    console.error('usage: npm run web -- [--library <file>] [--port <n>]');
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`sahifa web: --port must be a number from 0 to 65535, not "${values.port}"`);
    return 2;
  }

  const root = findRoot(path.dirname(fileURLToPath(import.meta.url)));
  const rendererDir = path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`sahifa web: ${rendererDir} has no index.html; run npm run build first`);
    return 1;
  }

  const libraryFile = values.library === undefined ? defaultLibraryPath() : path.resolve(values.library);
  // The server starts before the library opens, so that a damaged library can be asked about on a
  // page: the same choices as the desktop app's dialog, nothing written before one is made.
  const recoveryPage = new RecoveryPage();
  const server = await startWebServer({ rendererDir, port, holdingPage: recoveryPage });
  let library: Library;
  try {
    const outcome = await openLibraryOrRecover(libraryFile, {
      parallelSearch: true,
      choose: (problem) => {
        console.log(`Sahifa browser mode: the library is damaged; choose what to do at ${server.url}`);
        return recoveryPage.ask(problem);
      },
    });
    if (outcome.status === 'quit') {
      console.error(`sahifa web: ${outcome.problem.message}`);
      // A moment for the page to say that Sahifa stopped, before the server goes.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.close();
      return 1;
    }
    library = outcome.library;
    outcome.automaticBackup.catch((error: unknown) => console.error(`sahifa web: automatic backup failed: ${(error as Error).message}`));
  } catch (error) {
    console.error(`sahifa web: ${(error as Error).message}`);
    await server.close();
    return 1;
  }

  try {
    await importSamplesIfEmpty(library, path.join(root, 'assets', 'samples'));
  } catch (error) {
    // The samples are a welcome, not a requirement: the app works without them.
    console.error(`sahifa web: samples not imported: ${(error as Error).message}`);
  }

  // Feeds refresh on their own thread while the library is open, as in the desktop app.
  const refresher = new ThreadRefresher(library.file, { notify: browserPlatform.notify });
  server.open(createHandlers({ library, platform: browserPlatform, refresher }));
  eventSink = server;
  console.log(`Sahifa browser mode: ${server.url}`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await Promise.all([stopAllImports(), refresher.stop()]);
  await server.close();
  library.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`sahifa web: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
