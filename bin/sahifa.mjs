#!/usr/bin/env node
// The `sahifa` command. It runs the command line as scripts/build.mjs builds it (out/cli/sahifa.mjs,
// an ES module bundle that starts without compiling anything), building it first when it is
// missing or older than the sources: a second or two, once, silently. SAHIFA_FROM_SOURCE=1 runs
// the TypeScript sources through tsx instead (development), as does an install without esbuild.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built command line, built or rebuilt if needed; null when it cannot be. */
async function builtProgram() {
  if (process.env.SAHIFA_FROM_SOURCE === '1') return null;
  try {
    const { buildIfNeeded } = await import('../scripts/build.mjs');
    await buildIfNeeded({ only: ['cli'], log: () => {} });
    return new URL('../out/cli/sahifa.mjs', import.meta.url).href;
  } catch (error) {
    // Installed without its development dependencies: no esbuild, so run from source.
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return null;
    process.stderr.write(`sahifa: could not build the command line (${error?.message ?? error}); running it from source\n`);
    return null;
  }
}

async function fromSource() {
  const { register } = await import('tsx/esm/api');
  // Our own tsconfig, not whatever tsconfig.json the current directory happens to have.
  const tsconfig = fileURLToPath(new URL('../tsconfig.main.json', import.meta.url));
  register({ tsconfig: fs.existsSync(tsconfig) ? tsconfig : false });
  return import('../main/cli.ts');
}

const built = await builtProgram();
const { main } = built ? await import(built) : await fromSource();
process.exitCode = await main(process.argv.slice(2));
