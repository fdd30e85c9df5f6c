// The Notifications panel in Chromium (playwright-core) against the real server and a local Web Push service
// (src/notify/testing/push-service.ts). Chromium's own push service (Google's) cannot be reached here, so the
// first test checks the panel says so after permission was granted; the second gives the page a
// PushManager.subscribe that answers with a subscription on the local service (the browser's push service
// swapped, nothing of ours), then runs the flow: enable → saved on the server → preferences → test
// notification decrypted by the push service → delivered to the service worker (CDP) and shown → turn off.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from './chromium.ts';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { buildApp, type App } from '../../server/app.ts';
import { createContext, type AppContext } from '../../server/context.ts';
import { ensureWebBuild } from '../server/build.ts';
import { startPushService, type LocalPushService } from '../../notify/testing/push-service.ts';

const requireBrowser = process.env.REQUIRE_BROWSER === '1';
const SHOTS = resolve('.cache/test/web-screenshots');

if (requireBrowser && !hasChromium)
  it('needs a browser (REQUIRE_BROWSER=1)', () => {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  });

describe.skipIf(!hasChromium)('Notifications panel in Chromium', () => {
  let dir: string;
  let app: App;
  let ctx: AppContext;
  let base: string;
  let push: LocalPushService;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'web-notify-'));
    push = await startPushService();
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      LLM_PROVIDER: 'offline',
      CHATS_DB_PATH: join(dir, 'chats.db'),
      PUSH_DB_PATH: join(dir, 'push.db'),
    });
    ctx = createContext(config, silentLogger);
    app = await buildApp(config, silentLogger, ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium(['--disable-quic']);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ctx?.close();
    await push?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      serviceWorkers: 'allow',
    });
    context.setDefaultTimeout(15_000);
    // Chromium lets the harness grant the notification permission (no prompt in a headless run).
    await context.grantPermissions(['notifications'], { origin: base });
    return context;
  }

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(`${path}: ${m.text()}`);
    });
    await page.goto(base + path);
    return page;
  }

  it('asks for permission (granted) and says clearly when the browser cannot reach its push service', async () => {
    const context = await newContext();
    const page = await open(context, '/notifications');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    expect(await page.getByTestId('ios-note').textContent()).toMatch(/Home Screen.*iOS 16\.4/);
    expect(await page.evaluate(() => Notification.permission)).toBe('granted');
    await page.getByRole('button', { name: 'Enable notifications' }).click();
    const msg = page.getByTestId('push-message');
    await expect
      .poll(() => msg.textContent(), { timeout: 30_000 })
      .toMatch(/could not register with its push service/);
    expect(await page.getByRole('alert').count()).toBe(1);
    // The feed link carries the chosen lead times.
    expect(await page.getByTestId('calendar-feed').getAttribute('href')).toBe(
      '/api/calendar.ics?alarms=30,5',
    );
    await page.screenshot({ path: join(SHOTS, 'notifications-no-push-service.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('subscribes, saves preferences, receives a test notification the service worker shows, and turns off', async () => {
    const context = await newContext();
    const fan = push.subscribe();
    // The browser's push service, swapped for the local one: subscribe() hands back a subscription on it.
    await context.addInitScript((sub) => {
      let current: unknown = null;
      const make = () => ({
        endpoint: sub.endpoint,
        expirationTime: null,
        options: {},
        toJSON: () => sub,
        getKey: () => null,
        unsubscribe: async () => {
          current = null;
          return true;
        },
      });
      PushManager.prototype.subscribe = async function () {
        current = make();
        return current as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return current as PushSubscription | null;
      };
    }, fan.subscription);
    const page = await open(context, '/notifications');
    await page.getByRole('checkbox', { name: 'Practice', exact: true }).check();
    await page.getByRole('button', { name: 'Enable notifications' }).click();
    await expect.poll(() => page.getByTestId('push-message').textContent()).toMatch(/Notifications are on/);
    const [saved] = await subsOfAll();
    expect(saved).toMatchObject({ endpoint: fan.subscription.endpoint });
    expect(saved!.prefs.sessions).toEqual(['qualifying', 'sprint', 'race', 'practice']);
    expect(saved!.prefs.timeZone).toBe(
      await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    );

    // Preferences: 15 min instead of 5, a favourite team, its pit stops, a 2-minute spoiler delay.
    await page.getByRole('checkbox', { name: '5 min', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: '15 min' }).check();
    await page.getByLabel('Favourite', { exact: true }).selectOption({ label: 'Ferrari' });
    await page.getByRole('checkbox', { name: 'Favourite’s pit stops' }).check();
    await page.getByLabel('Spoiler delay').selectOption({ label: '2 min' });
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect.poll(() => page.getByTestId('push-message').textContent()).toBe('Preferences saved.');
    const [updated] = await subsOfAll();
    expect(updated!.prefs).toMatchObject({
      leadMinutes: [30, 15],
      favourite: { kind: 'team', id: 'ferrari', name: 'Ferrari' },
      spoilerDelaySeconds: 120,
    });
    expect(updated!.prefs.alerts).toContain('favourite_pit_stop');

    const before = push.received.length;
    await page.getByRole('button', { name: 'Send test notification' }).click();
    await expect.poll(() => page.getByTestId('push-message').textContent()).toMatch(/Test notification sent/);
    const got = push.received.slice(before);
    expect(push.rejected).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]!.payload).toMatchObject({
      kind: 'test',
      title: 'Race Engineer: test notification',
      url: '/notifications',
    });

    // What the push service would hand the browser: delivered to the service worker, which shows it.
    const cdp = await context.newCDPSession(page);
    const registrationId = await new Promise<string>((resolveId) => {
      cdp.on(
        'ServiceWorker.workerRegistrationUpdated',
        (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
          const r = e.registrations.find((x) => x.scopeURL.startsWith(base));
          if (r) resolveId(r.registrationId);
        },
      );
      void cdp.send('ServiceWorker.enable');
    });
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: base,
      registrationId,
      data: JSON.stringify(got[0]!.payload),
    });
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [
              n.title,
              n.tag,
              (n.data as { url: string }).url,
            ]),
          ),
        { timeout: 15_000 },
      )
      .toEqual([['Race Engineer: test notification', 'test', '/notifications']]);
    await page.screenshot({ path: join(SHOTS, 'notifications-on.png'), fullPage: true });

    await page.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => page.getByTestId('push-message').textContent()).toMatch(/off for this browser/);
    expect(await subsOfAll()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  async function subsOfAll() {
    // The server's own store, read directly (the browser's identity cookie is HttpOnly).
    const { SqlPushStore } = await import('../../notify/sql-store.ts');
    const { SqliteDatabase } = await import('../../store/sql.ts');
    const store = new SqlPushStore(new SqliteDatabase(join(dir, 'push.db')));
    try {
      return await store.allSubscriptions();
    } finally {
      await store.close();
    }
  }
});
