// The static tool index lists every tool module of the folder, and failures keep their error code.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { openDatabase } from '../../data/db.ts';
import { ALL_TOOLS, runTool } from './registry.ts';
import type { AgentTool } from './types.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));

describe('tool registry', () => {
  it('lists every tool exported by a *.tool.ts file, once', async () => {
    const exported: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tool.ts'))) {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: AgentTool | AgentTool[] };
      for (const t of [mod.default].flat()) exported.push(t.name);
    }
    expect(ALL_TOOLS.map((t) => t.name).sort()).toEqual(exported.sort());
  });

  it('carries the error code of a failed call: not_found for missing data, bad_request for bad arguments', async () => {
    const config = loadConfig(process.env);
    const db = openDatabase(config.DATABASE_PATH);
    try {
      const ctx = { config, logger: silentLogger, db: () => db, now: () => new Date('2026-12-03T12:00:00Z') };
      const missing = await runTool(
        'get_f1_stats',
        { metric: 'wins', group_by: 'driver', driver: 'Nobody Atall' },
        ctx,
      );
      expect(missing).toMatchObject({ ok: false, code: 'not_found' });
      const bad = await runTool('get_f1_stats', { metric: 'bananas', group_by: 'driver' }, ctx);
      expect(bad).toMatchObject({ ok: false, code: 'bad_request' });
    } finally {
      db.close();
    }
  });
});
