// The prediction model (pure parts with exact checks), leak-freeness of the features, a one-season
// backtest, the prediction service and the accuracy tracker on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../data/db.ts';
import { runBacktest } from './backtest.ts';
import { computeFeatures, type RaceFeatures } from './features.ts';
import { loadHistory, type RaceHistory } from './history.ts';
import { ScoreAccumulator, spearman } from './metrics.ts';
import { fitModel, mulberry32, podiumProbabilities, simulatePositions, softmax } from './model.ts';
import { getRacePredictions } from './service.ts';
import { PredictionTracker } from './tracker.ts';
import { SqliteDatabase } from '../../store/sql.ts';

describe('Plackett–Luce pieces', () => {
  const u = [2, 1.2, 0.5, 0, -0.3, -1, -2];

  it('P(win) sums to 1 and P(podium) to 3; the exact podium matches a simulation', () => {
    expect(softmax(u).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const pod = podiumProbabilities(u);
    expect(pod.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 10);
    // Monte Carlo estimate of the top-three share, same model.
    const rand = mulberry32(7);
    const hits = new Array(u.length).fill(0);
    const sims = 40_000;
    for (let s = 0; s < sims; s++) {
      const order = u
        .map((x, i) => [x - Math.log(-Math.log(rand() || 1e-12)), i] as const)
        .sort((a, b) => b[0] - a[0]);
      for (const [, i] of order.slice(0, 3)) hits[i]++;
    }
    pod.forEach((p, i) => expect(Math.abs(p - hits[i] / sims)).toBeLessThan(0.01));
  });

  it('simulated positions: retirements push the favourite out of the points sometimes', () => {
    const field = Array.from({ length: 14 }, (_, i) => 2 - i * 0.3);
    const clean = simulatePositions(field, 5000, 1);
    const risky = simulatePositions(
      field,
      5000,
      1,
      field.map(() => 0.2),
    );
    expect(clean.expected[0]).toBeLessThan(risky.expected[0]!);
    expect(risky.pPoints[0]).toBeLessThan(0.9);
    expect(clean.p10[0]).toBe(1);
  });

  it('recovers the weights it was simulated with', () => {
    // 600 synthetic races, 10 drivers, utility = 1.5 × (−log grid) + 0.8 × form.
    const rand = mulberry32(3);
    const races: RaceFeatures[] = [];
    for (let r = 0; r < 600; r++) {
      const drivers = Array.from({ length: 10 }, (_, i) => ({
        driverId: `d${i}`,
        constructorId: 't',
        grid: i + 1,
        qualiGapPct: 0,
        recentQualiGap: 0,
        recentRaceGap: 0,
        racecraft: 0,
        recentGrid: 10,
        form: rand() * 20,
        formRaces: 6,
        teamForm: 5,
        circuitExcess: 0,
        circuitEditions: 0,
        typeExcess: 0,
        teamDnfRate: 0.1,
        sprintPosition: null,
        recentWins: 0,
        recentPodiums: 0,
      }));
      const util = drivers.map((d) => 1.5 * -Math.log(d.grid) + 0.8 * (d.form / 10));
      const winner = util
        .map((x, i) => [x - Math.log(-Math.log(rand() || 1e-12)), i] as const)
        .sort((a, b) => b[0] - a[0])[0]![1];
      races.push({
        stage: 'post-qualifying',
        drivers,
        race: {
          id: r,
          year: 2000,
          round: 1,
          date: '2000-01-01',
          circuitId: 'x',
          circuitType: null,
          sprint: false,
          results: [
            {
              driverId: `d${winner}`,
              constructorId: 't',
              order: 1,
              position: 1,
              positionText: '1',
              reasonRetired: null,
              grid: winner + 1,
              gapPct: 0,
            },
          ],
          grid: new Map(),
          qualifying: [],
          sprintResult: new Map(),
        },
      });
    }
    // Fit with the raw features grid and form only: beta × (x − mean) / std → beta_raw = beta / std.
    const model = fitModel(races, 'post-qualifying', new Array(30).fill(0.05), { l2: 0.01 });
    const gridIdx = model.features.indexOf('grid');
    const formIdx = model.features.indexOf('form');
    expect(model.beta[gridIdx]! / model.std[gridIdx]!).toBeGreaterThan(1.1);
    expect(model.beta[gridIdx]! / model.std[gridIdx]!).toBeLessThan(1.9);
    expect(model.beta[formIdx]! / model.std[formIdx]!).toBeGreaterThan(0.4);
    expect(model.beta[formIdx]! / model.std[formIdx]!).toBeLessThan(1.3);
  });

  it('scores forecasts: Spearman, hit rate, Brier', () => {
    expect(spearman(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(spearman(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(-1);
    const acc = new ScoreAccumulator();
    acc.add(
      {
        order: ['a', 'b', 'c', 'd'],
        pWin: new Map([
          ['a', 0.5],
          ['b', 0.3],
          ['c', 0.1],
          ['d', 0.1],
        ]),
        pPodium: new Map([
          ['a', 0.9],
          ['b', 0.8],
          ['c', 0.7],
          ['d', 0.6],
        ]),
      },
      ['b', 'a', 'c', 'd'],
    );
    const s = acc.scores();
    expect(s.winnerHitRate).toBe(0);
    expect(s.podiumOverlap).toBe(1);
    expect(s.brierWin).toBeCloseTo(0.25 + 0.49 + 0.01 + 0.01, 10);
    expect(s.logLossWin).toBeCloseTo(-Math.log(0.3), 10);
  });
});

describe('on the F1 database', () => {
  let db: Db;
  let history: RaceHistory;
  beforeAll(() => {
    db = openDatabase(process.env.DATABASE_PATH!);
    history = loadHistory(db);
  });
  afterAll(() => db.close());

  it('features of a race never depend on that race or later ones', () => {
    const target = history.races.find((r) => r.year === 2024 && r.round === 10)!;
    const idx = history.races.indexOf(target);
    // Erase the result of the target race and drop every later race: the features must not change.
    const truncated: RaceHistory = {
      races: [...history.races.slice(0, idx), { ...target, results: [] }],
      byKey: history.byKey,
    };
    const full = computeFeatures(history).find((f) => f.race.id === target.id)!;
    const cut = computeFeatures(truncated).find((f) => f.race.id === target.id)!;
    expect(cut.drivers.map((d) => d.driverId).sort()).toEqual(full.drivers.map((d) => d.driverId).sort());
    const byId = new Map(cut.drivers.map((d) => [d.driverId, d]));
    for (const d of full.drivers) expect(byId.get(d.driverId)).toEqual(d);
  });

  it('one-season backtest beats the grid baseline on Brier(win) (2023)', () => {
    const r = runBacktest(history, { from: 2023, to: 2023 });
    expect(r.seasons).toHaveLength(1);
    expect(r.seasons[0]!.fitted.trainedOn.to).toBe(2022);
    expect(r.overall.model.races).toBe(22);
    expect(r.overall.model.brierWin).toBeLessThan(r.overall.baseline.brierWin);
  });

  it('predicts a past race from pre-race data: probabilities and factors', () => {
    const p = getRacePredictions(db, 2024, 5);
    expect(p.stage).toBe('post-qualifying');
    expect(p.model.trainedOn.to).toBe(2023);
    expect(p.predictions.reduce((s, d) => s + d.pWin, 0)).toBeCloseTo(1, 3);
    expect(p.predictions.reduce((s, d) => s + d.pPodium, 0)).toBeCloseTo(3, 2);
    for (const d of p.predictions) {
      expect(d.pWin).toBeLessThanOrEqual(d.pPodium + 1e-9);
      expect(d.interval[0]).toBeLessThanOrEqual(d.interval[1]);
      expect(d.factors.length).toBeGreaterThan(0);
    }
    // Sorted by the model's score; the polesitter is the favourite here.
    expect(p.predictions[0]!.grid).toBe(1);
    expect(p.actualResult?.[0]?.driverId).toBeDefined();
  });

  it('predicts an upcoming race before qualifying from form alone', () => {
    const p = getRacePredictions(db, 2026, 13);
    expect(p.stage).toBe('pre-qualifying');
    expect(p.actualResult).toBeNull();
    expect(p.predictions.length).toBeGreaterThanOrEqual(20);
    expect(p.predictions.every((d) => d.grid === null)).toBe(true);
  });

  it('rejects seasons the model cannot learn for, and unknown rounds', () => {
    expect(() => getRacePredictions(db, 2005, 1)).toThrow(/available from/);
    expect(() => getRacePredictions(db, 2024, 40)).toThrow(/No round 40/);
  });
  // The tracker's storage is tested against both store backends in src/store/store.conformance.test.ts.
});

describe('markdown', () => {
  it('renders a prediction with probabilities, never "confidence"', async () => {
    const { predictionMarkdown } = await import('../markdown.ts');
    const db = openDatabase(process.env.DATABASE_PATH!);
    try {
      const md = predictionMarkdown(getRacePredictions(db, 2024, 5));
      expect(md).toMatch(/### Prediction: 2024 Chinese Grand Prix \(after qualifying\)/);
      expect(md).toMatch(/win \d+(\.\d)?%, podium/);
      expect(md).not.toMatch(/confidence/i);
      expect(md.split('\n').filter((l) => l.startsWith('| ')).length).toBeGreaterThan(10);
    } finally {
      db.close();
    }
  });
});

describe('warm-up when the server starts', () => {
  it('fits the season models after listening and logs analysis.predictions.warm', async () => {
    const { default: Fastify } = await import('fastify');
    const { default: pino } = await import('pino');
    const { warmPredictionsOnListen } = await import('./warm-on-listen.ts');
    const lines: { event?: string; year?: number }[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (s: string) => void lines.push(JSON.parse(s) as { event?: string; year?: number }) },
    );
    const warmDb = openDatabase(process.env.DATABASE_PATH!);
    const app = Fastify();
    warmPredictionsOnListen(
      app,
      { DATABASE_PATH: process.env.DATABASE_PATH! },
      () => warmDb,
      new PredictionTracker(new SqliteDatabase(':memory:')),
      logger,
      () => new Date('2025-06-01T00:00:00Z'),
    );
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      for (let i = 0; i < 100 && !lines.some((l) => l.event?.startsWith('analysis.predictions.warm')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(lines.find((l) => l.event?.startsWith('analysis.predictions.warm'))).toMatchObject({
        event: 'analysis.predictions.warm',
        year: 2025,
      });
    } finally {
      await app.close();
      warmDb.close();
    }
  }, 30_000);
});
