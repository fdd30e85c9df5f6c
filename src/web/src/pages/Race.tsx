// Race detail: facts, podium, classification (grid delta, retirement reasons), qualifying Q1–Q3, sprint,
// pit stops, a stint chart by compound where lap data exists, and the prediction for races not yet run.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../lib/useApi.ts';
import { formatPenalty } from '../lib/time.ts';
import { teamColour } from '../lib/teams.ts';
import { Async, Empty } from '../components/Status.tsx';
import { DriverCell, tyreInfo } from '../components/Bits.tsx';
import { PredictionTable } from '../components/PredictionTable.tsx';
import { WeatherPanel } from '../components/WeatherPanel.tsx';
import type { ClassificationRow, PitStopRow, QualifyingRow, RaceDetail } from '../types.ts';
import type { PitStrategy } from '../../../analysis/strategy/service.ts';

type Tab =
  'race' | 'qualifying' | 'sprint' | 'sprintQualifying' | 'pits' | 'strategy' | 'prediction' | 'weather';

export function RacePage() {
  const { year: y, round: r } = useParams();
  const year = Number(y);
  const round = Number(r);
  const race = useApi<RaceDetail>(`/api/races/${year}/${round}`);
  return (
    <Async res={race} lines={12}>
      {(d) => <Race d={d} />}
    </Async>
  );
}

function Race({ d }: { d: RaceDetail }) {
  const run = d.classification.length > 0;
  // Races not yet run lead with the prediction; sessions already run this weekend follow.
  const available: [Tab, string, boolean][] = [
    ['prediction', 'Prediction', !run],
    ['race', 'Race', run],
    ['qualifying', 'Qualifying', d.qualifying.length > 0],
    ['sprint', 'Sprint', !!d.sprint?.length],
    ['sprintQualifying', 'Sprint Quali', !!d.sprintQualifying?.length],
    ['pits', 'Pit stops', d.pitStops.length > 0],
    ['strategy', 'Stints', run && d.year >= 2018],
    ['weather', 'Weather', d.year >= 2018],
  ];
  const tabs = available.filter(([, , shown]) => shown).map(([id, label]) => [id, label] as [Tab, string]);
  const [tab, setTab] = useState<Tab>(tabs[0]?.[0] ?? 'prediction');

  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted mono small">
            <Link to={`/calendar`}>{d.year}</Link> · ROUND {d.round}
            {d.sprintWeekend && (
              <span className="badge sprint" style={{ marginLeft: 8 }}>
                Sprint
              </span>
            )}
          </div>
          <h1 data-testid="race-title">{d.name}</h1>
          <div className="muted">
            {d.circuit.fullName}
            {d.circuit.placeName ? ` · ${d.circuit.placeName}` : ''}
            {d.circuit.country ? `, ${d.circuit.country}` : ''} · {d.date}
          </div>
        </div>
        <div className="controls">
          {d.round > 1 && (
            <Link className="btn small" to={`/race/${d.year}/${d.round - 1}`}>
              ← Prev
            </Link>
          )}
          <Link className="btn small" to={`/race/${d.year}/${d.round + 1}`}>
            Next →
          </Link>
        </div>
      </div>

      <div className="panel facts" style={{ marginBottom: '1rem' }}>
        <Fact k="Laps" v={d.laps} />
        <Fact k="Distance" v={d.distanceKm !== null ? `${d.distanceKm.toFixed(1)} km` : null} />
        <Fact k="Lap length" v={d.circuit.lengthKm !== null ? `${d.circuit.lengthKm.toFixed(3)} km` : null} />
        <Fact k="Turns" v={d.circuit.turns} />
        <Fact k="Direction" v={d.circuit.direction?.toLowerCase().replace(/_/g, ' ')} />
        {d.fastestLap && (
          <Fact
            k="Fastest lap"
            v={`${d.fastestLap.driver.code ?? d.fastestLap.driver.name} ${d.fastestLap.time ?? ''}`}
          />
        )}
        {d.driverOfTheDay && <Fact k="Driver of the day" v={d.driverOfTheDay.name} />}
      </div>

      {d.podium.length > 0 && <Podium rows={d.podium} />}
      {!run && (
        <div className="banner info">
          This race has not been run yet{d.status === 'awaiting_results' ? ' in the data' : ''}.
        </div>
      )}

      <div className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'on' : ''}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="panel">
        {tab === 'race' && <Classification rows={d.classification} />}
        {tab === 'sprint' && d.sprint && <Classification rows={d.sprint} />}
        {tab === 'qualifying' && <Qualifying rows={d.qualifying} />}
        {tab === 'sprintQualifying' && d.sprintQualifying && <Qualifying rows={d.sprintQualifying} />}
        {tab === 'pits' && <PitStops rows={d.pitStops} />}
        {tab === 'strategy' && <Stints year={d.year} round={d.round} />}
        {tab === 'prediction' && <PredictionTable year={d.year} round={d.round} />}
        {tab === 'weather' && <WeatherPanel year={d.year} round={d.round} />}
      </div>
    </>
  );
}

