// A local stand-in for GitHub in the wire format the f1db sync reads: `GET /repos/<owner>/<name>/releases/latest`
// (JSON with tag_name, published_at, tarball_url, assets[].browser_download_url), the tag tarball
// `GET /repos/<o>/<n>/tarball/<tag>` answered with a 302 to a codeload-style URL, and that URL serving the
// gzip tarball with Content-Length, ETag and Range (206). Faults for tests and benchmarks: answers with a
// status (429 with Retry-After, 5xx) for the next requests, a body cut after N bytes, a corrupt archive.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { header, serveRange } from './range.ts';
import * as tar from 'tar';

export interface FakeRelease {
  tag: string;
  publishedAt: string;
  tarball: Buffer;
}

export interface SeenRequest {
  method: string;
  url: string;
  range: string | null;
  userAgent: string | null;
}

export class GithubReleasesServer {
  private server: Server | undefined;
  release: FakeRelease | null = null;
  readonly seen: SeenRequest[] = [];
  /** Statuses to answer the next requests with (429 carries Retry-After: 0). */
  failNext: number[] = [];
  /** Cut the next tarball body after this many bytes (closing the connection). */
  cutNextBodyAt: number | null = null;
  /** Refuse connections altogether (upstream down). */
  down = false;
  base = '';

  constructor(readonly repo = 'f1db/f1db') {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      if (this.down) {
        req.socket.destroy();
        return;
      }
      this.seen.push({
        method: req.method ?? 'GET',
        url: req.url ?? '',
        range: header(req, 'range'),
        userAgent: header(req, 'user-agent'),
      });
      const fail = this.failNext.shift();
      if (fail) {
        res.writeHead(fail, {
          'content-type': 'application/json',
          ...(fail === 429 ? { 'retry-after': '0' } : {}),
        });
        res.end(JSON.stringify({ message: fail === 429 ? 'API rate limit exceeded' : 'Server Error' }));
        return;
      }
      const url = new URL(req.url ?? '/', this.base);
      const r = this.release;
      if (url.pathname === `/repos/${this.repo}/releases/latest`) {
        if (!r) return json(res, 404, { message: 'Not Found' });
        return json(res, 200, {
          url: `${this.base}/repos/${this.repo}/releases/1`,
          tag_name: r.tag,
          name: r.tag,
          draft: false,
          prerelease: false,
          created_at: r.publishedAt,
          published_at: r.publishedAt,
          tarball_url: `${this.base}/repos/${this.repo}/tarball/${r.tag}`,
          zipball_url: `${this.base}/repos/${this.repo}/zipball/${r.tag}`,
          assets: ['f1db-csv.zip', 'f1db-json-single.zip', 'f1db-sqlite.zip'].map((name, i) => ({
            id: i + 1,
            name,
            content_type: 'application/zip',
            size: 1000,
            browser_download_url: `${this.base}/${this.repo}/releases/download/${r.tag}/${name}`,
          })),
        });
      }
      const tarballPath = `/repos/${this.repo}/tarball/`;
      if (url.pathname.startsWith(tarballPath)) {
        const tag = url.pathname.slice(tarballPath.length);
        res.writeHead(302, { location: `${this.base}/codeload/${this.repo}/legacy.tar.gz/refs/tags/${tag}` });
        return res.end();
      }
      const codeload = `/codeload/${this.repo}/legacy.tar.gz/refs/tags/`;
      if (url.pathname.startsWith(codeload) && r && url.pathname.slice(codeload.length) === r.tag) {
        if (serveRange(req, res, r.tarball, 'application/x-gzip', this.cutNextBodyAt))
          this.cutNextBodyAt = null;
        return;
      }
      json(res, 404, { message: 'Not Found' });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  /** Requests that reached a path starting with `prefix`. */
  requestsTo(prefix: string): SeenRequest[] {
    return this.seen.filter((s) => s.url.startsWith(prefix));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * A GitHub-style tag tarball (`f1db-f1db-<sha>/src/data/…`) of an f1db tree: every entity folder and the
 * given seasons of `f1dbDir` (a full f1db checkout), so a test imports in seconds.
 */
export async function f1dbTarball(f1dbDir: string, seasons: number[], commit: string): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'f1db-tarball-'));
  try {
    const top = `f1db-f1db-${commit.slice(0, 7)}`;
    const data = join(f1dbDir, 'src', 'data');
    for (const folder of readdirSync(data)) {
      if (folder === 'seasons') continue;
      cpSync(join(data, folder), join(work, top, 'src', 'data', folder), { recursive: true });
    }
    for (const y of seasons)
      cpSync(join(data, 'seasons', String(y)), join(work, top, 'src', 'data', 'seasons', String(y)), {
        recursive: true,
      });
    const chunks: Buffer[] = [];
    const stream = tar.c({ gzip: true, cwd: work, portable: true }, [top]);
    for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
    return Buffer.concat(chunks);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
