/**
 * Vitest global setup: builds the command line (out/cli) once, if it is out of date, before any
 * test runs `bin/sahifa.mjs`, so that the command-line tests run the built program as users do
 * and parallel test files do not each build it; and the ranking extension (out/native), so that
 * the library's tests search with the C code as it is now.
 */
export default async function buildCommandLine(): Promise<void> {
  // @ts-expect-error: a plain JavaScript build script, without type declarations.
  const { buildIfNeeded } = (await import('../scripts/build.mjs')) as {
    buildIfNeeded(options: { only: string[]; log: (line: string) => void }): Promise<string[]>;
  };
  await buildIfNeeded({ only: ['cli', 'rank-extension'], log: () => {} });
}
