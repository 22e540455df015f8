#!/usr/bin/env node
/**
 * Runs after `npm install`: opens an in-memory database with better-sqlite3, so that a native
 * module that did not build (npm 12 skips build scripts that package.json's allowScripts does not
 * allow; a machine without a C++ tool chain cannot compile it) fails the install with one line
 * saying what to do, rather than the app failing later.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
  console.error(
    `sahifa: better-sqlite3's native module does not load (${reason}). ` +
      'Check that package.json allowScripts allows better-sqlite3 and that a C++ tool chain and Python are installed, then run "npm rebuild better-sqlite3".',
  );
  process.exit(1);
}
