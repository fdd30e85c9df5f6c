// Live: timing tower, track map, race control, track status, weather, commentary from detected events,
// replay of recorded sessions (play, pause, seek, speed) and a broadcast delay — over the live WebSocket.
import { useState } from 'react';
import { useApi } from '../lib/useApi.ts';
import { useLive } from '../lib/useLive.ts';
import { clock, lapTime, replayPosition } from '../lib/live.ts';
import { useNow } from '../lib/useNow.ts';
import { teamColourFromFeed } from '../lib/teams.ts';
import { Empty, ErrorBanner } from '../components/Status.tsx';
import { Tyre } from '../components/Bits.tsx';
import { TrackMap } from '../components/TrackMap.tsx';
import type { DriverState, SessionState } from '../../../live/types.ts';
import { liveStandings } from '../../../live/points.ts';
import type { RaceDetail } from '../types.ts';

interface RecordedSession {
  id: string;
  year: number;
  round: number;
  session: string;
  name: string;
  source: string;
  durationMs: number;
}

const SESSION_NAMES: Record<string, string> = {
  R: 'Race',
  Q: 'Qualifying',
  S: 'Sprint',
  SQ: 'Sprint Quali',
  P: 'Practice',
};
const TRACK_TEXT: Record<string, string> = {
  green: 'Track clear',
  yellow: 'Yellow flag',
  sc: 'Safety car',
  vsc: 'Virtual safety car',
  vsc_ending: 'VSC ending',
  red: 'Red flag',
};

/** "2024 Bahrain Grand Prix · Race", without repeating a session name the feed already put in the name. */
function sessionTitle(meta: { year?: number; name: string; type: string }): string {
  const kind = SESSION_NAMES[meta.type] ?? meta.type;
  const name = meta.name.endsWith(` ${kind}`) ? meta.name.slice(0, -kind.length - 1) : meta.name;
  return `${meta.year ?? ''} ${name} · ${kind}`.trim();
}

