import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser-mode';
import { findElectronBinary, type Shell } from './tests/e2e/fixtures';

/** The projects named on the command line (`--project x` or `--project=x`); empty means all. */
function selectedProjects(argv: string[]): string[] {
  return argv.flatMap((arg, index) =>
    arg.startsWith('--project=') ? [arg.slice('--project='.length)] : arg === '--project' && argv[index + 1] ? [argv[index + 1]!] : [],
  );
}

// Said once, by the runner (workers load this file too and have TEST_WORKER_INDEX set).
const electron = findElectronBinary();
const projects = selectedProjects(process.argv);
if ('reason' in electron && process.env.TEST_WORKER_INDEX === undefined && (projects.length === 0 || projects.includes('electron'))) {
  console.log(`electron project: tests skipped, Electron binary not installed: ${electron.reason}`);
}

export default defineConfig<{ shell: Shell }>({
  testDir: 'tests/e2e',
  // Two cores: one worker per core (each test starts its own server or app).
  workers: 2,
  fullyParallel: true,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  // On CI's busy two cores a UI step can lose a race once; a retry that passes is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  use: {
    trace: 'retain-on-failure',
    locale: 'ar',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      // Node only, run once in its own project.
      testIgnore: /worker-bundles\.spec\.ts/,
      use: {
        shell: 'browser',
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions(),
      },
    },
    {
      name: 'electron',
      testIgnore: /worker-bundles\.spec\.ts/,
      use: { shell: 'electron' },
    },
    {
      // The built worker threads, started from out/main in plain Node (tests/e2e/worker-bundles.spec.ts).
      name: 'bundles',
      testMatch: /worker-bundles\.spec\.ts/,
    },
  ],
});