function Fact({ k, v }: { k: string; v: string | number | null | undefined }) {
  if (v === null || v === undefined || v === '') return null;
  return (
    <div className="fact">
      <div className="k">{k}</div>
      <div className="v">{v}</div>
    </div>
  );
}

function Podium({ rows }: { rows: ClassificationRow[] }) {
  const order = [rows[1], rows[0], rows[2]];
  return (
    <div className="podium" style={{ marginBottom: '1rem' }} data-testid="podium">
      {order.map((row, i) =>
        row ? (
          <div
            key={row.driver.id}
            className={`step p${row.position}`}
            style={{ ['--team' as string]: teamColour(row.team.id) }}
          >
            <div className="p">P{row.position}</div>
            <div style={{ fontWeight: 800 }} data-testid={row.position === 1 ? 'winner' : undefined}>
              {row.driver.name}
            </div>
            <div className="muted small">{row.team.name}</div>
            <div className="mono small">{row.timeOrGap}</div>
          </div>
        ) : (
          <div key={i} />
        ),
      )}
    </div>
  );
}

function Classification({ rows }: { rows: ClassificationRow[] }) {
  if (rows.length === 0) return <Empty>No classification.</Empty>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data" data-testid="classification">
        <thead>
          <tr>
            <th>Pos</th>
            <th>Driver</th>
            <th>Time / status</th>
            <th className="num">Pts</th>
            <th className="num">Grid</th>
            <th className="num">±</th>
            <th className="num">Laps</th>
            <th className="num">No.</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.driver.id}-${r.positionText}`}>
              <td className="pos">{r.positionText}</td>
              <td>
                <DriverCell name={r.driver.name} code={r.driver.code} teamId={r.team.id} sub={r.team.name} />
                {r.fastestLap && (
                  <span className="badge" style={{ marginLeft: 6, color: 'var(--purple)' }}>
                    FL
                  </span>
                )}
              </td>
              <td
                className={
                  r.position === null || (r.status !== 'Finished' && !r.status.startsWith('+'))
                    ? 'time dnf'
                    : 'time mono'
                }
              >
                {r.position !== null && r.timeOrGap ? r.timeOrGap : (r.retirementReason ?? r.status)}
                {r.position !== null && r.timeOrGap && r.retirementReason && (
                  <span className="muted small"> ({r.retirementReason})</span>
                )}
                {r.timePenalty && (
                  <span className="muted small"> incl. {formatPenalty(r.timePenalty)} penalty</span>
                )}
              </td>
              <td className="num">{r.points ? r.points : ''}</td>
              <td className="num">{r.gridText ?? '—'}</td>
              <td
                className={`num ${r.placesGained === null ? '' : r.placesGained > 0 ? 'gain' : r.placesGained < 0 ? 'loss' : ''}`}
              >
                {r.placesGained === null
                  ? ''
                  : r.placesGained > 0
                    ? `▲${r.placesGained}`
                    : r.placesGained < 0
                      ? `▼${-r.placesGained}`
                      : '='}
              </td>
              <td className="num">{r.laps ?? ''}</td>
              <td className="num">{r.number}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Qualifying({ rows }: { rows: QualifyingRow[] }) {
  if (rows.length === 0) return <Empty>No qualifying results.</Empty>;
  const segmented = rows.some((r) => r.q1 || r.q2 || r.q3);
  // The fastest time in each segment is purple.
  const best = (k: 'q1' | 'q2' | 'q3') =>
    rows
      .map((r) => r[k])
      .filter((t): t is string => !!t)
      .sort(byLapTime)[0];
  const bests = { q1: best('q1'), q2: best('q2'), q3: best('q3') };
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data" data-testid="qualifying">
        <thead>
          <tr>
            <th>Pos</th>
            <th>Driver</th>
            {segmented ? (
              <>
                <th className="num">Q1</th>
                <th className="num">Q2</th>
                <th className="num">Q3</th>
              </>
            ) : (
              <th className="num">Time</th>
            )}
            <th className="num">Gap</th>
            <th className="num">Laps</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.driver.id}>
              <td className="pos">{r.positionText}</td>
              <td>
                <DriverCell name={r.driver.name} code={r.driver.code} teamId={r.team.id} sub={r.team.name} />
              </td>
              {segmented ? (
                (['q1', 'q2', 'q3'] as const).map((k) => (
                  <td key={k} className={`num ${r[k] && r[k] === bests[k] ? 's-purple' : ''}`}>
                    {r[k] ?? ''}
                  </td>
                ))
              ) : (
                <td className="num">{r.time ?? ''}</td>
              )}
              <td className="num muted">{r.gap ?? ''}</td>
              <td className="num">{r.laps ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "1:23.456" or "83.456" → seconds, for ordering. */
function lapSeconds(t: string): number {
  const parts = t.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}
const byLapTime = (a: string, b: string) => lapSeconds(a) - lapSeconds(b);

function PitStops({ rows }: { rows: PitStopRow[] }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data">
        <thead>
          <tr>
            <th>Driver</th>
            <th className="num">Stop</th>
            <th className="num">Lap</th>
            <th className="num">Pit lane</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.driver.id}-${r.stop}`}>
              <td>
                <DriverCell name={r.driver.name} code={r.driver.code} teamId={r.team.id} />
              </td>
              <td className="num">{r.stop}</td>
              <td className="num">{r.lap ?? ''}</td>
              <td className="num">{r.duration ? `${r.duration} s` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Stints per driver as coloured bars by compound, from the lap tables (analysis API). */
function Stints({ year, round }: { year: number; round: number }) {
  const res = useApi<PitStrategy>(`/api/strategy/${year}/${round}`);
  return (
    <Async res={res} lines={10}>
      {(s) => {
        if (!s.hasLapData || s.stints.length === 0)
          return <Empty>No lap data for this race, so no stint chart.</Empty>;
        const drivers = [...new Set(s.stints.map((x) => x.driver))];
        const laps = s.laps ?? Math.max(...s.stints.map((x) => x.endLap));
        const rowH = 18;
        const left = 48;
        const width = 760;
        const scale = (lap: number) => left + ((lap - 1) / laps) * (width - left - 8);
        return (
          <>
            <svg
              className="chart"
              viewBox={`0 0 ${width} ${drivers.length * rowH + 24}`}
              width="100%"
              data-testid="stint-chart"
              role="img"
              aria-label="Tyre stints per driver in finishing order, bars coloured by compound"
            >
              {drivers.map((d, i) => (
                <g key={d} transform={`translate(0 ${i * rowH})`}>
                  <text x={0} y={13} className="mono">
                    {d}
                  </text>
                  {s.stints
                    .filter((x) => x.driver === d)
                    .map((x) => (
                      <rect
                        key={x.stint}
                        x={scale(x.startLap)}
                        y={2}
                        width={Math.max(2, scale(x.endLap + 1) - scale(x.startLap) - 1)}
                        height={rowH - 5}
                        rx={3}
                        fill={tyreInfo(x.compound)[1]}
                        opacity={x.freshTyres === false ? 0.6 : 0.95}
                      >
                        <title>
                          {`${d} stint ${x.stint}: ${x.compound}${x.compoundName ? ` (${x.compoundName})` : ''}, laps ${x.startLap}–${x.endLap}${x.degradationPerLap !== null ? `, ${x.degradationPerLap.toFixed(3)} s/lap` : ''}`}
                        </title>
                      </rect>
                    ))}
                </g>
              ))}
              {[1, Math.round(laps / 4), Math.round(laps / 2), Math.round((3 * laps) / 4), laps].map((l) => (
                <text key={l} x={scale(l)} y={drivers.length * rowH + 16} textAnchor="middle">
                  L{l}
                </text>
              ))}
            </svg>
            <div className="controls small muted" data-testid="stint-legend" aria-label="Compound legend">
              {['SOFT', 'MEDIUM', 'HARD', 'INTERMEDIATE', 'WET'].map((c) => (
                <span key={c}>
                  <span className="teambar" style={{ ['--team' as string]: tyreInfo(c)[1] }} />
                  {c.toLowerCase()}
                </span>
              ))}
              {s.pitLoss.pitLoss !== null && (
                <span>
                  · pit loss ≈ {s.pitLoss.pitLoss.toFixed(1)} s ({s.pitLoss.source})
                </span>
              )}
            </div>
            {s.degradation.length > 0 && (
              <table className="data" style={{ marginTop: '0.75rem', maxWidth: 480 }}>
                <thead>
                  <tr>
                    <th>Compound</th>
                    <th className="num">Degradation</th>
                  </tr>
                </thead>
                <tbody>
                  {s.degradation.map((g) => (
                    <tr key={g.compound}>
                      <td>{g.compound.toLowerCase()}</td>
                      <td className="num">
                        {g.degradationPerLap.toFixed(3)} s/lap{' '}
                        <span className="muted">({g.stints} stints)</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        );
      }}
    </Async>
  );
}
