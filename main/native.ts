/**
 * Where the Electron build of better-sqlite3's native module lives. Electron has its own ABI, so it
 * cannot load node_modules/better-sqlite3/build (the Node build that tests and the CLI use);
 * scripts/electron-native.mjs builds a second copy and electron-builder ships it as a resource.
 */
import path from 'node:path';
import { app } from 'electron';

export function nativeBindingPath(): string {
  if (app.isPackaged) return path.join(process.resourcesPath, 'native', 'better_sqlite3.node');
  // Development: out/main/index.cjs -> out/native/electron-<version>/better_sqlite3.node
  return path.join(__dirname, '..', 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
}
