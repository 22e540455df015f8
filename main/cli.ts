/**
 * The `sahifa` command line: the same library as the desktop app, for scripts and terminals.
 * Every command takes --json for machine-readable output on stdout.
 * Exit status: 0 success, 1 failure (a file that did not import, a missing id, a bad library), 2 bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { day, UsageError, wholeNumber } from './cli-usage';
import { feedFilter, SUBSCRIPTION_ARGUMENTS, SUBSCRIPTION_OPTIONS, SUBSCRIPTION_USAGE } from './cli-subscription-options';
import { failedName, failureForScripts } from './import/failure-lines';
// The importers (parsers for every format, fflate, marked, DOMPurify) load only for `import`: a
// dynamic import, which the built command line keeps in a chunk of its own.
import type { ImportProgress } from './import/importer';
import { exportArticles } from './library/export';
import { exportHighlights, highlightedArticles } from './library/highlight-export';
import { LibraryError, type Library } from './library/library';
import { openLibraryOrRecover, type LibraryProblem } from './library/recovery';
import { restoreLibrary } from './library/restore';
import { defaultLibraryPath } from './library/paths';
import {
  exportFormats,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_EXPORT_FORMATS,
  isHighlightColor,
  searchSorts,
  type ExportFormat,
  type Highlight,
  type HighlightColor,
  type HighlightExportFormat,
  type HighlightListItem,
  type Range,
  type SearchSort,
} from '../common';

const USAGE = `Usage: sahifa [--library FILE] [--json] <command> [arguments]

Commands:
  import <file|folder>...        import articles; folders recursively, zip archives entry by entry:
                                 text (.txt), Markdown (.md), web pages (.html, .xhtml), saved pages
                                 (.mhtml, .mht), feeds (RSS, Atom, RDF, JSON Feed), EPUB books (.epub),
                                 zip archives (.zip), and Sahifa's own JSON articles (.json)
  list [--bookmarked] [--unread] [--feed ID] [--folder F] [--limit N] [--offset N]
                                 newest first
  show <id>                      one article with its text
  search <query> [--limit N] [--offset N] [--count] [--bookmarked] [--unread]
         [--source S] [--lang L] [--tag T] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--feed ID] [--folder F] [--highlighted] [--sort relevance|date]
                                 best first (above 20,000 matches: the 20,000 most
                                 recently added best first, then the older ones),
                                 or --sort date, newest first; "a phrase", word*,
                                 -word, a OR b; finds words in notes too
  bookmark <id> | unbookmark <id>
  stats                          how many articles and bookmarks
  backup <file>                  a consistent copy of the library (safe while the app runs)
  restore <file>                 replace the library with a backup (the old one is kept aside)
  export --all --format md|json|html --out <folder>
                                 one file per article, which Sahifa imports back
${SUBSCRIPTION_USAGE}
  highlight <id> --start N --end N [--color C] [--note TEXT]
                                 highlight [start, end) of the article's text (UTF-16
                                 offsets into the text \`show\` prints); colours:
                                 ${HIGHLIGHT_COLORS.join(', ')}
  highlights [--article ID] [--color C]
                                 every highlight, newest first
  unhighlight <highlight-id>     remove a highlight
  export --highlights --format md|json --out <file-or-folder> [--article ID]
                                 highlights as Markdown notes (Obsidian) or W3C Web
                                 Annotations; a folder gets one file per article

Options:
  --library FILE   the library (default: $SAHIFA_LIBRARY, else the desktop app's library)
  --json           machine-readable output on stdout
  -h, --help       this help`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stdout is a terminal: decides colours and the progress bar. */
  isTty: boolean;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
};


const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  bookmarked: { type: 'boolean', default: false },
  count: { type: 'boolean', default: false },
  limit: { type: 'string' },
  offset: { type: 'string' },
  all: { type: 'boolean', default: false },
  unread: { type: 'boolean', default: false },
  source: { type: 'string' },
  lang: { type: 'string' },
  tag: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  highlights: { type: 'boolean', default: false },
  highlighted: { type: 'boolean', default: false },
  article: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  color: { type: 'string' },
  note: { type: 'string' },
  sort: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  ...SUBSCRIPTION_OPTIONS,
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];


function articleId(value: string | undefined): number {
  if (value === undefined) throw new UsageError('an article id is needed');
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`"${value}" is not an article id`);
  return Number(value);
}

/** An offset as given: any whole number, so that one outside the text gets the library's reason. */
function offset(value: string | undefined, name: string): number {
  if (value === undefined) throw new UsageError(`highlight needs --${name} N`);
  if (!/^-?\d{1,15}$/.test(value)) throw new UsageError(`--${name} takes a whole number, not "${value}"`);
  return Number(value);
}

