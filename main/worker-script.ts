/**
 * Where a worker thread's code is, found from where the code starting it runs:
 * - bundled in out/main/index.cjs (Electron) or a .cjs worker bundle → out/main/<bundle>.cjs;
 * - bundled in out/main/web.mjs (browser mode) or a .mjs worker bundle → out/main/<bundle>.mjs;
 * - from source (Vitest, tsx, the command line) → a small launcher next to the starting module
 *   that registers tsx inside the thread and imports the worker's TypeScript (under Node 20,
 *   `--import tsx` in a worker's execArgv does not reach the worker's own entry module).
 * scripts/build.mjs writes each worker's bundles next to the entry points.
 *
 * Plain Node: the import worker, the library and the parse threads all use it.
 */
import { fileURLToPath } from 'node:url';

export interface WorkerScripts {
  /** The bundle's name without extension, e.g. "import-worker". */
  bundle: string;
  /** The source launcher, relative to the starting module, e.g. "./worker-source.mjs". */
  source: string;
}

/** `moduleUrl` is the starting module's import.meta.url (inside a bundle, the bundle's). */
export function workerScript(scripts: WorkerScripts, moduleUrl: string): string {
  const { pathname } = new URL(moduleUrl);
  if (/\.[cm]?ts$/.test(pathname)) return fileURLToPath(new URL(scripts.source, moduleUrl));
  return fileURLToPath(new URL(`./${scripts.bundle}${pathname.endsWith('.cjs') ? '.cjs' : '.mjs'}`, moduleUrl));
}
