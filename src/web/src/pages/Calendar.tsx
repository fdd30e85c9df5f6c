// Calendar: a season's rounds with every session in the chosen time zone, sprint badges, completed / live /
// next status, a countdown to the next session, and an .ics export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../lib/useApi.ts';
import { useNow } from '../lib/useNow.ts';
import { BROWSER_TZ, COMMON_ZONES, countdown, formatDay, formatTime, sessionLabel } from '../lib/time.ts';
import { buildIcs, sessionMinutes, type IcsSession } from '../lib/ics.ts';
import { Async, Empty } from '../components/Status.tsx';
import { SeasonPicker, currentYear } from '../components/Bits.tsx';
import type { Schedule, ScheduleRound, SessionTime } from '../types.ts';

const startOf = (s: SessionTime) => Date.parse(s.startsAt ?? `${s.date}T00:00:00Z`);

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function toIcs(schedule: Schedule): string {
  const sessions: IcsSession[] = schedule.rounds.flatMap((r) =>
    r.sessions.map((s) => ({
      uid: `${schedule.year}-${r.round}-${s.kind}@race-engineer`,
      title: `${r.name} — ${sessionLabel(s.kind, s.name)}`,
      location: [r.circuit.fullName, r.circuit.placeName, r.circuit.country].filter(Boolean).join(', '),
      startsAt: s.startsAt,
      date: s.date,
      durationMinutes: sessionMinutes(s.kind),
    })),
  );
  return buildIcs(`Formula 1 ${schedule.year}`, sessions);
}

export function CalendarPage() {
  // ?year= opens a season's calendar from a link; picking a season then is page state, so the list
  // follows the picker at once (a URL transition would leave the old season's links clickable meanwhile).
  const [year, setYear] = useState(() => {
    const v = new URLSearchParams(window.location.search).get('year');
    return v && /^\d{4}$/.test(v) ? Number(v) : currentYear();
  });
  const [tz, setTz] = useState(BROWSER_TZ);
  const schedule = useApi<Schedule>(`/api/schedule/${year}`);
  const zones = useMemo(() => [...new Set([BROWSER_TZ, ...COMMON_ZONES])], []);

  return (
    <>
      <div className="page-head">
        <h1>Calendar</h1>
        <div className="controls">
          <SeasonPicker value={year} onChange={setYear} />
          <select aria-label="Time zone" value={tz} onChange={(e) => setTz(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z === BROWSER_TZ ? `${z} (this device)` : z}
              </option>
            ))}
          </select>
          <button
            className="btn"
            disabled={!schedule.data}
            onClick={() => schedule.data && download(`f1-${year}.ics`, toIcs(schedule.data))}
          >
            ⤓ Add to calendar (.ics)
          </button>
        </div>
      </div>
      <Async res={schedule} lines={8}>
        {(s) =>
          s.rounds.length === 0 ? (
            <Empty>No rounds in the {year} calendar.</Empty>
          ) : (
            <Season schedule={s} tz={tz} />
          )
        }
      </Async>
    </>
  );
}

function Season({ schedule, tz }: { schedule: Schedule; tz: string }) {
  const now = useNow(1000);
  const nextSession = useMemo(() => {
    for (const r of schedule.rounds)
      for (const s of r.sessions)
        if (s.startsAt && Date.parse(s.startsAt) > now) return { round: r, session: s };
    return undefined;
  }, [schedule, now]);

  // Open on the live or next round, as a fan would scroll to it.
  const focusRound =
    schedule.rounds.find((r) => r.status === 'in_progress')?.round ?? schedule.nextRound ?? undefined;

  return (
    <>
      {nextSession && (
        <div className="panel hero" style={{ marginBottom: '1rem' }} data-testid="countdown">
          <div>
            <h3>Next session</h3>
            <h2 style={{ margin: 0 }}>
              {nextSession.round.name} · {sessionLabel(nextSession.session.kind, nextSession.session.name)}
            </h2>
            <span className="muted">
              {formatDay(nextSession.session.startsAt!, tz)} {formatTime(nextSession.session.startsAt!, tz)}
            </span>
          </div>
          <div className="countdown">{countdown(Date.parse(nextSession.session.startsAt!), now)}</div>
        </div>
      )}
      <div className="rounds">
        {schedule.rounds.map((r) => (
          <RoundCard
            key={r.round}
            focused={r.round === focusRound}
            year={schedule.year}
            round={r}
            tz={tz}
            now={now}
            isNext={schedule.nextRound === r.round}
          />
        ))}
      </div>
    </>
  );
}

function RoundCard({
  year,
  round: r,
  tz,
  now,
  isNext,
  focused,
}: {
  focused: boolean;
  year: number;
  round: ScheduleRound;
  tz: string;
  now: number;
  isNext: boolean;
}) {
  const live = r.status === 'in_progress';
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  return (
    <article
      ref={ref}
      className={`panel round-card ${live ? 'live' : isNext ? 'next' : ''}`}
      data-testid="round-card"
    >
      <div className="controls" style={{ justifyContent: 'space-between' }}>
        <span className="rn">ROUND {r.round}</span>
        <span className="controls">
          {r.sprint && <span className="badge sprint">Sprint</span>}
          {r.status === 'completed' && <span className="badge done">✓ Completed</span>}
          {live && <span className="badge live">● Live</span>}
          {isNext && !live && <span className="badge next">Next</span>}
          {r.status === 'awaiting_results' && <span className="badge warn">Results pending</span>}
        </span>
      </div>
      <h2 style={{ marginTop: '0.4rem' }}>
        <Link to={`/race/${year}/${r.round}`}>{r.name}</Link>
      </h2>
      <div className="muted small">
        {r.circuit.fullName}
        {r.circuit.placeName ? ` · ${r.circuit.placeName}` : ''}
        {r.circuit.country ? `, ${r.circuit.country}` : ''}
      </div>
      <ul className="sessions">
        {r.sessions.map((s) => (
          <li key={s.kind} className={startOf(s) + 2 * 3600_000 < now ? 'past' : ''}>
            <span>{sessionLabel(s.kind, s.name)}</span>
            <span className="mono">
              {s.startsAt
                ? `${formatDay(s.startsAt, tz)} ${formatTime(s.startsAt, tz)}`
                : formatDay(`${s.date}T12:00:00Z`, 'UTC')}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
