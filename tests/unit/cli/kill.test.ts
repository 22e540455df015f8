import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeStored, type StoredValue } from '../../../main/library/stored-text';
import { newsArticles } from '../../fixtures/corpus';
import { sahifaChild, sahifaJson } from './helpers';

let dir: string;
const FILES = 5_000;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-kill-'));
  const folder = path.join(dir, 'articles');
  fs.mkdirSync(folder);
  // Some records of the corpus are empty; they are not articles.
  const real = newsArticles(FILES + 100).filter((news) => (news.title + news.content).trim() !== '').slice(0, FILES);
  real.forEach((news, i) => {
    fs.writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}.txt`), `${news.title}\n\n${news.content}\n`);
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function committedArticles(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0; // the schema is not there yet
  } finally {
    db.close();
  }
}

it('a killed import leaves a consistent library, and running it again finishes the job without duplicates', async () => {
  const folder = path.join(dir, 'articles');
  const killed = path.join(dir, 'killed.sqlite');

  const child = sahifaChild(['--library', killed, 'import', folder, '--json']);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let before = 0;
  while (before === 0) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    before = committedArticles(killed);
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const db = new Database(killed);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const rows = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  // Every committed article is also in the search index: no half-written batch.
  const indexed = (db.prepare("SELECT count(*) AS n FROM article_index WHERE article_index MATCH '{body_surface} : \"في\"'").get() as { n: number }).n;
  const texts = db.prepare('SELECT text FROM articles').pluck().all() as StoredValue[];
  const withWord = texts.filter((text) => decodeStored(text).includes(' في ')).length;
  db.close();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(FILES);
  expect(indexed).toBeGreaterThanOrEqual(withWord);

  const resumed = sahifaJson<{ imported: number; duplicates: number; failed: unknown[] }>(['--library', killed, 'import', folder]);
  expect(resumed.failed).toEqual([]);
  expect(resumed.duplicates).toBeGreaterThanOrEqual(rows);

  const fresh = path.join(dir, 'fresh.sqlite');
  const once = sahifaJson<{ imported: number }>(['--library', fresh, 'import', folder]);
  expect(sahifaJson<{ articles: number }>(['--library', killed, 'stats']).articles).toBe(once.imported);
});
