#!/usr/bin/env node
/**
 * The security gate (`npm run test:security`, after `npm run build`): Electronegativity over the
 * BUILT code in out/ (main, preload, renderer), for the Electron version installed, offline.
 * Fails on every HIGH or MEDIUM finding (and any Node-integration finding) the reviewed allow-list
 * (security/electronegativity-allowlist.json) does not name with a reason, on every file the tool
 * could not parse (unchecked code is not checked code), and on allow-list entries that no longer
 * match anything (so the list cannot silently grow stale and cover a future finding).
 *
 *   node scripts/security-check.mjs [--input out] [--allowlist <file>] [--electron-version <x.y.z>] [--json]
 *
 * Why the staging copy: Electronegativity reads only .js/.jsx/.ts/.tsx/.html/.htm files, so it
 * would skip our .cjs/.mjs bundles without a word; its parser fails on class fields and private
 * names (ES2022), so the copy is lowered to ES2021 with esbuild (same code, older syntax); its
 * per-window checks only see a bare `new BrowserWindow(`, so bundler-qualified constructors are
 * unqualified; and its inline `eng-disable` comments are neutralized, so the allow-list is the only
 * way to accept a finding.
 *
 * Why the network guard: Electronegativity fetches translations from S3 on every run and Electron's
 * release list from GitHub. Neither is needed (the Electron version is given, the release-list
 * check is excluded: keeping Electron current is the dependency update's job), and a CI gate must
 * not depend on, nor talk to, the network. `got` is replaced by a stub, and any other socket or DNS
 * attempt throws, before the tool is loaded.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const DEFAULT_ALLOWLIST = path.join(root, 'security', 'electronegativity-allowlist.json');
/** Checks that need the network and answer a question the gate does not ask (see above). */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);
const WINDOW_CONSTRUCTOR = /\bnew\s+(?:[\w$]+\s*\.\s*)+(BrowserWindow|BrowserView|WebContentsView)\s*\(/g;
/**
 * Electronegativity rates an explicit `nodeIntegration: true` INFORMATIONAL unless it also sees
 * remote content; here the content (articles) is hostile whatever its origin, so these fail at
 * any severity.
 */
const ALWAYS_FAILING_CHECKS = new Set(['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK', 'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK']);
const SCANNED_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.html', '.htm']);

/** The version of Electron the app is built with: the installed package's own. */
export function installedElectronVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Blocks every network path before Electronegativity loads; returns how many attempts it stopped. */
function disableNetwork() {
  const attempts = [];
  const refuse = (what) => {
    attempts.push(what);
    return new Error(`security-check: network disabled (${what})`);
  };
  // `got` as Electronegativity resolves it: a function that rejects at once (also `got.head`).
  const enegDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotFile = require.resolve('got', { paths: [enegDir] });
  const offlineGot = (url) => Promise.reject(refuse(`got ${String(url)}`));
  offlineGot.head = offlineGot;
  offlineGot.get = offlineGot;
  require.cache[gotFile] = { id: gotFile, filename: gotFile, loaded: true, exports: offlineGot, children: [], paths: [] };
  // Anything else that would open a socket or resolve a name.
  const net = require('node:net');
  const dns = require('node:dns');
  net.Socket.prototype.connect = function connect() {
    throw refuse('socket connect');
  };
  dns.lookup = (host, ...rest) => {
    const callback = rest.at(-1);
    const error = refuse(`dns ${host}`);
    if (typeof callback === 'function') process.nextTick(() => callback(error));
    else throw error;
  };
  return attempts;
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      yield full;
    }
  }
}

/**
 * Copies the input into a folder Electronegativity reads fully. Returns the folder and a map from
 * staged paths (relative) back to the input's paths (relative to the repository when inside it).
 */
async function stage(input) {
  const { transform } = await import('esbuild');
  const staged = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-security-'));
  const origins = new Map();
  const inputIsFile = fs.statSync(input).isFile();
  const files = inputIsFile ? [input] : [...walk(input)];
  const base = inputIsFile ? path.dirname(input) : input;
  for (const file of files) {
    const relative = path.relative(base, file);
    const extension = path.extname(relative).toLowerCase();
    const isScript = extension !== '.html' && extension !== '.htm';
    // index.cjs -> index.cjs.js: read as JavaScript, and never the same name as a sibling .mjs.
    const target = isScript && extension !== '.js' ? `${relative}.js` : relative;
    if (origins.has(target)) throw new Error(`two inputs would be checked as ${target}`);
    let text = fs.readFileSync(file, 'utf8');
    if (isScript) text = (await transform(text, { loader: 'js', target: 'es2021', legalComments: 'none' })).code;
    text = text.replace(/eng-disable/gi, 'eng-disabled-by-gate');
    // Bundlers write `new import_electron.BrowserWindow(...)`; the per-window checks only recognize
    // a bare `new BrowserWindow(...)` and would skip every window of ours without a word.
    if (isScript) text = text.replace(WINDOW_CONSTRUCTOR, 'new $1(');
    fs.mkdirSync(path.dirname(path.join(staged, target)), { recursive: true });
    fs.writeFileSync(path.join(staged, target), text);
    origins.set(target, displayPath(file));
  }
  return { staged, origins, count: files.length };
}

