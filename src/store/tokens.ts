// API tokens issued at run time (`race-engineer tokens create <name>`), beside the fixed ones of API_TOKENS.
// Only a token's SHA-256 is stored; the token itself is shown once when it is made. A token's owner is
// `token:<first 16 hex of its hash>`, the same owner API_TOKENS gives it, so its chats survive a move from one
// list to the other.
import { createHash, randomBytes } from 'node:crypto';
import { script, type Migration } from './migrate.ts';
import type { Sql } from './sql.ts';

export const TOKEN_MIGRATIONS: Migration[] = [
  script(
    'tokens-001',
    `CREATE TABLE IF NOT EXISTS api_token (
       hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT
     )`,
  ),
];

export interface TokenInfo {
  /** The owner id (`token:<hash prefix>`), also the handle to revoke it by. */
  owner: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const tokenOwner = (token: string) => `token:${tokenHash(token).slice(0, 16)}`;

export class TokenStore {
  constructor(private readonly sql: Sql) {}

  /** Makes a token; the returned `token` is the only copy. */
  async create(name: string): Promise<TokenInfo & { token: string }> {
    const token = `re_${randomBytes(24).toString('base64url')}`;
    const createdAt = new Date().toISOString();
    await this.sql.run('INSERT INTO api_token (hash, name, created_at) VALUES (?, ?, ?)', [
      tokenHash(token),
      name,
      createdAt,
    ]);
    return { token, owner: tokenOwner(token), name, createdAt, revokedAt: null };
  }

  /** The owner of a live (not revoked) token, else undefined. */
  async verify(token: string): Promise<string | undefined> {
    const row = await this.sql.get<{ hash: string }>(
      'SELECT hash FROM api_token WHERE hash = ? AND revoked_at IS NULL',
      [tokenHash(token)],
    );
    return row ? `token:${row.hash.slice(0, 16)}` : undefined;
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.sql.all<{
      hash: string;
      name: string;
      created_at: string;
      revoked_at: string | null;
    }>('SELECT hash, name, created_at, revoked_at FROM api_token ORDER BY created_at, hash');
    return rows.map((r) => ({
      owner: `token:${r.hash.slice(0, 16)}`,
      name: r.name,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }));
  }

  /** Revokes by owner id (`token:…`, as `list` shows); false when no live token has it. */
  async revoke(owner: string): Promise<boolean> {
    const prefix = owner.replace(/^token:/, '');
    if (!/^[0-9a-f]{16}$/.test(prefix)) return false;
    const { changes } = await this.sql.run(
      'UPDATE api_token SET revoked_at = ? WHERE substr(hash, 1, 16) = ? AND revoked_at IS NULL',
      [new Date().toISOString(), prefix],
    );
    return changes > 0;
  }
}
