// Starts a feed parse thread from its TypeScript source (tests, benchmarks, the command line), as
// worker-source.mjs does for the refresh worker. The built app runs out/main/feed-parse-worker.cjs
// or .mjs instead (see parse-pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
