// iCalendar (RFC 5545) export of a season's sessions, for "add to calendar". Pure.

export interface IcsSession {
  uid: string;
  title: string;
  location: string;
  /** ISO start; sessions known only by day become all-day events. */
  startsAt: string | null;
  date: string;
  durationMinutes: number;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/** Escapes text values: backslash, semicolon, comma and newlines. */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds lines longer than 75 octets (approximated by characters) as the RFC asks. */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    parts.push(rest.slice(0, 75));
    rest = ` ${rest.slice(75)}`;
  }
  parts.push(rest);
  return parts.join('\r\n');
}

export function buildIcs(calendarName: string, sessions: IcsSession[], now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Race Engineer//Calendar//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsText(calendarName)}`,
  ];
  const dtstamp = stamp(now.toISOString());
  for (const s of sessions) {
    lines.push('BEGIN:VEVENT', `UID:${s.uid}`, `DTSTAMP:${dtstamp}`);
    if (s.startsAt) {
      const start = new Date(s.startsAt);
      const end = new Date(start.getTime() + s.durationMinutes * 60_000);
      lines.push(`DTSTART:${stamp(start.toISOString())}`, `DTEND:${stamp(end.toISOString())}`);
    } else {
      const next = new Date(`${s.date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      lines.push(
        `DTSTART;VALUE=DATE:${s.date.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
      );
    }
    lines.push(`SUMMARY:${icsText(s.title)}`, `LOCATION:${icsText(s.location)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Typical session lengths, for DTEND. */
export function sessionMinutes(kind: string): number {
  if (kind === 'RACE') return 120;
  if (kind === 'SPRINT_RACE') return 60;
  if (kind.startsWith('FREE_PRACTICE')) return 60;
  return 60;
}
