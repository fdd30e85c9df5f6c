// Parsing the time texts f1db prints: "1:34:00.161", "1:37.577", "23.763", "+7.959", "+2 laps".

/** Milliseconds of a duration text ("h:mm:ss.sss", "m:ss.sss" or "ss.sss"); null when absent or not a time. */
export function durationMillis(text: unknown): number | null {
  if (text === null || text === undefined || text === '') return null;
  const s = String(text).trim().replace(/^\+/, '');
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(s)) return null;
  const parts = s.split(':').map(Number);
  let seconds = 0;
  for (const p of parts) seconds = seconds * 60 + p;
  return Math.round(seconds * 1000);
}

/** A gap is either a time ("+7.959") or a number of laps ("+2 laps", "+1 lap"). */
export function parseGap(text: unknown): { millis: number | null; laps: number | null } {
  if (text === null || text === undefined || text === '') return { millis: null, laps: null };
  const s = String(text).trim();
  const laps = /^\+?(\d+)\s+laps?$/i.exec(s);
  if (laps) return { millis: null, laps: Number(laps[1]) };
  return { millis: durationMillis(s), laps: null };
}

/** f1db positions are numbers for classified entries and codes (DNF, DNS, DSQ, NC, DNQ, EX, PL…) otherwise. */
export function positionNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
