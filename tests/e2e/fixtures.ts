/**
 * The end-to-end fixture: `app` is Sahifa running on a fresh, empty library (first-run samples
 * imported), in whichever shell the project names:
 * - `browser` (project "chromium"): the browser mode (out/main/web.mjs) in Chromium;
 * - `electron` (project "electron"): the desktop app (out/main/index.cjs) through Playwright's
 *   Electron support, skipped where Electron's binary is not installed.
 * Specs written against `app` (or `page`, which is `app.page`) run unchanged in both.
 *
 * A test also fails when the page logs a console error, throws, or requests anything outside the
 * app's own origin: articles must never reach the network (DESIGN.md, "Security").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { APP_ORIGIN } from '../../main/app-origin';
import type { ImportReport } from '../../common';
import { root, startBrowserMode, stopChild } from './browser-mode';

export { expect, root };

export type Shell = 'browser' | 'electron';

export interface SahifaApp {
  page: Page;
  shell: Shell;
  /** The browser mode's address, token included; undefined in Electron. */
  url: string | undefined;
  /** This test's own library file. */
  libraryFile: string;
  /**
   * Imports files or folders through the app's own API (`window.sahifa.importPaths`), then reloads
   * the page so that the list shows them. Returns the import's report.
   */
  importFile(...paths: string[]): Promise<ImportReport>;
}

const ELECTRON_ORIGIN = `${APP_ORIGIN}/`;

/** Calls the app's API from the page, as the renderer does. */
export function api<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    ([name, args]) => (window as unknown as { sahifa: Record<string, (input: unknown) => Promise<unknown>> }).sahifa[name as string]!(args),
    [method, input] as const,
  ) as Promise<T>;
}

/** Electron's binary, found without `require('electron')`, which would try to download it. */
export function findElectronBinary(): { path: string } | { reason: string } {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) return { reason: 'the electron package is not installed' };
  if (!fs.existsSync(pathFile)) return { reason: `${path.relative(root, pathFile)} is missing (binary never downloaded)` };
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const executable = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(packageDir, 'dist', relative);
  if (!fs.existsSync(executable)) return { reason: `${executable} does not exist` };
  return { path: executable };
}

/** Records console errors, uncaught exceptions and requests leaving the app's origin (aborted). */
async function guard(page: Page, origin: string, problems: string[]): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.context().route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      await route.continue();
    } else {
      problems.push(`request outside the app: ${url}`);
      await route.abort('blockedbyclient');
    }
  });
}


export const test = base.extend<{ shell: Shell; app: SahifaApp }, { sahifaBrowser: Browser | undefined }>({
  shell: ['browser', { option: true }],

  // Chromium is launched only for the browser mode: the built-in `browser` fixture would launch it
  // for the Electron project too.
  sahifaBrowser: [
    async ({ playwright, launchOptions }, use, workerInfo) => {
      const shell = (workerInfo.project.use as { shell?: Shell }).shell ?? 'browser';
      if (shell !== 'browser') {
        await use(undefined);
        return;
      }
      const browser = await playwright.chromium.launch(launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ shell, sahifaBrowser, viewport, locale, colorScheme, contextOptions }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-e2e-'));
    const libraryFile = path.join(dir, 'library.sqlite');
    const problems: string[] = [];
    // Whatever was started so far is stopped, even when the setup itself fails half-way.
    const cleanups: (() => Promise<void>)[] = [];
    try {
      let page: Page;
      let url: string | undefined;
      if (shell === 'browser') {
        const server = await startBrowserMode(libraryFile);
        cleanups.unshift(() => stopChild(server.child));
        url = server.url;
        const context = await sahifaBrowser!.newContext({ ...contextOptions, viewport, locale, colorScheme });
        cleanups.unshift(() => context.close());
        page = await context.newPage();
        await guard(page, `${new URL(url).origin}/`, problems);
        await page.goto(url);
      } else {
        const binary = findElectronBinary();
        if ('reason' in binary) {
          testInfo.skip(true, `Electron binary not installed: ${binary.reason}`);
          return;
        }
        const electronApp: ElectronApplication = await _electron.launch({
          executablePath: binary.path,
          // The folder with package.json, so the app has its product name (and its userData folder).
          args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
          // Its own library, and its own profile so that instances do not share the single-instance lock.
          env: { ...process.env, SAHIFA_LIBRARY: libraryFile, SAHIFA_USER_DATA: path.join(dir, 'user-data') } as Record<string, string>,
        });
        cleanups.unshift(() => electronApp.close());
        page = await electronApp.firstWindow();
        await guard(page, ELECTRON_ORIGIN, problems);
        await page.waitForLoadState('domcontentloaded');
      }
      // The API, and the app itself: it starts once the settings (language, theme) have arrived.
      await page.waitForFunction(() => 'sahifa' in window && customElements.get('sahifa-app') !== undefined);

      const app: SahifaApp = {
        page,
        shell,
        url,
        libraryFile,
        async importFile(...paths) {
          const absolute = paths.map((file) => path.resolve(root, file));
          const report = await page.evaluate(
            (list) =>
              (window as unknown as { sahifa: { importPaths(input: { paths: string[] }): Promise<ImportReport> } }).sahifa.importPaths({
                paths: list,
              }),
            absolute,
          );
          await page.reload();
          await page.waitForFunction(() => 'sahifa' in window && customElements.get('sahifa-app') !== undefined);
          return report;
        },
      };
      await use(app);
    } finally {
      for (const cleanup of cleanups) await cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(problems, 'console errors, uncaught exceptions or requests outside the app').toEqual([]);
  },

  page: async ({ app }, use) => {
    await use(app.page);
  },
});
