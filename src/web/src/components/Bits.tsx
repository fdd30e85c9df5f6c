// Small pieces used across pages: season picker, driver/team cells, tyre badge.
import type { ReactNode } from 'react';
import { teamColour } from '../lib/teams.ts';
import { useApi } from '../lib/useApi.ts';
import type { SeasonSummary } from '../types.ts';

const THIS_YEAR = new Date().getUTCFullYear();

/** Season select fed by /api/seasons (falls back to recent years if that is unavailable). */
export function SeasonPicker({
  value,
  onChange,
  from = 1950,
}: {
  value: number;
  onChange: (y: number) => void;
  from?: number;
}) {
  const seasons = useApi<{ seasons: SeasonSummary[] }>('/api/seasons');
  const years = seasons.data
    ? seasons.data.seasons.map((s) => s.year).filter((y) => y >= from)
    : Array.from({ length: 8 }, (_, i) => THIS_YEAR - i);
  const sorted = [...new Set([...years, value])].sort((a, b) => b - a);
  return (
    <select aria-label="Season" value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {sorted.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

export function TeamBar({ teamId }: { teamId: string | null | undefined }) {
  return <span className="teambar" style={{ ['--team' as string]: teamColour(teamId) }} />;
}

export function DriverCell({
  name,
  teamId,
  code,
  sub,
}: {
  name: string;
  teamId?: string | null;
  code?: string | null;
  sub?: ReactNode;
}) {
  return (
    <span>
      <TeamBar teamId={teamId} />
      <strong>{name}</strong>
      {code && <span className="muted mono small"> {code}</span>}
      {sub && <span className="muted small driver-sub"> · {sub}</span>}
    </span>
  );
}

const TYRES: Record<string, [string, string]> = {
  SOFT: ['S', '#ef4444'],
  MEDIUM: ['M', '#facc15'],
  HARD: ['H', '#f5f5f5'],
  INTERMEDIATE: ['I', '#22c55e'],
  WET: ['W', '#3b82f6'],
};

export function tyreInfo(compound: string | null | undefined): [string, string] {
  return TYRES[(compound ?? '').toUpperCase()] ?? ['?', '#777'];
}

export function Tyre({ compound, age }: { compound: string | null | undefined; age?: number | null }) {
  const [letter, colour] = tyreInfo(compound);
  return (
    <span title={`${compound ?? 'unknown'}${age != null ? `, ${age} laps` : ''}`}>
      <span className="tyre" style={{ ['--c' as string]: colour }}>
        {letter}
      </span>
      {age != null && <span className="mono small muted"> {age}</span>}
    </span>
  );
}

export const currentYear = () => THIS_YEAR;
