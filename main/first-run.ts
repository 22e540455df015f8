/**
 * A first start shows something to read: the bundled samples (assets/samples) go into an empty
 * library. Shared by the desktop app and the browser mode.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { emptyReport, mergeReports, type ImportReport } from '../common';
import type { ArticleSink } from './import/importer';
import { failedName } from './import/failure-lines';
import type { Library } from './library/library';

/** The welcome article's file name starts with this; it must open the list. */
const WELCOME_PREFIX = 'welcome';

/**
 * Imports every sample when the library has no article at all; a library with any article is the
 * reader's and is left alone. Returns null when nothing was done.
 *
 * Order: the list is newest first by publication date, falling back to the import time, then by
 * id. The welcome article is imported last and without a publication date (its file may carry the
 * day it was written, which would sort it below a sample imported today), so it sorts by its import
 * time, the latest, and its id, the highest: it comes first.
 */
export async function importSamplesIfEmpty(library: Library, samplesDir: string): Promise<ImportReport | null> {
  if (library.stats().articles > 0) return null;
  const entries = await fs.readdir(samplesDir, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => Number(isWelcome(a)) - Number(isWelcome(b)) || a.localeCompare(b, 'en'));
  if (files.length === 0) return null;

  // Loaded only on a first run: the importers bring jsdom, which costs a second of start-up.
  const { importPaths } = await import('./import/importer');
  let total = emptyReport();
  // One import per file, in order, so the ids (the tie-breaker) follow the order above.
  for (const name of files) {
    const sink: ArticleSink = isWelcome(name)
      ? { addArticles: (articles) => library.addArticles(articles.map((article) => ({ ...article, published: null }))) }
      : library;
    const report = await importPaths(sink, [path.join(samplesDir, name)]);
    total = mergeReports(total, report);
  }
  for (const failure of total.failed) console.error(`sahifa: sample ${failedName(failure)} not imported: ${failure.error}`);
  return total;
}

function isWelcome(name: string): boolean {
  return name.toLowerCase().startsWith(WELCOME_PREFIX);
}
