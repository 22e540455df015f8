import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library, LibraryError } from '../../../main/library/library';

describe('a native module that does not load', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-native-'));
    dirs.push(dir);
    return dir;
  }

  it.each([
    ['a module built for nothing (not a shared library)', (dir: string) => {
      const file = path.join(dir, 'better_sqlite3.node');
      fs.writeFileSync(file, 'not a shared library');
      return file;
    }],
    ['no module at all', (dir: string) => path.join(dir, 'missing', 'better_sqlite3.node')],
  ])('fails at open with one line that says how to fix it: %s', (_, binding) => {
    const dir = tempDir();
    const open = () => Library.open(path.join(dir, 'library.sqlite'), { nativeBinding: binding(dir) });
    expect(open).toThrow(LibraryError);
    try {
      open();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('npm rebuild better-sqlite3');
      expect(message).not.toContain('\n');
    }
  });
});
