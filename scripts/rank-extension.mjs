/**
 * Compiles the ranking extension (main/library/rank-extension/: sahifa_rank.c, and
 * release_memory.c, which it registers too) into
 *   out/native/sahifa_rank.node
 * with node-gyp (a C compiler, as better-sqlite3 needs), in a temporary folder so that nothing is
 * written next to the sources. electron-builder.yml ships the file as resources/native/.
 *
 * It is an SQLite extension, not a Node addon: it reaches SQLite only through the routines SQLite
 * hands it when it is loaded, and includes nothing of Node, so one build serves Node and Electron.
 * node-gyp still looks for Node's headers: those of the running Node are used where they are
 * installed beside it (npm's own `nodedir` setting first), so nothing is downloaded.
 *
 * scripts/build.mjs runs this as its `rank-extension` step.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const RANK_EXTENSION_SOURCE = path.join(root, 'main', 'library', 'rank-extension');
export const RANK_EXTENSION_FILE = path.join(root, 'out', 'native', 'sahifa_rank.node');
const SOURCES = ['sahifa_rank.c', 'release_memory.c'];

/** The Node headers node-gyp should use, when they are on this machine. */
function nodeHeaders() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  // /usr/bin/node → /usr/include/node; an official tarball's bin/node → include/node likewise.
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node_version.h')) ? prefix : null;
}

/** node-gyp: the version package.json pins, else npm's own (an install without dev dependencies). */
function nodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npms = process.env.npm_config_node_gyp;
    if (npms && fs.existsSync(npms)) return npms;
    throw new Error('node-gyp is not installed');
  }
}

/** Builds the extension; throws an Error whose message says why it could not. */
export function buildRankExtension() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-rank-'));
  try {
    for (const source of SOURCES) fs.copyFileSync(path.join(RANK_EXTENSION_SOURCE, source), path.join(work, source));
    const gyp = {
      targets: [
        {
          target_name: 'sahifa_rank',
          type: 'loadable_module',
          product_extension: 'node',
          sources: SOURCES,
          // sqlite3ext.h of the very SQLite better-sqlite3 compiles in.
          include_dirs: [path.join(root, 'node_modules', 'better-sqlite3', 'deps', 'sqlite3')],
          cflags: ['-O2'],
          xcode_settings: { OTHER_CFLAGS: ['-O2'] },
        },
      ],
    };
    fs.writeFileSync(path.join(work, 'binding.gyp'), JSON.stringify(gyp, null, 2));
    const headers = nodeHeaders();
    const result = spawnSync(process.execPath, [nodeGyp(), 'rebuild', '--release', ...(headers ? [`--nodedir=${headers}`] : [])], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    const built = path.join(work, 'build', 'Release', 'sahifa_rank.node');
    if (result.status !== 0 || !fs.existsSync(built)) {
      const said = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').find((line) => /error/i.test(line)) ?? result.error?.message;
      throw new Error(`node-gyp could not build the ranking extension${said ? `: ${said.trim()}` : ''}`);
    }
    fs.mkdirSync(path.dirname(RANK_EXTENSION_FILE), { recursive: true });
    // Written aside and renamed: a library opening meanwhile loads the old file or the new one.
    const aside = `${RANK_EXTENSION_FILE}.${process.pid}.tmp`;
    fs.copyFileSync(built, aside);
    fs.renameSync(aside, RANK_EXTENSION_FILE);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
