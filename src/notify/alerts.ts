// Race alerts from the live hub: the node that ingests a session (one per channel across the cluster) hands
// each published message here; session start and the result come from the state's status, red flags, safety
// cars, pit stops and retirements from the detected events (src/live/detect.ts). Each alert becomes one
// delivery per subscription that asked for it, due after the fan's spoiler delay; its key is made from the
// session and the event, so a second ingesting node (a network split) inserts nothing new.
import type { HubMessage } from '../live/bus.ts';
import type { DriverState, SessionState } from '../live/types.ts';
import type { Clock } from './scheduler.ts';
import type { PushStore } from './store.ts';
import type {
  AlertKind,
  Favourite,
  NewDelivery,
  PushPayload,
  SessionCategory,
  StoredSubscription,
} from './types.ts';

export interface AlertSession {
  /** The channel's session id (a live session or a recording). */
  id: string;
  name: string;
  year: number | null;
  round: number | null;
}

export interface Alert {
  kind: AlertKind;
  /** Unique within the session. */
  ref: string;
  title: string;
  body: string;
  url: string;
  category: SessionCategory | null;
  /** The car it is about (favourite alerts). */
  driver?: Pick<DriverState, 'tla' | 'team' | 'name'>;
}

const FINISHED = new Set(['Finished', 'Finalised']);
/** Kept after the spoiler delay: an alert an hour late is noise. */
const ALERT_TTL_MS = 30 * 60_000;