function displayPath(file) {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Reads and checks the allow-list: every entry names a check, a file pattern, and a one-line reason. */
export function readAllowlist(file) {
  const problems = [];
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { entries: [], problems: [`cannot read the allow-list ${file}: ${error.message}`] };
  }
  const list = Array.isArray(data?.allow) ? data.allow : null;
  if (list === null) return { entries: [], problems: [`${file}: expected {"allow": [...]}`] };
  const entries = [];
  list.forEach((entry, index) => {
    const where = `${path.basename(file)} entry ${index + 1}`;
    const fields = ['check', 'file', 'match', 'reason'];
    const missing = fields.filter((field) => typeof entry?.[field] !== 'string' || entry[field].trim() === '');
    if (missing.length > 0) return problems.push(`${where}: missing ${missing.join(', ')}`);
    if (/[\r\n]/.test(entry.reason)) return problems.push(`${where}: the reason must be one line`);
    let match;
    try {
      match = new RegExp(entry.match);
    } catch (error) {
      return problems.push(`${where}: bad "match" pattern: ${error.message}`);
    }
    entries.push({ ...entry, index: index + 1, match, file: globToRegExp(entry.file) });
  });
  return { entries, problems };
}

/** `*` matches within one path segment (content hashes in file names), nothing else is special. */
function globToRegExp(glob) {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
}

/**
 * Runs the gate. Never touches the network. Resolves to a report; `ok` is false when the build
 * must not ship.
 */
export async function checkSecurity({ input = path.join(root, 'out'), allowlist = DEFAULT_ALLOWLIST, electronVersion = installedElectronVersion() } = {}) {
  const attempts = disableNetwork();
  const resolvedInput = path.resolve(input);
  if (!fs.existsSync(resolvedInput)) throw new Error(`${resolvedInput} does not exist; run npm run build first`);
  const { staged, origins, count } = await stage(resolvedInput);
  try {
    const enegModule = require('@doyensec/electronegativity');
    const run = enegModule.default ?? enegModule;
    // The tool announces on stdout that the (stubbed) translation download failed: keep stdout ours.
    const log = console.log;
    console.log = () => undefined;
    let result;
    try {
      result = await run(
        { input: staged, electronVersionOverride: electronVersion, excludeFromScan: EXCLUDED_CHECKS, isRelative: true },
        false,
      );
    } finally {
      console.log = log;
    }
    const { entries, problems } = readAllowlist(allowlist);
    const used = new Set();
    const findings = result.issues.map((issue) => {
      const file = issue.file === 'N/A' ? 'N/A' : (origins.get(issue.file.split(path.sep).join('/')) ?? issue.file);
      const sample = typeof issue.sample === 'string' ? issue.sample : '';
      const severity = issue.severity.name;
      const finding = {
        check: issue.id,
        severity,
        confidence: issue.confidence.name,
        file,
        line: issue.location.line,
        column: issue.location.column,
        sample: sample.length > 200 ? `${sample.slice(0, 199)}…` : sample,
        description: issue.description,
        fails: FAILING_SEVERITIES.has(severity) || ALWAYS_FAILING_CHECKS.has(issue.id),
        allowedBy: null,
      };
      if (finding.fails) {
        const entry = entries.find((e) => e.check === finding.check && e.file.test(file) && e.match.test(sample));
        if (entry) {
          finding.allowedBy = { entry: entry.index, reason: entry.reason };
          used.add(entry.index);
        }
      }
      return finding;
    });
    const parseErrors = result.errors.filter((error) => !error.tolerable).map((error) => ({
      file: origins.get(path.relative(staged, error.file).split(path.sep).join('/')) ?? error.file,
      message: error.message,
    }));
    const stale = entries.filter((entry) => !used.has(entry.index)).map((entry) => `allow-list entry ${entry.index} (${entry.check}) matches no finding: remove it`);
    const blocking = findings.filter((finding) => finding.fails && finding.allowedBy === null);
    const failures = [
      ...problems,
      ...parseErrors.map((error) => `could not check ${error.file}: ${error.message}`),
      ...blocking.map((f) => `${f.severity} ${f.check} in ${f.file}: ${f.sample}`),
      ...stale,
      ...(count === 0 ? [`no files to check in ${resolvedInput}`] : []),
    ];
    return { ok: failures.length === 0, electronVersion, filesChecked: count, findings, failures, networkAttempts: attempts.length };
  } finally {
    fs.rmSync(staged, { recursive: true, force: true });
  }
}

function printReport(report) {
  const out = (line) => process.stdout.write(`${line}\n`);
  out(`security: Electronegativity on ${report.filesChecked} built files, Electron ${report.electronVersion}, offline (${report.networkAttempts} network attempts blocked)`);
  for (const f of report.findings) {
    const status = !f.fails ? 'info' : f.allowedBy ? `allowed (#${f.allowedBy.entry}: ${f.allowedBy.reason})` : 'FAIL';
    out(`  ${f.severity.padEnd(13)} ${f.check} ${f.file} (line ${f.line} of the checked copy) — ${status}`);
  }
  if (report.ok) out('security: passed');
  else {
    for (const failure of report.failures) out(`security: FAIL ${failure}`);
    out(`security: failed (${report.failures.length} problem${report.failures.length === 1 ? '' : 's'}); fix the code, or add a reviewed entry with a reason to security/electronegativity-allowlist.json`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      input: { type: 'string' },
      allowlist: { type: 'string' },
      'electron-version': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const report = await checkSecurity({
    ...(values.input ? { input: values.input } : {}),
    ...(values.allowlist ? { allowlist: path.resolve(values.allowlist) } : {}),
    ...(values['electron-version'] ? { electronVersion: values['electron-version'] } : {}),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  return report.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // An explicit exit: the tool's libraries may leave handles open, and the gate must never hang.
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`security: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
