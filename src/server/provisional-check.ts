// `race-engineer data provisional-check --recording <dir>`: replays a race recording through the live ingest
// of a real server whose F1 database is a copy without that race's result (the state between the flag and
// f1db's release), polls GET /api/races/:year/:round/results until it answers the provisional classification,
// and reports how long after the chequered flag (replay clock) that was, whether it equals f1db's
// classification, what the offline agent answers, and that swapping the full database in supersedes it.
import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig, type Config } from '../config.ts';
import { badRequest } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { answerOffline } from '../agent/offline/engine.ts';
import type { ReplaySource } from '../live/sources/replay.ts';
import { buildApp } from './app.ts';
import { createContext } from './context.ts';
import { openDatabase } from '../data/db.ts';
import { sessionResults } from '../data/queries/agent-extra.ts';

export interface ProvisionalCheck {
  recording: string;
  year: number;
  round: number;
  flagMs: number;
  /** Replay clock when GET results first answered the provisional classification. */
  answerableMs: number;
  minutesAfterFlag: number;
  wallMs: number;
  cars: number;
  samePositions: number;
  equal: boolean;
  agent: string;
  supersededMs: number | null;
}

interface ResultsBody {
  provisional?: boolean;
  source?: string;
  results?: { number: string | null; positionText: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runProvisionalCheck(
  base: Config,
  parentLogger: Logger,
  opts: { recording: string; speed?: number; leadMinutes?: number; timeoutMs?: number },
): Promise<ProvisionalCheck> {
  const dir = resolve(opts.recording);
  // The server inside the check logs warnings only (every poll would be a line).
  const logger = parentLogger.child({ check: 'provisional' }, { level: 'warn' });
  const id = `livetiming:${basename(dir)}`;
  const work = mkdtempSync(join(tmpdir(), 'provisional-check-'));
  const dbPath = join(work, 'race-engineer.db');
  copyFileSync(resolve(base.DATABASE_PATH), dbPath);
  const config = loadConfig({
    ...process.env,
    DATABASE_PATH: dbPath,
    DATABASE_URL: '',
    CHATS_DB_PATH: join(work, 'chats.db'),
    ANALYSIS_DB_PATH: join(work, 'analysis.db'),
    PUSH_DB_PATH: join(work, 'push.db'),
    LIVETIMING_DIR: dirname(dirname(dir)),
    PROVISIONAL_FROM_REPLAYS: 'true',
    PUSH_SCHEDULER: 'false',
    DATA_SYNC: 'off',
    LIVE_SOURCE: 'replay',
    LIVE_BUS: 'local',
  });
  const ctx = createContext(config, logger);
  const app = await buildApp(config, logger, ctx);
  try {
    const meta = await ctx.live.catalog.byId(id).catch(() => {
      throw badRequest(`${dir} is not a live-timing recording (a folder with session_info.json)`);
    });
    if (meta.session !== 'R' || !meta.round)
      throw badRequest(`${dir} is not a race recording of a known round`);
    const { year, round } = { year: meta.year, round: meta.round };
    // f1db's classification, then the copy made to look like the hours before f1db's release.
    const f1 = openDatabase(resolve(base.DATABASE_PATH));
    const race = f1.prepare('SELECT id FROM race WHERE year = ? AND round = ?').get(year, round) as {
      id: number;
    };
    const official = sessionResults(f1, race.id, 'RACE').map((r) => r.number);
    f1.close();
    if (official.length === 0) throw badRequest(`f1db has no result for ${year} round ${round} to compare`);
    const w = new Database(dbPath);
    w.prepare("DELETE FROM race_result WHERE race_id = ? AND session = 'RACE'").run(race.id);
    w.close();

    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/races/${year}/${round}/results`;
    const get = async () => {
      const res = await fetch(url);
      return { status: res.status, body: (await res.json()) as ResultsBody };
    };
    if ((await get()).status !== 404) throw new Error('the stripped copy still answers a result');

    const recording = await ctx.live.catalog.load(id);
    const flag =
      recording.updates.find((u) => u.kind === 'race_control' && /CHEQUERED/i.test(u.message.message)) ??
      recording.updates.find((u) => u.kind === 'status' && u.status === 'Finished');
    if (!flag) throw badRequest(`${dir}: no chequered flag in the recording`);
    const info = await ctx.live.resolveRound(year, round, 'R', 'livetiming');
    const channel = await ctx.live.open(info);
    const source = channel.ingest?.source as ReplaySource | undefined;
    if (!source) throw new Error('the replay did not start');
    source.setSpeed(opts.speed ?? 60);
    source.seek(Math.max(0, flag.timeMs - (opts.leadMinutes ?? 5) * 60_000));
    const started = performance.now();
    const deadline = started + (opts.timeoutMs ?? 120_000);
    let answer: { status: number; body: ResultsBody } | undefined;
    let answerableMs = 0;
    while (performance.now() < deadline) {
      const r = await get();
      answerableMs = channel.ingest?.state.timeMs ?? 0;
      if (r.status === 200 && r.body.provisional) {
        answer = r;
        break;
      }
      await sleep(50);
    }
    const wallMs = Math.round(performance.now() - started);
    if (!answer) throw new Error(`no provisional result within ${wallMs} ms of replay`);
    const provisional = (answer.body.results ?? []).map((r) => r.number);
    const samePositions = provisional.filter((n, i) => n === official[i]).length;

    const agent = await answerOffline(`Who won the ${year} ${meta.name.replace(/ Race$/, '')}?`, {
      config,
      logger,
      db: () => ctx.db(),
      now: () => new Date(),
      provisional: ctx.provisional.lookup,
    });

    // An f1db release with the race arrives: the full database replaces the copy (picked up without a restart).
    const t0 = performance.now();
    copyFileSync(resolve(base.DATABASE_PATH), `${dbPath}.new`);
    renameSync(`${dbPath}.new`, dbPath);
    let supersededMs: number | null = null;
    while (performance.now() - t0 < 10_000) {
      const r = await get();
      if (r.status === 200 && r.body.provisional === false) {
        supersededMs = Math.round(performance.now() - t0);
        break;
      }
      await sleep(100);
    }
    return {
      recording: id,
      year,
      round,
      flagMs: flag.timeMs,
      answerableMs,
      minutesAfterFlag: (answerableMs - flag.timeMs) / 60_000,
      wallMs,
      cars: provisional.length,
      samePositions,
      equal: samePositions === official.length && provisional.length === official.length,
      agent: `${agent.answer} [${agent.sources.join('; ')}]`,
      supersededMs,
    };
  } finally {
    await app.close();
    await ctx.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}
