// Field-by-field comparison of an Ergast response with a recorded real one (the conformance suite's and
// `race-engineer ergast conformance`'s core). Rows of a list are matched by their identity (a race by season
// and round, a result by driver, …), not by index, so one missing row counts once and not as a shift of
// every later row; the order of the matched rows is checked separately. Only the host of MRData.url is ignored.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Difference {
  /** JSON path, e.g. MRData.RaceTable.Races[0].Results[11].status; `…Results:order` for the row order */
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface Comparison {
  differences: Difference[];
  /** Leaf values of the recorded response (plus rows only we printed, one each). */
  fields: number;
  /** Of those, equal in ours. */
  equalFields: number;
}

const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v));

export function formatDifference(d: Difference): string {
  return `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`;
}

/** Sample file name → request path: `2023@9@results.json` → `/2023/9/results.json`. */
export function samplePath(fileName: string): string {
  return '/' + fileName.replace(/@/g, '/');
}

function withoutHost(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') : url;
}

type O = Record<string, unknown>;
const isObj = (v: unknown): v is O => !!v && typeof v === 'object' && !Array.isArray(v);

/** The identity of a list row: what the services key it by. */
function identity(row: unknown): string | undefined {
  if (!isObj(row)) return undefined;
  const id = (o: unknown, k: string) => (isObj(o) ? o[k] : undefined);
  const parts = [
    row.season !== undefined && row.round !== undefined
      ? `${String(row.season)}/${String(row.round)}`
      : undefined,
    row.season !== undefined && row.round === undefined ? String(row.season) : undefined,
    id(row.Driver, 'driverId') ?? row.driverId,
    id(row.Constructor, 'constructorId') ?? row.constructorId,
    row.circuitId,
    row.statusId ?? (row.count !== undefined ? row.status : undefined),
    row.stop,
    row.number !== undefined && row.Timings !== undefined ? `lap${String(row.number)}` : undefined,
  ].filter((p) => p !== undefined);
  return parts.length ? parts.map(String).join('|') : undefined;
}

function leaves(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + leaves(x), 0);
  if (isObj(v)) return Object.values(v).reduce((n: number, x) => n + leaves(x), 0);
  return 1;
}

/** Compares `actual` with the recorded `expected`, counting leaf fields. */
export function compareResponses(expected: unknown, actual: unknown): Comparison {
  const c: Comparison = { differences: [], fields: 0, equalFields: 0 };
  walk(expected, actual, '', c);
  return c;
}

/** The differences alone (kept for callers that only list them). */
export function compareErgast(expected: unknown, actual: unknown): Difference[] {
  return compareResponses(expected, actual).differences;
}

function walk(expected: unknown, actual: unknown, path: string, c: Comparison): void {
  if (path === 'MRData.url') {
    c.fields++;
    if (withoutHost(expected) === withoutHost(actual)) c.equalFields++;
    else c.differences.push({ path, expected, actual });
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const ids = expected.map(identity);
    const keyed = ids.every((k) => k !== undefined) && new Set(ids).size === ids.length;
    if (!keyed) {
      const n = Math.max(expected.length, actual.length);
      for (let i = 0; i < n; i++) walk(expected[i], actual[i], `${path}[${i}]`, c);
      return;
    }
    const ours = new Map<string, number>();
    actual.forEach((row, i) => {
      const k = identity(row);
      if (k !== undefined && !ours.has(k)) ours.set(k, i);
    });
    const matched: number[] = [];
    expected.forEach((row, i) => {
      const j = ours.get(ids[i] ?? '');
      if (j === undefined) {
        c.fields += leaves(row);
        c.differences.push({ path: `${path}[${i}]`, expected: ids[i], actual: undefined });
        return;
      }
      matched.push(j);
      walk(row, actual[j], `${path}[${i}]`, c);
    });
    const theirs = new Set<string | undefined>(ids);
    actual.forEach((row, j) => {
      const k = identity(row);
      if (k === undefined || !theirs.has(k)) {
        c.fields++;
        c.differences.push({ path: `${path}[+${j}]`, expected: undefined, actual: k ?? row });
      }
    });
    if (matched.some((j, i) => i > 0 && j < matched[i - 1]!)) {
      c.fields++;
      c.differences.push({
        path: `${path}:order`,
        expected: ids,
        actual: actual.map(identity).filter((k) => theirs.has(k)),
      });
    }
    return;
  }
  if (isObj(expected) && isObj(actual)) {
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)]))
      walk(expected[k], actual[k], path ? `${path}.${k}` : k, c);
    return;
  }
  if (expected === undefined) {
    c.fields++;
    c.differences.push({ path, expected, actual });
    return;
  }
  const n = leaves(expected);
  c.fields += n;
  if (JSON.stringify(expected) === JSON.stringify(actual)) c.equalFields += n;
  else c.differences.push({ path, expected, actual });
}

