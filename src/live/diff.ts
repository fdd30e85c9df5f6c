// Deltas between two states: changed fields only. Objects merge key by key, arrays are replaced whole, and a
// value is set as sent — null included (a car's position, gap or tyre can be null). The state's keys are fixed,
// so nothing is ever deleted; a key missing from the new state is sent as null. The reducer shares unchanged
// sub-objects, so identity checks skip most of the tree.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The delta turning `prev` into `next`, or undefined when nothing changed. */
export function diff(prev: unknown, next: unknown): Record<string, unknown> | undefined {
  if (prev === next || !isObject(prev) || !isObject(next)) return undefined;
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [k, v] of Object.entries(next)) {
    const p = prev[k];
    if (p === v) continue;
    if (isObject(p) && isObject(v)) {
      const d = diff(p, v);
      if (d) {
        out[k] = d;
        changed = true;
      }
    } else if (!deepEqual(p, v) || !(k in prev)) {
      out[k] = v === undefined ? null : v;
      changed = true;
    }
  }
  for (const k of Object.keys(prev)) {
    if (!(k in next)) {
      out[k] = null;
      changed = true;
    }
  }
  return changed ? out : undefined;
}

/** Applies a delta produced by `diff` (what clients do). Returns a new object. */
export function applyDelta<T>(state: T, delta: Record<string, unknown>): T {
  const base = (isObject(state) ? { ...state } : {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(delta)) {
    if (k === '__proto__' || k === 'constructor') continue;
    if (isObject(v) && isObject(base[k])) base[k] = applyDelta(base[k], v);
    else base[k] = v as Json;
  }
  return base as T;
}
