/**
 * The language the desktop shell speaks in its menu and dialogs: the interface language setting,
 * followed as it changes (the menu is rebuilt then). No Electron here.
 */
import type { UiLanguage } from '../common';
import { shellStrings, type ShellStrings } from './shell-strings';

export class ShellLanguage {
  private current: UiLanguage = 'ar';

  constructor(
    /** Called when the language changes, with the new strings (the shell rebuilds its menu). */
    private readonly changed: (strings: ShellStrings) => void,
  ) {}

  get language(): UiLanguage {
    return this.current;
  }

  /** The strings of the current language, for a dialog about to be shown. */
  strings(): ShellStrings {
    return shellStrings[this.current];
  }

  follow(language: UiLanguage): void {
    if (language === this.current) return;
    this.current = language;
    this.changed(this.strings());
  }
}
