/**
 * better-sqlite3 loads its compiled module at the first `new Database`. When that module was never
 * built (an install that skipped its build script) or was built for another runtime, the error is
 * a page of paths; the reader gets one line that says what to run instead.
 */
const NATIVE_MODULE_FAILURE = /Could not locate the bindings file|Cannot find module .*\.node|NODE_MODULE_VERSION|Module did not self-register/i;

export function nativeModuleProblem(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  // Node's own code for a shared library that the system refuses to load (wrong ABI, not a library).
  const dlopenFailed = (error as { code?: unknown } | null)?.code === 'ERR_DLOPEN_FAILED';
  if (!dlopenFailed && !NATIVE_MODULE_FAILURE.test(message)) return null;
  const runtime = process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`;
  return `better-sqlite3's native module is missing or was built for another runtime than ${runtime}: run "npm rebuild better-sqlite3" (npm start builds Electron's own copy)`;
}
