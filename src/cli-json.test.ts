// Every `--json` command prints one JSON document on stdout and nothing else: logs go to stderr, so
// `race-engineer … --json | jq` works. Needs the imported database (F1_DATA_DIR).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cli-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/race-engineer.js', ...args], {
      // LOG_LEVEL=info so the commands do log: the point is where those lines go.
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI --json output', () => {
  it.concurrent(
    'analysis predict --json parses as one JSON document',
    async () => {
      const r = await run(['analysis', 'predict', '2023', '14', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const body = JSON.parse(r.stdout) as { year: number; round: number; race: string };
      expect(body).toMatchObject({ year: 2023, round: 14, race: 'Italian Grand Prix' });
    },
    60_000,
  );

  it.concurrent(
    'ask --offline --json parses and names the 2023 Monza winner',
    async () => {
      const r = await run(['ask', '--offline', '--json', 'Who won the 2023 Italian Grand Prix?']);
      expect(r.code, r.stderr).toBe(0);
      const body = JSON.parse(r.stdout) as { answer: string; engine: string };
      expect(body.answer).toMatch(/Verstappen/);
    },
    60_000,
  );

  it.concurrent(
    'eval accuracy --json parses',
    async () => {
      const r = await run(['eval', 'accuracy', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveProperty('races');
    },
    60_000,
  );

  it.concurrent(
    'rulebook search --json keeps stdout clean when it fails: the log line and the error go to stderr',
    async () => {
      const r = await run(['rulebook', 'search', 'blue flags', '--json'], {
        RULEBOOK_DB_PATH: join(dir, 'empty-rulebook.db'),
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/"event":"rulebook\.init"/);
      expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^race-engineer: .*rulebook ingest/);
    },
    60_000,
  );
});
