// Championship scenario: after any round, who can still win, points still available, what each contender
// needs next time out — and an interactive what-if: set the next race's finishing order, see the new table.
import { useEffect, useState } from 'react';
import { api, ApiError, qs } from '../api.ts';
import { useApi } from '../lib/useApi.ts';
import { Async, Empty, ErrorBanner } from '../components/Status.tsx';
import { SeasonPicker, currentYear } from '../components/Bits.tsx';
import { useSeasonRound } from '../lib/useUrlParams.ts';
import { RoundPicker } from '../components/RoundPicker.tsx';
import type { DriverScenario, WhatIfResult } from '../../../analysis/scenario/service.ts';

export function ScenarioPage() {
  // Season and round live in the URL, so a page can be linked to and survives a reload.
  const { year, round, setYear, setRound } = useSeasonRound(currentYear());
  const scenario = useApi<DriverScenario>(
    round !== undefined ? `/api/scenario/${year}${qs({ round })}` : null,
  );
  return (
    <>
      <div className="page-head">
        <h1>Title scenario</h1>
        <div className="controls">
          <SeasonPicker value={year} onChange={setYear} />
          <span className="muted small">after</span>
          <RoundPicker year={year} value={round} onChange={setRound} only="run" />
        </div>
      </div>
      <Async res={scenario} lines={8}>
        {(s) => (
          <>
            <div className="panel hero" style={{ marginBottom: '1rem' }}>
              <div>
                <h3>After round {s.afterRound}</h3>
                <p style={{ margin: 0 }} data-testid="scenario-summary">
                  {s.summary}
                </p>
              </div>
              <div className="facts">
                <div className="fact">
                  <div className="k">Races left</div>
                  <div className="v">{s.racesRemaining}</div>
                </div>
                <div className="fact">
                  <div className="k">Sprints left</div>
                  <div className="v">{s.sprintsRemaining}</div>
                </div>
                <div className="fact">
                  <div className="k">Points left</div>
                  <div className="v">{s.pointsRemaining}</div>
                </div>
              </div>
            </div>
            <div className="panel table-wrap" tabIndex={0} style={{ marginBottom: '1rem' }}>
              {s.contenders.length === 0 ? (
                <Empty>No contenders.</Empty>
              ) : (
                <table className="data" data-testid="contenders">
                  <thead>
                    <tr>
                      <th>Pos</th>
                      <th>Driver</th>
                      <th className="num">Points</th>
                      <th>Status</th>
                      <th className="num">Gap</th>
                      <th className="num">Max possible</th>
                      <th>Outlook</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.contenders.map((c) => (
                      <tr key={c.driverId}>
                        <td className="pos">{c.position}</td>
                        <td>
                          <strong>{c.name}</strong>
                        </td>
                        <td className="num">{c.points}</td>
                        <td>
                          {c.clinched ? (
                            <span className="badge next">Champion</span>
                          ) : c.canClinchAtNextRound ? (
                            <span className="badge warn">Can clinch next</span>
                          ) : c.inTheFight ? (
                            <span className="badge">In the fight</span>
                          ) : c.canStillWin ? (
                            <span className="badge done">Outside chance</span>
                          ) : (
                            <span className="badge done">Out</span>
                          )}
                        </td>
                        <td className="num muted">{c.gapToLeader ? `-${c.gapToLeader}` : '—'}</td>
                        <td className="num">{c.maxPossiblePoints}</td>
                        <td className="small muted why">{c.summary}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            {!s.decided && s.remaining[0] && <WhatIf year={year} afterRound={s.afterRound} scenario={s} />}
          </>
        )}
      </Async>
    </>
  );
}

function WhatIf({
  year,
  afterRound,
  scenario,
}: {
  year: number;
  afterRound: number;
  scenario: DriverScenario;
}) {
  const next = scenario.remaining[0]!;
  const drivers = useApi<{ standings: { driver: { id: string; name: string } }[] }>(
    `/api/standings/drivers/${year}${qs({ round: afterRound || undefined })}`,
  );
  const field = drivers.data?.standings.map((s) => s.driver) ?? [];
  const [order, setOrder] = useState<string[]>([]);
  const [result, setResult] = useState<WhatIfResult>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setOrder(field.slice(0, 10).map((d) => d.id));
    setResult(undefined);
    // Reset only when a new field arrives, not on every render of the derived list.
  }, [drivers.data]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<WhatIfResult>(`/api/scenario/${year}/what-if`, {
        method: 'POST',
        body: { afterRound, results: [{ round: next.round, order: order.filter(Boolean) }] },
      });
      setResult(r.data);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('http', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid two">
      <div className="panel">
        <h2>
          What if… R{next.round} {next.name}
        </h2>
        <p className="muted small">
          Set the top ten at the next race and see the table and the title picture.
        </p>
        {drivers.error && <ErrorBanner error={drivers.error} onRetry={drivers.reload} />}
        <div style={{ display: 'grid', gap: '0.35rem', gridTemplateColumns: 'auto 1fr' }}>
          {order.map((id, i) => (
            <label key={i} style={{ display: 'contents' }}>
              <span className="pos mono">P{i + 1}</span>
              <select
                aria-label={`P${i + 1}`}
                value={id}
                onChange={(e) =>
                  setOrder((o) => o.map((x, j) => (j === i ? e.target.value : x === e.target.value ? id : x)))
                }
              >
                {field.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <button
          className="btn primary"
          style={{ marginTop: '0.75rem' }}
          disabled={busy || order.length === 0}
          onClick={run}
        >
          {busy ? 'Calculating…' : 'Apply result'}
        </button>
      </div>
      <div className="panel table-wrap" tabIndex={0}>
        {error && <ErrorBanner error={error} onRetry={run} />}
        {!result && !error && <p className="muted">The new standings appear here.</p>}
        {result && (
          <>
            <p data-testid="whatif-summary">{result.scenario.summary}</p>
            <table className="data">
              <thead>
                <tr>
                  <th>Pos</th>
                  <th>Driver</th>
                  <th className="num">Points</th>
                  <th className="num">Gained</th>
                </tr>
              </thead>
              <tbody>
                {result.standings.slice(0, 12).map((s) => (
                  <tr key={s.driverId}>
                    <td className="pos">{s.position}</td>
                    <td>{s.name}</td>
                    <td className="num">{s.points}</td>
                    <td className="num gain">{s.gained ? `+${s.gained}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </div>
  );
}