export function LivePage() {
  const live = useLive('/api/live/current');
  const sessions = useApi<{ sessions: RecordedSession[] }>('/api/live/sessions');
  const [pick, setPick] = useState('');
  const [speed, setSpeed] = useState(10);
  const [delay, setDelay] = useState(0);
  // Whether this page started a replay: until then the socket follows the current session, and when that is not
  // live there is nothing to show but the way to replay one.
  const [started, setStarted] = useState(false);
  const s = live.state;
  const meta = s?.session ?? live.session;

  const recorded = [...(sessions.data?.sessions ?? [])].sort(
    (a, b) => b.year - a.year || b.round - a.round || a.session.localeCompare(b.session),
  );
  // The newest recording until the user picks one (derived, not set in an effect: an effect running after a
  // quick user pick would overwrite it).
  const chosen = pick || recorded[0]?.id || '';
  const now = useNow(500);
  const position = live.replay ? replayPosition(live.replay, now) : 0;

  const sessionsMissing = sessions.error?.kind === 'not_available';

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Live timing</h1>
          <div className="muted" data-testid="live-session">
            {meta ? sessionTitle(meta) : 'No session'}
            {meta && !meta.live && (
              <span className="badge warn" style={{ marginLeft: 8 }}>
                Replay
              </span>
            )}
            {meta?.live && (
              <span className="badge live" style={{ marginLeft: 8 }}>
                ● Live
              </span>
            )}
            {live.upstream === 'reconnecting' && (
              <span className="badge warn" style={{ marginLeft: 8 }}>
                Feed reconnecting
              </span>
            )}
          </div>
        </div>
        <div className="controls mono">
          {s?.lap.current != null && (
            <span className="badge">
              Lap {s.lap.current}
              {s.lap.total ? ` / ${s.lap.total}` : ''}
            </span>
          )}
          {s?.lap.current != null && s.lap.total != null && s.lap.total > s.lap.current && (
            <span className="badge" data-testid="laps-to-go">
              {s.lap.total - s.lap.current} to go
            </span>
          )}
          {s?.clock.remainingMs != null && <span className="badge">{clock(s.clock.remainingMs)} left</span>}
          <span className={`badge ${live.link === 'open' ? 'next' : 'warn'}`}>{live.link}</span>
        </div>
      </div>

      {live.link === 'unavailable' ? (
        <ErrorBanner error={live.error ?? 'Live timing is not available.'} onRetry={live.reconnect} />
      ) : (
        live.error && <ErrorBanner error={live.error} onRetry={live.reconnect} />
      )}

      <div className="panel" style={{ marginBottom: '1rem' }}>
        <h3>Replay &amp; delay</h3>
        {sessionsMissing ? (
          <p className="muted">Recorded sessions are not available on this server.</p>
        ) : sessions.error ? (
          <ErrorBanner error={sessions.error} onRetry={sessions.reload} />
        ) : (
          <div className="replay">
            <select
              aria-label="Recorded session"
              value={chosen}
              onChange={(e) => setPick(e.target.value)}
              style={{ maxWidth: 340 }}
            >
              {recorded.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.year} R{r.round} {r.name} · {SESSION_NAMES[r.session] ?? r.session} ({r.source})
                </option>
              ))}
            </select>
            <select
              aria-label="Replay speed"
              value={speed}
              onChange={(e) => {
                setSpeed(Number(e.target.value));
                // Only the replay this page started: a control message on the shared channel would fork a copy.
                if (started && live.replay)
                  live.send({ type: 'replay.speed', speed: Number(e.target.value) });
              }}
            >
              {[1, 2, 4, 10, 20, 30, 60].map((x) => (
                <option key={x} value={x}>
                  {x}×
                </option>
              ))}
            </select>
            <button
              className="btn primary"
              disabled={!chosen || live.link !== 'open'}
              onClick={() => {
                setStarted(true);
                live.send({ type: 'replay.start', id: chosen, speed, positionMs: 0 });
              }}
            >
              ▶ Start replay
            </button>
            {started && live.replay && (
              <>
                <button
                  className="btn"
                  onClick={() => live.send({ type: live.replay!.playing ? 'replay.pause' : 'replay.play' })}
                >
                  {live.replay.playing ? '❚❚ Pause' : '▶ Play'}
                </button>
                <input
                  type="range"
                  aria-label="Seek"
                  min={0}
                  max={live.replay.durationMs}
                  step={1000}
                  value={position}
                  onChange={(e) => live.send({ type: 'replay.seek', positionMs: Number(e.target.value) })}
                />
                <span className="mono small" data-testid="replay-position">
                  {clock(position)} / {clock(live.replay.durationMs)}
                </span>
              </>
            )}
            <label className="small muted">
              Broadcast delay{' '}
              <input
                type="number"
                min={0}
                max={300}
                value={delay}
                style={{ width: 70 }}
                onChange={(e) => setDelay(Number(e.target.value))}
              />{' '}
              s
            </label>
            <button
              className="btn small"
              disabled={live.link !== 'open'}
              onClick={() => live.send({ type: 'delay', seconds: Math.max(0, Math.min(300, delay)) })}
            >
              Apply delay
            </button>
          </div>
        )}
      </div>

      {meta && !meta.live && !started ? (
        <div className="panel" data-testid="no-live-session">
          <h3>No live session</h3>
          <p className="muted">
            Nothing is running on the live timing feed right now. Pick a recorded session above and start a
            replay to follow it on the tower, with commentary, race control and the track map.
          </p>
        </div>
      ) : !s ? (
        live.link !== 'unavailable' && <Empty>Waiting for the session state…</Empty>
      ) : (
        <>
          <div
            className={`track-status ts-${s.trackStatus === 'vsc_ending' ? 'vsc' : s.trackStatus}`}
            data-testid="track-status"
          >
            {TRACK_TEXT[s.trackStatus] ?? s.trackStatus} · {s.status}
          </div>
          <div className="live-grid">
            <div className="panel table-wrap" tabIndex={0}>
              <Tower state={s} />
            </div>
            <div className="grid">
              <div className="panel">
                <h3>Track</h3>
                <LiveTrack year={meta?.year} round={meta?.round} />
              </div>
              <div className="panel">
                <h3>Commentary</h3>
                {live.commentary.length === 0 ? (
                  <p className="muted small">
                    Overtakes, stops, fastest laps and flags appear here as they happen.
                  </p>
                ) : (
                  <ul className="feed" data-testid="commentary">
                    {live.commentary.map((l) => (
                      <li
                        key={l.id}
                        className={
                          l.kind === 'track_status'
                            ? 'flag-yellow'
                            : l.kind === 'fastest_lap'
                              ? 'flag-green'
                              : ''
                        }
                      >
                        <span className="mono muted small">{clock(l.timeMs)} </span>
                        {l.text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <LiveChampionship state={s} />
              <div className="panel">
                <h3>Race control</h3>
                {s.raceControl.length === 0 ? (
                  <p className="muted small">No messages.</p>
                ) : (
                  <ul className="feed">
                    {[...s.raceControl].reverse().map((m, i) => (
                      <li
                        key={i}
                        className={
                          m.flag
                            ? `flag-${m.flag.toLowerCase().includes('red') ? 'red' : m.flag.toLowerCase().includes('green') || m.flag.toLowerCase().includes('clear') ? 'green' : 'yellow'}`
                            : ''
                        }
                      >
                        {m.lap != null && <span className="mono muted small">L{m.lap} </span>}
                        {m.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="panel">
                <h3>Weather</h3>
                {s.weather ? (
                  <div className="facts">
                    <div className="fact">
                      <div className="k">Air</div>
                      <div className="v">{s.weather.airTemp.toFixed(1)}°C</div>
                    </div>
                    <div className="fact">
                      <div className="k">Track</div>
                      <div className="v">{s.weather.trackTemp.toFixed(1)}°C</div>
                    </div>
                    <div className="fact">
                      <div className="k">Humidity</div>
                      <div className="v">{Math.round(s.weather.humidity)}%</div>
                    </div>
                    <div className="fact">
                      <div className="k">Wind</div>
                      <div className="v">{s.weather.windSpeed.toFixed(1)} m/s</div>
                    </div>
                    <div className="fact">
                      <div className="k">Rain</div>
                      <div className="v">{s.weather.rainfall ? 'Yes' : 'No'}</div>
                    </div>
                  </div>
                ) : (
                  <p className="muted small">No weather data in this session.</p>
                )}
              </div>
            </div>
          </div>
        </>
      )}
    </>
  );
}

interface DriverStandingsAnswer {
  standings: { position: number; driver: { code: string | null; name: string }; points: number }[];
}

/** The drivers' table as it would stand if the race (or sprint) ended in the running order now. */
function LiveChampionship({ state }: { state: SessionState }) {
  const meta = state.session;
  const type = meta?.type ?? '';
  const kind = /sprint/i.test(type) || type === 'S' ? 'S' : /race/i.test(type) || type === 'R' ? 'R' : null;
  const year = meta?.year;
  const round = meta?.round;
  const before = useApi<DriverStandingsAnswer>(
    kind && year && round && round > 1 ? `/api/standings/drivers/${year}?round=${round - 1}` : null,
  );
  if (!kind || !year || !round) return null;
  if (round > 1 && !before.data) return null;
  const table = liveStandings(
    year,
    kind,
    (before.data?.standings ?? []).map((r) => ({
      code: r.driver.code ?? r.driver.name,
      name: r.driver.name,
      points: r.points,
      position: r.position,
    })),
    Object.values(state.drivers),
    state.fastestLap ? (state.drivers[state.fastestLap.number]?.tla ?? null) : null,
  );
  if (!table) return null;
  return (
    <div className="panel">
      <h3>Championship if it ended now</h3>
      <table className="data" data-testid="live-championship">
        <tbody>
          {table.slice(0, 10).map((r) => (
            <tr key={r.code}>
              <td className="pos">{r.position}</td>
              <td className="mono">{r.code}</td>
              <td className="num">{r.points}</td>
              <td className="num small muted">{r.gained > 0 ? `+${r.gained}` : ''}</td>
              <td className="num small">
                {r.moved ? (
                  r.moved > 0 ? (
                    <span className="s-green">▲{r.moved}</span>
                  ) : (
                    <span>▼{-r.moved}</span>
                  )
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LiveTrack({ year, round }: { year: number | undefined; round: number | undefined }) {
  const race = useApi<RaceDetail>(year && round ? `/api/races/${year}/${round}` : null);
  return <TrackMap circuitId={race.data?.circuit.id} />;
}

function sectorClass(x: { personalBest: boolean; overallBest: boolean }): string {
  return x.overallBest ? 's-purple' : x.personalBest ? 's-green' : 's-yellow';
}

function Tower({ state }: { state: SessionState }) {
  const [open, setOpen] = useState<string | null>(null);
  const rows: DriverState[] = state.order.map((n) => state.drivers[n]).filter((d): d is DriverState => !!d);
  if (rows.length === 0) return <Empty>No timing yet.</Empty>;
  // Columns marked "opt" give way at phone width; tapping a row shows beneath it what they hold (phone) and the
  // car's tyre history (every width).
  return (
    <table className="data tower" data-testid="timing-tower">
      <thead>
        <tr>
          <th>P</th>
          <th>Driver</th>
          <th className="num">Gap</th>
          <th className="num opt">Int</th>
          <th className="num opt">Last</th>
          <th className="num opt">Best</th>
          <th className="num opt">S1</th>
          <th className="num opt">S2</th>
          <th className="num opt">S3</th>
          <th>Tyre</th>
          <th className="num opt">Pit</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((d) => {
          const sectors = [0, 1, 2].map((i) => d.sectors[i]);
          const row = (
            <tr
              key={d.number}
              className={`${d.retired || d.knockedOut ? 'out' : ''} ${open === d.number ? 'open' : ''}`}
              data-testid="tower-row"
              onClick={() => setOpen(open === d.number ? null : d.number)}
            >
              <td className="pos">{d.position ?? ''}</td>
              <td>
                <span
                  className="teambar"
                  style={{ ['--team' as string]: teamColourFromFeed(d.teamColour, d.team) }}
                />
                <strong className="mono">{d.tla}</strong>
                {d.inPit && !d.retired && (
                  <span className="badge warn" style={{ marginLeft: 6 }}>
                    PIT
                  </span>
                )}
                {d.retired && (
                  <span className="badge" style={{ marginLeft: 6 }}>
                    OUT
                  </span>
                )}
              </td>
              <td className="num">{d.position === 1 ? 'Leader' : (d.gapToLeader ?? '')}</td>
              <td className="num opt">{d.position === 1 ? '' : (d.interval ?? '')}</td>
              <td
                className={`num opt ${d.lastLapOverallBest ? 's-purple' : d.lastLapPersonalBest ? 's-green' : ''}`}
              >
                {lapTime(d.lastLapMs)}
              </td>
              <td className={`num opt ${state.fastestLap?.number === d.number ? 's-purple' : ''}`}>
                {lapTime(d.bestLapMs)}
              </td>
              {sectors.map((sec, i) => (
                <td key={i} className={`num opt ${sec?.ms != null ? sectorClass(sec) : ''}`}>
                  {sec?.ms != null ? (sec.ms / 1000).toFixed(3) : ''}
                </td>
              ))}
              <td className="tyre-cell">
                {d.tyre ? <Tyre compound={d.tyre.compound} age={d.tyre.age} /> : ''}
              </td>
              <td className="num opt">{d.pitStops || ''}</td>
            </tr>
          );
          if (open !== d.number) return [row];
          return [
            row,
            <tr key={`${d.number}-more`} className="tower-more" data-testid="tower-more">
              <td colSpan={11}>
                <span className="phone">Int {d.position === 1 ? '–' : d.interval || '–'}</span>
                <span className="phone">Last {lapTime(d.lastLapMs) || '–'}</span>
                <span className="phone">Best {lapTime(d.bestLapMs) || '–'}</span>
                <span className="phone">
                  Sectors{' '}
                  {sectors.map((sec) => (sec?.ms != null ? (sec.ms / 1000).toFixed(3) : '–')).join(' / ')}
                </span>
                <span>Stops {d.pitStops}</span>
                <span data-testid="tyre-history">
                  Tyres{' '}
                  {d.stints.length === 0
                    ? '–'
                    : d.stints.map((st, i) => (
                        <span key={i} className="stint">
                          {i > 0 && '→ '}
                          <Tyre compound={st.compound} age={st.laps} />
                          {st.startAge > 0 ? ` (used ${st.startAge})` : ''}{' '}
                        </span>
                      ))}
                </span>
              </td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}