// ---------------------------------------------------------------- a whole sample set

export interface Sample {
  file: string;
  /** Request path with its prefix: /api/f1/… (ergast.com recordings) or /ergast/f1/… (Jolpica's). */
  url: string;
  /** Expected HTTP status (200 unless the sample says otherwise). */
  status: number;
  body: unknown;
}

/** Reads the `*.json` samples of a folder: recorded responses, or `{ status, url, body }` for error cases. */
export function readSamples(dir: string): Sample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as O;
      if (!('MRData' in json) && typeof json.url === 'string')
        return { file, url: json.url, status: Number(json.status ?? 200), body: json.body };
      const mrdata = json.MRData as { url?: string } | undefined;
      // Samples recorded from ergast.com live under /api/f1, Jolpica's under /ergast/f1.
      const prefix = mrdata?.url?.includes('/api/f1/') ? '/api/f1' : '/ergast/f1';
      return { file, url: prefix + samplePath(file), status: 200, body: json };
    });
}

export interface SampleResult extends Comparison {
  file: string;
  url: string;
  status: { expected: number; actual: number };
}

export interface ConformanceReport {
  samples: SampleResult[];
  responses: number;
  equalResponses: number;
  statusMismatches: number;
  fields: number;
  equalFields: number;
}

/** Requests every sample through `get` and compares. */
export async function runConformance(
  samples: Sample[],
  get: (url: string) => Promise<{ status: number; body: unknown }>,
): Promise<ConformanceReport> {
  const out: SampleResult[] = [];
  for (const s of samples) {
    const res = await get(s.url);
    const cmp =
      s.status === res.status && s.body !== undefined
        ? compareResponses(s.body, res.body)
        : { differences: [], fields: 0, equalFields: 0 };
    out.push({ ...cmp, file: s.file, url: s.url, status: { expected: s.status, actual: res.status } });
  }
  const sum = (f: (r: SampleResult) => number) => out.reduce((n, r) => n + f(r), 0);
  return {
    samples: out,
    responses: out.length,
    equalResponses: out.filter((r) => r.status.expected === r.status.actual && r.differences.length === 0)
      .length,
    statusMismatches: out.filter((r) => r.status.expected !== r.status.actual).length,
    fields: sum((r) => r.fields),
    equalFields: sum((r) => r.equalFields),
  };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

/** The report as text: one line per sample with its differences, then the totals. */
export function formatReport(r: ConformanceReport, title: string): string {
  const lines = [`${title}`];
  for (const s of r.samples) {
    const st =
      s.status.expected === s.status.actual
        ? ''
        : ` status ${s.status.actual} (expected ${s.status.expected})`;
    lines.push(
      `${s.url}: ${s.equalFields}/${s.fields} fields equal, ${s.differences.length} difference(s)${st}`,
    );
    for (const d of s.differences) lines.push(`  ${formatDifference(d)}`);
  }
  lines.push(
    `responses fully equal: ${r.equalResponses}/${r.responses} (${pct(r.equalResponses, r.responses)}); ` +
      `fields equal: ${r.equalFields}/${r.fields} (${pct(r.equalFields, r.fields)}); ` +
      `status mismatches: ${r.statusMismatches}`,
  );
  return lines.join('\n');
}
