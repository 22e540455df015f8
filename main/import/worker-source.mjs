// Starts the import worker from its TypeScript source (tests, benchmarks, anything run through tsx
// or Vitest). Under Node 20, `--import tsx` in a worker's execArgv does not reach the worker's own
// entry module; registering tsx inside the worker does. The built app never loads this file: it
// runs out/main/import-worker.cjs or .mjs (see jobs.ts, workerScript).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
