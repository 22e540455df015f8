/**
 * Starting the browser mode (out/main/web.mjs) and Chromium the way this machine needs them, for
 * the end-to-end fixtures (fixtures.ts), the screenshots (scripts/screenshots.ts) and the UI
 * benchmark (bench/ui.ts). No Playwright test API here, so scripts can import it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchOptions } from '@playwright/test';

export const root = fileURLToPath(new URL('../..', import.meta.url));

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium where it is installed (Playwright's own browser cannot be downloaded here), else Playwright's. */
export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    ...(fs.existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    // Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  };
}

/** Starts out/main/web.mjs and waits for the line with its address. */
export function startBrowserMode(libraryFile: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.mjs'), '--library', libraryFile, '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the browser mode printed no address within 30 s. stderr: ${stderr}`));
    }, 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Sahifa browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser mode exited (${code}) before printing its address. Did npm run build run? stderr: ${stderr}`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
