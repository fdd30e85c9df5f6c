// `rulebook fetch` / `rulebook add` against a local PDF host serving the real regulation PDFs: the manifest's
// documents land in RULEBOOK_DIR/<season>/, a second run fetches nothing, a newer issue of a season's section
// supersedes the older one (moved out of the indexed folder) while other seasons stay, a 404 is reported per
// document, a 503 is retried, a non-PDF is refused.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { resolveScope } from './scope.ts';
import { describeDocument } from './documents.ts';
import {
  addDocument,
  fetchRulebook,
  fileNameOf,
  loadManifest,
  planFetch,
  type ManifestEntry,
} from './fetch.ts';
import type { DocumentInfo } from './types.ts';

const PDFS = process.env.RULEBOOK_DIR!;
const sporting25 = 'FIA 2025 Formula 1 Sporting Regulations - Issue 5 - 2025-04-30.pdf';
const technical24 = 'fia_2024_formula_1_technical_regulations_-_issue_8_-_2024-10-17.pdf';
let server: Server;
let base: string;
let work: string;
const seen: string[] = [];
let failNext: number[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rulebook-fetch-'));
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url!, 'http://x').pathname.split('/').pop()!);
    seen.push(name);
    const fail = failNext.shift();
    if (fail) return res.writeHead(fail).end();
    // "Issue 6" of the 2025 Sporting Regulations: the issue-5 PDF under the next issue's name.
    const file = name.includes('Issue 6')
      ? join(PDFS, '2025', sporting25)
      : name === 'notes.pdf'
        ? null
        : findPdf(name);
    if (name === 'notes.pdf')
      return res.writeHead(200, { 'content-type': 'application/pdf' }).end('<html>login</html>');
    if (!file) return res.writeHead(404).end('not found');
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sites/default/files`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(work, { recursive: true, force: true });
});

function findPdf(name: string): string | null {
  for (const season of readdirSync(PDFS))
    if (existsSync(join(PDFS, season, name))) return join(PDFS, season, name);
  return null;
}

function configIn(dir: string): Config {
  return loadConfig({
    RULEBOOK_DIR: join(dir, 'rulebook'),
    DATA_SYNC_DIR: join(dir, 'sync'),
    DATABASE_PATH: join(dir, 'race-engineer.db'),
    DATA_SYNC_BACKOFF_MS: '5',
    LOG_LEVEL: 'silent',
  });
}

const entry = (
  season: number,
  section: ManifestEntry['section'],
  issue: number,
  file: string,
): ManifestEntry => ({
  season,
  section,
  issue,
  url: `${base}/${encodeURIComponent(file)}`,
});

function docsIn(dir: string): DocumentInfo[] {
  return readdirSync(dir).flatMap((season) =>
    readdirSync(join(dir, season)).map((f) => describeDocument(join(dir, season, f))!),
  );
}

describe('rulebook fetch', () => {
  it("the repository's manifest names each document's season, section and issue as its file name does", () => {
    const manifest = loadManifest();
    expect(manifest.length).toBeGreaterThan(5);
    for (const e of manifest) {
      const info = describeDocument(join(String(e.season), fileNameOf(e.url)));
      expect(info, e.url).toMatchObject({ season: e.season, section: e.section, issue: e.issue });
    }
  });

  it('downloads the manifest into RULEBOOK_DIR/<season>/, then fetches nothing; 404s reported, 503 retried', async () => {
    const dir = join(work, 'a');
    const config = configIn(dir);
    const manifest = [
      entry(2025, 'Sporting', 5, sporting25),
      entry(2024, 'Technical', 8, technical24),
      entry(2026, 'Technical', 1, 'FIA 2026 F1 Regulations - Section C [Technical] - Iss 01.pdf'),
    ];
    failNext = [503];
    const s = await fetchRulebook(config, silentLogger, { manifest });
    expect(s.fetched.map((f) => f.file)).toEqual([
      join(dir, 'rulebook', '2025', sporting25),
      join(dir, 'rulebook', '2024', technical24),
    ]);
    expect(s.failed).toHaveLength(1);
    expect(s.failed[0]!.error).toMatch(/HTTP 404/);
    expect(
      readFileSync(join(dir, 'rulebook', '2025', sporting25)).equals(
        readFileSync(join(PDFS, '2025', sporting25)),
      ),
    ).toBe(true);

    seen.length = 0;
    expect(planFetch(config, null, manifest).filter((i) => !i.skip)).toHaveLength(1); // only the missing 2026 one
    const again = await fetchRulebook(config, silentLogger, { manifest: manifest.slice(0, 2) });
    expect(again).toMatchObject({ fetched: [], present: 2, requests: 0 });
    expect(seen).toEqual([]);
  }, 60_000);

  it('a new issue becomes the latest for its section; other seasons stay searchable by season', async () => {
    const dir = join(work, 'b');
    const config = configIn(dir);
    await fetchRulebook(config, silentLogger, {
      manifest: [entry(2025, 'Sporting', 5, sporting25), entry(2024, 'Technical', 8, technical24)],
    });
    const issue6 = 'FIA 2025 Formula 1 Sporting Regulations - Issue 6 - 2025-09-30.pdf';
    const s = await fetchRulebook(config, silentLogger, { manifest: [entry(2025, 'Sporting', 6, issue6)] });
    expect(s.fetched[0]!.superseded).toEqual([sporting25]);
    expect(readdirSync(join(dir, 'rulebook', '2025'))).toEqual([issue6]);
    expect(existsSync(join(dir, 'sync', 'rulebook-superseded', '2025', sporting25))).toBe(true);

    const docs = docsIn(join(dir, 'rulebook'));
    const latest = resolveScope(docs, undefined, 'Sporting');
    expect(latest.docs.map((d) => [d.season, d.issue])).toEqual([[2025, 6]]);
    expect(resolveScope(docs, 2024, undefined).docs.map((d) => d.section)).toEqual(['Technical']);

    // An older issue added by hand is refused rather than replacing the newer one.
    const old = join(work, sporting25);
    writeFileSync(old, readFileSync(join(PDFS, '2025', sporting25)));
    await expect(addDocument(config, silentLogger, old)).rejects.toThrow(/older than/);
  }, 60_000);

  it('rulebook add takes a local file or a URL and refuses what is not a PDF', async () => {
    const dir = join(work, 'c');
    const config = configIn(dir);
    const local = await addDocument(config, silentLogger, join(PDFS, '2024', technical24));
    expect(local).toMatchObject({ season: 2024, section: 'Technical', issue: 8 });
    const remote = await addDocument(config, silentLogger, `${base}/${encodeURIComponent(sporting25)}`);
    expect(remote).toMatchObject({ season: 2025, section: 'Sporting', issue: 5 });
    await expect(addDocument(config, silentLogger, `${base}/notes.pdf`)).rejects.toThrow(/not a PDF/);
  });
});
