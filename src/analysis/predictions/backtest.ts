// Leak-free backtest: for each tested season the model and the grid baseline are fitted on earlier seasons
// only, and every race's features come from data dated before it (features.ts). Pure given the history.
import { gridBaseline, fitGridRates } from './baseline.ts';
import { computeFeatures, type RaceFeatures } from './features.ts';
import type { RaceHistory } from './history.ts';
import { ScoreAccumulator, type CalibrationBin, type RaceForecast, type Scores } from './metrics.ts';
import {
  fitModel,
  podiumProbabilities,
  scoreRace,
  softmax,
  type FitOptions,
  type RaceModel,
} from './model.ts';

/** Fitting starts here: more seasons of history calibrate P(win) better (see README, Analysis). */
export const TRAIN_FROM = 2006;

export interface BacktestOptions extends FitOptions {
  from: number;
  to: number;
  /** First season used for fitting (default TRAIN_FROM). */
  trainFrom?: number;
  /** Refit before every race on everything run before it (earlier races of the season included). */
  refitEachRace?: boolean;

  onSeason?: (year: number) => void;
}

export interface SeasonResult {
  year: number;
  model: Scores;
  baseline: Scores;
  fitted: RaceModel;
}

export interface BacktestResult {
  seasons: SeasonResult[];
  overall: { model: Scores; baseline: Scores };
  calibration: { model: CalibrationBin[]; baseline: CalibrationBin[] };
}

/** The model's forecast for one race (order by score, exact win and podium probabilities). */
export function forecastRace(model: RaceModel, race: RaceFeatures): RaceForecast {
  const { utility } = scoreRace(model, race);
  const pWin = softmax(utility);
  const pPod = podiumProbabilities(utility);
  const ids = race.drivers.map((d) => d.driverId);
  return {
    order: ids
      .map((d, i) => [d, utility[i]!] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([d]) => d),
    pWin: new Map(ids.map((d, i) => [d, pWin[i]!])),
    pPodium: new Map(ids.map((d, i) => [d, pPod[i]!])),
  };
}

const actualOrder = (r: RaceFeatures) => r.race.results.map((x) => x.driverId);
const testable = (r: RaceFeatures) =>
  r.race.results.length > 0 && r.stage === 'post-qualifying' && r.drivers.length > 1;

export function runBacktest(history: RaceHistory, opts: BacktestOptions): BacktestResult {
  if (opts.from > opts.to) throw new RangeError('from must not be after to');
  const trainFrom = opts.trainFrom ?? TRAIN_FROM;
  const all = computeFeatures(history);
  const seasons: SeasonResult[] = [];
  const totalModel = new ScoreAccumulator();
  const totalBase = new ScoreAccumulator();
  for (let year = opts.from; year <= opts.to; year++) {
    const test = all.filter((r) => r.race.year === year && testable(r));
    if (test.length === 0) continue;
    opts.onSeason?.(year);
    const train = all.filter((r) => r.race.year >= trainFrom && r.race.year < year && testable(r));
    const rates = fitGridRates(train);
    let model = fitModel(train, 'post-qualifying', rates.win, opts);
    const accModel = new ScoreAccumulator();
    const accBase = new ScoreAccumulator();
    for (const r of test) {
      if (opts.refitEachRace && r !== test[0]) {
        const before = all.filter(
          (x) => x.race.year >= trainFrom && x.race.date < r.race.date && testable(x),
        );
        model = fitModel(before, 'post-qualifying', rates.win, opts);
      }
      const actual = actualOrder(r);
      accModel.add(forecastRace(model, r), actual);
      const base = gridBaseline(rates, r);
      const gridOrder = [...r.drivers].sort((a, b) => (a.grid ?? 99) - (b.grid ?? 99)).map((d) => d.driverId);
      accBase.add({ order: gridOrder, ...base }, actual);
    }
    seasons.push({ year, model: accModel.scores(), baseline: accBase.scores(), fitted: model });
    totalModel.merge(accModel);
    totalBase.merge(accBase);
  }
  return {
    seasons,
    overall: { model: totalModel.scores(), baseline: totalBase.scores() },
    calibration: { model: totalModel.calibrationTable(), baseline: totalBase.calibrationTable() },
  };
}
