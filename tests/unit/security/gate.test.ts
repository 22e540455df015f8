/**
 * The Electronegativity gate (scripts/security-check.mjs) can fail: it is run, as `npm test` runs
 * it, on deliberately insecure code, and on allow-lists that try to cheat.
 * Child processes, because the gate replaces the network stack of the process it runs in.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Finding {
  check: string;
  severity: string;
  file: string;
  fails: boolean;
  allowedBy: { entry: number; reason: string } | null;
}
interface Report {
  ok: boolean;
  electronVersion: string;
  filesChecked: number;
  findings: Finding[];
  failures: string[];
  networkAttempts: number;
}

const script = path.resolve(process.cwd(), 'scripts', 'security-check.mjs');

// What an insecure app looks like once bundled: CommonJS in a .cjs file (which the tool itself
// would skip), class fields (which its parser cannot read), a module-qualified constructor
// (which its window checks do not recognize): the gate must see through all three.
const INSECURE_MAIN = `"use strict";
const import_electron = require("electron");
class Holder { #window = null; static created = 0; }
import_electron.app.whenReady().then(() => {
  const window = new import_electron.BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  window.loadURL("https://example.com/");
});
`;

const SAFE_MAIN = `"use strict";
const { app, BrowserWindow, session } = require("electron");
app.on("web-contents-created", (_e, contents) => {
  contents.on("will-navigate", (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
});
app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  const window = new BrowserWindow({
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: "Auxclick" },
  });
  window.loadURL("app://sahifa/index.html");
});
`;

const SAFE_PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'">
</head><body></body></html>
`;

let dir: string;

function fixture(name: string, files: Record<string, string>): string {
  const folder = path.join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

function allowlist(name: string, content: unknown): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

function runGate(input: string, list: string): { status: number | null; report: Report } {
  const result = spawnSync(process.execPath, [script, '--input', input, '--allowlist', list, '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.stdout.trim() === '') throw new Error(`no report; stderr: ${result.stderr}`);
  return { status: result.status, report: JSON.parse(result.stdout) as Report };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-gate-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the security gate', () => {
  it('fails on a window with Node integration and no context isolation, offline', () => {
    const input = fixture('insecure', { 'main/index.cjs': INSECURE_MAIN });
    const { status, report } = runGate(input, allowlist('empty', { allow: [] }));
    expect(status).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.electronVersion).toBe(
      (JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version,
    );
    const failing = report.findings.filter((finding) => finding.fails && finding.allowedBy === null).map((finding) => finding.check);
    expect(failing).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
    // Findings are reported against the built file's own name, not the gate's staging copy.
    expect(report.findings.find((finding) => finding.check === 'NODE_INTEGRATION_JS_CHECK')?.file).toMatch(/main\/index\.cjs$/);
    // The tool's only network use (a translation download) was stopped, not attempted.
    expect(report.networkAttempts).toBeGreaterThanOrEqual(1);
  });

  it('passes the same kind of app configured safely', () => {
    const input = fixture('safe', { 'main/index.cjs': SAFE_MAIN, 'renderer/index.html': SAFE_PAGE });
    const { status, report } = runGate(input, allowlist('empty-2', { allow: [] }));
    expect(report.failures).toEqual([]);
    expect(status).toBe(0);
  });

  it('ignores inline eng-disable comments: only the reviewed allow-list accepts a finding', () => {
    const sneaky = INSECURE_MAIN.replace(
      'const window =',
      '/* eng-disable NODE_INTEGRATION_JS_CHECK CONTEXT_ISOLATION_JS_CHECK */ const window =',
    );
    const input = fixture('sneaky', { 'main/index.cjs': `// eng-disable NODE_INTEGRATION_JS_CHECK\n${sneaky}` });
    const { status, report } = runGate(input, allowlist('empty-3', { allow: [] }));
    expect(status).toBe(1);
    expect(report.findings.map((finding) => finding.check)).toContain('NODE_INTEGRATION_JS_CHECK');
  });

  it('accepts a finding only with a one-line reason, and fails on entries that match nothing', () => {
    const input = fixture('allowed', {
      'main/index.cjs': SAFE_MAIN.replace(', disableBlinkFeatures: "Auxclick"', ''),
      'renderer/index.html': SAFE_PAGE,
    });
    const reasoned = allowlist('reasoned', {
      allow: [{ check: 'AUXCLICK_JS_CHECK', file: '*/main/index.cjs', match: 'new BrowserWindow\\(', reason: 'test fixture' }],
    });
    // Files outside the repository are named by absolute path: the pattern's leading * covers a segment only.
    const absolute = allowlist('absolute', {
      allow: [{ check: 'AUXCLICK_JS_CHECK', file: `${input}/main/index.cjs`, match: 'new BrowserWindow\\(', reason: 'test fixture' }],
    });
    expect(runGate(input, reasoned).status).toBe(1);
    const accepted = runGate(input, absolute);
    expect(accepted.report.failures).toEqual([]);
    expect(accepted.status).toBe(0);

    const unreasoned = allowlist('unreasoned', {
      allow: [{ check: 'AUXCLICK_JS_CHECK', file: `${input}/main/index.cjs`, match: 'new BrowserWindow\\(', reason: ' ' }],
    });
    const refused = runGate(input, unreasoned);
    expect(refused.status).toBe(1);
    expect(refused.report.failures.join('\n')).toMatch(/missing reason/);

    const stale = allowlist('stale', {
      allow: [
        { check: 'AUXCLICK_JS_CHECK', file: `${input}/main/index.cjs`, match: 'new BrowserWindow\\(', reason: 'test fixture' },
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: `${input}/main/index.cjs`, match: 'openExternal', reason: 'no longer there' },
      ],
    });
    const staleRun = runGate(input, stale);
    expect(staleRun.status).toBe(1);
    expect(staleRun.report.failures.join('\n')).toMatch(/entry 2 .*matches no finding/);
  });

  it('fails when the code to check is missing instead of passing on nothing', () => {
    const result = spawnSync(process.execPath, [script, '--input', path.join(dir, 'no-such-build')], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/run npm run build/);
  });
});

describe('the reviewed allow-list', () => {
  it('gives every entry a check, a file, a pattern and a one-line reason', () => {
    const file = path.resolve(process.cwd(), 'security', 'electronegativity-allowlist.json');
    const { allow } = JSON.parse(fs.readFileSync(file, 'utf8')) as { allow: Record<string, unknown>[] };
    for (const entry of allow) {
      for (const field of ['check', 'file', 'match', 'reason']) expect(typeof entry[field]).toBe('string');
      expect(String(entry.reason).trim().length).toBeGreaterThan(20);
      expect(String(entry.reason)).not.toMatch(/\n/);
      expect(() => new RegExp(String(entry.match))).not.toThrow();
      // HIGH-severity classes are never accepted wholesale: those are fixed, not listed.
      expect(entry.check).not.toMatch(/NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX|WEB_SECURITY|INSECURE_CONTENT/);
    }
  });
});
