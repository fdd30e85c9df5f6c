// End-to-end: the built web app in Debian's Chromium (playwright-core), against the real server (buildApp +
// listen on a free port) over the real test database. One server answers with the offline engine; a second
// one drives the real OpenAI client against a local scripted server, for Markdown tables, stop and
// regenerate. Every page is screenshotted to .cache/test/web-screenshots. The last test stops the server to
// check the "cannot reach the server" states.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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
import { startScriptedOpenAi, type ScriptedServer } from '../../agent/testing/scripted-llm.ts';
import { ensureWebBuild } from '../server/build.ts';
import { UseLiteEmbedder } from '../../rulebook/embedder.ts';
import { Rulebook } from '../../rulebook/rulebook.ts';

// CI (.ci/run sets REQUIRE_BROWSER=1) must not pass by skipping: a missing browser fails there.
const requireBrowser = process.env.REQUIRE_BROWSER === '1';
const SHOTS = resolve('.cache/test/web-screenshots');
const title = hasChromium
  ? 'web app in Chromium'
  : `web app in Chromium — SKIPPED: no browser at ${CHROMIUM} (apt-get install chromium)`;

interface Running {
  app: App;
  ctx: AppContext;
  base: string;
}

async function start(dir: string, env: Record<string, string> = {}): Promise<Running> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    CHATS_DB_PATH: join(dir, `chats-${Math.random().toString(36).slice(2)}.db`),
    ...env,
  });
  const ctx = createContext(config, silentLogger);
  const app = await buildApp(config, silentLogger, ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, ctx, base: `http://127.0.0.1:${port}` };
}

if (requireBrowser && !hasChromium)
  it('needs a browser (REQUIRE_BROWSER=1)', () => {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  });

