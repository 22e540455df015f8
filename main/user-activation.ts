/**
 * "Only after the user clicks": the main process's own record of the reader's clicks and key
 * presses in the window, so that a compromised renderer cannot open the system browser by itself,
 * nor open a page per click (each activation opens at most one link).
 *
 * The renderer asks through IPC, which carries no user-activation flag; Electron reports input
 * events to main (webContents 'input-event'), and main/index.ts forwards them here. No Electron
 * here: the clock comes in, so tests need no waiting.
 */

/** How long after a click or key press a link may still open: generous for a slow machine. */
export const ACTIVATION_WINDOW_MS = 5_000;

/** The keys that activate a focused link or button. */
const ACTIVATION_KEY_CODES = new Set(['Enter', 'Return', 'Space', ' ']);

/** The part of Electron's InputEvent (and KeyboardInputEvent) this reads. */
export interface UserInput {
  type: string;
  keyCode?: string;
}

export class UserActivation {
  private lastActivation = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly windowMs = ACTIVATION_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every input event of the window. Moves, wheels and ordinary typing activate nothing. */
  noteInput(input: UserInput): void {
    if (isActivation(input)) this.lastActivation = this.now();
  }

  /** True once per activation, within the window after it. */
  consume(): boolean {
    const elapsed = this.now() - this.lastActivation;
    if (elapsed < 0 || elapsed > this.windowMs) return false;
    this.lastActivation = Number.NEGATIVE_INFINITY;
    return true;
  }
}

function isActivation(input: UserInput): boolean {
  switch (input.type) {
    case 'mouseUp':
    case 'gestureTap':
    case 'touchEnd':
    case 'pointerUp':
      return true;
    case 'keyDown':
    case 'rawKeyDown':
      return input.keyCode !== undefined && ACTIVATION_KEY_CODES.has(input.keyCode);
    default:
      return false;
  }
}
