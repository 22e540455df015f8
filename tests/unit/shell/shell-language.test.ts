/**
 * The shell follows the interface language (main/shell-language.ts): a settings update through the
 * API reaches it, and the menu is rebuilt only when the language really changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, invokeMethod } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { ShellLanguage } from '../../../main/shell-language';
import type { ShellStrings } from '../../../main/shell-strings';
import { openTemporaryLibrary, removeTemporaryLibrary } from '../library/helpers';

let dir: string;
let library: Library;

beforeEach(() => ({ dir, library } = openTemporaryLibrary('sahifa-shell-language-')));
afterEach(() => removeTemporaryLibrary({ dir, library }));

describe('the shell language', () => {
  it('follows the language chosen in the settings, rebuilding the menu once per change', async () => {
    const rebuilt: ShellStrings[] = [];
    const language = new ShellLanguage((strings) => rebuilt.push(strings));
    const handlers = createHandlers({
      library,
      platform: { pickFiles: () => null, openExternal: async () => false, settingsChanged: (settings) => language.follow(settings.language) },
    });
    expect(language.strings().menu.file).toBe('ملف');

    await invokeMethod(handlers, 'updateSettings', { settings: { language: 'en' } });
    expect(language.language).toBe('en');
    expect(rebuilt.map((strings) => strings.menu.file)).toEqual(['File']);
    expect(language.strings().damaged.startNew).toBe('Start a new library');

    // Another setting changes nothing in the menu.
    await invokeMethod(handlers, 'updateSettings', { settings: { fontSize: 24 } });
    expect(rebuilt).toHaveLength(1);

    await invokeMethod(handlers, 'updateSettings', { settings: { language: 'ar' } });
    expect(rebuilt.map((strings) => strings.menu.file)).toEqual(['File', 'ملف']);

    // A refused update is not followed.
    await invokeMethod(handlers, 'updateSettings', { settings: { language: 'fr' } });
    expect(language.language).toBe('ar');
  });
});
