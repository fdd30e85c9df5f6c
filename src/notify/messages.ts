// What each notification says. Pure: reminders in the fan's time zone, alerts in pit-wall words.
import type { CalendarSession } from './calendar.ts';
import type { PushPayload, StoredSubscription } from './types.ts';
import { localTime } from '../time-zone.ts';

const lead = (m: number) =>
  m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;

export function reminderPayload(
  s: CalendarSession,
  leadMinutes: number,
  timeZone: string,
  at: number,
): PushPayload {
  return {
    title: `${s.grandPrix}: ${s.name} in ${lead(leadMinutes)}`,
    body: `${s.name} starts ${localTime(s.startsAt!, timeZone)} at ${s.circuit}.`,
    // The race, sprint and qualifying can be followed live; practice opens the weekend page.
    url: s.category === 'practice' ? `/race/${s.year}/${s.round}` : '/live',
    tag: `reminder-${s.uid}`,
    kind: 'reminder',
    ref: s.uid,
    at,
  };
}

export function testPayload(sub: StoredSubscription, at: number): PushPayload {
  return {
    title: 'Race Engineer: test notification',
    body: `Notifications work on this device. Times are shown in ${sub.prefs.timeZone}.`,
    url: '/notifications',
    tag: 'test',
    kind: 'test',
    at,
  };
}
