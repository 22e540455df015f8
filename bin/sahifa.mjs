#!/usr/bin/env node
// The `sahifa` command. It runs the TypeScript sources through tsx, so the command line needs no
// build step and shares the library code with the app as it is in the repository.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Our own tsconfig, not whatever tsconfig.json the current directory happens to have.
const tsconfig = fileURLToPath(new URL('../tsconfig.main.json', import.meta.url));
register({ tsconfig: fs.existsSync(tsconfig) ? tsconfig : false });

const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
