// Which reminders a subscription is owed around `now`. Pure: the scheduler inserts them (idempotently, one row
// per subscription × session × lead time) and sends them when due.
import type { CalendarSession } from './calendar.ts';
import { reminderPayload } from './messages.ts';
import type { NewDelivery, StoredSubscription } from './types.ts';

/** A reminder whose moment had passed more than this before the fan asked for it is not owed. */
const ASKED_GRACE_MS = 60_000;

export function remindersFor(
  sub: StoredSubscription,
  sessions: CalendarSession[],
  now: number,
  horizonMs: number,
): NewDelivery[] {
  const out: NewDelivery[] = [];
  for (const s of sessions) {
    if (s.startsAt === null || s.category === null || !sub.prefs.sessions.includes(s.category)) continue;
    if (s.startsAt <= now) continue;
    for (const minutes of sub.prefs.leadMinutes) {
      const dueAt = s.startsAt - minutes * 60_000;
      if (dueAt > now + horizonMs || dueAt < sub.updatedAt - ASKED_GRACE_MS) continue;
      out.push({
        subscriptionId: sub.id,
        key: `reminder:${s.uid}:${minutes}`,
        kind: 'reminder',
        payload: reminderPayload(s, minutes, sub.prefs.timeZone, now),
        dueAt,
        // Useless once the session is under way.
        expiresAt: s.startsAt,
      });
    }
  }
  return out;
}
