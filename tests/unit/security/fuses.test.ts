/**
 * The packaged app's Electron fuses (electron-builder.yml): what a local program could otherwise
 * use to run our signed binary as a plain Node, inject code through NODE_OPTIONS or --inspect, or
 * swap the app's code next to the binary.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (which reads this very file with it); it ships no types.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const root = process.cwd();
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  asar?: unknown;
  electronFuses?: Record<string, unknown>;
};

describe('electron-builder.yml', () => {
  it('sets the fuses a hardened Electron app needs', () => {
    expect(config.electronFuses).toMatchObject({
      // ELECTRON_RUN_AS_NODE=1 would turn the app into a Node interpreter anyone can script.
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // The app is served from app://, never file://.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses electron-builder knows (a misspelt one would be ignored without a word)', () => {
    const types = fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
    for (const name of Object.keys(config.electronFuses ?? {})) {
      expect(types, `unknown fuse ${name}`).toMatch(new RegExp(`\\n\\s+${name}\\?: boolean;`));
    }
  });

  it('packs the app into an ASAR archive (which the integrity fuse validates)', () => {
    expect(config.asar).toBe(true);
  });
});
