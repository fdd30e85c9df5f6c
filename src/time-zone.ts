// Times in a fan's own time zone: one validator of IANA zone names and one formatter, shared by the
// notifications and the chat's calendar answers.
import { z } from 'zod';

/** An IANA time zone the runtime knows ("Europe/London", "America/New_York", "UTC"). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not an IANA time zone (e.g. Europe/London)' },
  );

/** "Sun 20 Apr, 19:00 (Europe/Berlin)". */
export function localTime(ms: number, timeZone: string): string {
  return `${localClock(ms, timeZone)} (${timeZone})`;
}

/** "Sun 20 Apr, 19:00": the wall clock in that zone, for a table whose header names the zone. */
export function localClock(ms: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return f.format(ms).replace(/,? (\d\d:\d\d)$/, ', $1');
}

/** "13:00 UTC", and the same instant in the asker's zone when one is given: "13:00 UTC (Sun 6 Dec, 14:00 (Europe/Rome))". */
export function startText(date: string, time: string | null, timeZone?: string): string | undefined {
  const ms = raceStart(date, time);
  if (ms === undefined) return undefined;
  const utc = `${new Date(ms).toISOString().slice(11, 16)} UTC`;
  return timeZone && timeZone !== 'UTC' ? `${utc} (${localTime(ms, timeZone)})` : utc;
}

/** The instant of a race start from f1db's UTC date and time ("2026-12-06", "13:00:00"), if the time is known. */
export function raceStart(date: string, time: string | null): number | undefined {
  if (!time) return undefined;
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
