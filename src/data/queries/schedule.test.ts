import { describe, expect, it } from 'vitest';
import { getSchedule, listSeasons, roundStatus, sessionsOf, toIsoUtc } from './schedule.ts';
import { testDb } from './test-db.ts';

const db = testDb();
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('roundStatus', () => {
  const sessions = sessionsOf({
    date: '2026-03-08',
    time: '04:00',
    free_practice_1_date: '2026-03-06',
    free_practice_1_time: '01:30',
    qualifying_date: '2026-03-07',
    qualifying_time: '05:00',
  });
  const at = (iso: string) => new Date(iso);

  it('orders sessions and prints UTC times with Z', () => {
    expect(sessions.map((s) => s.kind)).toEqual(['FREE_PRACTICE_1', 'QUALIFYING', 'RACE']);
    expect(sessions[2]!.startsAt).toBe('2026-03-08T04:00:00Z');
    expect(toIsoUtc('2024-09-01', '13:00')).toBe('2024-09-01T13:00:00Z');
  });

  it('is upcoming before the first session, in progress during the weekend', () => {
    expect(roundStatus(sessions, false, at('2026-03-06T01:29:00Z'))).toBe('upcoming');
    expect(roundStatus(sessions, false, at('2026-03-06T01:30:00Z'))).toBe('in_progress');
    expect(roundStatus(sessions, false, at('2026-03-08T06:00:00Z'))).toBe('in_progress');
  });

  it('is completed only with results; a past weekend without them is awaiting_results', () => {
    expect(roundStatus(sessions, false, at('2026-03-09T00:00:00Z'))).toBe('awaiting_results');
    expect(roundStatus(sessions, true, at('2026-03-09T00:00:00Z'))).toBe('completed');
    // Results decide, not the clock.
    expect(roundStatus(sessions, true, at('2026-03-07T00:00:00Z'))).toBe('completed');
  });
});

describe('getSchedule', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('lists the 2026 rounds with circuits, sessions in UTC and honest statuses', () => {
    const s = getSchedule(db, 2026, now);
    expect(s.rounds.length).toBeGreaterThanOrEqual(22);
    const first = s.rounds[0]!;
    expect(first).toMatchObject({ round: 1, grandPrixId: 'australia', status: 'completed', sprint: false });
    expect(first.circuit).toMatchObject({ id: 'melbourne', country: 'Australia' });
    expect(first.circuit.latitude).toBeCloseTo(-37.85, 1);
    for (const r of s.rounds) for (const x of r.sessions) expect(x.startsAt).toMatch(ISO_Z);
    // The data ends with the Dutch GP weekend (round 12): it has practice and sprint qualifying but no race
    // result, and later past rounds have nothing. None of them is "completed".
    const dutch = s.rounds.find((r) => r.grandPrixId === 'netherlands')!;
    expect(dutch.sprint).toBe(true);
    expect(dutch.status).toBe('awaiting_results');
    expect(s.rounds.filter((r) => r.status === 'completed').every((r) => r.hasResults)).toBe(true);
    expect(s.rounds.some((r) => r.status === 'upcoming')).toBe(true);
    expect(s.lastCompletedRound).toBe(s.rounds.filter((r) => r.hasResults).at(-1)!.round);
  });

  it('has sprint weekends flagged with sprint sessions', () => {
    const china = getSchedule(db, 2024, now).rounds.find((r) => r.grandPrixId === 'china')!;
    expect(china.sprint).toBe(true);
    expect(china.sessions.map((x) => x.kind)).toEqual([
      'FREE_PRACTICE_1',
      'SPRINT_QUALIFYING',
      'SPRINT_RACE',
      'QUALIFYING',
      'RACE',
    ]);
  });

  it('gives days without times for seasons before 2024', () => {
    const r = getSchedule(db, 1950, now).rounds[0]!;
    expect(r).toMatchObject({ round: 1, grandPrixId: 'great-britain', status: 'completed' });
    expect(r.sessions.find((x) => x.kind === 'RACE')).toMatchObject({ date: '1950-05-13', startsAt: null });
  });
});

describe('listSeasons', () => {
  it('lists 1950 onwards with champions of completed seasons', () => {
    const seasons = listSeasons(db);
    expect(seasons[0]!.year).toBe(1950);
    expect(seasons.find((s) => s.year === 2008)!.driversChampion).toMatchObject({
      id: 'lewis-hamilton',
      points: 98,
    });
    expect(seasons.find((s) => s.year === 1957)!.constructorsChampion).toBeNull();
    const current = seasons.find((s) => s.year === 2026)!;
    expect(current.completed).toBe(false);
    expect(current.driversChampion).toBeNull();
    expect(current.roundsWithResults).toBeLessThan(current.rounds);
  });
});
