#!/usr/bin/env node
/**
 * Builds the app into out/:
 *   out/renderer/            the renderer (Vite, from renderer/index.html)
 *   out/main/index.cjs       the Electron main process
 *   out/main/web.mjs         the browser mode
 *   out/main/import-worker.cjs, .mjs   the import worker thread, for each of the two above
 *   out/main/rank-worker.cjs, .mjs     the search's second ranking thread, likewise
 *   out/main/parse-worker.cjs, .mjs    an import's parse threads, likewise (started by the import worker)
 *   out/main/refresh-worker.cjs, .mjs  the subscriptions' background refresh, likewise
 *   out/main/feed-parse-worker.cjs, .mjs  its feed parse threads, likewise (started by the refresh worker)
 *   out/preload/index.cjs    the preload bridge (CommonJS: sandboxed preloads cannot be ESM)
 *   out/cli/sahifa.mjs       the `sahifa` command line (bin/sahifa.mjs runs it), its lazily loaded
 *                            chunks, and the worker threads it may start
 *   out/native/sahifa_rank.node  the search's ranking function, an SQLite extension in C
 *                            (scripts/rank-extension.mjs); where it cannot be compiled, the step says
 *                            so and the library ranks with SQLite's slower bm25()
 *
 * A step whose outputs are newer than all its inputs is skipped, so `npm start` and `npm run web`
 * can call this every time. `--force` rebuilds everything. Type errors are tsc's job (npm test).
 *
 * Used as a script (`node scripts/build.mjs [--force] [--only step,step]`) and as a module
 * (`buildIfNeeded()`).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRankExtension, RANK_EXTENSION_FILE, RANK_EXTENSION_SOURCE } from './rank-extension.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const at = (...parts) => path.join(root, ...parts);

// Packages that must stay real `require`s: native modules (the Electron build of better-sqlite3 is
// picked at run time), and jsdom, which resolves files of its own at run time. Everything else is
// pure JavaScript and bundled, which also lets CommonJS output use ESM-only packages (marked).
const EXTERNAL = ['electron', 'better-sqlite3', 'jsdom'];

// Inputs that concern every step: dependencies and this script.
const COMMON_INPUTS = [at('package.json'), at('package-lock.json'), fileURLToPath(import.meta.url)];

// Worker threads, bundled once for Electron (.cjs) and once for the browser mode (.mjs): a worker
// runs in the same runtime as its parent, which finds it next to its own bundle.
const WORKERS = [
  { name: 'import-worker', entry: at('main', 'import', 'worker.ts') }, // main/import/jobs.ts
  { name: 'parse-worker', entry: at('main', 'import', 'parse-worker.ts') }, // main/import/parse-pool.ts
  { name: 'rank-worker', entry: at('main', 'library', 'rank-worker.ts') }, // main/library/rank-helper.ts
  { name: 'refresh-worker', entry: at('main', 'subscriptions', 'worker.ts') }, // main/subscriptions/refresh-thread.ts
  { name: 'feed-parse-worker', entry: at('main', 'subscriptions', 'parse-worker.ts') }, // main/subscriptions/parse-pool.ts
];

const steps = [
  {
    name: 'renderer',
    inputs: [at('renderer'), at('common'), at('assets')],
    outputs: [path.join(out, 'renderer', 'index.html')],
    run: buildRenderer,
  },
  {
    name: 'main',
    inputs: [at('main'), at('common')],
    outputs: [
      path.join(out, 'main', 'index.cjs'),
      path.join(out, 'main', 'web.mjs'),
      ...WORKERS.flatMap(({ name }) => [path.join(out, 'main', `${name}.cjs`), path.join(out, 'main', `${name}.mjs`)]),
    ],
    run: buildMain,
  },
  {
    name: 'cli',
    inputs: [at('main'), at('common')],
    outputs: [path.join(out, 'cli', 'sahifa.mjs')],
    run: buildCli,
  },
  {
    name: 'rank-extension',
    inputs: [RANK_EXTENSION_SOURCE, path.join(root, 'scripts', 'rank-extension.mjs')],
    outputs: [RANK_EXTENSION_FILE],
    run: buildRankExtensionOrSay,
  },
  {
    name: 'preload',
    inputs: [at('preload'), at('common')],
    outputs: [path.join(out, 'preload', 'index.cjs')],
    run: buildPreload,
  },
];

async function buildRenderer() {
  const { build } = await import('vite');
  const configFile = ['vite.config.ts', 'vite.config.mjs', 'vite.config.js']
    .map((name) => at('renderer', name))
    .find((file) => fs.existsSync(file));
  await build({
    root: at('renderer'),
    base: './',
    configFile: configFile ?? false,
    logLevel: 'warn',
    build: {
      outDir: path.join(out, 'renderer'),
      emptyOutDir: true,
      rollupOptions: { input: at('renderer', 'index.html') },
    },
  });
}

async function buildMain() {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    external: EXTERNAL,
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
  // Electron 45 runs Node 22. CommonJS has no import.meta: main/import/jobs.ts finds the import
  // worker next to the running bundle through import.meta.url, so it is defined from __filename.
  const electronMain = {
    ...common,
    format: 'cjs',
    target: 'node22',
    define: { 'import.meta.url': '__sahifaModuleUrl' },
    banner: { js: "const __sahifaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  const browserModeMain = {
    ...common,
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS packages call require() for Node's built-ins; ESM has no require.
    banner: { js: "import { createRequire as __sahifaCreateRequire } from 'node:module'; const require = __sahifaCreateRequire(import.meta.url);" },
  };
  await Promise.all([
    esbuild.build({ ...electronMain, entryPoints: [at('main', 'index.ts')], outfile: path.join(out, 'main', 'index.cjs') }),
    esbuild.build({ ...browserModeMain, entryPoints: [at('main', 'web.ts')], outfile: path.join(out, 'main', 'web.mjs') }),
    ...WORKERS.flatMap(({ name, entry }) => [
      esbuild.build({ ...electronMain, entryPoints: [entry], outfile: path.join(out, 'main', `${name}.cjs`) }),
      esbuild.build({ ...browserModeMain, entryPoints: [entry], outfile: path.join(out, 'main', `${name}.mjs`) }),
    ]),
  ]);
}

/**
 * The command line as one ES module plus chunks: what only some commands need (importers, export,
 * restore) is a dynamic import in main/cli.ts, so it becomes a chunk that `sahifa stats` never
 * loads. The workers are entry points of the same build, next to the chunks that start them
 * (main/worker-script.ts finds them there). Each file is written aside and renamed into place,
 * chunks (named by their content) before the entry points, and the chunks of an older build stay
 * a minute: a command starting meanwhile loads one build or the other, never half of one.
 */
