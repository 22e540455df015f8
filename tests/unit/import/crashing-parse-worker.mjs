// A parse thread that dies on purpose, for tests/unit/import/parse-threads.test.ts: the real one
// (main/import/parse-worker.ts), with a plain-text parser that ends the thread on "exit.txt" and
// throws outside any promise on "throw.txt", as a parser crashing on a hostile file would.
import { setImmediate } from 'node:timers';
import { register } from 'tsx/esm/api';

register();
const { registerParser } = await import('../../../main/import/formats.ts');
const { parsePlainText } = await import('../../../main/import/plaintext.ts');
registerParser('txt', (file) => {
  if (file.name === 'exit.txt') process.exit(7);
  if (file.name === 'throw.txt') {
    setImmediate(() => {
      throw new Error('boom in a parser');
    });
    return new Promise(() => {});
  }
  return parsePlainText(file);
});
await import('../../../main/import/parse-worker.ts');
