// Merging F1 live-timing deltas into a topic's state, as the feed sends them: objects merge deeply,
// lists arrive as objects keyed by index, `_deleted` lists keys to drop.

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges `patch` into `target` in place and returns the result (a new value when target is not mergeable). */
export function mergeFeed(target: unknown, patch: unknown): unknown {
  if (Array.isArray(target) && isObject(patch)) {
    for (const [k, v] of Object.entries(patch)) {
      if (k === '_deleted') continue;
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i > 10_000) continue;
      target[i] = mergeFeed(target[i], v);
    }
    return target;
  }
  if (isObject(target) && isObject(patch)) {
    const deleted = patch._deleted;
    if (Array.isArray(deleted)) for (const k of deleted) delete target[String(k)];
    for (const [k, v] of Object.entries(patch)) {
      if (k === '_deleted' || k === '__proto__' || k === 'constructor') continue;
      target[k] = mergeFeed(target[k], v);
    }
    return target;
  }
  if (isObject(patch)) return mergeFeed({}, patch);
  if (Array.isArray(patch)) return patch.map((v) => mergeFeed(undefined, v));
  return patch;
}
