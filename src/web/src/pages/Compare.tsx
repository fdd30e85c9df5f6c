// Driver compare: season head-to-head of two drivers — qualifying and race duels, points, averages, and
// each round side by side, with a position chart.
import { useEffect } from 'react';
import { useApi } from '../lib/useApi.ts';
import { useUrlParams } from '../lib/useUrlParams.ts';
import { teamColour } from '../lib/teams.ts';
import { Async, Empty } from '../components/Status.tsx';
import { SeasonPicker, currentYear } from '../components/Bits.tsx';
import { LineChart } from '../components/LineChart.tsx';
import type { Comparison, DriverSeasonSummary } from '../../../data/queries/compare.ts';
import type { DriverListItem } from '../types.ts';

export function ComparePage() {
  const [params, setParams] = useUrlParams();
  const year = Number(params.get('year')) || currentYear();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const set = (k: string, v: string) => setParams({ [k]: v });
  const drivers = useApi<{ drivers: DriverListItem[] }>(`/api/drivers?year=${year}`);
  const table = useApi<{ standings: { driver: { id: string } }[] }>(`/api/standings/drivers/${year}`);
  const list = drivers.data?.drivers ?? [];

  // Default to the top two of the championship (or the first two entrants listed).
  useEffect(() => {
    if (list.length < 2 || (table.loading && !table.error)) return;
    const has = (id: string) => list.some((d) => d.id === id);
    if (has(a) && has(b)) return;
    const ranked = [
      ...(table.data?.standings.map((s) => s.driver.id) ?? []),
      ...list.map((d) => d.id),
    ].filter(has);
    const first = has(a) ? a : ranked[0]!;
    const second = has(b) && b !== first ? b : ranked.find((id) => id !== first)!;
    setParams({ a: first, b: second });
  }, [list, table.data, table.loading, table.error, a, b, setParams]);

  const ready = a && b && a !== b && list.some((d) => d.id === a) && list.some((d) => d.id === b);
  const cmp = useApi<Comparison>(
    ready ? `/api/compare/${year}/${encodeURIComponent(a)}/${encodeURIComponent(b)}` : null,
  );

  const picker = (key: 'a' | 'b', value: string) => (
    <select
      aria-label={`Driver ${key.toUpperCase()}`}
      value={value}
      onChange={(e) => set(key, e.target.value)}
    >
      {list.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </select>
  );

  return (
    <>
      <div className="page-head">
        <h1>Driver compare</h1>
        <div className="controls">
          <SeasonPicker value={year} onChange={(y) => set('year', String(y))} />
          {picker('a', a)}
          <span className="muted">vs</span>
          {picker('b', b)}
        </div>
      </div>
      {drivers.error && <Async res={drivers}>{() => null}</Async>}
      {a === b && a && <Empty>Pick two different drivers.</Empty>}
      {ready ? (
        <Async res={cmp} lines={10}>
          {(c) => <CompareView c={c} />}
        </Async>
      ) : null}
    </>
  );
}

function Card({ s, side }: { s: DriverSeasonSummary; side: 'a' | 'b' }) {
  const team = s.teams[s.teams.length - 1];
  return (
    <div
      className="panel"
      style={{ borderTop: `4px solid ${teamColour(team?.id)}` }}
      data-testid={`compare-${side}`}
    >
      <h2 style={{ marginBottom: 0 }}>{s.driver.name}</h2>
      <div className="muted small">{s.teams.map((t) => t.name).join(' / ')}</div>
      <div className="facts" style={{ marginTop: '0.75rem' }}>
        <div className="fact">
          <div className="k">Champ.</div>
          <div className="v">{s.championshipPosition ? `P${s.championshipPosition}` : '—'}</div>
        </div>
        <div className="fact">
          <div className="k">Points</div>
          <div className="v">{s.points}</div>
        </div>
        <div className="fact">
          <div className="k">Wins</div>
          <div className="v">{s.wins}</div>
        </div>
        <div className="fact">
          <div className="k">Podiums</div>
          <div className="v">{s.podiums}</div>
        </div>
        <div className="fact">
          <div className="k">Poles</div>
          <div className="v">{s.poles}</div>
        </div>
        <div className="fact">
          <div className="k">Avg finish</div>
          <div className="v">{s.averageFinish ?? '—'}</div>
        </div>
        <div className="fact">
          <div className="k">Avg quali</div>
          <div className="v">{s.averageQualifying ?? '—'}</div>
        </div>
        <div className="fact">
          <div className="k">DNFs</div>
          <div className="v">{s.dnfs}</div>
        </div>
      </div>
    </div>
  );
}

function Duel({ label, a, b, ca, cb }: { label: string; a: number; b: number; ca: string; cb: string }) {
  const total = Math.max(1, a + b);
  return (
    <div style={{ marginBottom: '0.75rem' }}>
      <div className="controls" style={{ justifyContent: 'space-between' }}>
        <strong className="mono">{a}</strong>
        <h3 style={{ margin: 0 }}>{label}</h3>
        <strong className="mono">{b}</strong>
      </div>
      <div
        style={{
          display: 'flex',
          height: 8,
          borderRadius: 4,
          overflow: 'hidden',
          background: 'var(--panel-2)',
        }}
      >
        <span style={{ width: `${(a / total) * 100}%`, background: ca }} />
        <span style={{ width: `${(b / total) * 100}%`, background: cb }} />
      </div>
    </div>
  );
}

function CompareView({ c }: { c: Comparison }) {
  const ca = teamColour(c.a.teams[c.a.teams.length - 1]?.id);
  let cb = teamColour(c.b.teams[c.b.teams.length - 1]?.id);
  if (cb === ca) cb = '#f5f7fa'; // team-mates: tell them apart
  return (
    <>
      <div className="grid two" style={{ marginBottom: '1rem' }}>
        <Card s={c.a} side="a" />
        <Card s={c.b} side="b" />
      </div>
      <div className="grid two">
        <div className="panel">
          <Duel label="Qualifying" a={c.qualifying.a} b={c.qualifying.b} ca={ca} cb={cb} />
          <Duel label="Race" a={c.race.a} b={c.race.b} ca={ca} cb={cb} />
          <h3 style={{ marginTop: '1rem' }}>Finishing position by round</h3>
          <LineChart
            invert
            height={220}
            xLabels={c.rounds.map((r) => `R${r.round}`)}
            series={[
              {
                label: c.a.driver.code ?? c.a.driver.name,
                colour: ca,
                values: c.rounds.map((r) => r.a?.finish ?? null),
              },
              {
                label: c.b.driver.code ?? c.b.driver.name,
                colour: cb,
                values: c.rounds.map((r) => r.b?.finish ?? null),
                dashed: true,
              },
            ]}
          />
        </div>
        <div className="panel table-wrap" tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th>Round</th>
                <th className="num">Q {c.a.driver.code}</th>
                <th className="num">Q {c.b.driver.code}</th>
                <th className="num">R {c.a.driver.code}</th>
                <th className="num">R {c.b.driver.code}</th>
              </tr>
            </thead>
            <tbody>
              {c.rounds.map((r) => (
                <tr key={r.round}>
                  <td>
                    R{r.round} <span className="muted small">{r.name}</span>
                  </td>
                  <td className={`num ${r.qualifyingAhead === 'a' ? 's-green' : ''}`}>
                    {r.a?.qualifying ?? '—'}
                  </td>
                  <td className={`num ${r.qualifyingAhead === 'b' ? 's-green' : ''}`}>
                    {r.b?.qualifying ?? '—'}
                  </td>
                  <td
                    className={`num ${r.raceAhead === 'a' ? 's-green' : ''}`}
                    title={r.a?.retirementReason ?? ''}
                  >
                    {r.a?.finishText ?? '—'}
                  </td>
                  <td
                    className={`num ${r.raceAhead === 'b' ? 's-green' : ''}`}
                    title={r.b?.retirementReason ?? ''}
                  >
                    {r.b?.finishText ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
