/**
 * The benchmark's input: SaudiNewsNet repeated to 100k articles, written once as plain-text files
 * (title line, blank line, body) in bench/.data/news-<n>/<folder of 1,000>/<k>.txt and reused while
 * the marker says they are complete. Copy c > 0 of an article starts its body with a copy-number
 * line, and every file ends with its own number, so no two files are the same article: the
 * importer's deduplication (by hash of title + body when there is no URL) never drops one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { newsArticles } from '../tests/fixtures/corpus';

const FORMAT = 1; // bump when the file layout changes, so cached files are rewritten
const PER_FOLDER = 1000;

export interface NewsFiles {
  root: string;
  /** Folders of 1,000 files each, in order: the first k/1000 of them are the first k articles. */
  folders: string[];
  count: number;
}

export function articleFile(title: string, content: string, index: number, copy: number): string {
  const copyLine = copy > 0 ? `نسخة ${copy}\n\n` : '';
  return `${title}\n\n${copyLine}${content}\n\n(${index + 1})\n`;
}

export function ensureNewsFiles(dataDir: string, count: number, log: (s: string) => void): NewsFiles {
  const root = path.join(dataDir, `news-${count}`);
  const marker = path.join(dataDir, `news-${count}.complete`);
  const folders = Array.from({ length: Math.ceil(count / PER_FOLDER) }, (_, f) => path.join(root, String(f).padStart(3, '0')));
  const wanted = JSON.stringify({ format: FORMAT, count });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return { root, folders, count };

  const started = performance.now();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  const corpus = newsArticles();
  for (let k = 0; k < count; k++) {
    const folder = folders[Math.floor(k / PER_FOLDER)]!;
    if (k % PER_FOLDER === 0) fs.mkdirSync(folder, { recursive: true });
    const a = corpus[k % corpus.length]!;
    const copy = Math.floor(k / corpus.length);
    fs.writeFileSync(path.join(folder, `${k + 1}.txt`), articleFile(a.title, a.content, k, copy));
  }
  fs.writeFileSync(marker, wanted);
  log(`wrote ${count} article files to ${root} in ${((performance.now() - started) / 1000).toFixed(1)} s (cached for next runs)`);
  return { root, folders, count };
}
