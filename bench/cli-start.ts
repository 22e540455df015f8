/**
 * Cold start of the command line (`npm run bench:cli [-- --runs N]`): the wall time of
 * `sahifa stats` on a small library, as a user's shell runs it (node bin/sahifa.mjs), beside a bare
 * `node -e 0` on the same machine state, so a loaded machine shows as such. The first run, which
 * may build the program, is not counted. Prints medians and minimums in ms; --json prints one line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliStartTimes, summary } from './cli-timing';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 20;
const json = args.includes('--json');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-cli-start-'));
const library = path.join(dir, 'library.sqlite');

try {
  const { cli, node } = cliStartTimes(library, runs);
  const result = { runs, cli_start_ms: summary(cli), node_start_ms: summary(node) };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`sahifa stats, cold start: median ${result.cli_start_ms.median} ms, fastest ${result.cli_start_ms.min} ms (${runs} runs)`);
    console.log(`node -e 0, for reference: median ${result.node_start_ms.median} ms, fastest ${result.node_start_ms.min} ms`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
