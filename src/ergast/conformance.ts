// Field-by-field comparison of an Ergast response with a recorded real one (the conformance suite's core).
// Only the host of `MRData.url` is ignored.

export interface Difference {
  /** JSON path, e.g. MRData.RaceTable.Races[0].Results[11].status */
  path: string;
  expected: unknown;
  actual: unknown;
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

export function compareErgast(expected: unknown, actual: unknown, path = ''): Difference[] {
  if (path === 'MRData.url') {
    const [e, a] = [withoutHost(expected), withoutHost(actual)];
    return e === a ? [] : [{ path, expected, actual }];
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return [{ path, expected, actual }];
    const out: Difference[] = [];
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) out.push(...compareErgast(expected[i], actual[i], `${path}[${i}]`));
    return out;
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    return keys.flatMap((k) => compareErgast(e[k], a[k], path ? `${path}.${k}` : k));
  }
  return expected === actual ? [] : [{ path, expected, actual }];
}
