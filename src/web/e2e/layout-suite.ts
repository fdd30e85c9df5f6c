// The layout and accessibility suite of every page, run per viewport by layout-phone.test.ts and
// layout-desktop.test.ts, in Debian's Chromium against the real server over the test database (offline
// engine): no page scrolls sideways as a whole, every data table keeps position and driver in view while its
// other columns scroll to within the viewport, axe-core finds no serious or critical violation, and the chat
// and tables work from the keyboard. Writes one screenshot per page and viewport to .cache/test/web-layout/
// and, at desktop size, the README's (docs/screenshots/).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from './chromium.ts';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { buildApp, type App } from '../../server/app.ts';
import { createContext, type AppContext } from '../../server/context.ts';
import { ensureWebBuild } from '../server/build.ts';

const SHOTS = resolve('.cache/test/web-layout');
const README_SHOTS = resolve('docs/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Viewport {
  name: 'phone' | 'desktop';
  width: number;
  height: number;
}

/** Each page with what marks it as loaded. */
const PAGES: { name: string; path: string; ready: string }[] = [
  { name: 'pit-wall', path: '/', ready: 'textarea, input' },
  { name: 'calendar', path: '/calendar?year=2024', ready: 'main h1' },
  // The current season carries the live / next badges, whichever the clock gives.
  { name: 'calendar-now', path: '/calendar', ready: '.round-card' },
  { name: 'standings', path: '/standings?year=2023', ready: '[data-testid=standings-table] tbody tr' },
  { name: 'race', path: '/race/2023/14', ready: '[data-testid=classification] tbody tr' },
  { name: 'live', path: '/live', ready: 'main h1' },
  { name: 'predictions', path: '/predictions', ready: '[data-testid=prediction-table] tbody tr' },
  { name: 'scenario', path: '/scenario?year=2023&round=15', ready: '[data-testid=scenario-summary]' },
  { name: 'compare', path: '/compare', ready: 'main h1' },
  { name: 'rulebook', path: '/rulebook', ready: 'main h1' },
  { name: 'notifications', path: '/notifications', ready: 'main h1' },
];

/**
 * Columns a fan opens the page for, by table and header: in every row, on arrival (no sideways scroll), the
 * cell lies inside the viewport and clear of the sticky position and driver columns, at every size (the
 * phone report: Standings' Points started at x = 416, the race page hid time and points, Predictions showed
 * only Win).
 */
const MUST_SHOW: Record<string, { table: string; columns: string[] }> = {
  standings: { table: '[data-testid=standings-table]', columns: ['Driver', 'Points', 'Gap'] },
  race: { table: '[data-testid=classification]', columns: ['Driver', 'Time', 'Pts'] },
  predictions: { table: '[data-testid=prediction-table]', columns: ['Driver', 'Win', 'Podium', 'Points'] },
  scenario: { table: '[data-testid=contenders]', columns: ['Driver', 'Points', 'Status'] },
};

/** Problems with the MUST_SHOW columns of one table: rows whose cell is off-screen or under a sticky one. */
async function columnsInView(page: Page, table: string, columns: string[], width: number) {
  return page.evaluate(
    ({ table, columns, width }) => {
      const t = document.querySelector(table);
      if (!t) return [`${table} not found`];
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim().toLowerCase());
      const rows = [...t.querySelectorAll('tbody tr')];
      if (rows.length === 0) return [`${table} has no rows`];
      const out: string[] = [];
      for (const col of columns) {
        const i = heads.findIndex((h) => h.startsWith(col.toLowerCase()));
        if (i < 0) {
          out.push(`no "${col}" column`);
          continue;
        }
        rows.forEach((row, n) => {
          const cells = [...row.children] as HTMLElement[];
          const r = cells[i]!.getBoundingClientRect();
          // The sticky columns (position, driver) are painted over what scrolls under them.
          const stickyRight = Math.max(
            0,
            ...cells
              .slice(0, i)
              .filter((c) => getComputedStyle(c).position === 'sticky')
              .map((c) => c.getBoundingClientRect().right),
          );
          if (r.width === 0 || r.left < stickyRight - 1 || r.right > width + 1)
            out.push(`row ${n + 1} "${col}" at x ${Math.round(r.left)}–${Math.round(r.right)}`);
        });
      }
      return out.slice(0, 5);
    },
    { table, columns, width },
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
}

