// The CLI as a newcomer meets it: bad configuration and missing data end in one clear line and an exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['bin/race-engineer.js', ...args], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

describe('race-engineer CLI', () => {
  it('stops on a bad variable with one line naming it', () => {
    const r = run(['serve'], { PORT: 'abc' });
    expect(r.code).toBe(78);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('says how to get data when there is no database and no source', () => {
    const r = run(['serve'], {
      DATABASE_PATH: join(dir, 'none.db'),
      AUTO_IMPORT: 'false',
      LOG_LEVEL: 'silent',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No F1 database .* F1DB_DIR/);
    expect(r.stderr.split('\n')).toHaveLength(1);
  });

  it('rejects an import source that does not exist', () => {
    const r = run(['data', 'import', '--from', join(dir, 'missing')], {
      DATABASE_PATH: join(dir, 'x.db'),
      LOG_LEVEL: 'silent',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/f1db source directory not found/);
  });

  it('rejects an unknown command with a non-zero exit', () => {
    const r = run(['fly'], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
