// @ts-check
/**
 * Which folder may import which (docs/architecture.md, "Folders and the rules between them"), and
 * no import cycles between files or folders. `npm run lint:deps` checks it; `npm test` runs that.
 */

/** Where the Electron shell may not reach: the pure capabilities, the browser mode and the command line. */
const NOT_THE_SHELL = '^(common|renderer|main/(library|import|text|subscriptions)|bench)/|^main/(cli|web|web-server|handlers)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be read, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folders that depend on each other are one folder in two places.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-imports-nothing',
      severity: 'error',
      comment: 'common/ is shared by every process: nothing of Node, the DOM, Electron, zod, or another folder of ours.',
      from: { path: '^common/' },
      to: { pathNot: '^common/' },
    },
    {
      name: 'renderer-only-common',
      severity: 'error',
      comment: 'The renderer talks only to window.sahifa: it may use common/ and front-end packages, nothing of main, the preload or Node.',
      from: { path: '^renderer/' },
      to: { path: '^(main|preload|bin|bench|tests|scripts)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer has no Node.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-common',
      severity: 'error',
      comment: 'The preload is the bridge only: common/ and electron, nothing of main or the renderer.',
      from: { path: '^preload/' },
      to: { path: '^(main|renderer|bin|bench|tests|scripts)/' },
    },
    {
      name: 'electron-only-in-the-shell',
      severity: 'error',
      comment: 'Only the desktop shell (main/ around index.ts, and the preload) touches Electron; the capabilities are plain Node.',
      from: { path: NOT_THE_SHELL },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      comment: 'Main never imports the renderer: they meet at the contract.',
      from: { path: '^main/' },
      to: { path: '^(renderer|preload)/' },
    },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'What ships never imports tests, benchmarks or scripts (bin/sahifa.mjs only builds the command line on first use).',
      from: { path: '^(common|main|preload|renderer|bin)/' },
      to: { path: '^(tests|bench|scripts)/', pathNot: '^scripts/build\\.mjs$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tools.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
