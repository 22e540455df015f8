/** The reader's settings (main/library/settings.ts), through the API that checks them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import type { Settings } from '../../../common';

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-reading-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it('round-trip through the library and survive reopening', async () => {
    const handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const defaults = (await invokeMethod(handlers, 'getSettings', {})) as { result: Settings };
    expect(defaults.result).toMatchObject({ textFace: 'naskh', theme: 'system', language: 'ar', digits: 'auto', justify: false });

    const changed = (await invokeMethod(handlers, 'updateSettings', { settings: { textFace: 'amiri', fontSize: 24, theme: 'sepia', language: 'en' } })) as {
      result: Settings;
    };
    expect(changed.result).toMatchObject({ textFace: 'amiri', fontSize: 24, theme: 'sepia', language: 'en', hijri: false });

    const refused = await invokeMethod(handlers, 'updateSettings', { settings: { fontSize: 200 } });
    expect(refused).toMatchObject({ error: { code: 'invalid-input' } });

    library.close();
    library = Library.open(path.join(dir, 'library.sqlite'));
    const reopened = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    expect(((await invokeMethod(reopened, 'getSettings', {})) as { result: Settings }).result).toMatchObject({
      textFace: 'amiri',
      fontSize: 24,
      theme: 'sepia',
      language: 'en',
    });
  });

  it('fall back to the default for a stored value that is no longer allowed', async () => {
    library.updateSettings({ theme: 'neon', fontSize: 22 });
    const handlers = createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } });
    const settings = ((await invokeMethod(handlers, 'getSettings', {})) as { result: Settings }).result;
    expect(settings.theme).toBe('system');
    expect(settings.fontSize).toBe(22);
  });
});
