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

/** The value at a path such as `MRData.RaceTable.Races[0].Laps.length` (a list's length as a string). */
function valueAt(v: unknown, path: string): unknown {
  let cur: unknown = v;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (part === 'length' && Array.isArray(cur)) cur = String(cur.length);
    else if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isObj(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** A copy of `v` without the object keys at `paths` (dotted, no list indexes). */
function withoutPaths(v: unknown, paths: string[]): unknown {
  if (!paths.length) return v;
  const copy = JSON.parse(JSON.stringify(v)) as unknown;
  for (const p of paths) {
    const parts = p.split('.');
    const parent = valueAt(copy, parts.slice(0, -1).join('.'));
    if (isObj(parent)) delete parent[parts.at(-1)!];
  }
  return copy;
}

/** Compares the stated parts of an answer (a probe's `fields`), one field each. */
export function compareFields(fields: Record<string, string>, actual: unknown): Comparison {
  const c: Comparison = { differences: [], fields: 0, equalFields: 0 };
  for (const [path, expected] of Object.entries(fields)) {
    c.fields++;
    const got = valueAt(actual, path);
    if (got === expected) c.equalFields++;
    else c.differences.push({ path, expected, actual: got });
  }
  return c;
}

// ---------------------------------------------------------------- a whole sample set

export interface Sample {
  file: string;
  /** Request path with its prefix: /api/f1/… (ergast.com recordings) or /ergast/f1/… (Jolpica's). */
  url: string;
  /** Expected HTTP status (200 unless the sample says otherwise). */
  status: number;
  body: unknown;
  /** The difference class of issue 16 a probe was written for (recorded samples: none). */
  class?: string;
  /** Instead of a whole body: the parts of the answer that can be stated exactly, by path
   * (`MRData.RaceTable.Races[0].Laps[0].number`; `….length` is a list's length). */
  fields?: Record<string, string>;
  /** Paths of the answer the probe cannot state (not compared). */
  unstated?: string[];
}

/** Reads the `*.json` samples of a folder: recorded responses, or `{ status, url, body }` for error cases. */
export function readSamples(dir: string): Sample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as O;
      if (!('MRData' in json) && typeof json.url === 'string')
        return {
          file,
          url: json.url,
          status: Number(json.status ?? 200),
          body: json.body,
          ...(typeof json.class === 'string' ? { class: json.class } : {}),
          ...(isObj(json.fields) ? { fields: json.fields as Record<string, string> } : {}),
          ...(Array.isArray(json.unstated) ? { unstated: json.unstated as string[] } : {}),
        };
      const mrdata = json.MRData as { url?: string } | undefined;
      // Samples recorded from ergast.com live under /api/f1, Jolpica's under /ergast/f1.
      const prefix = mrdata?.url?.includes('/api/f1/') ? '/api/f1' : '/ergast/f1';
      return { file, url: prefix + samplePath(file), status: 200, body: json };
    });
}

export interface SampleResult extends Comparison {
  file: string;
  url: string;
  class?: string;
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
    // A status mismatch differs in every stated field (at least the status); an error probe states the status.
    const stated = s.fields ? Object.keys(s.fields).length : s.body !== undefined ? leaves(s.body) : 0;
    const cmp: Comparison =
      s.status !== res.status
        ? { differences: [], fields: Math.max(1, stated), equalFields: 0 }
        : s.fields
          ? compareFields(s.fields, res.body)
          : s.body !== undefined
            ? compareResponses(s.body, withoutPaths(res.body, s.unstated ?? []))
            : { differences: [], fields: 1, equalFields: 1 };
    out.push({
      ...cmp,
      file: s.file,
      url: s.url,
      ...(s.class ? { class: s.class } : {}),
      status: { expected: s.status, actual: res.status },
    });
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

export interface ClassRow {
  class: string;
  responses: number;
  /** Responses with a difference or a status mismatch. */
  differingResponses: number;
  statusMismatches: number;
  fields: number;
  differingFields: number;
}

/** Per difference class (a probe's `class`; recorded samples count as `recorded`): responses and fields
 * differing. */
export function classTable(reports: ConformanceReport[]): ClassRow[] {
  const rows = new Map<string, ClassRow>();
  for (const s of reports.flatMap((r) => r.samples)) {
    const k = s.class ?? 'recorded';
    let row = rows.get(k);
    if (!row)
      rows.set(
        k,
        (row = {
          class: k,
          responses: 0,
          differingResponses: 0,
          statusMismatches: 0,
          fields: 0,
          differingFields: 0,
        }),
      );
    const statusOff = s.status.expected !== s.status.actual;
    row.responses++;
    row.statusMismatches += statusOff ? 1 : 0;
    row.fields += s.fields;
    row.differingFields += s.fields - s.equalFields;
    if (statusOff || s.differences.length) row.differingResponses++;
  }
  return [...rows.values()].sort((a, b) => a.class.localeCompare(b.class));
}

/** The class table as text: class, responses differing / probed, fields differing / compared. */
export function formatClassTable(rows: ClassRow[]): string {
  const head = ['class', 'responses differing', 'fields differing', 'status mismatches'];
  const body = rows.map((r) => [
    r.class,
    `${r.differingResponses}/${r.responses}`,
    `${r.differingFields}/${r.fields}`,
    String(r.statusMismatches),
  ]);
  const sum = (f: (r: ClassRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  body.push([
    'total',
    `${sum((r) => r.differingResponses)}/${sum((r) => r.responses)}`,
    `${sum((r) => r.differingFields)}/${sum((r) => r.fields)}`,
    String(sum((r) => r.statusMismatches)),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}
