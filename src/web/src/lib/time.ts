// Time formatting for the calendar: sessions in a chosen IANA time zone and countdowns. Pure.

export const BROWSER_TZ = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Rome',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Melbourne',
];

/** "Sat 2 Mar" in the zone. */
export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** "15:00" (24 h) in the zone. */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(iso));
}

/** "5d 04h 12m", "3h 05m 09s" under a day, "now" when passed. */
export function countdown(toMs: number, nowMs: number): string {
  let s = Math.max(0, Math.floor((toMs - nowMs) / 1000));
  if (s === 0) return 'now';
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const p = (n: number) => String(n).padStart(2, '0');
  return d > 0 ? `${d}d ${p(h)}h ${p(m)}m` : `${h}h ${p(m)}m ${p(s)}s`;
}

/** Short session labels as shown on timing screens. */
export function sessionLabel(kind: string, name: string): string {
  const labels: Record<string, string> = {
    FREE_PRACTICE_1: 'FP1',
    FREE_PRACTICE_2: 'FP2',
    FREE_PRACTICE_3: 'FP3',
    FREE_PRACTICE_4: 'FP4',
    SPRINT_QUALIFYING: 'Sprint Quali',
    SPRINT_RACE: 'Sprint',
    QUALIFYING: 'Qualifying',
    QUALIFYING_1: 'Quali 1',
    QUALIFYING_2: 'Quali 2',
    PRE_QUALIFYING: 'Pre-quali',
    WARMING_UP: 'Warm-up',
    RACE: 'Race',
  };
  return labels[kind] ?? name;
}

/** A time penalty as f1db stores it ("5.000", "+5.000") read as a fan writes it: "+5 s". */
export function formatPenalty(raw: string): string {
  const s = Number(raw.replace(/^\+/, ''));
  return Number.isFinite(s) ? `+${Number.isInteger(s) ? s : s.toFixed(1)} s` : raw;
}
