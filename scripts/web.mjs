#!/usr/bin/env node
/**
 * `npm run web -- [--library <file>] [--port <n>]`: builds what is out of date, then starts the
 * browser mode (out/main/web.mjs; its protocol is described in main/web.ts). Build messages go to
 * stderr so that stdout carries only the line with the address.
 */
import { buildIfNeeded } from './build.mjs';

try {
  await buildIfNeeded({ log: (line) => console.error(line) });
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// web.mjs reads process.argv itself: the arguments after `--` are already there.
await import('../out/main/web.mjs');
