// Race predictions on the F1 database: features from data dated before the race, a model fitted on earlier
// seasons only, probabilities and plain-words factors per driver.
import type { Db } from '../../data/db.ts';
import { badRequest } from '../../errors.ts';
import { getRace, type RaceInfo } from '../races.ts';
import { fitGridRates } from './baseline.ts';
import { TRAIN_FROM } from './backtest.ts';
import {
  computeFeatures,
  featureSteps,
  type DriverFeatures,
  type RaceFeatures,
  type Stage,
} from './features.ts';
import { loadHistory, raceKey } from './history.ts';
import {
  featureSpec,
  fitModel,
  podiumProbabilities,
  scoreRace,
  simulatePositions,
  softmax,
  type RaceModel,
} from './model.ts';

export const MODEL_VERSION = 'pl-compact-1';

export interface DriverPrediction {
  predictedPosition: number;
  driverId: string;
  name: string;
  constructorId: string;
  team: string;
  grid: number | null;
  pWin: number;
  pPodium: number;
  pPoints: number;
  expectedPosition: number;
  /** 80 % interval of the finishing position (10th–90th percentile of the simulation, retirements included). */
  interval: [number, number];
  factors: string[];
}

export interface RacePrediction {
  year: number;
  round: number;
  race: string;
  date: string;
  circuit: string;
  stage: Stage;
  generatedAt: string;
  model: { version: string; features: string[]; trainedOn: RaceModel['trainedOn'] };
  dataUsed: string[];
  predictions: DriverPrediction[];
  /** For races already run: the actual top ten, to compare (never used by the prediction). */
  actualResult: { position: number | null; driverId: string }[] | null;
  notes: string[];
}

interface Cache {
  features: Map<Stage | 'auto', RaceFeatures[]>;
  models: Map<string, RaceModel>;
}
const caches = new WeakMap<Db, Cache>();

function cacheFor(db: Db): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { features: new Map(), models: new Map() }));
  return c;
}

/** 'auto': each race at the stage its data allows (post-qualifying once a grid or qualifying exists). */
const featureOptions = (stage: Stage | 'auto') => (stage === 'auto' ? {} : { stage });

function featuresFor(db: Db, stage: Stage | 'auto'): RaceFeatures[] {
  const c = cacheFor(db);
  let f = c.features.get(stage);
  if (!f) {
    f = computeFeatures(loadHistory(db), featureOptions(stage));
    c.features.set(stage, f);
  }
  return f;
}

/**
 * Computes what the first prediction of `year` would otherwise pay for (race features of every season, the
 * models of both stages): 1–2 s, done once, e.g. by the server right after it starts listening — in steps
 * with a turn of the event loop between them, so requests meanwhile wait for one step, not all of it.
 */
export async function warmPredictions(db: Db, year: number): Promise<void> {
  const tick = () => new Promise((r) => setImmediate(r));
  const c = cacheFor(db);
  for (const stage of ['auto', 'pre-qualifying'] as const) {
    if (c.features.has(stage)) continue;
    const steps = featureSteps(loadHistory(db), featureOptions(stage));
    let step = steps.next();
    while (!step.done) {
      await tick();
      step = steps.next();
    }
    if (!c.features.has(stage)) c.features.set(stage, step.value); // a request may have computed it meanwhile
  }
  for (const stage of ['pre-qualifying', 'post-qualifying'] as const) {
    await tick();
    modelFor(db, year, stage);
  }
}

