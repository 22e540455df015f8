/**
 * The built worker threads (out/main/*-worker.cjs for Electron, .mjs for the browser mode) start
 * and do their work (the refresh worker against a local feed server). Unit tests run the workers from source through tsx; the browser-mode specs
 * import too few files for a parse thread and search libraries too small for the rank helper, and
 * Electron does not run here: without this, a bundling mistake in those two would only show in a
 * user's large library. Plain Node, no browser (the `bundles` project in playwright.config.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { Library } from '../../main/library/library';
import { compileMatchQuery, compileQuery, parseQuery } from '../../main/library/query';
import { RangeRanker, type RankRequest } from '../../main/library/rank';
import { loadRankExtension } from '../../main/library/rank-extension';
import { matchSnippet } from '../../main/library/match-snippet';
import type { RankAnswer, RankCall, RankWorkerInput } from '../../main/library/rank-protocol';
import type { ParseReply, ParseRequest } from '../../main/import/parse-protocol';
import type { FeedParseMessage, FeedParseReply } from '../../main/subscriptions/parse-protocol';
import type { RefreshSummary } from '../../main/subscriptions/refresh';
import { RefreshThread } from '../../main/subscriptions/refresh-thread';
import { arabicFeed, FeedServer } from '../fixtures/feed-server';

const OUT = path.resolve('out', 'main');
const SAMPLES = path.resolve('assets', 'samples');

/** The next message the worker sends, or its exit code if it ends first. */
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message: T) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker exited (code ${code}) before answering`)));
  });
}

let dir: string;
test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-bundles-'));
});
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const format of ['cjs', 'mjs']) {
  test(`refresh-worker.${format} refreshes a local feed into the library, then stops`, async () => {
    const server = await FeedServer.start();
    const file = path.join(dir, `refresh-${format}.sqlite`);
    const library = Library.open(file);
    try {
      server.serve('/feed.xml', { body: arabicFeed({ count: 3 }), type: 'application/rss+xml' });
      const feed = library.feeds().add({ url: server.url('/feed.xml'), title: 'أخبار' }).feed;
      let ran: (summary: RefreshSummary) => void = () => undefined;
      const done = new Promise<RefreshSummary>((resolve) => (ran = resolve));
      const thread = new RefreshThread(file, { script: path.join(OUT, `refresh-worker.${format}`), onRun: (s) => ran(s) });
      expect(await done).toMatchObject({ feeds: 1, new: 3, failed: [] });
      await thread.stop();
      expect(library.feeds().get(feed.id)).toMatchObject({ articles: 3, unread: 3 });
    } finally {
      library.close();
      await server.close();
    }
  });

  test(`rank-worker.${format} ranks a range and makes snippets as the library's own thread does, then closes`, async () => {
    const file = path.join(dir, `rank-${format}.sqlite`);
    const library = Library.open(file);
    const texts = ['وزارة الصحة تعلن عن حملة تطعيم في الرياض', 'الرياض تستضيف معرض الكتاب', 'أمطار غزيرة على جدة', 'الهلال يفوز في الرياض'];
    library.addArticles(texts.map((title, i) => ({ title, text: `${title}\n\nنص المقالة ${i}`, byline: null, source: null, url: null, lang: 'ar', dir: 'rtl', published: null, html: null, origin: null })));
    library.close();

    // The extension as the build puts it beside the bundles (scripts/rank-extension.mjs).
    const rankExtension = path.join(OUT, '..', 'native', 'sahifa_rank.node');
    const workerData: RankWorkerInput = { libraryFile: file, rankExtension };
    const worker = new Worker(path.join(OUT, `rank-worker.${format}`), { workerData });
    try {
      expect(await nextMessage<RankAnswer>(worker)).toEqual({ ready: true });
      const request: RankRequest = {
        expression: compileQuery(parseQuery('الرياض'))!,
        matchExpression: compileMatchQuery(parseQuery('الرياض'))!,
        filter: { joins: '', where: '', params: [] },
        range: { from: 2, to: 10 },
        best: 10,
        phraseCounts: [2, 3],
      };
      const answering = nextMessage<RankAnswer>(worker);
      worker.postMessage({ seq: 1, request } satisfies RankCall);
      const answer = await answering;

      const db = new Database(file, { readonly: true });
      expect(loadRankExtension(db, rankExtension)).toBe(true);
      const expected = new RangeRanker(db, 'sahifa_rank').rank(request);
      db.close();
      expect(answer).toEqual({ seq: 1, ranking: expected });
      expect(expected.total).toBe(2);

      // Snippets of a page's hits, made as the library's thread makes them (match-snippet.ts).
      const parsed = parseQuery('الرياض');
      const snippets = nextMessage<RankAnswer>(worker);
      worker.postMessage({ seq: 2, snippets: { parsed, ids: [2, 3] } } satisfies RankCall);
      expect(await snippets).toEqual({ seq: 2, snippets: [matchSnippet(`${texts[1]}\n\nنص المقالة 1`, parsed), null] });

      const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
      worker.postMessage({ close: true } satisfies RankCall);
      expect(await exited).toBe(0);
    } finally {
      await worker.terminate();
    }
  });

  test(`parse-worker.${format} reads, parses and analyzes a sample article`, async () => {
    const sample = fs.readdirSync(SAMPLES).find((name) => name.endsWith('.txt'));
    expect(sample).toBeDefined();
    const samplePath = path.join(SAMPLES, sample!);
    const worker = new Worker(path.join(OUT, `parse-worker.${format}`));
    try {
      expect(await nextMessage<ParseReply>(worker)).toEqual({ type: 'ready' });
      const answering = nextMessage<ParseReply>(worker);
      const request: ParseRequest = { seq: 7, file: { path: samplePath, name: sample!, size: fs.statSync(samplePath).size } };
      worker.postMessage(request);
      const reply = await answering;
      if (reply.type !== 'parsed') throw new Error(`expected a parsed file, got ${reply.type}`);
      expect(reply.seq).toBe(7);
      expect(reply.failures).toEqual([]);
      expect(reply.articles).toHaveLength(1);
      const [prepared] = reply.articles;
      expect(prepared!.article.title.length).toBeGreaterThan(0);
      expect(prepared!.article.dir).toBe('rtl');
      // Analyzed on the thread: the index columns hold normalized words.
      expect(prepared!.index[2].split(' ').length).toBeGreaterThan(20);
    } finally {
      await worker.terminate();
    }
  });

  test(`feed-parse-worker.${format} reads, sanitizes and analyzes a feed's items`, async () => {
    // Started by the refresh worker (which reads feeds itself when it cannot start one): started
    // here directly, so that a bundling mistake cannot hide behind that fallback.
    const worker = new Worker(path.join(OUT, `feed-parse-worker.${format}`));
    try {
      expect(await nextMessage<FeedParseReply>(worker)).toEqual({ type: 'ready' });
      const answering = nextMessage<FeedParseReply>(worker);
      const message: FeedParseMessage = {
        seq: 3,
        request: { bytes: arabicFeed({ count: 4, image: 'https://img.example.sa/a.png' }), contentType: 'application/rss+xml', charset: null, origin: 'https://news.example.sa/feed', collectImages: true },
      };
      worker.postMessage(message);
      const reply = await answering;
      if (reply.type !== 'parsed') throw new Error(`expected a parsed feed, got ${reply.type}`);
      expect(reply.seq).toBe(3);
      expect(reply.result.doc.items).toHaveLength(4);
      expect(reply.result.prepared.size).toBe(4);
      expect(reply.result.prepared.get(0)!.article.dir).toBe('rtl');
      expect(reply.result.prepared.get(0)!.index[2].split(' ').length).toBeGreaterThan(20);
      expect([...reply.result.imageUrls.values()][0]).toEqual(['https://img.example.sa/a.png']);
    } finally {
      await worker.terminate();
    }
  });
}
