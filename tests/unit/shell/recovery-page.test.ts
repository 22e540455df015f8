/** The browser mode's damaged-library page (main/recovery-page.ts): the app's choices, in both languages, and only those. */
import { describe, expect, it } from 'vitest';
import { RecoveryPage } from '../../../main/recovery-page';

const problem = (latestBackup: string | null) => ({
  file: '/home/reader/library.sqlite',
  message: 'the library /home/reader/library.sqlite is damaged (<b>Tree 4 page 4</b>)',
  latestBackup,
});

describe('the recovery page', () => {
  it('asks in Arabic and English with the same choices as the desktop dialog, escaping what SQLite said', async () => {
    const page = new RecoveryPage();
    const answer = page.ask(problem('/home/reader/backups/auto-library.sqlite'));
    const html = page.html();
    expect(html).toContain('<section lang="ar" dir="rtl"><h1>مكتبة صحيفة تالفة ولا يمكن فتحها.</h1>');
    expect(html).toContain('<section lang="en" dir="ltr"><h1>The Sahifa library is damaged and cannot be opened.</h1>');
    for (const choice of ['restore', 'new', 'quit']) expect(html).toContain(`name="choice" value="${choice}"`);
    expect(html).toContain('&lt;b&gt;Tree 4 page 4&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script/i);
    page.choose('restore');
    expect(await answer).toBe('restore');
    // Then it says the library is opening, and looks again every second until the app is there.
    expect(page.html()).toContain('<meta http-equiv="refresh" content="1">');
    expect(page.html()).toContain('تُفتح المكتبة…');
  });

  it('takes no choice it did not offer: no restore without a backup, nothing made up', async () => {
    const page = new RecoveryPage();
    const answer = page.ask(problem(null));
    expect(page.html()).not.toContain('value="restore"');
    page.choose('restore');
    page.choose('delete-everything');
    page.choose('quit');
    expect(await answer).toBe('quit');
    expect(page.html()).toContain('Sahifa stopped; the library was left as it was.');
  });
});
