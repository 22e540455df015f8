/**
 * What the desktop shell does for the handlers (main/desktop-platform.ts), with stand-in dialogs:
 * the open dialog in the interface language offering every importable format, links opened only
 * after a click, and a save that writes only where the person chose.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importableExtensions } from '../../../common';
import { desktopPlatform } from '../../../main/desktop-platform';
import type { Dialogs, OpenDialogOptions, SaveDialogOptions } from '../../../main/dialogs';
import { shellStrings } from '../../../main/shell-strings';
import { UserActivation } from '../../../main/user-activation';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-desktop-platform-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function platformWith(answers: { open?: string[] | null; save?: string | null }, language: 'ar' | 'en', now = () => 0) {
  const asked: (OpenDialogOptions | SaveDialogOptions)[] = [];
  const opened: string[] = [];
  const dialogs: Dialogs = {
    open: async (options) => (asked.push(options), answers.open ?? null),
    save: async (options) => (asked.push(options), answers.save ?? null),
    message: async () => 0,
    error: () => undefined,
  };
  const userActivation = new UserActivation(5_000, now);
  const platform = desktopPlatform({
    dialogs,
    strings: () => shellStrings[language],
    notify: () => undefined,
    userActivation,
    openInBrowser: async (url) => void opened.push(url),
    documentsDir: () => dir,
  });
  return { platform, asked, opened, userActivation };
}

describe('the desktop platform', () => {
  it('asks for files in the interface language, offering every format the importers read', async () => {
    const { platform, asked } = platformWith({ open: ['/a.txt'] }, 'en');
    expect(await platform.pickFiles()).toEqual(['/a.txt']);
    expect(asked[0]).toMatchObject({ title: 'Import articles', buttonLabel: 'Import' });
    expect((asked[0] as OpenDialogOptions).filters![0]).toEqual({ name: 'Articles', extensions: [...importableExtensions] });

    const arabic = platformWith({ open: null }, 'ar');
    expect(await arabic.platform.pickFiles()).toBeNull();
    expect(arabic.asked[0]).toMatchObject({ title: 'استيراد مقالات', buttonLabel: 'استيراد' });
  });

  it('opens a link only after a click, and one link per click', async () => {
    const { platform, opened, userActivation } = platformWith({}, 'ar');
    expect(await platform.openExternal('https://example.com/a')).toBe(false);
    userActivation.noteInput({ type: 'mouseUp' });
    expect(await platform.openExternal('https://example.com/b')).toBe(true);
    expect(await platform.openExternal('https://example.com/c')).toBe(false);
    expect(opened).toEqual(['https://example.com/b']);
  });

  it('saves a file only where the person chose, starting in the documents folder', async () => {
    const target = path.join(dir, 'chosen.md');
    const { platform, asked } = platformWith({ save: target }, 'en');
    expect(await platform.saveFile!({ defaultName: 'article.md', content: '# عنوان', filterName: 'Markdown', extensions: ['md'] })).toBe(true);
    expect(asked[0]).toMatchObject({ defaultPath: path.join(dir, 'article.md'), filters: [{ name: 'Markdown', extensions: ['md'] }] });
    expect(fs.readFileSync(target, 'utf8')).toBe('# عنوان');

    const cancelled = platformWith({ save: null }, 'en');
    expect(await cancelled.platform.saveFile!({ defaultName: 'x.md', content: 'x', filterName: 'Markdown', extensions: ['md'] })).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['chosen.md']);
  });
});