export function categoryOfLiveSession(type: string | undefined): SessionCategory | null {
  const t = (type ?? '').toLowerCase();
  if (t === 'r' || t === 'race') return 'race';
  if (t === 's' || t === 'sq' || t.includes('sprint')) return 'sprint';
  if (t === 'q' || t.includes('qualifying')) return 'qualifying';
  if (t === 'p' || t.includes('practice')) return 'practice';
  return t.includes('race') ? 'race' : null;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isFavourite(fav: Favourite | null, d: Alert['driver']): boolean {
  if (!fav || !d) return false;
  if (fav.kind === 'driver')
    return fav.code !== undefined ? d.tla === fav.code : norm(d.name).includes(norm(fav.name));
  const a = norm(d.team);
  const b = norm(fav.name);
  return a.length > 0 && (a.includes(b) || b.includes(a));
}

/** Whether this subscription gets this alert. */
export function wants(sub: StoredSubscription, a: Alert): boolean {
  if (!sub.prefs.alerts.includes(a.kind)) return false;
  if (a.category !== null && !sub.prefs.sessions.includes(a.category)) return false;
  if (a.kind.startsWith('favourite_')) return isFavourite(sub.prefs.favourite, a.driver);
  return true;
}

/** Turns one channel's published messages into alerts (pure state per session). */
export class AlertDetector {
  private state: SessionState | null = null;
  private started = false;
  private finished = false;

  constructor(private readonly session: AlertSession) {}

  private pageUrl(): string {
    const { year, round } = this.session;
    return year && round ? `/race/${year}/${round}` : '/live';
  }

  observe(m: HubMessage): Alert[] {
    if (m.type === 'snapshot') {
      // A seek or a node taking over: whatever already happened is not news.
      this.state = m.state;
      this.started = m.state.status === 'Started' || FINISHED.has(m.state.status);
      this.finished = FINISHED.has(m.state.status);
      return [];
    }
    if (m.type === 'delta' && m.state) return this.onState(m.state);
    if (m.type === 'event' && this.state) return this.onEvent(m.event);
    return [];
  }

  private get label(): string {
    return this.state?.session?.name ?? this.session.name;
  }

  private get category(): SessionCategory | null {
    return categoryOfLiveSession(this.state?.session?.type);
  }

  private onState(state: SessionState): Alert[] {
    const prev = this.state;
    this.state = state;
    const out: Alert[] = [];
    if (!this.started && state.status === 'Started' && prev?.status !== 'Started') {
      this.started = true;
      out.push({
        kind: 'session_start',
        ref: 'start',
        title: `${this.label}: session started`,
        body: 'Follow it live on the timing tower.',
        url: '/live',
        category: this.category,
      });
    }
    if (!this.finished && FINISHED.has(state.status)) {
      this.finished = true;
      const order = state.order.map((n) => state.drivers[n]).filter((d): d is DriverState => !!d);
      const podium = order
        .slice(0, 3)
        .map((d, i) => `${i + 1}. ${d.tla}`)
        .join('  ');
      out.push({
        kind: 'result',
        ref: 'result',
        title: `${this.label}: result`,
        body: podium || 'The session is over.',
        url: this.pageUrl(),
        category: this.category,
      });
      for (const d of order)
        out.push({
          kind: 'favourite_finish',
          ref: `finish:${d.number}`,
          title: `${d.tla} ${d.retired ? 'did not finish' : `finished P${d.position ?? order.indexOf(d) + 1}`}`,
          body: `${this.label} · ${d.team}`,
          url: this.pageUrl(),
          category: this.category,
          driver: d,
        });
    }
    return out;
  }

  private onEvent(ev: Extract<HubMessage, { type: 'event' }>['event']): Alert[] {
    const state = this.state!;
    const car = 'number' in ev && ev.number ? state.drivers[ev.number] : undefined;
    const at = `${ev.timeMs}`;
    const lap = state.lap.current ? ` on lap ${state.lap.current}` : '';
    switch (ev.kind) {
      case 'track_status':
        if (ev.status === 'red')
          return [
            {
              kind: 'red_flag',
              ref: `red:${at}`,
              title: `${this.label}: red flag`,
              body: `Session stopped${lap}.`,
              url: '/live',
              category: this.category,
            },
          ];
        if (ev.status === 'sc' || ev.status === 'vsc')
          return [
            {
              kind: 'safety_car',
              ref: `${ev.status}:${at}`,
              title: `${this.label}: ${ev.status === 'sc' ? 'safety car' : 'virtual safety car'}`,
              body: `${ev.status === 'sc' ? 'Safety car deployed' : 'VSC deployed'}${lap}.`,
              url: '/live',
              category: this.category,
            },
          ];
        return [];
      case 'pit_stop':
        return car
          ? [
              {
                kind: 'favourite_pit_stop',
                ref: `pit:${ev.number}:${ev.stops}`,
                title: `${car.tla} pits (stop ${ev.stops})`,
                body: `${this.label}${lap} · P${car.position ?? '?'} before the stop`,
                url: '/live',
                category: this.category,
                driver: car,
              },
            ]
          : [];
      case 'retirement':
        return car
          ? [
              {
                kind: 'favourite_retirement',
                ref: `out:${ev.number}`,
                title: `${car.tla} is out`,
                body: `${car.name} (${car.team}) retired from the ${this.label}${lap}.`,
                url: '/live',
                category: this.category,
                driver: car,
              },
            ]
          : [];
      default:
        return [];
    }
  }
}

export function alertPayload(session: AlertSession, a: Alert, at: number): PushPayload {
  return {
    title: a.title,
    body: a.body,
    url: a.url,
    tag: `alert-${session.id}-${a.kind}`,
    kind: 'alert',
    ref: a.kind,
    at,
  };
}

/** Queues alerts for every subscription that wants them, each after its spoiler delay. */
export async function enqueueAlerts(
  store: PushStore,
  session: AlertSession,
  alerts: Alert[],
  now: number,
): Promise<number> {
  if (alerts.length === 0) return 0;
  const subs = await store.allSubscriptions();
  const rows: NewDelivery[] = [];
  for (const a of alerts)
    for (const sub of subs) {
      if (!wants(sub, a)) continue;
      const dueAt = now + sub.prefs.spoilerDelaySeconds * 1000;
      rows.push({
        subscriptionId: sub.id,
        key: `alert:${session.id}:${a.ref}`,
        kind: 'alert',
        payload: alertPayload(session, a, now),
        dueAt,
        expiresAt: dueAt + ALERT_TTL_MS,
      });
    }
  return store.enqueue(rows);
}

/** One channel's alert pipeline: detector → store, then a nudge so due alerts go out now. */
export class ChannelAlerts {
  private readonly detector: AlertDetector;
  private chain: Promise<unknown> = Promise.resolve();
  readonly counts = new Map<AlertKind, number>();

  constructor(
    readonly session: AlertSession,
    private readonly store: PushStore,
    private readonly clock: Clock,
    private readonly nudge: () => void,
  ) {
    this.detector = new AlertDetector(session);
  }

  observe(m: HubMessage): void {
    const alerts = this.detector.observe(m);
    if (alerts.length === 0) return;
    for (const a of alerts) this.counts.set(a.kind, (this.counts.get(a.kind) ?? 0) + 1);
    const now = this.clock.now();
    this.chain = this.chain
      .then(() => enqueueAlerts(this.store, this.session, alerts, now))
      .then((n) => n > 0 && this.nudge())
      .catch(() => undefined);
  }

  /** Resolves once every alert observed so far is in the store. */
  settled(): Promise<unknown> {
    return this.chain;
  }
}
