// Notifications: turn Web Push on for this browser and choose what it is for — reminders before the sessions
// picked (lead times, in this device's time zone), race alerts (optionally about a favourite driver or team
// only), a spoiler delay — send a test, or subscribe to the calendar feed instead.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useApi } from '../lib/useApi.ts';
import { BROWSER_TZ } from '../lib/time.ts';
import {
  currentSubscription,
  disablePush,
  enablePush,
  iosNeedsHomeScreen,
  pushSupported,
  saveSubscription,
  type Preferences,
  type ServerSubscription,
} from './NotificationsPush.ts';

const SESSIONS: [Preferences['sessions'][number], string][] = [
  ['practice', 'Practice'],
  ['qualifying', 'Qualifying'],
  ['sprint', 'Sprint & sprint qualifying'],
  ['race', 'Race'],
];
const LEADS = [60, 30, 15, 5];
const ALERTS: [string, string, boolean][] = [
  ['session_start', 'Session started', false],
  ['red_flag', 'Red flag', false],
  ['safety_car', 'Safety car / VSC', false],
  ['result', 'Result', false],
  ['favourite_pit_stop', 'Favourite’s pit stops', true],
  ['favourite_retirement', 'Favourite’s retirement', true],
  ['favourite_finish', 'Favourite’s finishing position', true],
];
const DELAYS: [number, string][] = [
  [0, 'None'],
  [30, '30 s'],
  [60, '1 min'],
  [120, '2 min'],
  [300, '5 min'],
  [1800, '30 min'],
  [3600, '1 hour'],
];

const PANEL = { marginBottom: '1rem' };
const FIELDSET = {
  border: 'none',
  padding: 0,
  margin: '0.5rem 0',
  display: 'flex',
  flexWrap: 'wrap' as const,
  gap: '0.75rem',
};

const DEFAULTS: Preferences = {
  timeZone: BROWSER_TZ,
  sessions: ['qualifying', 'sprint', 'race'],
  leadMinutes: [30, 5],
  alerts: ['session_start', 'red_flag', 'result'],
  favourite: null,
  spoilerDelaySeconds: 0,
};

interface Person {
  id: string;
  name: string;
  code?: string | null;
}

const toggle = <T,>(list: T[], v: T, on: boolean) =>
  on ? [...new Set([...list, v])] : list.filter((x) => x !== v);

