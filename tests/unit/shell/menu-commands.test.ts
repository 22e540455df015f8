/**
 * The menu's commands (main/menu-commands.ts) and the damaged-library question
 * (main/damaged-library-dialog.ts), with stand-in dialogs: what they ask, in the interface
 * language, and what they do to the library.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SahifaEvent, UiLanguage } from '../../../common';
import { askAboutDamagedLibrary } from '../../../main/damaged-library-dialog';
import type { Dialogs, MessageOptions, OpenDialogOptions, SaveDialogOptions } from '../../../main/dialogs';
import { createHandlers } from '../../../main/handlers';
import { Library } from '../../../main/library/library';
import { LibrarySession } from '../../../main/library-session';
import { menuCommands } from '../../../main/menu-commands';
import { shellStrings } from '../../../main/shell-strings';
import { datedNews } from '../library/helpers';

/** Dialogs that answer from a script and remember what they were asked. */
class ScriptedDialogs implements Dialogs {
  readonly shown: (OpenDialogOptions | SaveDialogOptions | MessageOptions | { error: string })[] = [];
  constructor(
    private readonly answers: { open?: string[] | null; save?: string | null; message?: number[] } = {},
  ) {}
  async open(options: OpenDialogOptions) {
    this.shown.push(options);
    return this.answers.open ?? null;
  }
  async save(options: SaveDialogOptions) {
    this.shown.push(options);
    return this.answers.save ?? null;
  }
  async message(options: MessageOptions) {
    this.shown.push(options);
    return this.answers.message?.shift() ?? 0;
  }
  error(message: string) {
    this.shown.push({ error: message });
  }
}

let dir: string;
let file: string;
let session: LibrarySession;
let events: SahifaEvent[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-menu-commands-'));
  file = path.join(dir, 'library.sqlite');
  session = new LibrarySession(file, (library) => ({ handlers: createHandlers({ library, platform: { pickFiles: () => null, openExternal: async () => false } }) }));
  const library = Library.open(file);
  library.addArticles(datedNews(40));
  session.use(library);
  events = [];
});
afterEach(async () => {
  await session.release();
  fs.rmSync(dir, { recursive: true, force: true });
});

function commands(dialogs: Dialogs, language: UiLanguage) {
  return menuCommands({
    session,
    dialogs,
    strings: () => shellStrings[language],
    notify: (event) => events.push(event),
    reopen: async () => Library.open(file),
    fail: () => {
      throw new Error('the library could not be reopened');
    },
  });
}

describe('back up and restore from the menu', () => {
  it('asks in English in the English interface, and a backup restores the library as it was', async () => {
    const copy = path.join(dir, 'backups', 'mine.sqlite');
    const backupDialogs = new ScriptedDialogs({ save: copy });
    await commands(backupDialogs, 'en').backup();
    expect(backupDialogs.shown[0]).toMatchObject({ title: 'Back up the library', buttonLabel: 'Save backup' });
    expect(backupDialogs.shown[1]).toMatchObject({ type: 'info', message: 'A backup of the library was saved.', detail: copy });

    session.library!.addArticles(datedNews(10, { from: 40 }));
    expect(session.library!.stats().articles).toBe(50);

    // Restore: the file chosen, then "Restore" (button 0) in the confirmation.
    const restoreDialogs = new ScriptedDialogs({ open: [copy], message: [0, 0] });
    await commands(restoreDialogs, 'en').restore();
    expect(restoreDialogs.shown[0]).toMatchObject({ title: 'Restore from a backup', buttonLabel: 'Restore' });
    expect(restoreDialogs.shown[1]).toMatchObject({
      type: 'warning',
      message: 'Replace the current library with the backup (40 articles)?',
      buttons: ['Restore', 'Cancel'],
    });
    expect(restoreDialogs.shown[2]).toMatchObject({ type: 'info', message: '40 articles restored.' });
    expect(session.library!.stats().articles).toBe(40);
    expect(events).toEqual([{ type: 'library-changed', report: null }]);
    // The library it replaced is kept aside, never deleted.
    expect(fs.readdirSync(dir).some((name) => name.includes('.before-restore-'))).toBe(true);
  });

  it('asks in Arabic in the Arabic interface, and "cancel" changes nothing', async () => {
    const copy = path.join(dir, 'backups', 'mine.sqlite');
    await session.library!.backup(copy);
    session.library!.addArticles(datedNews(5, { from: 40 }));
    const dialogs = new ScriptedDialogs({ open: [copy], message: [1] });
    await commands(dialogs, 'ar').restore();
    expect(dialogs.shown[0]).toMatchObject({ title: 'استعادة من نسخة احتياطية', buttonLabel: 'استعادة' });
    expect(dialogs.shown[1]).toMatchObject({ message: 'استبدال المكتبة الحالية بالنسخة الاحتياطية (40 مقالة)؟', buttons: ['استعادة', 'إلغاء'] });
    expect(dialogs.shown).toHaveLength(2);
    expect(session.library!.stats().articles).toBe(45);
    expect(events).toEqual([]);
  });

  it('refuses a file that is not a library, saying why in the interface language', async () => {
    const photo = path.join(dir, 'holiday.jpg');
    fs.writeFileSync(photo, Buffer.alloc(10_000, 7));
    const dialogs = new ScriptedDialogs({ open: [photo] });
    await commands(dialogs, 'en').restore();
    expect(dialogs.shown[1]).toMatchObject({ error: expect.stringMatching(/^Cannot restore from this file: .*holiday\.jpg is not a Sahifa library/) });
    expect(session.library!.stats().articles).toBe(40);
  });
});

