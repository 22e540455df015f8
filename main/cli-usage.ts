/** What the command line's commands share to read their arguments: the usage error and checks. */

/** Bad usage: the command line prints the message and its usage, and exits with 2. */
export class UsageError extends Error {}

export function wholeNumber(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

export function day(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${value}"`);
  }
  return value;
}
