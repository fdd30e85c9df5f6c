// Weather for a race from the analysis API: rain risk, the forecast around the start when one exists,
// and what the weather was at earlier editions of the race at this circuit.
import { useApi } from '../lib/useApi.ts';
import { BROWSER_TZ, formatTime } from '../lib/time.ts';
import { Async, Empty } from './Status.tsx';
import type { WeatherReport } from '../../../analysis/weather/service.ts';

const one = (n: number | null | undefined, unit: string) =>
  n === null || n === undefined ? '—' : `${n.toFixed(1)}${unit}`;

export function WeatherPanel({ year, round }: { year: number; round: number }) {
  const res = useApi<WeatherReport>(`/api/weather/${year}/${round}`);
  return (
    <Async res={res} lines={6}>
      {(w) => (
        <div className="grid">
          <div className={`banner ${w.rainRisk.level === 'high' ? 'stale' : 'info'}`} data-testid="rain-risk">
            <span>
              <strong>{w.rainRisk.headline}</strong> — {w.rainRisk.note}
            </span>
          </div>
          {w.forecastAvailable && w.raceWindow.length > 0 ? (
            <div className="table-wrap" tabIndex={0}>
              <h3>Forecast around the start</h3>
              <table className="data">
                <thead>
                  <tr>
                    <th>Time ({BROWSER_TZ})</th>
                    <th>Conditions</th>
                    <th className="num">Air</th>
                    <th className="num">Rain chance</th>
                    <th className="num">Wind</th>
                  </tr>
                </thead>
                <tbody>
                  {w.raceWindow.map((h) => (
                    <tr key={h.time}>
                      <td className="mono">{formatTime(h.time, BROWSER_TZ)}</td>
                      <td>{h.conditions}</td>
                      <td className="num">{one(h.airTempC, '°C')}</td>
                      <td className="num">
                        {h.rainProbabilityPct === null ? '—' : `${h.rainProbabilityPct}%`}
                      </td>
                      <td className="num">{one(h.windSpeedKph, ' km/h')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            w.status === 'upcoming' && (
              <p className="muted small">Forecast unavailable (offline or beyond the forecast horizon).</p>
            )
          )}
          {w.history.length === 0 ? (
            <Empty>No recorded weather for this race.</Empty>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <h3>Recorded at this race</h3>
              <table className="data">
                <thead>
                  <tr>
                    <th>Year</th>
                    <th className="num">Air (mean)</th>
                    <th className="num">Track (mean)</th>
                    <th className="num">Humidity</th>
                    <th className="num">Laps on wets/inters</th>
                    <th>Wet race</th>
                  </tr>
                </thead>
                <tbody>
                  {w.history.map((h) => (
                    <tr key={`${h.year}-${h.round}`}>
                      <td>{h.year}</td>
                      <td className="num">{one(h.recorded?.airTempC?.mean, '°C')}</td>
                      <td className="num">{one(h.recorded?.trackTempC?.mean, '°C')}</td>
                      <td className="num">
                        {h.recorded?.humidityPct != null ? `${Math.round(h.recorded.humidityPct)}%` : '—'}
                      </td>
                      <td className="num">
                        {h.wetLapShare !== null ? `${Math.round(h.wetLapShare * 100)}%` : '—'}
                      </td>
                      <td>
                        {h.wet === null ? '—' : h.wet ? <span className="badge warn">Wet</span> : 'Dry'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {w.notes.length > 0 && <p className="muted small">{w.notes.join(' ')}</p>}
        </div>
      )}
    </Async>
  );
}
