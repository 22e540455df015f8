/**
 * The `sahifa` command line: the same library as the desktop app, for scripts and terminals.
 * Every command takes --json for machine-readable output on stdout.
 * Exit status: 0 success, 1 failure (a file that did not import, a missing id, a bad library), 2 bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
// The importers (parsers for every format, fflate, marked, DOMPurify) load only for `import`: a
// dynamic import, which the built command line keeps in a chunk of its own.
import type { ImportProgress } from './import/importer';
import { EXPORT_FORMATS, exportArticles, type ExportFormat } from './library/export';
import { Library, LibraryError } from './library/library';
import { restoreLibrary } from './library/restore';
import { defaultLibraryPath } from './library/paths';
import type { Range } from './library/types';

const USAGE = `Usage: sahifa [--library FILE] [--json] <command> [arguments]

Commands:
  import <file|folder>...        import articles (.txt, .md; folders recursively)
  list [--bookmarked] [--limit N] [--offset N]
                                 newest first
  show <id>                      one article with its text
  search <query> [--limit N] [--offset N] [--count] [--bookmarked] [--unread]
         [--source S] [--lang L] [--tag T] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                 best first; "a phrase", word*, -word, a OR b
  bookmark <id> | unbookmark <id>
  stats                          how many articles and bookmarks
  backup <file>                  a consistent copy of the library (safe while the app runs)
  restore <file>                 replace the library with a backup (the old one is kept aside)
  export --all --format md|json|html --out <folder>
                                 one file per article, which Sahifa imports back

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

class UsageError extends Error {}

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
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

function day(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

function articleId(value: string | undefined): number {
  if (value === undefined) throw new UsageError('an article id is needed');
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`"${value}" is not an article id`);
  return Number(value);
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

function progressReporter(io: Io, json: boolean): ((p: ImportProgress) => void) | undefined {
  if (json) return undefined;
  if (!io.isTty) return (p) => io.err(`[${p.done}/${p.total}] ${p.current}`);
  return (p) => {
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
      // Each failure as the command line has always printed it: its path and its English reason.
      const failed = report.failed.map((failure) => ({ path: failure.path, error: failure.error }));
      if (json) print({ imported: report.imported, duplicates: report.duplicates, failed });
      else {
        io.out(`imported ${report.imported}, duplicates ${report.duplicates}, failed ${report.failed.length}`);
        for (const failure of report.failed) io.out(`  ${failure.path}: ${failure.error}`);
      }
      return report.failed.length > 0 ? 1 : 0;
    }
    case 'list': {
      const page = library.list({
        bookmarked: values.bookmarked,
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
        limit: wholeNumber(values.limit, 'limit', 20, 1),
        offset: wholeNumber(values.offset, 'offset', 0, 0),
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
      if (!values.all) throw new UsageError('export needs --all (export everything)');
      if (!isExportFormat(format)) throw new UsageError(`--format is one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
      if (!values.out) throw new UsageError('export needs --out <folder>');
      const folder = path.resolve(values.out);
      const written = exportArticles(library.articles(), format, folder);
      if (json) print({ exported: written, folder, format });
      else io.out(`exported ${written} articles to ${folder}`);
      return 0;
    }
    case 'stats': {
      const stats = library.stats();
      if (json) print(stats);
      else io.out(`${stats.articles} articles, ${stats.bookmarks} bookmarks — ${library.file}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const ARGUMENT_NAME: Record<string, string> = {
  show: 'one article id',
  bookmark: 'one article id',
  unbookmark: 'one article id',
  backup: 'one file',
  restore: 'one file',
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
};

const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

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
    library = Library.open(file);
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
