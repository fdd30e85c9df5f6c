// Command line of the analysis domain: the prediction backtest, the rejoin validation, the accuracy
// tracker, and one-off predictions / strategy / weather / scenarios.
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { openDatabase } from '../data/db.ts';
import { badRequest } from '../errors.ts';
import { runBacktest, TRAIN_FROM, type BacktestResult } from './predictions/backtest.ts';
import { loadHistory } from './predictions/history.ts';
import type { CalibrationBin, Scores } from './predictions/metrics.ts';
import type { FeatureSet } from './predictions/model.ts';
import { getRacePredictions } from './predictions/service.ts';
import { openStore } from '../store/store.ts';
import { getRace } from './races.ts';
import { championshipScenario } from './scenario/service.ts';
import { loadSeasonLaps, type RaceLaps } from '../data/laps/laps.ts';
import { validateRejoin, type RejoinValidation } from './strategy/rejoin-validation.ts';
import { getPitStrategy } from './strategy/service.ts';
import { getWeather } from './weather/service.ts';

const out = (s = '') => process.stdout.write(`${s}\n`);
const progress = (s: string) => process.stderr.write(`${s}\n`);

function intArg(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

const f3 = (x: number) => x.toFixed(3);
const pctBetter = (m: number, b: number) => `${((1 - m / b) * 100).toFixed(1)} %`;

function scoreRows(label: string, m: Scores, b: Scores): (string | number)[][] {
  return [
    [
      `${label} model`,
      m.races,
      f3(m.winnerHitRate),
      f3(m.podiumOverlap),
      f3(m.spearman),
      f3(m.meanAbsDelta),
      f3(m.brierWin),
      f3(m.logLossWin),
      f3(m.brierPodium),
      f3(m.logLossPodium),
      pctBetter(m.brierWin, b.brierWin),
    ],
    [
      `${label} grid`,
      b.races,
      f3(b.winnerHitRate),
      f3(b.podiumOverlap),
      f3(b.spearman),
      f3(b.meanAbsDelta),
      f3(b.brierWin),
      f3(b.logLossWin),
      f3(b.brierPodium),
      f3(b.logLossPodium),
      '',
    ],
  ];
}

export function formatBacktest(r: BacktestResult): string {
  const headers = [
    'season',
    'races',
    'winner hit',
    'podium overlap',
    'spearman',
    'mean |Δpos|',
    'Brier win',
    'logloss win',
    'Brier podium',
    'logloss podium',
    'Brier win vs grid',
  ];
  const rows = [
    ...r.seasons.flatMap((s) => scoreRows(String(s.year), s.model, s.baseline)),
    ...scoreRows('overall', r.overall.model, r.overall.baseline),
  ];
  const calib = (c: CalibrationBin[], b: CalibrationBin[]) =>
    table(
      ['P(win) bin', 'model n', 'model mean p', 'model observed', 'grid n', 'grid mean p', 'grid observed'],
      c.map((x, i) => [
        `${x.from.toFixed(2)}–${x.to.toFixed(2)}`,
        x.n,
        f3(x.meanPredicted),
        f3(x.observed),
        b[i]!.n,
        f3(b[i]!.meanPredicted),
        f3(b[i]!.observed),
      ]),
    );
  const worse = r.seasons.filter((s) => s.model.brierWin > s.baseline.brierWin).map((s) => s.year);
  const gain = 1 - r.overall.model.brierWin / r.overall.baseline.brierWin;
  return [
    table(headers, rows),
    '',
    'Calibration of P(win), all tested races:',
    calib(r.calibration.model, r.calibration.baseline),
    '',
    `Model features: ${r.seasons[0]?.fitted.features.join(', ') ?? '-'}; each season fitted on ${r.seasons[0]?.fitted.trainedOn.from ?? TRAIN_FROM}–(season−1).`,
    `Goal Brier(win) ≥ 15 % better than the grid overall: ${gain >= 0.15 ? 'met' : 'NOT met'} (${(gain * 100).toFixed(1)} %); ` +
      `never worse in a season: ${worse.length ? `NOT met (${worse.join(', ')})` : 'met'}.`,
  ].join('\n');
}

export function formatRejoin(v: RejoinValidation): string {
  const pct = (a: number, n: number) => (n ? `${((a / n) * 100).toFixed(1)} %` : '-');
  const rows = [...v.seasons, { ...v.overall, year: 'overall' as unknown as number }].map((r) => [
    String(r.year),
    r.stops,
    pct(r.within1, r.stops),
    pct(r.exact, r.stops),
    r.meanAbsError.toFixed(2),
    pct(r.allStayOutWithin1, r.stops),
    pct(r.baselineWithin1, r.stops),
  ]);
  return [
    table(
      [
        'season',
        'green-flag stops',
        'within ±1',
        'exact',
        'mean |error|',
        'within ±1 (rivals stay out)',
        'within ±1 ("no change")',
      ],
      rows,
    ),
    '',
    'within ±1: projected rejoin position vs the position at the end of the out-lap; rivals as they actually ran.',
    'rivals stay out: the projection a "box now?" call makes, blind to rivals stopping in the same laps.',
    `Goal ≥ 90 % within ±1: ${v.overall.stops && v.overall.within1 / v.overall.stops >= 0.9 ? 'met' : 'NOT met'}.`,
  ].join('\n');
}

export function registerAnalysisCommands(program: Command, ctx: CliContext): void {
  const evalCmd =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('measure quality on question sets');
  evalCmd
    .command('predictions')
    .description('leak-free backtest of the race predictions against the grid baseline')
    .option('--from <year>', 'first tested season', '2022')
    .option('--to <year>', 'last tested season', '2025')
    .option('--features <set>', 'compact (default) or extended', 'compact')
    .option('--refit-each-race', 'refit before every race on everything run before it')
    .option('--json', 'print JSON instead of tables')
    .action(
      (opts: { from: string; to: string; features: string; refitEachRace?: boolean; json?: boolean }) => {
        const from = intArg('--from', opts.from, TRAIN_FROM + 1, 2100);
        const to = intArg('--to', opts.to, from, 2100);
        if (opts.features !== 'compact' && opts.features !== 'extended')
          throw badRequest('--features is compact or extended');
        const db = openDatabase(ctx.config().DATABASE_PATH);
        const result = runBacktest(loadHistory(db), {
          from,
          to,
          features: opts.features as FeatureSet,
          refitEachRace: opts.refitEachRace,
          onSeason: (y) => progress(`backtesting ${y}…`),
        });
        if (result.seasons.length === 0) throw badRequest(`No races with results between ${from} and ${to}`);
        out(opts.json ? JSON.stringify(result, null, 2) : formatBacktest(result));
        db.close();
      },
    );
  evalCmd
    .command('rejoin')
    .description('validate the pit-rejoin projection against real green-flag stops in the lap tables')
    .option('--from <year>', 'first season', '2018')
    .option('--to <year>', 'last season', '2026')
    .option('--json', 'print JSON')
    .action((opts: { from: string; to: string; json?: boolean }) => {
      const from = intArg('--from', opts.from, 2018, 2100);
      const to = intArg('--to', opts.to, from, 2100);
      const seasons = new Map<number, Map<number, RaceLaps>>();
      for (let y = from; y <= to; y++) {
        progress(`loading laps ${y}…`);
        const s = loadSeasonLaps(ctx.config().LAPS_DIR, y, 'grand_prix', ctx.config().ANALYSIS_CACHE_DIR);
        if (s.size) seasons.set(y, s);
      }
      const v = validateRejoin(seasons);
      out(opts.json ? JSON.stringify(v, null, 2) : formatRejoin(v));
    });
  evalCmd
    .command('accuracy')
    .description('score stored pre-race predictions whose results are in, and summarise')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = ctx.config();
      const db = openDatabase(config.DATABASE_PATH);
      const store = openStore(config);
      const n = await store.tracker.scorePending(db);
      const s = await store.tracker.summary();
      await store.close();
      if (opts.json) out(JSON.stringify(s, null, 2));
      else {
        out(`Scored ${n} new prediction(s); ${s.scored} of ${s.tracked} tracked predictions scored.`);
        out(
          table(
            ['race', 'stage', 'predicted winner', 'actual winner', 'Brier win', 'podium overlap'],
            s.races.map((r) => [
              `${r.year} ${r.race}`,
              r.stage,
              r.predictedWinner,
              r.actualWinner ?? '(not run)',
              r.scores ? f3(r.scores.brierWin) : '',
              r.scores ? f3(r.scores.podiumOverlap) : '',
            ]),
          ),
        );
      }
      db.close();
    });

  const analysis = program
    .command('analysis')
    .description('race predictions, pit strategy, weather, championship');
  analysis
    .command('predict <year> <round>')
    .description('predict a race (stores it in the accuracy tracker when the race has not been run)')
    .option('--json', 'print JSON')
    .action(async (y: string, r: string, opts: { json?: boolean }) => {
      const config = ctx.config();
      const db = openDatabase(config.DATABASE_PATH);
      const year = intArg('year', y, 1950, 2100);
      const round = intArg('round', r, 1, 40);
      const p = getRacePredictions(db, year, round);
      const store = openStore(config);
      const stored = await store.tracker.record(p, getRace(db, year, round).hasResult);
      await store.close();
      if (opts.json) out(JSON.stringify(p, null, 2));
      else {
        out(
          `${p.year} ${p.race} — ${p.stage} prediction (model ${p.model.version}, fitted ${p.model.trainedOn.from}–${p.model.trainedOn.to})`,
        );
        out(
          table(
            [
              '#',
              'driver',
              'team',
              'grid',
              'P(win)',
              'P(podium)',
              'P(points)',
              'exp. pos',
              '80 % range',
              'main factors',
            ],
            p.predictions.map((d) => [
              d.predictedPosition,
              d.name,
              d.team,
              d.grid ?? '-',
              f3(d.pWin),
              f3(d.pPodium),
              f3(d.pPoints),
              d.expectedPosition.toFixed(1),
              `P${d.interval[0]}–P${d.interval[1]}`,
              d.factors.slice(0, 2).join('; '),
            ]),
          ),
        );
        for (const n of p.notes) out(`note: ${n}`);
        if (stored)
          out('Stored in the accuracy tracker (scored once the result is in: race-engineer eval accuracy).');
      }
      db.close();
    });
  analysis
    .command('strategy <year> <round>')
    .description('pit strategy of a race (JSON)')
    .option('--driver <driver>', 'driver code, number or name')
    .option('--lap <lap>', 'project a stop after this lap')
    .action((y: string, r: string, opts: { driver?: string; lap?: string }) => {
      const config = ctx.config();
      const db = openDatabase(config.DATABASE_PATH);
      const s = getPitStrategy(config, db, intArg('year', y, 1950, 2100), intArg('round', r, 1, 40), {
        driver: opts.driver,
        lap: opts.lap === undefined ? undefined : intArg('--lap', opts.lap, 1, 100),
      });
      out(JSON.stringify(s, null, 2));
      db.close();
    });
  analysis
    .command('weather <year> <round>')
    .description('forecast and recorded weather for a race (JSON)')
    .action(async (y: string, r: string) => {
      const config = ctx.config();
      const db = openDatabase(config.DATABASE_PATH);
      out(
        JSON.stringify(
          await getWeather({ config, db }, intArg('year', y, 1950, 2100), intArg('round', r, 1, 40)),
          null,
          2,
        ),
      );
      db.close();
    });
  analysis
    .command('scenario <year>')
    .description("drivers' championship scenario after a round (JSON)")
    .option('--round <round>', 'after this round (default: latest)')
    .option('--driver <driver>', 'focus on one driver')
    .action((y: string, opts: { round?: string; driver?: string }) => {
      const db = openDatabase(ctx.config().DATABASE_PATH);
      const s = championshipScenario(db, intArg('year', y, 1950, 2100), {
        round: opts.round === undefined ? undefined : intArg('--round', opts.round, 0, 40),
        driver: opts.driver,
      });
      out(JSON.stringify(s, null, 2));
      db.close();
    });
}