async function buildCli() {
  const esbuild = await import('esbuild');
  const target = path.join(out, 'cli');
  const result = await esbuild.build({
    entryPoints: [
      { in: at('main', 'cli.ts'), out: 'sahifa' },
      ...WORKERS.map(({ name, entry }) => ({ in: entry, out: name })),
    ],
    outdir: target,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    logLevel: 'warning',
    legalComments: 'none',
    // Bundled CommonJS packages call require() for Node's built-ins; ESM has no require.
    banner: { js: "import { createRequire as __sahifaCreateRequire } from 'node:module'; const require = __sahifaCreateRequire(import.meta.url);" },
  });
  fs.mkdirSync(target, { recursive: true });
  const isChunk = (file) => path.basename(file).startsWith('chunk-');
  const files = [...result.outputFiles].sort((x, y) => Number(isChunk(y.path)) - Number(isChunk(x.path)));
  for (const file of files) {
    const aside = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(aside, file.contents);
    fs.renameSync(aside, file.path);
  }
  const current = new Set(files.map((file) => path.basename(file.path)));
  const aMinuteAgo = Date.now() - 60_000;
  for (const name of fs.readdirSync(target)) {
    const file = path.join(target, name);
    if (isChunk(name) && !current.has(name) && fs.statSync(file).mtimeMs < aMinuteAgo) fs.rmSync(file, { force: true });
  }
}

/** Not fatal: without the extension, searches are slower (bm25()) but give the same results. */
async function buildRankExtensionOrSay() {
  try {
    buildRankExtension();
  } catch (error) {
    console.warn(`build: ${error instanceof Error ? error.message : String(error)}; searches will rank with SQLite's bm25(), several times slower in a large library`);
  }
}

async function buildPreload() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [at('preload', 'index.ts')],
    outfile: path.join(out, 'preload', 'index.cjs'),
    bundle: true,
    // A sandboxed preload can require 'electron' and nothing else: everything else is bundled.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    logLevel: 'warning',
    legalComments: 'none',
  });
}

/** Newest modification time under the given files and folders (0 when none exists). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(file, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const file of paths) visit(file);
  return newest;
}

/** Oldest modification time of the outputs, or 0 when one is missing. */
function oldestOutput(paths) {
  let oldest = Infinity;
  for (const file of paths) {
    try {
      oldest = Math.min(oldest, fs.statSync(file).mtimeMs);
    } catch {
      return 0;
    }
  }
  return oldest;
}

/** Builds whatever is out of date (of the named steps, else all). Returns the names of the steps it ran. */
export async function buildIfNeeded({ force = false, log = console.log, only = null } = {}) {
  const ran = [];
  for (const step of steps) {
    if (only && !only.includes(step.name)) continue;
    const stale = force || newestMtime([...step.inputs, ...COMMON_INPUTS]) >= oldestOutput(step.outputs);
    if (!stale) continue;
    const started = performance.now();
    await step.run();
    // Outputs a step did not rewrite (a tool may skip identical files) must still look fresh.
    const now = new Date();
    for (const file of step.outputs) if (fs.existsSync(file)) fs.utimesSync(file, now, now);
    log(`build: ${step.name} in ${Math.round(performance.now() - started)} ms`);
    ran.push(step.name);
  }
  return ran;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const only = process.argv.indexOf('--only');
  buildIfNeeded({ force: process.argv.includes('--force'), only: only === -1 ? null : (process.argv[only + 1] ?? '').split(',') }).then(
    (ran) => {
      if (ran.length === 0) console.log('build: up to date');
    },
    (error) => {
      console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
