/** A damaged library at start-up, asked in a dialog: the reader decides; nothing moves before that. */
import type { Dialogs } from './dialogs';
import type { LibraryProblem, RecoveryChoice } from './library/recovery';
import type { ShellStrings } from './shell-strings';

export async function askAboutDamagedLibrary(dialogs: Dialogs, strings: ShellStrings, problem: LibraryProblem): Promise<RecoveryChoice> {
  const s = strings.damaged;
  const choices: { label: string; choice: RecoveryChoice }[] = [
    ...(problem.latestBackup ? [{ label: s.restore, choice: 'restore' as const }] : []),
    { label: s.startNew, choice: 'new' },
    { label: s.quit, choice: 'quit' },
  ];
  const response = await dialogs.message({
    type: 'error',
    message: s.message,
    detail: [problem.message, s.nothingWritten, problem.latestBackup ? s.latestBackup(problem.latestBackup) : s.noBackup].join('\n\n'),
    buttons: choices.map((c) => c.label),
    defaultId: 0,
    cancelId: choices.length - 1,
  });
  return choices[response]?.choice ?? 'quit';
}
