// Secrets made once per deployment and shared by every node through the store (the identity cookie's signing
// key when COOKIE_SECRET is unset: a cookie set by one node must verify on the others).
import { randomBytes } from 'node:crypto';
import { script, type Migration } from './migrate.ts';
import type { Sql } from './sql.ts';

export const SECRET_MIGRATIONS: Migration[] = [
  script(
    'secrets-001',
    'CREATE TABLE IF NOT EXISTS store_secret (name TEXT PRIMARY KEY, value TEXT NOT NULL)',
  ),
];

export class SecretStore {
  constructor(private readonly sql: Sql) {}

  /** The secret called `name`, made on first use (the first node to store one wins). */
  async secret(name: string): Promise<string> {
    await this.sql.run('INSERT INTO store_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(32).toString('base64url'),
    ]);
    return (await this.sql.get<{ value: string }>('SELECT value FROM store_secret WHERE name = ?', [name]))!
      .value;
  }
}
