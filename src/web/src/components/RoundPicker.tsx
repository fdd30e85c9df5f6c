// Round select for a season, from its schedule; by default the next round to run (or the last one).
import { useEffect } from 'react';
import { useApi } from '../lib/useApi.ts';
import type { Schedule } from '../types.ts';

export function RoundPicker({
  year,
  value,
  onChange,
  only,
}: {
  year: number;
  value: number | undefined;
  onChange: (round: number) => void;
  /** Restrict to rounds with results ('run') or without ('upcoming'). */
  only?: 'run' | 'upcoming';
}) {
  const schedule = useApi<Schedule>(`/api/schedule/${year}`);
  const rounds = (schedule.data?.rounds ?? []).filter((r) =>
    only === 'run' ? r.hasResults : only === 'upcoming' ? !r.hasResults : true,
  );
  useEffect(() => {
    const s = schedule.data;
    if (!s || s.year !== year || (value !== undefined && rounds.some((r) => r.round === value))) return;
    const preferred = s.nextRound ?? s.lastCompletedRound ?? s.rounds[0]?.round;
    const fallback = rounds.find((r) => r.round === preferred) ?? rounds[rounds.length - 1];
    if (fallback) onChange(fallback.round);
  }, [schedule.data, year, value, rounds, onChange]);
  return (
    <select
      aria-label="Round"
      value={value ?? ''}
      onChange={(e) => onChange(Number(e.target.value))}
      disabled={!schedule.data}
    >
      {rounds.map((r) => (
        <option key={r.round} value={r.round}>
          R{r.round} · {r.name}
          {r.hasResults ? ' ✓' : ''}
        </option>
      ))}
    </select>
  );
}