function color(value: string | undefined): HighlightColor | undefined {
  if (value === undefined) return undefined;
  if (!isHighlightColor(value)) throw new UsageError(`--color is one of ${HIGHLIGHT_COLORS.join(', ')}, not "${value}"`);
  return value;
}

/** A highlight as the command line prints it: the shape scripts rely on. */
function highlightJson(h: Highlight): Record<string, unknown> {
  const { id, article, start, end, quote, prefix, suffix, color, note, created } = h;
  return { id, article, start, end, quote, prefix, suffix, color, note, created, ...(h.orphaned ? { orphaned: true } : {}) };
}

function highlightLine(h: HighlightListItem): string {
  const quote = h.quote.replace(/\s+/g, ' ');
  const short = quote.length > 80 ? `${quote.slice(0, 79)}…` : quote;
  const lines = [`${h.id}  ${String(h.article).padStart(6)}  ${h.color.padEnd(6)}  «${short}»${h.orphaned ? '  (no longer in the text)' : ''}  — ${h.title}`];
  if (h.note) lines.push(`    ${h.note.replace(/\n/g, '\n    ')}`);
  return lines.join('\n');
}

function date(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '          ';
}

/** Marks highlights for a terminal: bold on a TTY, «guillemets» in plain text. */
function mark(text: string, ranges: Range[], isTty: boolean): string {
  const [open, close] = isTty ? ['\x1b[1;33m', '\x1b[0m'] : ['«', '»'];
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    result += text.slice(at, start) + open + text.slice(start, end) + close;
    at = end;
  }
  return result + text.slice(at);
}

/** The last stage of a large import (every file is in). */
const INDEX_STAGE = 'organizing the search index…';

