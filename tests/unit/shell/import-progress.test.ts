/**
 * Imports started through the API run on a worker and tell the window how they go: progress
 * events with the import's id, a cancel by that id, and a library-changed with the report at the
 * end. In the browser mode those events reach the page as Server-Sent Events on /api/events.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { startWebServer, type WebServer } from '../../../main/web-server';
import type { SahifaEvent } from '../../../common';
import { newsArticles } from '../../fixtures/corpus';

type ProgressEvent = Extract<SahifaEvent, { type: 'import-progress' }>;

let dir: string;
let folder: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-import-progress-'));
  folder = path.join(dir, 'articles');
  fs.mkdirSync(folder);
  newsArticles(1500).forEach((article, i) => {
    fs.writeFileSync(path.join(folder, `${String(i + 1).padStart(5, '0')}.txt`), `${article.title}\n\n${article.content}\n\n(${i + 1})\n`);
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function setUp(name: string, onEvent: (event: SahifaEvent, handlers: ReturnType<typeof createHandlers>) => void) {
  const library = Library.open(path.join(dir, `${name}.sqlite`));
  const events: SahifaEvent[] = [];
  const platform: Platform = {
    pickFiles: () => null,
    openExternal: async () => false,
    notify: (event) => {
      events.push(event);
      onEvent(event, handlers);
    },
  };
  const handlers = createHandlers({ library, platform });
  return { library, events, handlers };
}

describe('importPaths through the handlers', () => {
  it('sends progress events that only go forward, then library-changed with the report', async () => {
    const { library, events, handlers } = setUp('progress', () => undefined);
    try {
      const report = await handlers.importPaths({ paths: [folder] });
      expect(report).toMatchObject({ imported: 1500, cancelled: false, failed: [] });

      const progress = events.filter((e): e is ProgressEvent => e.type === 'import-progress');
      expect(progress.length).toBeGreaterThan(0);
      expect(new Set(progress.map((e) => e.id)).size).toBe(1);
      expect(progress.every((e) => e.total === 1500)).toBe(true);
      progress.forEach((e, i) => {
        if (i > 0) expect(e.done).toBeGreaterThan(progress[i - 1]!.done);
      });
      expect(progress.at(-1)?.done).toBe(1500);
      expect(events.at(-1)).toEqual({ type: 'library-changed', report });
      expect(library.stats().articles).toBe(1500);
    } finally {
      library.close();
    }
  });

  it('cancels by the id of the progress events, keeping what was imported', async () => {
    let asked: Promise<{ cancelled: boolean }> | undefined;
    const { library, events, handlers } = setUp('cancel', (event, h) => {
      if (event.type === 'import-progress' && asked === undefined) asked = h.cancelImport({ id: event.id });
    });
    try {
      const report = await handlers.importPaths({ paths: [folder] });
      expect(await asked).toEqual({ cancelled: true });
      expect(report.cancelled).toBe(true);
      expect(report.imported).toBeLessThan(1500);
      expect(library.stats().articles).toBe(report.imported);
      expect(events.at(-1)).toEqual({ type: 'library-changed', report });
      // It is over: its id no longer names a running import.
      const id = events.find((e): e is ProgressEvent => e.type === 'import-progress')!.id;
      expect(await handlers.cancelImport({ id })).toEqual({ cancelled: false });
    } finally {
      library.close();
    }
  });

  it('answers cancelled: false for an id that names no running import', async () => {
    const { library, handlers } = setUp('unknown', () => undefined);
    try {
      expect(await handlers.cancelImport({ id: 987_654 })).toEqual({ cancelled: false });
    } finally {
      library.close();
    }
  });
});

describe('GET /api/events in the browser mode', () => {
  let server: WebServer;
  let library: Library;

  beforeAll(async () => {
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>صحيفة</title>');
    library = Library.open(path.join(dir, 'web.sqlite'));
    const platform: Platform = { pickFiles: () => null, openExternal: async () => false, notify: (event) => server.send(event) };
    server = await startWebServer({ handlers: createHandlers({ library, platform }), rendererDir });
  });

  afterAll(async () => {
    await server.close();
    library.close();
  });

  /** Opens the stream; resolves with the response once the server has answered. */
  function openStream(headers: Record<string, string>): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, ...headers } },
        resolve,
      );
      req.on('error', reject);
    });
  }

  function readAll(response: http.IncomingMessage): Promise<string> {
    return new Promise((resolve) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
  }

  it('refuses a request without the token, or from another origin', async () => {
    const anonymous = await openStream({});
    expect(anonymous.statusCode).toBe(403);
    expect(await readAll(anonymous)).toContain('forbidden');

    const foreign = await openStream({ 'x-sahifa-token': server.token, origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    await readAll(foreign);
  });

  it('streams the events of an import to the page, ending with library-changed and the report', async () => {
    const response = await openStream({ 'x-sahifa-token': server.token });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers['content-security-policy']).toBeDefined();

    const received: SahifaEvent[] = [];
    let buffer = '';
    const changed = new Promise<void>((resolve) => {
      response.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.startsWith('data: ')) continue; // comments keep the stream alive
          const event = JSON.parse(frame.slice('data: '.length)) as SahifaEvent;
          received.push(event);
          if (event.type === 'library-changed') resolve();
        }
      });
    });

    const answer = await fetch(`http://127.0.0.1:${server.port}/api/importPaths`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sahifa-token': server.token },
      body: JSON.stringify({ paths: [folder] }),
    });
    const { result } = (await answer.json()) as { result: { imported: number } };
    await changed;
    response.destroy();

    expect(result.imported).toBe(1500);
    const progress = received.filter((e): e is ProgressEvent => e.type === 'import-progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 1500, total: 1500 });
    expect(received.at(-1)).toEqual({ type: 'library-changed', report: result });
  });
});
