/**
 * The subscription commands of the real `sahifa` command, against a local feed server: the JSON
 * shapes scripts rely on, exit statuses, and the same library the app reads.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arabicFeed, FeedServer, news, PNG_1x1 } from '../../fixtures/feed-server';
import { BIN } from './helpers';

let server: FeedServer;
let dir: string;
let library: string;

/** Runs the command without blocking this process (its server must keep answering). */
function sahifa(args: string[], file = library): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--library', file, ...args], { env: { ...process.env, SAHIFA_LIBRARY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function json<T>(args: string[]): Promise<T> {
  const result = await sahifa([...args, '--json']);
  if (result.status !== 0) throw new Error(`sahifa ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

beforeAll(async () => {
  server = await FeedServer.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-cli-subs-'));
  library = path.join(dir, 'library.sqlite');
  server.serve('/saudi.xml', { body: arabicFeed({ count: 5, encoding: 'windows-1256', declare: false }), type: 'application/rss+xml', etag: '"s1"' });
  server.serve('/gulf.xml', { body: arabicFeed({ count: 3, from: 40 }), type: 'application/rss+xml' });
  server.serve('/site', { body: '<html><head><link rel="alternate" type="application/atom+xml" href="/gulf.xml"></head></html>', type: 'text/html' });
  server.serve('/pic.png', { body: PNG_1x1, type: 'image/png' });
  const a = news(50)[49]!;
  server.serve('/page.html', { type: 'text/html; charset=utf-8', body: `<html lang="ar"><head><title>${a.title}</title></head><body><article><h1>${a.title}</h1><img src="/pic.png" alt="صورة">${a.content.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>` });
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('sahifa subscriptions', () => {
  it('subscribes, lists feeds, refreshes, filters, marks read, changes and unsubscribes', async () => {
    const first = await json<Record<string, unknown>>(['subscribe', server.url('/saudi.xml'), '--folder', 'أخبار/السعودية']);
    expect(first).toEqual({
      feed: { id: 1, title: 'أخبار السعودية', url: server.url('/saudi.xml'), site: 'https://news.example.sa/', folder: 'أخبار / السعودية' },
      imported: 5, duplicates: 0, failed: [],
    });
    const second = await json<{ feed: { id: number; url: string } }>(['subscribe', server.url('/site')]);
    expect(second.feed.url).toBe(server.url('/gulf.xml'));

    const feeds = await json<Record<string, unknown>[]>(['feeds']);
    expect(Object.keys(feeds[0]!)).toEqual(['id', 'title', 'url', 'site', 'folder', 'articles', 'unread', 'last_checked', 'last_error', 'error_code', 'interval_minutes', 'full_text', 'images', 'paused']);
    expect(feeds.map((f) => [f.id, f.unread, f.interval_minutes, f.paused])).toEqual([[1, 5, 60, false], [2, 3, 60, false]]);

    expect(await json(['refresh'])).toEqual({ feeds: 2, new: 0, updated: 0, not_modified: 1, failed: [] });
    expect(await json<unknown[]>(['list', '--feed', '1'])).toHaveLength(5);
    expect(await json<unknown[]>(['list', '--folder', 'أخبار'])).toHaveLength(5);
    expect(await json<unknown[]>(['search', news(1)[0]!.title.trim().split(' ')[0]!, '--folder', 'أخبار / السعودية'])).not.toHaveLength(0);

    expect(await json(['mark-read', '--feed', '1', '--before', '2015-07-21'])).toEqual({ marked: 0 });
    expect(await json(['mark-read', '--folder', 'أخبار'])).toEqual({ marked: 5 });
    expect(await json<unknown[]>(['list', '--unread'])).toHaveLength(3);

    const changed = await json<Record<string, unknown>>(['feed', '2', '--title', 'الخليج', '--interval', '30', '--full-text', 'on', '--images', 'off', '--keep-days', '90', '--pause']);
    expect(changed).toMatchObject({ id: 2, title: 'الخليج', interval_minutes: 30, full_text: true, images: false, paused: true });
    expect(await json(['refresh'])).toMatchObject({ feeds: 1 });
    expect(await json(['unsubscribe', '2'])).toEqual({ unsubscribed: 2, deleted: 0 });
    expect(await json<unknown[]>(['feeds'])).toHaveLength(1);
  });

  it('exports OPML and imports it into another library, twice adding nothing', async () => {
    const out = path.join(dir, 'subs.opml');
    expect(await json(['opml', 'export', '--out', out])).toEqual({ exported: 1, file: out });
    const opml = await sahifa(['opml', 'export']);
    expect(opml.stdout).toContain(`xmlUrl="${server.url('/saudi.xml')}"`);
    const other = path.join(dir, 'other.sqlite');
    const run = (args: string[]) => new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--library', other, ...args, '--json']);
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('close', () => resolve(stdout));
    });
    expect(JSON.parse(await run(['opml', 'import', out]))).toEqual({ added: 1, existing: 0, folders: 2 });
    expect(JSON.parse(await run(['opml', 'import', out]))).toEqual({ added: 0, existing: 1, folders: 0 });
  });

  it('saves a page by its address', async () => {
    const saved = await json<{ id: number; imported: number }>(['save', server.url('/page.html')]);
    expect(saved).toMatchObject({ imported: 1, duplicates: 0, failed: [] });
    const shown = await json<{ url: string }>(['show', String(saved.id)]);
    expect(shown.url).toBe(server.url('/page.html'));
  });

  it('renames a folder and deletes one, moving its feeds up or unsubscribing them', async () => {
    const other = path.join(dir, 'folders.sqlite');
    const run = (args: string[]) => sahifa(args, other);
    const runJson = async (args: string[]) => JSON.parse((await run([...args, '--json'])).stdout) as unknown;
    await run(['subscribe', server.url('/gulf.xml'), '--folder', 'أخبار / الخليج']);
    await run(['subscribe', server.url('/saudi.xml'), '--folder', 'أخبار / السعودية']);
    expect(await runJson(['folder', 'rename', 'أخبار / الخليج', 'الخليج العربي'])).toEqual({ id: 2, name: 'الخليج العربي', path: 'أخبار / الخليج العربي' });
    const clash = await run(['folder', 'rename', '2', 'السعودية']);
    expect(clash.status).toBe(1);
    expect(clash.stderr.trim()).toBe('sahifa: there is already a folder named "السعودية" there');
    expect(await runJson(['folder', 'delete', 'أخبار / الخليج العربي'])).toEqual({ id: 2, moved_feeds: 1, moved_folders: 0, unsubscribed: 0, deleted: 0 });
    expect(((await runJson(['feeds'])) as { folder: string | null }[]).map((f) => f.folder)).toEqual(['أخبار', 'أخبار / السعودية']);
    expect(await runJson(['folder', 'delete', '1', '--unsubscribe', '--delete-articles'])).toEqual({ id: 1, moved_feeds: 0, moved_folders: 0, unsubscribed: 2, deleted: 8 });
    expect(await runJson(['feeds'])).toEqual([]);
    expect((await run(['folder', 'delete', 'nowhere'])).status).toBe(1);
    expect((await run(['folder', 'move', '1'])).status).toBe(2);
    expect((await run(['folder', 'delete', '1', '--delete-articles'])).status).toBe(2);
  });

  it('says in one line why an address gives no feed (exit 1), and refuses bad usage (exit 2)', async () => {
    const missing = await sahifa(['subscribe', server.url('/missing.xml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`sahifa: cannot subscribe to ${server.url('/missing.xml')}: not found (404)`);
    const notFeed = await sahifa(['subscribe', server.url('/pic.png')]);
    expect(notFeed.status).toBe(1);
    expect(notFeed.stderr).toMatch(/is not a feed, and no feed was found from it/);
    expect((await sahifa(['subscribe'])).status).toBe(2);
    expect((await sahifa(['mark-read'])).status).toBe(2);
    expect((await sahifa(['feed', '1', '--full-text', 'maybe'])).status).toBe(2);
    expect((await sahifa(['list', '--folder', 'nowhere'])).status).toBe(1);
  });

  it('exits 1 from refresh when a feed failed, after refreshing the others', async () => {
    server.serve('/saudi.xml', { body: 'broken', status: 500 });
    const result = await sahifa(['refresh', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ feeds: 1, new: 0, updated: 0, not_modified: 0, failed: [{ feed: 1, url: server.url('/saudi.xml'), error: 'the server answered 500 Internal Server Error' }] });
    const [feed] = await json<{ last_error: string; error_code: string }[]>(['feeds']);
    expect(feed!.last_error).toBe('the server answered 500 Internal Server Error');
    expect(feed!.error_code).toBe('server-error');
  });
});
