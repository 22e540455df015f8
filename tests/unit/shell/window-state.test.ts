import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fitToDisplays, MIN_SIZE, readWindowState, writeWindowState } from '../../../main/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1410 };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-window-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('window state file', () => {
  it('comes back as it was saved', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    writeWindowState(file, { x: 100, y: 80, width: 1300, height: 900, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 100, y: 80, width: 1300, height: 900, maximized: true });
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"width": 12'],
    ['an array', '[1,2]'],
    ['text for numbers', '{"width":"1200","height":"800"}'],
    ['absurd sizes', '{"width":1e12,"height":800}'],
    ['fractions', '{"width":1200.5,"height":800}'],
    ['negative sizes', '{"width":-5,"height":800}'],
  ])('falls back to defaults when the file is %s', (_label, content) => {
    const file = path.join(dir, 'window-state.json');
    if (content !== null) fs.writeFileSync(file, content);
    expect(readWindowState(file)).toEqual(DEFAULT_STATE);
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on a screen', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 1000, maximized: false };
    expect(fitToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('drops the position of a window left on a monitor that is gone', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 1000, maximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1400, height: 1000, maximized: true });
  });

  it('drops the position when only a sliver would be visible', () => {
    const state = { x: 1900, y: 100, width: 800, height: 600, maximized: false };
    expect(fitToDisplays(state, [laptop]).x).toBeUndefined();
  });

  it('shrinks a window larger than the largest screen and grows one below the minimum', () => {
    expect(fitToDisplays({ width: 5000, height: 3000, maximized: false }, [laptop])).toMatchObject({ width: 1920, height: 1050 });
    expect(fitToDisplays({ width: 10, height: 10, maximized: false }, [laptop])).toMatchObject(MIN_SIZE);
  });
});
