/**
 * The main window's size, position and maximized state, remembered between runs in
 * <userData>/window-state.json. The file is validated on load (it is only a hint: a broken one means
 * defaults) and the position is dropped when it would put the window off every screen, e.g. after
 * a monitor was unplugged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the system place the window (centred). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1200, height: 800, maximized: false };
export const MIN_SIZE = { width: 480, height: 360 };
/** How much of the window must stay on some screen for its position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const stored = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  maximized: z.boolean().default(false),
});

export function readWindowState(file: string): WindowState {
  try {
    const parsed = stored.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_STATE };
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state));
    fs.renameSync(temporary, file);
  } catch (error) {
    // Losing the window's size is not worth bothering the reader about.
    console.error('sahifa: window state not saved:', error);
  }
}

/** Fits a remembered state to the screens there are now (their work areas). */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return { ...state, x: undefined, y: undefined };
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const width = clamp(state.width, MIN_SIZE.width, Math.max(MIN_SIZE.width, largest.width));
  const height = clamp(state.height, MIN_SIZE.height, Math.max(MIN_SIZE.height, largest.height));
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const window = { x: state.x, y: state.y, width, height };
  const visible = workAreas.some((area) => {
    const overlap = intersection(window, area);
    return overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height;
  });
  return visible ? { ...fitted, x: state.x, y: state.y } : fitted;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}
