// URL query parameters as page state. react-router 7's functional `setSearchParams` hands the updater the
// params of the render that created it and applies navigation in a transition, so two quick changes (pick a
// season, then a round) made before the re-render would undo each other. Merging onto `window.location`,
// which history updates synchronously, keeps every change.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type ParamChanges = Record<string, string | undefined>;

export function useUrlParams(): [
  URLSearchParams,
  (changes: ParamChanges, opts?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: ParamChanges, opts: { replace?: boolean } = { replace: true }) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      setParams(next, opts);
    },
    [setParams],
  );
  return [params, update];
}

/** `?year=` and `?round=` (Predictions, Title scenario, Standings): a bad or missing value reads as unset. */
export function useSeasonRound(defaultYear: number) {
  const [params, setParams] = useUrlParams();
  const asInt = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    params,
    setParams,
    year: asInt(params.get('year')) ?? defaultYear,
    round: asInt(params.get('round')),
    /** A new season drops the round, which belonged to the old one. */
    setYear: (year: number) => setParams({ year: String(year), round: undefined }),
    setRound: (round: number | undefined) =>
      setParams({ round: round === undefined ? undefined : String(round) }),
  };
}
