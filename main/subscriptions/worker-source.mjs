// Starts the refresh worker from its TypeScript source (tests, benchmarks; see
// main/import/worker-source.mjs for why tsx is registered here). The built app runs
// out/main/refresh-worker.cjs or .mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
