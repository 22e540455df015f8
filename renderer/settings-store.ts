/**
 * The settings as the window knows them: loaded once at start, changed by the settings panel.
 * A change is applied to the window first (instantly) and then saved in the library; listeners
 * (the app shell) re-render with it. A save that fails is reported to the listeners' onError and
 * the window goes back to what the library holds.
 */
import { defaultSettings, type Settings } from '../common';
import { applySettings } from './appearance';
import { sahifa } from './sahifa';

let current: Settings = { ...defaultSettings };
const listeners = new Set<(settings: Settings) => void>();
/** Saves in flight are chained, so the library ends with the last change even if answers cross. */
let saving: Promise<unknown> = Promise.resolve();

export function currentSettings(): Settings {
  return current;
}

export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function apply(settings: Settings): void {
  current = settings;
  applySettings(settings);
  for (const listener of listeners) listener(settings);
}

/** Reads the settings from the library and applies them; the defaults stand if that fails. */
export async function loadSettings(): Promise<Settings> {
  try {
    apply(await sahifa().getSettings({}));
  } catch (error) {
    console.warn('sahifa: settings not loaded, using the defaults', error);
    apply(current);
  }
  return current;
}

/** Applies a change at once, and saves it. Resolves once it is saved. */
export function changeSettings(patch: Partial<Settings>): Promise<void> {
  apply({ ...current, ...patch });
  const save = saving.then(() => sahifa().updateSettings({ settings: patch }));
  saving = save.catch(() => undefined);
  return save.then(
    () => undefined,
    async (error: unknown) => {
      console.warn('sahifa: settings not saved', error);
      await loadSettings();
      throw error;
    },
  );
}