/** The model for predicting races of `year`: fitted on the seasons before it. */
export function modelFor(db: Db, year: number, stage: Stage): RaceModel {
  const c = cacheFor(db);
  const key = `${year}/${stage}`;
  const hit = c.models.get(key);
  if (hit) return hit;
  const auto = featuresFor(db, 'auto');
  const trainPost = auto.filter(
    (r) =>
      r.race.year >= TRAIN_FROM &&
      r.race.year < year &&
      r.race.results.length > 0 &&
      r.stage === 'post-qualifying',
  );
  const rates = fitGridRates(trainPost);
  const train =
    stage === 'post-qualifying'
      ? trainPost
      : featuresFor(db, 'pre-qualifying').filter(
          (r) => r.race.year >= TRAIN_FROM && r.race.year < year && r.race.results.length > 0,
        );
  const model = fitModel(train, stage, rates.win);
  c.models.set(key, model);
  return model;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const ord = (n: number) => `P${Math.round(n)}`;

function describe(name: string, d: DriverFeatures, model: RaceModel, n: number): string {
  switch (name) {
    case 'grid':
      return `starts ${d.grid === null ? 'from the back' : ord(d.grid)}`;
    case 'gridHistory': {
      const slot = Math.min(d.grid ?? n, 30);
      return `${ord(slot)} starters won ${pct(model.gridWinRate[slot - 1] ?? 0)} of races ${model.trainedOn.from}–${model.trainedOn.to}`;
    }
    case 'qualiGap':
      return d.qualiGapPct === null
        ? 'no qualifying time'
        : d.qualiGapPct === 0
          ? 'pole position lap'
          : `${d.qualiGapPct.toFixed(2)} % off pole in qualifying`;
    case 'form':
      return `recent form ${d.form.toFixed(1)} pts/race (${d.recentWins} wins, ${d.recentPodiums} podiums in the last ${Math.min(12, d.formRaces)})`;
    case 'qualiPace':
      return `usually ${d.recentQualiGap.toFixed(2)} % off pole in recent qualifyings`;
    case 'recentGrid':
      return `usually starts around ${ord(d.recentGrid)}`;
    default:
      return featureSpec(name).label;
  }
}

/** Context not in the score (it did not improve the backtest) but worth saying. */
function contextFactors(d: DriverFeatures): string[] {
  const out: string[] = [];
  if (d.circuitEditions > 0 && Math.abs(d.circuitExcess) >= 1.5)
    out.push(
      `${d.circuitExcess > 0 ? 'strong' : 'weak'} record at this circuit (${d.circuitExcess > 0 ? '+' : ''}${d.circuitExcess.toFixed(1)} pts/race vs form over ${d.circuitEditions} edition(s))`,
    );
  if (d.teamDnfRate >= 0.2)
    out.push(`reliability risk: team failed to finish ${pct(d.teamDnfRate)} of recent entries`);
  if (d.sprintPosition !== null) out.push(`finished ${ord(d.sprintPosition)} in the sprint`);
  return out;
}

function names(db: Db, ids: string[], table: 'driver' | 'constructor'): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, name FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function getRacePredictions(db: Db, year: number, round: number): RacePrediction {
  const race: RaceInfo = getRace(db, year, round);
  if (year <= TRAIN_FROM)
    throw badRequest(`Predictions need earlier seasons to learn from: available from ${TRAIN_FROM + 1}`);
  const all = featuresFor(db, 'auto');
  const target = all.find((r) => r.race.id === race.id);
  if (!target) throw badRequest(`No race data for ${year} round ${round}`);
  const notes: string[] = [];
  const model = modelFor(db, year, target.stage);
  let raceFeatures = target;
  if (target.stage === 'pre-qualifying') {
    raceFeatures = featuresFor(db, 'pre-qualifying').find((r) => r.race.id === race.id) ?? target;
    notes.push('Qualifying has not been run: the grid is replaced by each driver’s usual grid position.');
  }
  if (raceFeatures.drivers.length < 2) throw badRequest(`No entry list known for ${year} round ${round}`);
  const n = raceFeatures.drivers.length;
  const { utility, contributions } = scoreRace(model, raceFeatures);
  const pWin = softmax(utility);
  const pPodium = podiumProbabilities(utility);
  // Retirement risk from the team's recent non-finishes (mechanical and accidents alike).
  const dnf = raceFeatures.drivers.map((d) => Math.min(0.4, d.teamDnfRate));
  const sim = simulatePositions(utility, 5000, race.id, dnf);
  const dn = names(
    db,
    raceFeatures.drivers.map((d) => d.driverId),
    'driver',
  );
  const cn = names(db, [...new Set(raceFeatures.drivers.map((d) => d.constructorId))], 'constructor');
  const rows = raceFeatures.drivers.map((d, i) => {
    const ranked = model.features
      .map((f, j) => ({ f, c: contributions[i]![j]! }))
      .filter((x) => Math.abs(x.c) >= 0.15)
      .sort((a, b) => Math.abs(b.c) - Math.abs(a.c))
      .slice(0, 3)
      .map((x) => `${x.c > 0 ? '+' : '−'} ${describe(x.f, d, model, n)}`);
    return {
      predictedPosition: 0,
      driverId: d.driverId,
      name: dn.get(d.driverId) ?? d.driverId,
      constructorId: d.constructorId,
      team: cn.get(d.constructorId) ?? d.constructorId,
      grid: d.grid,
      pWin: round4(pWin[i]!),
      pPodium: round4(pPodium[i]!),
      pPoints: round4(sim.pPoints[i]!),
      expectedPosition: Math.round(sim.expected[i]! * 10) / 10,
      interval: [sim.p10[i]!, sim.p90[i]!] as [number, number],
      factors: [...ranked, ...contextFactors(d)],
      utility: utility[i]!,
    };
  });
  rows.sort((a, b) => b.utility - a.utility);
  const predictions: DriverPrediction[] = rows.map(({ utility: _u, ...r }, i) => ({
    ...r,
    predictedPosition: i + 1,
  }));
  const hist = loadHistory(db).byKey.get(raceKey(year, round));
  const dataUsed = [
    'race results before this race (form)',
    `model fitted on ${model.trainedOn.from}–${model.trainedOn.to}`,
  ];
  if (target.stage === 'post-qualifying')
    dataUsed.unshift(hist?.grid.size ? 'starting grid' : 'qualifying', 'qualifying times');
  if (race.sprint && hist?.sprintResult.size) dataUsed.push('sprint result');
  return {
    year,
    round,
    race: race.name,
    date: race.date,
    circuit: race.circuitName,
    stage: target.stage,
    generatedAt: new Date().toISOString(),
    model: { version: MODEL_VERSION, features: model.features, trainedOn: model.trainedOn },
    dataUsed,
    predictions,
    actualResult: hist?.results.length
      ? hist.results.slice(0, 10).map((r) => ({ position: r.position, driverId: r.driverId }))
      : null,
    notes,
  };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
