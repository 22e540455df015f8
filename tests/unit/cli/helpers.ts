import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve('bin', 'sahifa.mjs');

/** Runs the real `sahifa` command, as a user would from the package's bin. */
export function sahifa(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SAHIFA_LIBRARY: '', ...env },
    timeout: 120_000,
  });
}

export function sahifaJson<T>(args: string[], env?: NodeJS.ProcessEnv): T {
  const result = sahifa([...args, '--json'], env);
  if (result.status !== 0) throw new Error(`sahifa ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export function sahifaChild(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}