export function layoutSuite(vp: Viewport): void {
  if (process.env.REQUIRE_BROWSER === '1' && !hasChromium)
    it('needs a browser (REQUIRE_BROWSER=1)', () => {
      throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    });
  describe.skipIf(!hasChromium)(
    `${vp.name} ${vp.width}×${vp.height} layout and accessibility (Chromium)`,
    () => {
      let dir: string;
      let app: App;
      let ctx: AppContext;
      let base: string;
      let browser: Browser;

      beforeAll(async () => {
        await ensureWebBuild();
        mkdirSync(SHOTS, { recursive: true });
        mkdirSync(README_SHOTS, { recursive: true });
        dir = mkdtempSync(join(tmpdir(), 'web-layout-'));
        const config = loadConfig({
          ...process.env,
          LOG_LEVEL: 'silent',
          LLM_PROVIDER: 'offline',
          CHATS_DB_PATH: join(dir, 'chats.db'),
          RULEBOOK_DB_PATH: join(dir, 'rulebook.db'),
        });
        ctx = createContext(config, silentLogger);
        app = await buildApp(config, silentLogger, ctx);
        await app.listen({ port: 0, host: '127.0.0.1' });
        base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        browser = await launchChromium();
      }, 120_000);

      // A fresh browser context at this viewport, service worker off (pages load from the server each time).
      const newContext = async () => {
        const context = await browser.newContext({
          viewport: { width: vp.width, height: vp.height },
          serviceWorkers: 'block',
        });
        context.setDefaultTimeout(15_000);
        return context;
      };

      afterAll(async () => {
        await browser?.close();
        await app?.close();
        await ctx?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      {
        it(`every page fits, tables keep position and driver in view, axe passes`, async () => {
          const context = await newContext();
          const problems: string[] = [];
          try {
            for (const p of PAGES) {
              const page = await context.newPage();
              await page.goto(base + p.path);
              await page.locator(p.ready).first().waitFor();
              await page.waitForLoadState('networkidle');

              // The page itself never scrolls sideways: wide content scrolls inside its own box.
              const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
              if (docWidth > vp.width + 1) problems.push(`${p.name}: page is ${docWidth}px wide`);

              // What a fan opens the page for is on screen in every row without scrolling sideways; the
              // last row, scrolled to down the page, lies wholly inside the viewport.
              const must = MUST_SHOW[p.name];
              if (must) {
                for (const m of await columnsInView(page, must.table, must.columns, vp.width))
                  problems.push(`${p.name}: ${m}`);
                const last = page.locator(`${must.table} tbody tr`).last();
                await last.scrollIntoViewIfNeeded();
                const cell = await last.locator('td').nth(1).boundingBox();
                if (!cell || cell.y < 0 || cell.y + cell.height > vp.height)
                  problems.push(`${p.name}: last row not reachable by scrolling down`);
                await page.evaluate(() => window.scrollTo(0, 0));
              }

              for (const table of await page.locator('.table-wrap table.data').all()) {
                if (!(await table.isVisible())) continue;
                const wrap = table.locator('xpath=ancestor::*[contains(@class,"table-wrap")][1]');
                const firstCell = table.locator('tbody tr').first().locator('td').first();
                if ((await firstCell.count()) === 0) continue;
                const headers = table.locator('thead th');
                const lastHeader = headers.last();
                await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
                const inView = async (what: string, box: { x: number; width: number } | null) => {
                  if (!box) return problems.push(`${p.name}: ${what} has no box`);
                  if (box.x < -1 || box.x + box.width > vp.width + 1)
                    problems.push(
                      `${p.name}: ${what} at x ${Math.round(box.x)}–${Math.round(box.x + box.width)}`,
                    );
                };
                // Scrolled to the end: the last column has come into view and the first one stayed.
                await inView(`last column "${await lastHeader.innerText()}"`, await lastHeader.boundingBox());
                await inView('first column', await firstCell.boundingBox());
                if (vp.name === 'phone' && (await table.locator('tbody td.pos').count()) > 0) {
                  const name = table.locator('tbody tr').first().locator('td').nth(1);
                  await inView('driver column while scrolled', await name.boundingBox());
                }
                await wrap.evaluate((el) => (el.scrollLeft = 0));
              }

              const serious = (await axe(page)).filter(
                (v) => v.impact === 'serious' || v.impact === 'critical',
              );
              for (const v of serious)
                problems.push(`${p.name}: axe ${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(v.nodes)}`);

              await page.screenshot({ path: join(SHOTS, `${p.name}-${vp.name}.png`) });
              if (vp.name === 'desktop' && p.name === 'pit-wall')
                await page.screenshot({ path: join(README_SHOTS, 'pit-wall.png') });
              if (vp.name === 'desktop' && p.name === 'live') {
                // The README shows the tower at work: a recorded race replaying.
                await page.getByRole('button', { name: /Start replay/ }).click();
                await page.locator('[data-testid=timing-tower] tbody tr').nth(9).waitFor({ timeout: 30_000 });
                await page.waitForTimeout(4_000);
                await page.screenshot({ path: join(README_SHOTS, 'live.png') });
              }
              await page.close();
            }
          } finally {
            await context.close();
          }
          expect(problems).toEqual([]);
        }, 120_000);
      }

      it('labels read as a fan would: penalties, stint order and legend, weather, title contenders', async () => {
        const context = await newContext();
        try {
          const page = await context.newPage();
          await page.goto(base + '/race/2023/14');
          const table = page.getByTestId('classification');
          // 2023 Monza: Russell, Hamilton, Piastri and Sargeant had 5 s penalties (stored as "5.000").
          const russell = table.locator('tr', { hasText: 'George Russell' });
          await expect.poll(() => russell.textContent()).toMatch(/incl\. \+5 s penalty/);
          expect(await table.textContent()).not.toMatch(/5\.000|pen\./);
          // Stints: drivers in finishing order (Verstappen, Pérez, Sainz), every compound named in a legend.
          await page.getByRole('tab', { name: 'Stints' }).click();
          const chart = page.getByTestId('stint-chart');
          await chart.waitFor();
          const labels = await chart.locator('g > text').allTextContents();
          expect(labels.slice(0, 3)).toEqual(['VER', 'PER', 'SAI']);
          expect((await page.getByTestId('stint-legend').textContent())!.toLowerCase()).toMatch(
            /soft.*medium.*hard.*intermediate.*wet/,
          );
          // Weather of a race already run says what happened, never "Rain risk: unknown".
          await page.getByRole('tab', { name: 'Weather' }).click();
          const risk = page.getByTestId('rain-risk');
          await risk.waitFor();
          expect(await risk.textContent()).toMatch(/^Dry race — This race was dry\./);
          // Title scenario 2026 after round 11: Tsunoda, listed for the season without a start, is no contender.
          await page.goto(base + '/scenario?year=2026&round=11');
          const contenders = page.getByTestId('contenders');
          await contenders.locator('tbody tr').first().waitFor();
          expect(await contenders.textContent()).not.toMatch(/Tsunoda/);
          expect(await page.getByTestId('scenario-summary').textContent()).toMatch(
            /Not counted: Yuki Tsunoda \(no start this season\)/,
          );
        } finally {
          await context.close();
        }
      }, 60_000);

      it('chat and tables work from the keyboard', async () => {
        const context = await newContext();
        try {
          const page = await context.newPage();
          await page.goto(base + '/');
          await page.getByLabel('Message').waitFor();
          // Tab from the top of the page reaches the message box; Enter sends.
          let reached = false;
          for (let i = 0; i < 40 && !reached; i++) {
            await page.keyboard.press('Tab');
            reached = await page.evaluate(
              () => document.activeElement?.getAttribute('aria-label') === 'Message',
            );
          }
          expect(reached).toBe(true);
          await page.keyboard.type('Who won the 2021 Abu Dhabi Grand Prix?');
          await page.keyboard.press('Enter');
          const answer = page.getByTestId('msg-assistant').last();
          await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toMatch(/Max Verstappen/);

          // A table's scroll box takes focus and scrolls with the arrow keys.
          await page.goto(base + '/race/2023/14');
          await page.locator('[data-testid=classification] tbody tr').first().waitFor();
          const wrap = page.locator('.table-wrap').first();
          let focused = false;
          for (let i = 0; i < 60 && !focused; i++) {
            await page.keyboard.press('Tab');
            focused = await wrap.evaluate((el) => el === document.activeElement);
          }
          expect(focused).toBe(true);
          const overflows = await wrap.evaluate((el) => el.scrollWidth > el.clientWidth);
          if (overflows) {
            await page.keyboard.press('End');
            for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
            await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
          }
        } finally {
          await context.close();
        }
      }, 60_000);
    },
  );
}
