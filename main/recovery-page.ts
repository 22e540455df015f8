/**
 * The browser mode's question about a damaged library: the same choices as the desktop dialog
 * (restore the latest backup, start a new library, quit), on a page the server makes, in Arabic
 * and English (the library that holds the language setting is the one that cannot be read). No
 * script: a form posts the choice back (web-server.ts HoldingPage).
 */
import type { LibraryProblem, RecoveryChoice } from './library/recovery';
import { shellStrings, type ShellStrings } from './shell-strings';
import { CHOICE_PATH, type HoldingPage } from './web-server';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type State =
  | { kind: 'opening' }
  | { kind: 'asking'; problem: LibraryProblem; answer: (choice: RecoveryChoice) => void }
  | { kind: 'stopped'; problem: LibraryProblem };

const STYLE = `body{font:17px/1.7 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#222;background:#fbfaf7}
section{margin-block-end:2.5rem}p.detail{font-size:14px;color:#555;overflow-wrap:anywhere}button{font:inherit;margin-inline-end:.5rem;padding:.3rem 1rem}`;

export class RecoveryPage implements HoldingPage {
  private state: State = { kind: 'opening' };

  /** Shows the question until the person answers it on the page. */
  ask(problem: LibraryProblem): Promise<RecoveryChoice> {
    return new Promise((resolve) => {
      this.state = {
        kind: 'asking',
        problem,
        answer: (choice) => {
          this.state = choice === 'quit' ? { kind: 'stopped', problem } : { kind: 'opening' };
          resolve(choice);
        },
      };
    });
  }

  choose(choice: string): void {
    if (this.state.kind !== 'asking') return;
    const allowed: readonly string[] = this.state.problem.latestBackup ? ['restore', 'new', 'quit'] : ['new', 'quit'];
    if (allowed.includes(choice)) this.state.answer(choice as RecoveryChoice);
  }

  html(): string {
    const state = this.state;
    const sections = (['ar', 'en'] as const).map((language) => {
      const strings = shellStrings[language];
      const dir = language === 'ar' ? 'rtl' : 'ltr';
      return `<section lang="${language}" dir="${dir}">${this.body(state, strings)}</section>`;
    });
    // While the library opens, the page looks again every second; the app replaces it once open.
    const refresh = state.kind === 'opening' ? '<meta http-equiv="refresh" content="1">' : '';
    return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">${refresh}<title>Sahifa</title><style>${STYLE}</style></head>
<body>${sections.join('\n')}</body></html>`;
  }

  private body(state: State, strings: ShellStrings): string {
    const s = strings.damaged;
    if (state.kind === 'opening') return `<p>${escapeHtml(strings.opening)}</p>`;
    const { problem } = state;
    const detail = `<p class="detail" dir="auto">${escapeHtml(problem.message)}</p>`;
    if (state.kind === 'stopped') return `<h1>${escapeHtml(s.message)}</h1>${detail}<p>${escapeHtml(strings.stopped)}</p>`;
    const backup = problem.latestBackup ? s.latestBackup(problem.latestBackup) : s.noBackup;
    const button = (choice: RecoveryChoice, label: string) =>
      `<button type="submit" name="choice" value="${choice}">${escapeHtml(label)}</button>`;
    return `<h1>${escapeHtml(s.message)}</h1>${detail}<p>${escapeHtml(s.nothingWritten)}</p><p class="detail" dir="auto">${escapeHtml(backup)}</p>
<form method="post" action="${CHOICE_PATH}">${problem.latestBackup ? button('restore', s.restore) : ''}${button('new', s.startNew)}${button('quit', s.quit)}</form>`;
  }
}