function progressReporter(io: Io, json: boolean): ((p: ImportProgress) => void) | undefined {
  if (json) return undefined;
  if (!io.isTty) return (p) => io.err(p.stage === 'index' ? INDEX_STAGE : `[${p.done}/${p.total}] ${p.current}`);
  return (p) => {
    if (p.stage === 'index') {
      process.stderr.write(`${INDEX_STAGE}\n`);
      return;
    }
    const width = 30;
    const filled = p.total ? Math.round((p.done / p.total) * width) : 0;
    const name = p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current;
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${name}\x1b[K`);
    if (p.done === p.total) process.stderr.write('\n');
  };
}

async function run(command: string, args: string[], values: Values, library: Library, io: Io): Promise<number> {
  const json = values.json;
  const print = (value: unknown) => io.out(JSON.stringify(value));
  switch (command) {
    case 'import': {
      if (args.length === 0) throw new UsageError('import needs at least one file or folder');
      const { importPaths } = await import('./import/importer');
      const report = await importPaths(library, args, { onProgress: progressReporter(io, json) });
        // What was changed on the way in (an encoding not taken at its word, garbled text restored).
        const notes = (report.notes ?? []).map((n) => ({ path: n.path, note: n.message }));
        if (json) print({ imported: report.imported, duplicates: report.duplicates, failed: report.failed.map(failureForScripts), notes });
        else {
          io.out(`imported ${report.imported}, duplicates ${report.duplicates}, failed ${report.failed.length}`);
          for (const failure of report.failed) io.out(`  ${failedName(failure)}: ${failure.error}`);
          for (const n of notes) io.out(`  note: ${n.path}: ${n.note}`);
      }
      return report.failed.length > 0 ? 1 : 0;
    }
    case 'list': {
      const page = library.list({
        bookmarked: values.bookmarked,
        unread: values.unread,
        feeds: feedFilter(library, values),
        limit: wholeNumber(values.limit, 'limit', 50, 1),
        offset: wholeNumber(values.offset, 'offset', 0, 0),
      });
      if (json) {
        print(page.items.map(({ id, title, source, published, imported, bookmarked }) => ({ id, title, source, published, imported, bookmarked })));
      } else {
        for (const a of page.items) {
          io.out(`${String(a.id).padStart(6)}  ${date(a.published ?? a.imported)}  ${a.bookmarked ? '★' : ' '} ${a.title}${a.source ? ` — ${a.source}` : ''}`);
        }
        io.out(`${page.items.length} of ${page.total}`);
      }
      return 0;
    }
    case 'show': {
      const a = library.get(articleId(args[0]));
      if (json) {
        const { id, title, byline, source, url, lang, dir, published, imported, text, bookmarked } = a;
        print({ id, title, byline, source, url, lang, dir, published, imported, text, bookmarked });
      } else {
        io.out(`${a.bookmarked ? '★ ' : ''}${a.title}`);
        const meta = [a.byline, a.source, a.published?.slice(0, 10), a.url].filter(Boolean).join(' · ');
        if (meta) io.out(meta);
        io.out('');
        io.out(a.text);
      }
      return 0;
    }
    case 'search': {
      const query = args.join(' ');
      if (!query.trim()) throw new UsageError('search needs a query');
      const page = library.search(query, {
        bookmarked: values.bookmarked,
        unread: values.unread,
        source: values.source,
        lang: values.lang,
        tag: values.tag,
        from: day(values.from, 'from'),
        to: day(values.to, 'to'),
        feeds: feedFilter(library, values),
        highlighted: values.highlighted,
        limit: wholeNumber(values.limit, 'limit', 20, 1),
        offset: wholeNumber(values.offset, 'offset', 0, 0),
        sort: searchSort(values.sort),
      });
      if (values.count) {
        io.out(String(page.total));
        return 0;
      }
      if (json) print(page.items.map(({ id, title, snippet, highlights, score }) => ({ id, title, snippet, highlights, score })));
      else {
        for (const hit of page.items) {
          io.out(`${String(hit.id).padStart(6)}  ${mark(hit.title, hit.titleHighlights, io.isTty)}`);
          io.out(`        ${mark(hit.snippet, hit.highlights, io.isTty)}`);
        }
        io.out(`${page.items.length} of ${page.total} results`);
      }
      return 0;
    }
    case 'bookmark':
    case 'unbookmark': {
      const id = articleId(args[0]);
      library.setBookmarked(id, command === 'bookmark');
      if (json) print({ id, bookmarked: command === 'bookmark' });
      else io.out(command === 'bookmark' ? `bookmarked ${id}` : `removed the bookmark of ${id}`);
      return 0;
    }
    case 'backup': {
      const destination = path.resolve(args[0]!);
      await library.backup(destination);
      if (json) print({ backup: destination, articles: library.stats().articles });
      else io.out(`backed up ${library.stats().articles} articles to ${destination}`);
      return 0;
    }
    case 'export': {
      const format = values.format ?? 'md';
      if (values.highlights) return exportHighlightsCommand(library, values, io);
      if (!values.all) throw new UsageError('export needs --all (export everything) or --highlights');
      if (!isExportFormat(format)) throw new UsageError(`--format is one of ${exportFormats.join(', ')}, not "${format}"`);
      if (!values.out) throw new UsageError('export needs --out <folder>');
      const folder = path.resolve(values.out);
      const written = exportArticles(library.articles(), format, folder, (id) => library.highlights.ofArticle(id));
      if (json) print({ exported: written, folder, format });
      else io.out(`exported ${written} articles to ${folder}`);
      return 0;
    }
    case 'highlight': {
      const highlight = library.highlights.add(articleId(args[0]), {
        start: offset(values.start, 'start'),
        end: offset(values.end, 'end'),
        color: color(values.color),
        note: values.note ?? null,
      });
      if (json) print(highlightJson(highlight));
      else io.out(`highlighted «${highlight.quote}» in ${highlight.article} (${highlight.color}) — ${highlight.id}`);
      return 0;
    }
    case 'highlights': {
      const page = library.highlights.list({
        article: values.article === undefined ? undefined : articleId(values.article),
        color: color(values.color),
        limit: values.limit === undefined ? -1 : wholeNumber(values.limit, 'limit', 0, 1),
        offset: wholeNumber(values.offset, 'offset', 0, 0),
      });
      if (json) print(page.items.map((h) => ({ ...highlightJson(h), title: h.title })));
      else {
        for (const h of page.items) io.out(highlightLine(h));
        io.out(`${page.items.length} of ${page.total} highlights`);
      }
      return 0;
    }
    case 'unhighlight': {
      const removed = library.highlights.remove(args[0]!);
      if (json) print({ id: removed.id, removed: true });
      else io.out(`removed the highlight «${removed.quote}» from ${removed.article}`);
      return 0;
    }
    case 'stats': {
      const stats = library.stats();
      if (json) print(stats);
      else io.out(`${stats.articles} articles, ${stats.bookmarks} bookmarks — ${library.file}`);
      return 0;
    }
    default: {
      // Loaded only for these commands: they bring the fetcher and the feed readers with them.
      const { runSubscriptionCommand } = await import('./cli-subscriptions');
      const code = await runSubscriptionCommand(command, args, values, library, io);
      if (code === null) throw new UsageError(`unknown command "${command}"`);
      return code;
    }
  }
}

const ARGUMENT_NAME: Record<string, string> = {
  subscribe: 'one address',
  save: 'one address',
  feed: 'one feed id',
  unsubscribe: 'one feed id',
  folder: '"rename <id|path> <name>" or "delete <id|path>"',
  opml: '"import <file>" or "export"',
  show: 'one article id',
  bookmark: 'one article id',
  unbookmark: 'one article id',
  backup: 'one file',
  restore: 'one file',
  highlight: 'one article id',
  unhighlight: 'one highlight id',
};

const ARGUMENT_COUNT: Record<string, [number, number]> = {
  list: [0, 0],
  show: [1, 1],
  bookmark: [1, 1],
  unbookmark: [1, 1],
  stats: [0, 0],
  backup: [1, 1],
  restore: [1, 1],
  export: [0, 0],
  ...SUBSCRIPTION_ARGUMENTS,
  highlight: [1, 1],
  highlights: [0, 0],
  unhighlight: [1, 1],
};

const isHighlightExportFormat = (value: string): value is HighlightExportFormat =>
  (HIGHLIGHT_EXPORT_FORMATS as readonly string[]).includes(value);

function exportHighlightsCommand(library: Library, values: Values, io: Io): number {
  const format = values.format ?? 'md';
  if (!isHighlightExportFormat(format)) throw new UsageError(`--format is one of ${HIGHLIGHT_EXPORT_FORMATS.join(', ')} with --highlights, not "${format}"`);
  if (!values.out) throw new UsageError('export needs --out <file-or-folder>');
  const items = highlightedArticles(library, values.article === undefined ? undefined : articleId(values.article));
  const { files, highlights } = exportHighlights(items, format, path.resolve(values.out));
  if (values.json) io.out(JSON.stringify({ exported: highlights, articles: items.length, files, format }));
  else io.out(`exported ${highlights} highlights of ${items.length} articles to ${files.length === 1 ? files[0] : path.resolve(values.out)}`);
  return 0;
}

function searchSort(value: string | undefined): SearchSort {
  if (value === undefined) return 'relevance';
  if (!(searchSorts as readonly string[]).includes(value)) throw new UsageError(`--sort is one of ${searchSorts.join(', ')}, not "${value}"`);
  return value as SearchSort;
}

const isExportFormat = (value: string): value is ExportFormat => (exportFormats as readonly string[]).includes(value);

/** Why nothing was done to a damaged library, and the command that puts a backup in its place. */
function refusal(problem: LibraryProblem): string {
  const restore = problem.latestBackup
    ? `to replace it with the latest valid backup: sahifa restore "${problem.latestBackup}"`
    : 'there is no valid backup next to it; to replace it with a backup of your own: sahifa restore <file>';
  return `${problem.message}; ${restore}`;
}

/** Restore works on a closed library: it replaces the file, so it never opens it. */
function restore(file: string, backup: string, json: boolean, io: Io): number {
  const { previous, articles } = restoreLibrary(file, path.resolve(backup));
  if (json) io.out(JSON.stringify({ restored: file, articles, previous }));
  else io.out(`restored ${articles} articles into ${file}${previous ? `; the previous library is kept as ${previous}` : ''}`);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let library: Library | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const [command, ...args] = positionals;
    if (!command) throw new UsageError('no command given');
    const expected = ARGUMENT_COUNT[command];
    if (expected && (args.length < expected[0] || args.length > expected[1])) {
      throw new UsageError(`${command} takes ${expected[1] === 0 ? 'no arguments' : ARGUMENT_NAME[command] ?? 'one argument'}`);
    }
    if (command !== 'import' && command !== 'search' && !expected) throw new UsageError(`unknown command "${command}"`);
    const file = values.library ?? defaultLibraryPath();
    if (command === 'restore') return restore(file, args[0]!, values.json, io);
    // Checked and opened as the app opens it; a damaged library is refused, never written to.
    const outcome = await openLibraryOrRecover(file, { choose: async () => 'quit' });
    if (outcome.status === 'quit') {
      io.err(`sahifa: ${refusal(outcome.problem)}`);
      return 1;
    }
    library = outcome.library;
    // The day's backup first, so that it holds the library as it was before this command.
    await outcome.automaticBackup.catch((error: unknown) => io.err(`sahifa: automatic backup failed: ${(error as Error).message}`));
    return await run(command, args, values, library, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`sahifa: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof LibraryError) {
      io.err(`sahifa: ${error.message}`);
      return 1;
    }
    io.err(`sahifa: ${(error as Error).message ?? String(error)}`);
    return 1;
  } finally {
    library?.close();
  }
}
