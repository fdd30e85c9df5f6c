// Pure: a provisional classification from the live timing state at the end of a session (the tower's
// running order, laps, gaps, retirements as the feed shows them), or from OpenF1's session_result records.
import type { ProvisionalRow } from '../../store/provisional.ts';
import type { DriverState, SessionState } from '../../live/types.ts';

// SessionStatus after the flag: Finished, then Finalised (classification official) and Ends.
const FINISHED = new Set(['Finished', 'Finalised', 'Ends']);

export function isFinished(state: SessionState): boolean {
  return FINISHED.has(state.status);
}

/** The classification the timing tower shows: cars in running order, retired cars after the classified. */
export function classificationFromState(state: SessionState): ProvisionalRow[] {
  const cars = state.order
    .map((n) => state.drivers[n])
    .filter((d): d is DriverState => d !== undefined && d.position !== null);
  if (cars.length === 0) return [];
  const running = cars.filter((d) => !d.retired);
  const out = [...running, ...cars.filter((d) => d.retired)];
  return out.map((d, i) => ({
    position: d.retired ? null : i + 1,
    positionText: d.retired ? 'DNF' : String(i + 1),
    driverNumber: d.number,
    code: d.tla || null,
    name: d.name || null,
    team: d.team || null,
    laps: d.laps > 0 ? d.laps : null,
    gap: i === 0 ? null : d.gapToLeader || null,
    retired: d.retired,
  }));
}

/** An OpenF1 `/v1/session_result` record (race or sprint). */
export interface OpenF1SessionResult {
  driver_number: number;
  position: number | null;
  number_of_laps?: number | null;
  gap_to_leader?: number | string | null;
  dnf?: boolean;
  dns?: boolean;
  dsq?: boolean;
}

export function classificationFromOpenF1(
  results: readonly OpenF1SessionResult[],
  who: (number: string) => { code: string | null; name: string | null; team: string | null } = () => ({
    code: null,
    name: null,
    team: null,
  }),
): ProvisionalRow[] {
  return [...results]
    .sort((a, b) => (a.position ?? 999) - (b.position ?? 999))
    .map((r) => {
      const n = String(r.driver_number);
      const status = r.dsq ? 'DSQ' : r.dns ? 'DNS' : r.dnf ? 'DNF' : null;
      const gap = r.gap_to_leader;
      return {
        position: status ? null : r.position,
        positionText: status ?? String(r.position ?? ''),
        driverNumber: n,
        ...who(n),
        laps: r.number_of_laps ?? null,
        gap:
          typeof gap === 'number'
            ? gap === 0
              ? null
              : `+${gap.toFixed(3)}`
            : typeof gap === 'string'
              ? gap
              : null,
        retired: status !== null,
      };
    });
}
