// Normalises a race prediction answer (GET /api/predictions/:year/:round) into rows for display. The
// analysis API names fields in camelCase; the probabilities are shown as given, never invented. Pure.
export interface PredictionRow {
  driverId: string;
  name: string;
  code: string | null;
  teamId: string | null;
  teamName: string | null;
  pWin: number | null;
  pPodium: number | null;
  pPoints: number | null;
  expected: number | null;
  interval: [number, number] | null;
  factors: string[];
}

export interface Prediction {
  race: string | null;
  stage: string | null;
  rows: PredictionRow[];
  notes: string[];
}

type Json = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function pick(o: Json, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
}

export function normalisePrediction(body: unknown): Prediction {
  const o = (body ?? {}) as Json;
  const list = (pick(o, 'drivers', 'predictions', 'entries', 'field') ?? []) as unknown[];
  const rows: PredictionRow[] = (Array.isArray(list) ? list : []).map((item) => {
    const r = item as Json;
    const driver = r.driver as Json | string | undefined;
    const team = (pick(r, 'team', 'constructor') ?? null) as Json | string | null;
    const interval = pick(r, 'interval', 'positionInterval', 'range') as unknown;
    let iv: [number, number] | null = null;
    if (Array.isArray(interval) && interval.length === 2) iv = [Number(interval[0]), Number(interval[1])];
    else if (interval && typeof interval === 'object') {
      const lo = num(pick(interval as Json, 'low', 'lo', 'from', 'p10'));
      const hi = num(pick(interval as Json, 'high', 'hi', 'to', 'p90'));
      if (lo !== null && hi !== null) iv = [lo, hi];
    }
    const factors = pick(r, 'factors', 'reasons', 'explanation');
    return {
      driverId:
        (typeof driver === 'object' ? str(driver.id) : null) ?? str(r.driverId) ?? String(driver ?? '?'),
      name:
        (typeof driver === 'object' ? str(driver.name) : typeof driver === 'string' ? driver : null) ??
        str(r.name) ??
        '?',
      code: (typeof driver === 'object' ? str(driver.code) : null) ?? str(r.code),
      teamId:
        (typeof team === 'object' && team ? str(team.id) : null) ?? str(r.teamId) ?? str(r.constructorId),
      teamName:
        (typeof team === 'object' && team ? str(team.name) : typeof team === 'string' ? team : null) ?? null,
      pWin: num(pick(r, 'pWin', 'winProbability', 'p_win')),
      pPodium: num(pick(r, 'pPodium', 'podiumProbability', 'p_podium')),
      pPoints: num(pick(r, 'pPoints', 'pointsProbability', 'p_points')),
      expected: num(pick(r, 'expectedPosition', 'expected', 'meanPosition')),
      interval: iv,
      factors: Array.isArray(factors) ? factors.map(String) : typeof factors === 'string' ? [factors] : [],
    };
  });
  rows.sort((a, b) => (b.pWin ?? 0) - (a.pWin ?? 0) || (a.expected ?? 99) - (b.expected ?? 99));
  const notes = pick(o, 'notes', 'caveats');
  return {
    race: str(pick(o, 'race', 'raceName', 'name')),
    stage: str(pick(o, 'stage', 'basis')),
    rows,
    notes: Array.isArray(notes) ? notes.map(String) : typeof notes === 'string' ? [notes] : [],
  };
}

export const pct = (p: number | null) =>
  p === null ? '—' : p < 0.001 && p > 0 ? '<0.1%' : `${(p * 100).toFixed(1)}%`;
