/** Wall time of `sahifa stats` started cold, as a user's shell runs it (shared by cli-start.ts and run.ts). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const bin = path.resolve('bin', 'sahifa.mjs');

/** ms from spawning `node …command` to its exit. */
export function wallTime(command: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, command, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

export function summary(times: number[]): { median: number; min: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: Math.round(sorted[Math.floor(sorted.length / 2)]!), min: Math.round(sorted[0]!) };
}

/**
 * `sahifa stats` on `library`, `runs` times, after one run that is not counted (it may build the
 * program, and checks a library it has not seen), each beside a bare `node -e 0`.
 */
export function cliStartTimes(library: string, runs: number): { cli: number[]; node: number[] } {
  const stats = [bin, '--library', library, 'stats'];
  wallTime(stats);
  const cli: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < runs; i++) {
    cli.push(wallTime(stats));
    node.push(wallTime(['-e', '0']));
  }
  return { cli, node };
}
