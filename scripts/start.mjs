#!/usr/bin/env node
/**
 * `npm start`: builds what is out of date, makes sure Electron's binary and the Electron build of
 * better-sqlite3 are there (both are downloaded on first use), then runs the app. Arguments after
 * `--` go to Electron.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build.mjs';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

/** Electron's binary if it is installed, without triggering its download. */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(executable) ? executable : null;
}

/** Downloads Electron's binary (its own install script), keeping its output unless it fails. */
function downloadElectron() {
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  console.error(`npm start: downloading Electron ${version} (first start only)…`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

try {
  await buildIfNeeded({ log: (line) => console.error(line) });
} catch (error) {
  fail(`build failed: ${error instanceof Error ? error.message : String(error)}`);
}

let electron = installedElectron();
if (electron === null) {
  const download = await downloadElectron();
  const firstLine = download.output.trim().split('\n').filter(Boolean).at(0) ?? '';
  if (!download.ok) fail(`Electron's binary could not be fetched (it is downloaded from github.com on first start): ${firstLine.slice(0, 200)}`);
  try {
    electron = createRequire(import.meta.url)('electron');
  } catch (error) {
    fail(`Electron's binary could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  await ensureElectronNative({ log: (line) => console.error(line) });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// Chromium refuses to start as root with its OS sandbox on (containers, CI): only as root, and
// only in development, it runs without. A normal user keeps the OS sandbox.
const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [...chromiumFlags, root, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
