// Standings: drivers' or constructors' table for any season after any round, in team colours, with the
// points progression of the leading entries round by round.
import { useEffect, useState } from 'react';
import { api, qs } from '../api.ts';
import { useApi } from '../lib/useApi.ts';
import { useSeasonRound } from '../lib/useUrlParams.ts';
import { teamColour } from '../lib/teams.ts';
import { Async, Empty, ErrorBanner, Loading } from '../components/Status.tsx';
import { DriverCell, SeasonPicker, TeamBar, currentYear } from '../components/Bits.tsx';
import { LineChart, type Series } from '../components/LineChart.tsx';
import type { ConstructorStandingRow, DriverStandingRow, Schedule, StandingsAfter } from '../types.ts';

type Kind = 'drivers' | 'constructors';
type Table = StandingsAfter<DriverStandingRow> | StandingsAfter<ConstructorStandingRow>;

export function StandingsPage() {
  const { params, setParams: set, year, round, setYear } = useSeasonRound(currentYear());
  const kind: Kind = params.get('kind') === 'constructors' ? 'constructors' : 'drivers';

  const schedule = useApi<Schedule>(`/api/schedule/${year}`);
  const table = useApi<Table>(`/api/standings/${kind}/${year}${qs({ round })}`);
  const completedRounds =
    schedule.data?.year === year ? schedule.data.rounds.filter((r) => r.hasResults) : [];

  return (
    <>
      <div className="page-head">
        <h1>Standings</h1>
        <div className="controls">
          <div className="seg" role="group" aria-label="Championship">
            <button className={kind === 'drivers' ? 'on' : ''} onClick={() => set({ kind: 'drivers' })}>
              Drivers
            </button>
            <button
              className={kind === 'constructors' ? 'on' : ''}
              onClick={() => set({ kind: 'constructors' })}
            >
              Constructors
            </button>
          </div>
          <SeasonPicker value={year} onChange={setYear} />
          <select
            aria-label="After round"
            value={round ?? ''}
            onChange={(e) => set({ round: e.target.value || undefined })}
          >
            <option value="">Latest round</option>
            {completedRounds.map((r) => (
              <option key={r.round} value={r.round}>
                After R{r.round} · {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Async res={table} lines={10}>
        {(t) =>
          t.standings.length === 0 ? (
            <Empty>
              {t.round === null
                ? `No standings for ${year} yet — no race has been run.`
                : kind === 'constructors' && year < 1958
                  ? `There was no constructors' championship in ${year}: it began in 1958.`
                  : `No ${kind}' standings for ${year}.`}
            </Empty>
          ) : (
            <>
              <p className="muted" data-testid="standings-caption">
                {t.final ? 'Final standings' : `After round ${t.round} of ${t.roundsInSeason}`}
                {t.raceName ? ` · ${t.raceName}` : ''}
              </p>
              <div className="grid standings-grid">
                <div className="panel table-wrap" tabIndex={0}>
                  <StandingsTable kind={kind} table={t} />
                </div>
                <div className="panel">
                  <h3>Points progression</h3>
                  {t.round !== null && <Progression kind={kind} year={year} upTo={t.round} table={t} />}
                </div>
              </div>
            </>
          )
        }
      </Async>
    </>
  );
}

function StandingsTable({ kind, table }: { kind: Kind; table: Table }) {
  const leader = table.standings[0]?.points ?? 0;
  return (
    <table className="data" data-testid="standings-table">
      <thead>
        <tr>
          <th>Pos</th>
          <th>{kind === 'drivers' ? 'Driver' : 'Team'}</th>
          <th className="num">Wins</th>
          <th className="num">Points</th>
          <th className="num">Gap</th>
        </tr>
      </thead>
      <tbody>
        {table.standings.map((row) => {
          const isDriver = 'driver' in row;
          return (
            <tr key={isDriver ? row.driver.id : row.team.id}>
              <td className="pos">{row.positionText}</td>
              <td>
                {isDriver ? (
                  <DriverCell
                    name={row.driver.name}
                    code={row.driver.code}
                    teamId={row.teams[row.teams.length - 1]?.id}
                    sub={row.teams.map((t) => t.name).join(' / ')}
                  />
                ) : (
                  <span>
                    <TeamBar teamId={row.team.id} />
                    <strong>{row.team.name}</strong>
                  </span>
                )}
                {row.champion && (
                  <span className="badge next" style={{ marginLeft: 6 }}>
                    Champion
                  </span>
                )}
              </td>
              <td className="num">{row.wins}</td>
              <td className="num">
                <strong>{row.points}</strong>
              </td>
              <td className="num muted">
                {row.points === leader ? '—' : `-${+(leader - row.points).toFixed(1)}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Loads the standings after every round up to `upTo` and charts the top entries' points. */
function Progression({ kind, year, upTo, table }: { kind: Kind; year: number; upTo: number; table: Table }) {
  const [state, setState] = useState<{ series?: Series[]; error?: Error }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({});
    const rounds = Array.from({ length: upTo }, (_, i) => i + 1);
    Promise.all(
      rounds.map((r) =>
        api<Table>(`/api/standings/${kind}/${year}?round=${r}`, { signal: ctrl.signal }).then(
          (x) => x.data,
          () => null, // a round without standings (cancelled race) leaves a gap
        ),
      ),
    ).then(
      (tables) => {
        const top = table.standings.slice(0, kind === 'drivers' ? 8 : 10);
        const series: Series[] = top.map((row) => {
          const id = 'driver' in row ? row.driver.id : row.team.id;
          const values = tables.map((t) => {
            const hit = t?.standings.find((s) => ('driver' in s ? s.driver.id : s.team.id) === id);
            return hit ? hit.points : null;
          });
          const teamId = 'driver' in row ? row.teams[row.teams.length - 1]?.id : row.team.id;
          const label = 'driver' in row ? (row.driver.code ?? row.driver.name) : row.team.name;
          return { label, colour: teamColour(teamId), values };
        });
        // Team-mates share a colour: dash the second one.
        const seen = new Set<string>();
        for (const s of series) {
          if (seen.has(s.colour)) s.dashed = true;
          seen.add(s.colour);
        }
        setState({ series });
      },
      (error: Error) => !ctrl.signal.aborted && setState({ error }),
    );
    return () => ctrl.abort();
  }, [kind, year, upTo, table, attempt]);

  if (state.error) return <ErrorBanner error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!state.series) return <Loading lines={6} />;
  return (
    <LineChart
      series={state.series}
      xLabels={Array.from({ length: upTo }, (_, i) => `R${i + 1}`)}
      yLabel="Points after each round"
    />
  );
}
