/** The reader's settings, one row each with its value as JSON; which values are allowed is the API's business. */
import type Database from 'better-sqlite3';

export class StoredSettings {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      all: db.prepare('SELECT key, value FROM settings'),
      put: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** The stored settings, each value parsed from its JSON (values that do not parse are skipped). */
  all(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const { key, value } of this.statements.all.all() as { key: string; value: string }[]) {
      try {
        result[key] = JSON.parse(value);
      } catch {
        // Written by something else: the defaults stand in for it.
      }
    }
    return result;
  }

  update(values: Record<string, unknown>): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) this.statements.put.run(key, JSON.stringify(value));
      }
    })();
  }
}
