/**
 * Reading state for the article in the reader: where the reader is (a fraction 0..1 of the
 * scroll), saved a moment after scrolling stops and when the article is left, and when it counts
 * as read: scrolled to its end, or open for READ_AFTER_MS. Marking it read or unread by hand (U)
 * turns the automatic marking off for that article until it is opened again.
 */

export const SAVE_DELAY_MS = 800;
export const READ_AFTER_MS = 30_000;
/** The end: the last lines are in view. */
export const END_FRACTION = 0.97;

export interface ReadingTrackerCallbacks {
  savePosition(id: number, position: number): void;
  markRead(id: number): void;
}

interface Tracked {
  id: number;
  position: number;
  savedPosition: number;
  /** Read already, or marked by hand: nothing to decide automatically any more. */
  settled: boolean;
}

export class ReadingTracker {
  private current: Tracked | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly callbacks: ReadingTrackerCallbacks) {}

  /** A new article in the reader (the previous one's position is saved first). */
  open(article: { id: number; position: number; read: boolean }): void {
    this.close();
    this.current = { id: article.id, position: article.position, savedPosition: article.position, settled: article.read };
    if (!article.read) {
      this.readTimer = setTimeout(() => this.markRead(), READ_AFTER_MS);
    }
  }

  /** The reader scrolled to `fraction` of the article (0 top, 1 end). */
  scrolled(fraction: number): void {
    const current = this.current;
    if (current === null) return;
    current.position = Math.min(1, Math.max(0, fraction));
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    if (current.position >= END_FRACTION) this.markRead();
  }

  /** The reader marked the article read or unread by hand: that stands. */
  settle(): void {
    if (this.current !== null) this.current.settled = true;
    clearTimeout(this.readTimer);
  }

  /** Saves the position now if it changed. */
  flush(): void {
    clearTimeout(this.saveTimer);
    const current = this.current;
    if (current === null || Math.abs(current.position - current.savedPosition) < 0.001) return;
    current.savedPosition = current.position;
    this.callbacks.savePosition(current.id, current.position);
  }

  /** The article leaves the reader (another one, deleted, or the window closes). */
  close(): void {
    this.flush();
    clearTimeout(this.readTimer);
    this.current = null;
  }

  /** Forgets the article without saving (it was deleted). */
  drop(id: number): void {
    if (this.current?.id !== id) return;
    clearTimeout(this.saveTimer);
    clearTimeout(this.readTimer);
    this.current = null;
  }

  private markRead(): void {
    const current = this.current;
    if (current === null || current.settled) return;
    current.settled = true;
    clearTimeout(this.readTimer);
    this.callbacks.markRead(current.id);
  }
}
