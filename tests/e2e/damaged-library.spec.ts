/**
 * The browser mode started on a damaged library: nothing is written to it; a page offers the
 * desktop app's choices (restore the latest backup, start a new library, quit) in Arabic and
 * English, and the app opens once one is made. The desktop app asks the same in a dialog.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../../main/library/library';
import { backupPath } from '../../main/library/recovery';
import type { NewArticle } from '../../common';
import { newsArticles } from '../fixtures/corpus';
import { root, stopChild } from './browser-mode';
import { expect, test } from './fixtures';

const DAMAGED_LINE = /Sahifa browser mode: the library is damaged; choose what to do at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/;
const READY_LINE = /Sahifa browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/;

/** Starts out/main/web.mjs and resolves with the first line matching `line`. */
function startUntil(libraryFile: string, line: RegExp): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.mjs'), '--library', libraryFile, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching line within 30 s: ${output}`)), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = line.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser mode exited (${code}): ${output}`));
    });
  });
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Real news articles, from the `from`th on. */
function news(count: number, from = 0): NewArticle[] {
  return newsArticles(from + count + 20)
    .filter((n) => n.title.trim() && n.content.trim())
    .slice(from, from + count)
    .map((n) => ({ title: n.title, byline: null, source: n.source, url: n.url, lang: 'ar', dir: 'rtl', published: null, text: n.content, html: null, origin: null }));
}

let dir: string;
let file: string;
let backup: string;

test.beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-e2e-damaged-'));
  file = path.join(dir, 'library.sqlite');
  const library = Library.open(file);
  library.addArticles(news(120));
  backup = backupPath(file, 'manual');
  await library.backup(backup);
  library.addArticles(news(30, 120));
  library.close();
  // One b-tree page overwritten, as a failing disk leaves it.
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
  fs.closeSync(fd);
});
test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('offers the app’s choices on a page, writes nothing before one, and restores the latest backup', async ({ shell, sahifaBrowser }) => {
  test.skip(shell !== 'browser', 'the desktop app asks in a dialog');
  const before = sha(file);
  const server = await startUntil(file, DAMAGED_LINE);
  try {
    expect(sha(file)).toBe(before);
    const page = await sahifaBrowser!.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'مكتبة صحيفة تالفة ولا يمكن فتحها.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The Sahifa library is damaged and cannot be opened.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'بدء مكتبة جديدة' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Quit' })).toBeVisible();
    expect(sha(file)).toBe(before);

    await page.getByRole('button', { name: 'استعادة آخر نسخة احتياطية' }).click();
    // The app replaces the page once the restored library is open.
    await page.waitForFunction(() => customElements.get('sahifa-app') !== undefined, undefined, { timeout: 30_000 });
    await expect.poll(() => READY_LINE.test(server.output().replace(DAMAGED_LINE, ''))).toBe(true);
    const kept = fs.readdirSync(dir).find((name) => name.includes('.damaged-'))!;
    expect(sha(path.join(dir, kept))).toBe(before);
    const restored = Library.open(file);
    expect(restored.stats().articles).toBe(120);
    restored.close();
    await page.close();
  } finally {
    await stopChild(server.child);
  }
});

test('quit on the page stops the browser mode and leaves every file as it was', async ({ shell, sahifaBrowser }) => {
  test.skip(shell !== 'browser', 'the desktop app asks in a dialog');
  const listing = () => fs.readdirSync(dir).sort().map((name) => (name.endsWith('.sqlite') ? `${name} ${sha(path.join(dir, name))}` : name));
  const before = listing();
  const server = await startUntil(file, DAMAGED_LINE);
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
  const page = await sahifaBrowser!.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Quit' }).click();
  expect(await exited).toBe(1);
  expect(listing()).toEqual(before);
  await page.close();
});