describe('export from the menu', () => {
  it('writes every article into the chosen folder and says so in the interface language', async () => {
    const folder = path.join(dir, 'out');
    const dialogs = new ScriptedDialogs({ open: [folder] });
    await commands(dialogs, 'ar').exportAs('md');
    expect(dialogs.shown[0]).toMatchObject({ title: 'تصدير المقالات (Markdown)', buttonLabel: 'تصدير إلى هذا المجلد' });
    expect(dialogs.shown[1]).toMatchObject({ type: 'info', message: 'صُدِّرت 40 مقالة.', detail: folder });
    expect(fs.readdirSync(folder)).toHaveLength(40);
  });
});

describe('the damaged-library question', () => {
  const problem = { file, message: `the library ${file} is damaged (database disk image is malformed)`, latestBackup: '/backups/auto-library.sqlite' };

  it('offers restore, new and quit in the interface language, and answers with the one pressed', async () => {
    const english = new ScriptedDialogs({ message: [0] });
    expect(await askAboutDamagedLibrary(english, shellStrings.en, problem)).toBe('restore');
    expect(english.shown[0]).toMatchObject({
      type: 'error',
      message: 'The Sahifa library is damaged and cannot be opened.',
      buttons: ['Restore the latest backup', 'Start a new library', 'Quit'],
      cancelId: 2,
    });
    expect((english.shown[0] as MessageOptions).detail).toContain('Latest healthy backup: /backups/auto-library.sqlite');

    const arabic = new ScriptedDialogs({ message: [1] });
    expect(await askAboutDamagedLibrary(arabic, shellStrings.ar, problem)).toBe('new');
    expect(arabic.shown[0]).toMatchObject({ buttons: ['استعادة آخر نسخة احتياطية', 'بدء مكتبة جديدة', 'خروج'] });
  });

  it('offers no restore without a backup', async () => {
    const dialogs = new ScriptedDialogs({ message: [1] });
    expect(await askAboutDamagedLibrary(dialogs, shellStrings.en, { ...problem, latestBackup: null })).toBe('quit');
    expect(dialogs.shown[0]).toMatchObject({ buttons: ['Start a new library', 'Quit'] });
    expect((dialogs.shown[0] as MessageOptions).detail).toContain('There is no healthy backup.');
  });
});

describe('subscriptions from the menu', () => {
  const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>اشتراكات</title></head><body>
  <outline text="أخبار">
    <outline type="rss" text="سبق" xmlUrl="http://127.0.0.1:9/sabq.xml"/>
    <outline type="rss" text="الرياض" xmlUrl="http://127.0.0.1:9/riyadh.xml"/>
  </outline>
</body></opml>`;

  it('imports an OPML file through the window\'s method, says what it added in Arabic, and the window reloads', async () => {
    const file = path.join(dir, 'subscriptions.opml');
    fs.writeFileSync(file, opml);
    const dialogs = new ScriptedDialogs({ open: [file] });
    await commands(dialogs, 'ar').importOpml();
    expect(dialogs.shown[0]).toMatchObject({ title: 'استيراد اشتراكات', filters: [{ extensions: ['opml', 'xml'] }, { extensions: ['*'] }] });
    expect(dialogs.shown[1]).toMatchObject({ type: 'info', message: 'اشتراكات جديدة: 2، وموجودة من قبل: 0.' });
    expect(session.library!.feeds().list().map((f) => f.folder)).toEqual(['أخبار', 'أخبار']);
    expect(events).toEqual([{ type: 'library-changed', report: null }]);
    // The same file again adds nothing.
    await commands(new ScriptedDialogs({ open: [file] }), 'en').importOpml();
    expect(session.library!.feeds().list()).toHaveLength(2);
  });

  it('says why a file is not OPML, and a cancelled dialog does nothing', async () => {
    const file = path.join(dir, 'notes.opml');
    fs.writeFileSync(file, 'not xml at all');
    const dialogs = new ScriptedDialogs({ open: [file] });
    await commands(dialogs, 'en').importOpml();
    expect(dialogs.shown[1]).toMatchObject({ error: expect.stringMatching(/^The subscriptions could not be imported: .*notes\.opml/) });
    await commands(new ScriptedDialogs({ open: null }), 'en').importOpml();
    expect(events).toEqual([]);
  });

  it('asks the window for its own subscribe, refresh and export commands', async () => {
    const actions = commands(new ScriptedDialogs(), 'ar');
    await actions.windowCommand('subscribe');
    await actions.windowCommand('refresh-feeds');
    expect(events).toEqual([
      { type: 'menu-command', command: 'subscribe' },
      { type: 'menu-command', command: 'refresh-feeds' },
    ]);
  });
});
