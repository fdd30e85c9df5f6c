// P(win), P(podium), P(points) and expected finish for every driver of one race, from the analysis API.
import { useApi } from '../lib/useApi.ts';
import { normalisePrediction, pct } from '../lib/predictions.ts';
import { teamColour } from '../lib/teams.ts';
import { Async, Empty } from './Status.tsx';
import { DriverCell } from './Bits.tsx';

export function PredictionTable({ year, round }: { year: number; round: number }) {
  const res = useApi<unknown>(`/api/predictions/${year}/${round}`);
  return (
    <Async res={res} lines={8}>
      {(body) => {
        const p = normalisePrediction(body);
        if (p.rows.length === 0) return <Empty>No prediction for this race.</Empty>;
        return (
          <>
            {(p.stage || p.notes.length > 0) && (
              <p className="muted small">
                {p.stage && <>Based on: {p.stage}. </>}
                {p.notes.join(' ')}
              </p>
            )}
            <div className="table-wrap" tabIndex={0}>
              <table className="data" data-testid="prediction-table">
                <thead>
                  <tr>
                    <th>Driver</th>
                    <th className="num">Win</th>
                    <th className="bar" aria-hidden="true"></th>
                    <th className="num">Podium</th>
                    <th className="num">Points</th>
                    <th className="num">Expected</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r) => (
                    <tr key={r.driverId}>
                      <td>
                        <DriverCell name={r.name} code={r.code} teamId={r.teamId} sub={r.teamName} />
                      </td>
                      <td className="num">{pct(r.pWin)}</td>
                      <td className="bar">
                        <div className="prob" style={{ ['--team' as string]: teamColour(r.teamId) }}>
                          <span style={{ width: `${Math.min(100, (r.pWin ?? 0) * 100)}%` }} />
                        </div>
                      </td>
                      <td className="num">{pct(r.pPodium)}</td>
                      <td className="num">{pct(r.pPoints)}</td>
                      <td className="num">
                        {r.expected !== null ? `P${r.expected.toFixed(1)}` : '—'}
                        {r.interval && (
                          <span className="muted small">
                            {' '}
                            ({Math.round(r.interval[0])}–{Math.round(r.interval[1])})
                          </span>
                        )}
                      </td>
                      <td className="small muted why">{r.factors.slice(0, 2).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </Async>
  );
}
