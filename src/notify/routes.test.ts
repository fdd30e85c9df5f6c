// The notification routes in the real app (buildApp over the test database): the VAPID key, a browser's
// subscription and preferences (validated, owned by its identity cookie), a test notification delivered to a
// local push service and decrypted there, and the iCalendar feed parsed by ical.js.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../data/db.ts';
import { silentLogger } from '../logger.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { calendarSessions } from './calendar.ts';
import { foldLine } from './ics.ts';
import { startPushService, type LocalPushService } from './testing/push-service.ts';

type Inject = (opts: InjectOptions) => Promise<LightMyRequestResponse>;
let dir: string;
let push: LocalPushService;
const apps: { app: App; ctx: AppContext }[] = [];

async function makeApp(pushDb = join(dir, 'push.db')) {
  const config = loadConfig({
    ...process.env,
    CHATS_DB_PATH: join(dir, 'chats.db'),
    PUSH_DB_PATH: pushDb,
    VAPID_SUBJECT: 'mailto:ops@race-engineer.test',
  });
  const ctx = createContext(config, silentLogger);
  const app = await buildApp(config, silentLogger, ctx);
  apps.push({ app, ctx });
  return app;
}

async function browser(app: App): Promise<Inject> {
  const first = await app.inject({ method: 'GET', url: '/api/push/subscriptions' });
  const cookie = String(first.headers['set-cookie']).split(';')[0]!;
  return (opts) => app.inject({ ...opts, headers: { ...opts.headers, cookie } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notify-routes-'));
  push = await startPushService();
});
afterAll(async () => {
  for (const { app, ctx } of apps) {
    await app.close();
    await ctx.close();
  }
  await push?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('push routes', () => {
  it('serves one VAPID public key, generated once and kept (a second server on the store serves the same)', async () => {
    const a = await (await makeApp()).inject({ method: 'GET', url: '/api/push/key' });
    expect(a.statusCode).toBe(200);
    const key = a.json().publicKey as string;
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    const b = await (await makeApp()).inject({ method: 'GET', url: '/api/push/key' });
    expect(b.json().publicKey).toBe(key);
  });

  it('subscribes, updates preferences, sends a test notification, unsubscribes; other browsers see nothing', async () => {
    const app = await makeApp();
    const me = await browser(app);
    const other = await browser(app);
    const fan = push.subscribe();
    const preferences = {
      timeZone: 'Asia/Tokyo',
      sessions: ['race'],
      leadMinutes: [15],
      alerts: ['result', 'favourite_pit_stop'],
      favourite: { kind: 'driver', id: 'max-verstappen', name: 'Max Verstappen', code: 'VER' },
      spoilerDelaySeconds: 90,
    };
    const created = await me({
      method: 'POST',
      url: '/api/push/subscriptions',
      payload: { subscription: fan.subscription, preferences },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json().preferences).toEqual(preferences);
    const again = await me({
      method: 'POST',
      url: '/api/push/subscriptions',
      payload: { subscription: fan.subscription, preferences: { ...preferences, leadMinutes: [30, 5] } },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, preferences: { leadMinutes: [30, 5] } });
    expect((await me({ method: 'GET', url: '/api/push/subscriptions' })).json().subscriptions).toHaveLength(
      1,
    );
    expect((await other({ method: 'GET', url: '/api/push/subscriptions' })).json().subscriptions).toEqual([]);

    const before = push.received.length;
    const test = await me({ method: 'POST', url: `/api/push/subscriptions/${id}/test` });
    expect(test.statusCode).toBe(202);
    expect(test.json()).toEqual({ state: 'sent', error: null });
    expect(push.rejected).toEqual([]);
    const got = push.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.claims.sub).toBe('mailto:ops@race-engineer.test');
    expect(got[0]!.vapidKey).toBe((await me({ method: 'GET', url: '/api/push/key' })).json().publicKey);
    expect(got[0]!.payload).toMatchObject({
      kind: 'test',
      url: '/notifications',
      body: expect.stringMatching(/Asia\/Tokyo/),
    });

    expect((await other({ method: 'POST', url: `/api/push/subscriptions/${id}/test` })).statusCode).toBe(404);
    expect((await other({ method: 'DELETE', url: `/api/push/subscriptions/${id}` })).statusCode).toBe(404);
    expect((await me({ method: 'DELETE', url: `/api/push/subscriptions/${id}` })).statusCode).toBe(204);
    expect((await me({ method: 'DELETE', url: `/api/push/subscriptions/${id}` })).statusCode).toBe(404);
  });

  it('refuses malformed subscriptions and preferences with a 400 naming what is wrong', async () => {
    const me = await browser(await makeApp());
    const { subscription } = push.subscribe();
    const cases: [unknown, RegExp][] = [
      [{}, /subscription/],
      [{ subscription: { ...subscription, endpoint: 'not a url' } }, /endpoint/],
      [
        { subscription: { ...subscription, keys: { p256dh: 'short', auth: subscription.keys.auth } } },
        /p256dh/,
      ],
      [{ subscription, preferences: { timeZone: 'Mars/Olympus' } }, /IANA time zone/],
      [{ subscription, preferences: { leadMinutes: [0] } }, /leadMinutes/],
      [{ subscription, preferences: { sessions: ['warmup'] } }, /sessions/],
      [{ subscription, preferences: { spoilerDelaySeconds: 99999 } }, /spoilerDelaySeconds/],
      [
        {
          subscription,
          preferences: { favourite: { kind: 'driver', id: 'x', name: 'X', code: 'lowercase' } },
        },
        /code/,
      ],
    ];
    for (const [payload, message] of cases) {
      const res = await me({ method: 'POST', url: '/api/push/subscriptions', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
      expect(res.json().error.message).toMatch(message);
    }
    expect((await me({ method: 'DELETE', url: '/api/push/subscriptions/nothex' })).statusCode).toBe(400);
  });

  it('the server context owns the service: the routes use it, and closing the server closes it', async () => {
    const config = loadConfig({
      ...process.env,
      CHATS_DB_PATH: join(dir, 'chats.db'),
      PUSH_DB_PATH: join(dir, 'owned-push.db'),
    });
    const ctx = createContext(config, silentLogger);
    const notify = ctx.notify;
    expect(ctx.notify).toBe(notify);
    const app = await buildApp(config, silentLogger, ctx);
    const me = await browser(app);
    const created = await me({
      method: 'POST',
      url: '/api/push/subscriptions',
      payload: { subscription: push.subscribe().subscription },
    });
    expect(created.statusCode).toBe(201);
    expect((await notify.store.subscription(created.json().id as string))?.id).toBe(created.json().id);
    await app.close();
    // Closed with the context: its SQLite file is no longer open.
    await expect(notify.store.subscription(created.json().id as string)).rejects.toThrow();
  });
});

/** RFC 5545 framing: CRLF line ends, no line over 75 octets, folds start with one space. */
function checkFraming(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
}

describe('iCalendar feed', () => {
  it('has every session of a season with stable UIDs, DTSTAMP/LAST-MODIFIED and alarms at the chosen lead times', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/api/calendar.ics?season=2025&alarms=30,5' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    checkFraming(res.body);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent');
    const db = openDatabase(process.env.DATABASE_PATH!);
    const expected = calendarSessions(db, { fromYear: 2025, toYear: 2025 });
    db.close();
    expect(events).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(24 * 5 - 1);
    const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids).toEqual(expected.map((s) => `${s.uid}@race-engineer`));
    expect(new Set(uids).size).toBe(uids.length);
    const race = events.find((e) => e.getFirstPropertyValue('uid') === '2025-06-race@race-engineer')!;
    const ev = new ICAL.Event(race);
    expect(ev.summary).toBe('Miami Grand Prix: Race');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2025-05-04T20:00:00.000Z');
    expect(ev.location).toMatch(/Miami/);
    expect(race.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(race.getFirstPropertyValue('last-modified')).toBeTruthy();
    const alarms = race.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(alarms).toEqual(['-PT30M', '-PT5M']);
    // Another fetch (after a sync) keeps every UID.
    const later = await app.inject({ method: 'GET', url: '/api/calendar.ics?season=2025&alarms=none' });
    const cal2 = new ICAL.Component(ICAL.parse(later.body));
    expect(cal2.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')))).toEqual(
      uids,
    );
    expect(cal2.getAllSubcomponents('vevent')[0]!.getAllSubcomponents('valarm')).toEqual([]);
  });

  it('filters by team, folds long non-ASCII lines on character boundaries, and refuses bad filters', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/api/calendar.ics?season=2025&team=ferrari' });
    expect(res.statusCode).toBe(200);
    checkFraming(res.body);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(String(cal.getFirstPropertyValue('x-wr-calname'))).toMatch(/Ferrari/);
    const sp = cal
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .find((e) => e.summary === 'São Paulo Grand Prix: Race');
    expect(sp?.location).toMatch(/Interlagos|São Paulo/);
    // A long non-ASCII line folds at 75 octets on character boundaries and unfolds to the same text.
    const long = `DESCRIPTION:${'Autódromo José Carlos Pace, São Paulo — '.repeat(4)}`;
    const folded = foldLine(long);
    checkFraming(folded + '\r\n');
    expect(folded.split('\r\n').length).toBeGreaterThan(2);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect((await app.inject({ method: 'GET', url: '/api/calendar.ics?season=abc' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/calendar.ics?alarms=30,x' })).statusCode).toBe(400);
    const unknown = await app.inject({ method: 'GET', url: '/api/calendar.ics?team=nosuchteam' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    expect((await app.inject({ method: 'GET', url: '/api/calendar.ics' })).statusCode).toBe(200);
  });
});
