// The subscribable iCalendar feed (RFC 5545): every session as a VEVENT with a UID that is the same across
// syncs (season, round, session kind), DTSTAMP (when the feed was made), LAST-MODIFIED (when the data was
// imported) and one VALARM per lead time — the reminder path that works in every calendar app without push.
// Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character. Pure.
import { sessionMinutes, type CalendarSession } from './calendar.ts';

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
const day = (iso: string) => iso.replace(/-/g, '');

/** TEXT value escaping (RFC 5545 3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (3.1), continuation lines starting with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export interface FeedOptions {
  name: string;
  /** Minutes before each session (VALARM); empty: no alarms. */
  alarms: number[];
  /** When the feed was made (DTSTAMP). */
  now: number;
  /** When the data was last imported (LAST-MODIFIED). */
  modified: number;
  /** Host name for UIDs. */
  domain: string;
  /** Absolute base URL for each event's URL property. */
  baseUrl?: string;
}

export function buildCalendarFeed(sessions: CalendarSession[], o: FeedOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Race Engineer//F1 calendar feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(o.name)}`,
    'X-WR-TIMEZONE:UTC',
    // Calendar apps poll a subscribed feed; every 6 hours follows schedule changes well enough.
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
  ];
  for (const s of sessions) {
    const title = `${s.grandPrix}: ${s.name}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.uid}@${o.domain}`,
      `DTSTAMP:${stamp(o.now)}`,
      `LAST-MODIFIED:${stamp(o.modified)}`,
    );
    if (s.startsAt !== null) {
      lines.push(
        `DTSTART:${stamp(s.startsAt)}`,
        `DTEND:${stamp(s.startsAt + sessionMinutes(s.kind) * 60_000)}`,
      );
    } else {
      const next = new Date(`${s.date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      lines.push(
        `DTSTART;VALUE=DATE:${day(s.date)}`,
        `DTEND;VALUE=DATE:${day(next.toISOString().slice(0, 10))}`,
      );
    }
    const where = [...new Set([s.circuit, s.place, s.country].filter(Boolean))].join(', ');
    lines.push(
      `SUMMARY:${icsText(title)}`,
      `LOCATION:${icsText(where)}`,
      `DESCRIPTION:${icsText(`Round ${s.round} of the ${s.year} Formula 1 World Championship.`)}`,
      'CATEGORIES:Formula 1',
      'TRANSP:TRANSPARENT',
    );
    if (o.baseUrl) lines.push(`URL:${o.baseUrl}/race/${s.year}/${s.round}`);
    if (s.startsAt !== null)
      for (const m of o.alarms)
        lines.push(
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${icsText(`${title} in ${m} min`)}`,
          `TRIGGER:-PT${m}M`,
          'END:VALARM',
        );
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