export function NotificationsPage() {
  const supported = pushSupported();
  const [prefs, setPrefs] = useState<Preferences>(DEFAULTS);
  const [server, setServer] = useState<ServerSubscription | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [permission, setPermission] = useState(supported ? Notification.permission : 'default');
  const drivers = useApi<{ drivers: Person[] }>('/api/drivers');
  const teams = useApi<{ constructors: Person[] }>('/api/constructors');

  // This browser's saved subscription, if it has one.
  useEffect(() => {
    if (!supported) return;
    void (async () => {
      const sub = await currentSubscription();
      if (!sub) return;
      const { data } = await api<{ subscriptions: ServerSubscription[] }>('/api/push/subscriptions');
      const mine = data.subscriptions.find((s) => s.endpoint === sub.endpoint);
      if (mine) {
        setServer(mine);
        setPrefs(mine.preferences);
      }
    })().catch(() => undefined);
  }, [supported]);

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await fn() });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
      if (supported) setPermission(Notification.permission);
    }
  };

  const enable = () =>
    run(async () => {
      const saved = await enablePush(prefs);
      setServer(saved);
      return 'Notifications are on for this browser.';
    });
  const save = () =>
    run(async () => {
      const sub = await currentSubscription();
      if (!sub) throw new Error('This browser is not subscribed any more; turn notifications on again.');
      setServer(await saveSubscription(sub, prefs));
      return 'Preferences saved.';
    });
  const test = () =>
    run(async () => {
      const { data } = await api<{ state: string; error: string | null }>(
        `/api/push/subscriptions/${server!.id}/test`,
        { method: 'POST' },
      );
      if (data.state !== 'sent')
        throw new Error(`The test notification was not delivered (${data.error ?? data.state}).`);
      return 'Test notification sent: it should appear in a moment.';
    });
  const disable = () =>
    run(async () => {
      await disablePush(server?.id);
      setServer(null);
      return 'Notifications are off for this browser.';
    });

  const set = (patch: Partial<Preferences>) => setPrefs((p) => ({ ...p, ...patch }));
  const favValue = prefs.favourite ? `${prefs.favourite.kind}:${prefs.favourite.id}` : '';
  const pickFavourite = (v: string) => {
    if (!v) return set({ favourite: null });
    const [kind, id] = v.split(':') as ['driver' | 'team', string];
    const list = kind === 'driver' ? drivers.data?.drivers : teams.data?.constructors;
    const p = list?.find((x) => x.id === id);
    if (p) set({ favourite: { kind, id, name: p.name, ...(p.code ? { code: p.code } : {}) } });
  };
  const feed = `/api/calendar.ics?alarms=${prefs.leadMinutes.join(',') || 'none'}`;

  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
      </div>
      <section className="panel" style={PANEL} aria-label="Push notifications">
        <h2>This browser</h2>
        {!supported ? (
          <p role="status">
            This browser cannot receive web notifications. The calendar feed below still reminds you.
          </p>
        ) : (
          <p role="status" data-testid="push-status">
            {server ? 'Notifications are on.' : 'Notifications are off.'}{' '}
            {permission === 'denied' && 'Notifications are blocked for this site in the browser’s settings.'}
          </p>
        )}
        <p className="muted" data-testid="ios-note">
          {iosNeedsHomeScreen() ? <strong>On this iPhone or iPad: </strong> : 'On iPhone and iPad: '}
          add Race Engineer to the Home Screen first (Share → Add to Home Screen) and open it from there; web
          notifications need iOS 16.4 or later.
        </p>
        <div className="controls">
          {!server && (
            <button className="btn primary" disabled={!supported || busy} onClick={enable}>
              Enable notifications
            </button>
          )}
          {server && (
            <>
              <button className="btn primary" disabled={busy} onClick={save}>
                Save preferences
              </button>
              <button className="btn" disabled={busy} onClick={test}>
                Send test notification
              </button>
              <button className="btn" disabled={busy} onClick={disable}>
                Turn off
              </button>
            </>
          )}
        </div>
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={`banner ${message.kind === 'error' ? 'error' : 'info'}`}
            data-testid="push-message"
          >
            {message.text}
          </p>
        )}
      </section>

      <section className="panel" style={PANEL} aria-label="Reminders">
        <h2>Reminders</h2>
        <fieldset style={FIELDSET}>
          <legend>Before these sessions</legend>
          {SESSIONS.map(([v, label]) => (
            <label key={v}>
              <input
                type="checkbox"
                checked={prefs.sessions.includes(v)}
                onChange={(e) => set({ sessions: toggle(prefs.sessions, v, e.target.checked) })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset style={FIELDSET}>
          <legend>How long before</legend>
          {LEADS.map((m) => (
            <label key={m}>
              <input
                type="checkbox"
                checked={prefs.leadMinutes.includes(m)}
                onChange={(e) =>
                  set({ leadMinutes: toggle(prefs.leadMinutes, m, e.target.checked).sort((a, b) => b - a) })
                }
              />{' '}
              {m === 60 ? '1 hour' : `${m} min`}
            </label>
          ))}
        </fieldset>
        <p className="muted">Times in the notifications are shown in {prefs.timeZone}.</p>
      </section>

      <section className="panel" style={PANEL} aria-label="Race alerts">
        <h2>Race alerts</h2>
        <label>
          Favourite{' '}
          <select aria-label="Favourite" value={favValue} onChange={(e) => pickFavourite(e.target.value)}>
            <option value="">None</option>
            <optgroup label="Drivers">
              {drivers.data?.drivers.map((d) => (
                <option key={d.id} value={`driver:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Teams">
              {teams.data?.constructors.map((t) => (
                <option key={t.id} value={`team:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <fieldset style={FIELDSET}>
          <legend>Tell me about</legend>
          {ALERTS.map(([v, label, fav]) => (
            <label key={v}>
              <input
                type="checkbox"
                disabled={fav && !prefs.favourite}
                checked={prefs.alerts.includes(v)}
                onChange={(e) => set({ alerts: toggle(prefs.alerts, v, e.target.checked) })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label>
          Spoiler delay{' '}
          <select
            aria-label="Spoiler delay"
            value={prefs.spoilerDelaySeconds}
            onChange={(e) => set({ spoilerDelaySeconds: Number(e.target.value) })}
          >
            {DELAYS.map(([s, label]) => (
              <option key={s} value={s}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">
          Alerts wait this long, like the live page’s broadcast delay, so they never beat your TV picture.
        </p>
      </section>

      <section className="panel" style={PANEL} aria-label="Calendar feed">
        <h2>Calendar feed</h2>
        <p>
          Works in every calendar app, without notifications: subscribe to{' '}
          <a href={feed} data-testid="calendar-feed">
            the F1 calendar feed
          </a>{' '}
          (every session, with alarms{' '}
          {prefs.leadMinutes.length ? `${prefs.leadMinutes.join(' and ')} min before` : 'off'}).
        </p>
      </section>
    </>
  );
}
