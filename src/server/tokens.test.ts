// API tokens made with `race-engineer tokens create` (kept hashed in the run-time store) identify their
// owner on the API until revoked; unknown tokens are 401.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { buildApp } from './app.ts';
import { createContext } from './context.ts';

const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { CHATS_DB_PATH: join(dir, 'chats.db'), ANALYSIS_DB_PATH: join(dir, 'analysis.db') };

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/race-engineer.js', 'tokens', ...args], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('race-engineer tokens', () => {
  it('create prints a token once; the API accepts it as its owner until it is revoked', async () => {
    const made = cli(['create', 'ci bot']);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^re_[A-Za-z0-9_-]{20,}$/);
    const owner = /owner id is (token:[0-9a-f]{16})/.exec(made.stderr)![1]!;
    expect(cli(['list']).stdout).toContain(`${owner}\tci bot\t`);

    const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent' });
    const ctx = createContext(config, silentLogger);
    const app = await buildApp(config, silentLogger, ctx);
    const chats = (token: string) =>
      app.inject({ url: '/api/chats', headers: { authorization: `Bearer ${token}` } });
    try {
      const id = await ctx.store.chats.create('mine', owner);
      const ok = await chats(made.stdout);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().chats.map((c: { id: string }) => c.id)).toEqual([id]);
      expect((await chats('re_unknown')).statusCode).toBe(401);
      expect(cli(['revoke', owner]).code).toBe(0);
      expect((await chats(made.stdout)).statusCode).toBe(401);
      const again = cli(['revoke', owner]);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(`race-engineer: No live token ${owner}.`);
    } finally {
      await app.close();
    }
  }, 120_000);
});
