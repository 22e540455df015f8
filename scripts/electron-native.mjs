#!/usr/bin/env node
/**
 * Builds better-sqlite3's native module for Electron, once per Electron version, into
 *   out/native/electron-<version>/better_sqlite3.node
 * (main/native.ts loads it from there in development) and copies it to
 *   out/native/package/better_sqlite3.node
 * which electron-builder.yml ships as resources/native/better_sqlite3.node (its file sets have no
 * macro for the Electron version, so the copy gives the current build a fixed name).
 *
 * node_modules/better-sqlite3/build stays the Node build that the tests and the CLI use: the
 * package is copied to a temporary folder and rebuilt there with @electron/rebuild, which first
 * tries a prebuilt binary (prebuild-install) and then compiles with node-gyp against Electron's
 * headers. Both need the network, so this runs from `npm start` and `npm run dist`, never from
 * `npm install`.
 *
 * Used as a script and as a module (`ensureElectronNative()`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(root, 'node_modules');

function versionOf(packageName) {
  return JSON.parse(fs.readFileSync(path.join(modules, packageName, 'package.json'), 'utf8')).version;
}

export function electronNativePath(electronVersion = versionOf('electron')) {
  return path.join(root, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Returns the module's path; throws an Error with a one-line message when it cannot be built. */
export const PACKAGED_NATIVE = path.join(root, 'out', 'native', 'package', 'better_sqlite3.node');

export async function ensureElectronNative({ log = console.error } = {}) {
  const target = await buildOnce({ log });
  fs.mkdirSync(path.dirname(PACKAGED_NATIVE), { recursive: true });
  fs.copyFileSync(target, PACKAGED_NATIVE);
  return target;
}

async function buildOnce({ log }) {
  const electronVersion = versionOf('electron');
  const target = electronNativePath(electronVersion);
  if (fs.existsSync(target)) return target;

  log(`electron-native: building better-sqlite3 for Electron ${electronVersion}…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-electron-native-'));
  try {
    const sqliteVersion = versionOf('better-sqlite3');
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'sahifa-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
    );
    const copy = path.join(work, 'node_modules', 'better-sqlite3');
    // The sources without the Node build, so nothing of it can be mistaken for the result.
    fs.cpSync(path.join(modules, 'better-sqlite3'), copy, {
      recursive: true,
      filter: (source) => path.relative(path.join(modules, 'better-sqlite3'), source).split(path.sep)[0] !== 'build',
    });
    // @electron/rebuild looks for prebuild-install next to the module it rebuilds.
    fs.symlinkSync(path.join(modules, 'prebuild-install'), path.join(work, 'node_modules', 'prebuild-install'), 'junction');

    // In a child process: node-gyp's workers write their own errors to stderr, which would bury
    // the one line that matters. Their output goes to a log file instead.
    const output = await runRebuild(work, electronVersion);
    if (output.code !== 0) {
      const logFile = path.join(root, 'out', 'native', 'electron-native.log');
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(logFile, output.text);
      throw new Error(
        `could not build better-sqlite3 for Electron ${electronVersion}: it needs network access to a prebuilt binary (github.com) or to Electron's headers (electronjs.org) and a C++ toolchain; details in ${path.relative(root, logFile)}`,
      );
    }
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) throw new Error(`could not build better-sqlite3 for Electron ${electronVersion}: ${built} is missing after the rebuild`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    log(`electron-native: ${path.relative(root, target)}`);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function runRebuild(work, electronVersion) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), REBUILD_FLAG, work, electronVersion], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

const REBUILD_FLAG = '--rebuild-in';

async function rebuildIn(work, electronVersion) {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, force: true, onlyModules: ['better-sqlite3'], mode: 'sequential' });
}

if (process.argv[2] === REBUILD_FLAG) {
  rebuildIn(process.argv[3], process.argv[4]).then(
    () => undefined,
    (error) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exitCode = 1;
    },
  );
} else if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureElectronNative().then(
    () => undefined,
    (error) => {
      console.error(`electron-native: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
