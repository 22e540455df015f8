// Starts the rank helper's thread from its TypeScript source (tests, benchmarks, anything run
// through tsx or Vitest), as main/import/worker-source.mjs does for imports. The built app runs
// out/main/rank-worker.cjs or .mjs instead (see rank-helper.ts, rankWorkerScript).
import { register } from 'tsx/esm/api';

register();
await import('./rank-worker.ts');