describe.skipIf(!hasChromium)(title, () => {
  let dir: string;
  let main: Running;
  let browser: Browser;
  let context: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'web-e2e-'));
    // A real rulebook index of one regulation PDF (2026 Operational, 32 pages), for the rulebook page.
    const rulebookDir = process.env.RULEBOOK_DIR;
    if (!rulebookDir) throw new Error('tests need RULEBOOK_DIR (see .ci/run)');
    const operational = 'FIA 2026 F1 Regulations - Section F [Operational] - Iss 05 - 2025-12-10.pdf';
    mkdirSync(join(dir, 'pdfs', '2026'), { recursive: true });
    symlinkSync(join(rulebookDir, '2026', operational), join(dir, 'pdfs', '2026', operational));
    const rulebookDb = join(dir, 'rulebook.db');
    const rb = new Rulebook({
      dbPath: rulebookDb,
      backend: 'sqlite-vec',
      embedder: new UseLiteEmbedder(),
      logger: silentLogger,
    });
    await rb.ingest(join(dir, 'pdfs'));
    await rb.close();
    // No LLM key: the offline engine answers, through the real tools.
    main = await start(dir, { LLM_PROVIDER: 'offline', RULEBOOK_DB_PATH: rulebookDb });
    browser = await launchChromium();
    // Service workers off here, so every test sees the server itself (one test turns them on).
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, serviceWorkers: 'block' });
    context.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (main) {
      await main.app.close();
      await main.ctx.close();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string, base = main.base): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    // The server's Content-Security-Policy (src/server/security-headers.ts) must not block anything the app does.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) pageErrors.push(`${path}: ${m.text()}`);
    });
    const res = await page.goto(base + path);
    expect(res?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('Pit Wall: a question streams an answer with a tool chip and becomes a stored chat', async () => {
    const page = await open('/');
    await expect
      .poll(() => page.getByText('Welcome to the Pit Wall').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(page, 'chat-welcome');
    await page.getByLabel('Message').fill('Who won the 2021 Abu Dhabi Grand Prix?');
    await page.getByLabel('Message').press('Enter');
    const chip = page.getByTestId('tool-chip').first();
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/race results/);
    const answer = page.getByTestId('msg-assistant').last();
    await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toMatch(/Max Verstappen/);
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('chat-list').textContent(), { timeout: 15_000 })
      .toMatch(/Abu Dhabi/);
    await shot(page, 'chat-answer');
    await page.close();
  }, 60_000);

  it('Pit Wall: switching chats shows each chat’s own messages', async () => {
    const page = await open('/');
    await page
      .getByTestId('chat-list')
      .getByText(/Abu Dhabi/)
      .waitFor();
    await page.getByLabel('Message').fill('Who won the 2008 drivers championship?');
    await page.getByLabel('Message').press('Enter');
    await expect
      .poll(() => page.getByTestId('msg-assistant').last().textContent(), { timeout: 20_000 })
      .toMatch(/Hamilton/);
    await page.waitForURL(/\/chat\//);
    const secondUrl = page.url();

    await page
      .getByTestId('chat-list')
      .getByRole('button', { name: /^Who won the 2021 Abu Dhabi/ })
      .click();
    await expect
      .poll(() => page.getByTestId('messages').textContent(), { timeout: 15_000 })
      .toMatch(/2021 Abu Dhabi/);
    expect(await page.getByTestId('messages').textContent()).not.toMatch(/2008 drivers/);
    expect(page.url()).not.toBe(secondUrl);

    await page
      .getByTestId('chat-list')
      .getByRole('button', { name: /^Who won the 2008/ })
      .click();
    await expect
      .poll(() => page.getByTestId('messages').textContent(), { timeout: 15_000 })
      .toMatch(/2008 drivers/);
    expect(page.url()).toBe(secondUrl);
    // A reload comes back to the same stored chat (server-side storage, SPA fallback).
    await page.reload();
    await expect
      .poll(() => page.getByTestId('messages').textContent(), { timeout: 15_000 })
      .toMatch(/Hamilton/);
    await page.close();
  }, 60_000);

  it('Pit Wall with an LLM: Markdown tables split across chunks, stop and regenerate', async () => {
    const scripted: ScriptedServer = await startScriptedOpenAi([
      {
        kind: 'tools',
        calls: [{ name: 'get_race_results', arguments: '{"year":2021,"grand_prix":"Abu Dhabi"}' }],
      },
      {
        kind: 'text',
        pieces: [
          'Box box. Top three:\n\n| Pos | Dri',
          'ver |\n|---|---|\n| 1 | Max Verstappen |\n| 2 | Lewis ',
          'Hamilton |\n',
        ],
      },
      { kind: 'hang', ms: 20_000 },
      { kind: 'text', pieces: ['Regenerated: **Verstappen** won.'] },
    ]);
    const llm = await start(dir, {
      LLM_PROVIDER: 'openai',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: scripted.baseURL,
    });
    try {
      const page = await open('/', llm.base);
      await page.getByLabel('Message').fill('Top three in Abu Dhabi 2021 as a table');
      await page.getByLabel('Message').press('Enter');
      const table = page.getByTestId('msg-assistant').last().locator('table');
      await table.waitFor();
      expect(await table.locator('td').allTextContents()).toEqual([
        '1',
        'Max Verstappen',
        '2',
        'Lewis Hamilton',
      ]);
      expect(await page.getByTestId('msg-assistant').last().textContent()).not.toContain('|');
      expect(await page.getByTestId('tool-chip').first().textContent()).toMatch(/✓race results/);
      await shot(page, 'chat-markdown-table');

      // Stop: the next answer hangs; Stop ends it and says so.
      await page.getByLabel('Message').fill('And the strategy?');
      await page.getByLabel('Message').press('Enter');
      await page.getByRole('button', { name: /Stop/ }).click();
      await page.getByText('Stopped.').waitFor();
      // Regenerate asks the same question again and replaces the stopped answer.
      await page.getByRole('button', { name: /Regenerate/ }).click();
      await expect
        .poll(() => page.getByTestId('msg-assistant').last().textContent(), { timeout: 15_000 })
        .toMatch(/Regenerated/);
      expect(await page.getByTestId('msg-assistant').count()).toBe(2);
      await page.close();
    } finally {
      await llm.app.close();
      await llm.ctx.close();
      await scripted.close();
    }
  }, 60_000);

  it('Calendar → race page shows the right winner, classification and qualifying', async () => {
    const page = await open('/calendar');
    await page.getByLabel('Season').selectOption('2021');
    await page.getByRole('link', { name: 'Abu Dhabi Grand Prix' }).click();
    await page.waitForURL(/\/race\/2021\/22$/);
    expect(await page.getByTestId('winner').textContent()).toBe('Max Verstappen');
    const perez = page.getByTestId('classification').locator('tr', { hasText: 'Sergio Pérez' });
    expect(await perez.textContent()).toMatch(/Oil pressure/);
    await shot(page, 'race');
    await page.getByRole('tab', { name: 'Qualifying' }).click();
    expect(await page.getByTestId('qualifying').locator('tbody tr').first().textContent()).toMatch(
      /Max Verstappen/,
    );
    // The strategy API reads the lap tables synchronously on first use (seconds), in this same process, so
    // even the click's acknowledgement waits for it: give both time.
    await page.getByRole('tab', { name: 'Stints' }).click({ timeout: 90_000 });
    await page.getByTestId('stint-chart').waitFor({ timeout: 90_000 });
    await shot(page, 'race-stints');
    await page.getByRole('tab', { name: 'Weather' }).click();
    await page.getByTestId('rain-risk').waitFor({ timeout: 30_000 });
    await shot(page, 'race-weather');
    await page.close();

    // The .ics export holds one event per session of the season shown.
    const cal = await open('/calendar');
    await cal.getByTestId('round-card').first().waitFor();
    await shot(cal, 'calendar');
    const year = await cal.getByLabel('Season').inputValue();
    const [download] = await Promise.all([
      cal.waitForEvent('download'),
      cal.getByRole('button', { name: /Add to calendar/ }).click(),
    ]);
    const ics = readFileSync(await download.path(), 'utf8');
    const schedule = (await (await fetch(`${main.base}/api/schedule/${year}`)).json()) as {
      rounds: { sessions: unknown[] }[];
    };
    const sessions = schedule.rounds.reduce((n, r) => n + r.sessions.length, 0);
    expect(sessions).toBeGreaterThan(0);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(sessions);
    expect(download.suggestedFilename()).toBe(`f1-${year}.ics`);
    await cal.close();
  }, 180_000);

  it('Standings after a chosen round match the API, with a progression chart', async () => {
    const page = await open('/standings');
    await page.getByLabel('Season').selectOption('2024');
    await page.getByLabel('After round').selectOption('10');
    await expect
      .poll(() => page.getByTestId('standings-caption').textContent())
      .toMatch(/After round 10 of 24/);
    const api = (await (await fetch(`${main.base}/api/standings/drivers/2024?round=10`)).json()) as {
      standings: { driver: { name: string }; points: number }[];
    };
    const first = page.getByTestId('standings-table').locator('tbody tr').first();
    expect(await first.textContent()).toContain(api.standings[0]!.driver.name);
    expect(await first.textContent()).toContain(String(api.standings[0]!.points));
    await page.locator('svg.chart path').first().waitFor();
    await shot(page, 'standings');
    await page.getByRole('button', { name: 'Constructors' }).click();
    await expect
      .poll(() => page.getByTestId('standings-table').textContent(), { timeout: 15_000 })
      .toMatch(/Red Bull/);
    await shot(page, 'standings-constructors');
    await page.close();
  }, 60_000);

  it('Live: starting a replay fills the timing tower and it changes as the replay runs', async () => {
    const page = await open('/live');
    await page.getByLabel('Recorded session').selectOption('laps:2024:1:R');
    await page.getByLabel('Replay speed').selectOption('60');
    await page.getByRole('button', { name: /Start replay/ }).click();
    const tower = page.getByTestId('timing-tower');
    await expect.poll(() => tower.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(15);
    await expect
      .poll(() => page.getByTestId('live-session').textContent(), { timeout: 15_000 })
      .toMatch(/2024 Bahrain/);
    const before = await tower.textContent();
    await expect.poll(() => tower.textContent(), { timeout: 20_000 }).not.toBe(before);
    await page.getByTestId('track-map').waitFor();
    expect(await page.getByTestId('replay-position').textContent()).not.toMatch(/^0:00 /);
    await shot(page, 'live');
    await page.close();
  }, 60_000);

  it('Predictions, title scenario, compare and rulebook pages render real answers', async () => {
    for (const [path, name, ready] of [
      // The test database holds every season: each page must show real content, not an error or empty state.
      // (Season in the URL, so the test does not depend on today's date.)
      ['/predictions?year=2026', 'predictions', '[data-testid=prediction-table]'],
      ['/scenario?year=2026', 'scenario', '[data-testid=scenario-summary]'],
      ['/compare?year=2024&a=max-verstappen&b=lando-norris', 'compare', '[data-testid=compare-a]'],
      ['/rulebook?q=wind%20tunnel%20testing%20hours', 'rulebook', '[data-testid=rulebook-hits]'],
    ] as const) {
      const page = await open(path);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      await shot(page, name);
      if (name === 'compare')
        expect(await page.getByTestId('compare-a').textContent()).toMatch(/Max Verstappen/);
      // Real hits, each cited by document, article and page.
      if (name === 'rulebook')
        expect(await page.getByTestId('citation').first().textContent()).toMatch(
          /2026 Operational Regulations, Art\. F4\.[\d.]+ \(Issue 5, p\. \d+\)/,
        );
      // What-if on a season still open: the new table comes back from the scenario API.
      if (name === 'scenario' && (await page.getByRole('button', { name: 'Apply result' }).count()) > 0) {
        await page.getByRole('button', { name: 'Apply result' }).click();
        await page.getByTestId('whatif-summary').waitFor({ timeout: 30_000 });
        await shot(page, 'scenario-what-if');
      }
      await page.close();
    }
  }, 120_000);

  it('works at phone width', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    const page = await phone.newPage();
    await page.goto(`${main.base}/race/2021/22`);
    await page.getByTestId('winner').waitFor();
    await shot(page, 'phone-race');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Standings' }).click();
    await page.getByTestId('standings-table').waitFor();
    // Nothing wider than the screen but the tables' own scroll areas.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-standings');
    await phone.close();
  }, 60_000);

  it('is installable: manifest served and the service worker takes control', async () => {
    const sw = await browser.newContext();
    const page = await sw.newPage();
    await page.goto(`${main.base}/`);
    const active = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state;
    });
    expect(active).toMatch(/activat/);
    const manifest = (await (await fetch(`${main.base}/manifest.webmanifest`)).json()) as { name: string };
    expect(manifest.name).toBe('Race Engineer');
    await sw.close();
  }, 60_000);

  it('shows an error with Retry when the server cannot be reached, and the last data seen offline', async () => {
    const page = await open('/standings');
    await page.getByTestId('standings-table').waitFor();
    // A browser with the service worker: once it controls the page, what it loads is kept.
    const offline = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const cached = await offline.newPage();
    await cached.goto(`${main.base}/standings?year=2021`);
    await cached.evaluate(() => navigator.serviceWorker.ready);
    await cached.reload();
    await expect
      .poll(() => cached.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() => cached.getByTestId('standings-table').textContent(), { timeout: 15_000 })
      .toMatch(/Max Verstappen/);

    await main.app.close();

    // Offline: the shell and the 2021 table come from the cache, marked as such.
    await cached.reload();
    await cached.getByText('Offline — showing the last data seen.').first().waitFor();
    expect(await cached.getByTestId('standings-table').textContent()).toMatch(/Max Verstappen/);
    await shot(cached, 'offline-standings');
    await offline.close();

    await page.getByLabel('Season').selectOption('2023');
    const banner = page.getByTestId('error-banner').first();
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Cannot reach the Race Engineer server/);
    expect(await banner.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await shot(page, 'api-down-standings');
    await page.getByRole('link', { name: 'Pit Wall' }).click();
    await page.getByLabel('Message').fill('Who won in Monza 2019?');
    await page.getByLabel('Message').press('Enter');
    await expect
      .poll(() => page.getByTestId('msg-assistant').last().textContent(), { timeout: 15_000 })
      .toMatch(/Cannot reach/);
    await shot(page, 'api-down-chat');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
