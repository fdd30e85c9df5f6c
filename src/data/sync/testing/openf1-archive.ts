// A local stand-in for OpenF1's historical REST API serving the OpenF1 recordings (OPENF1_DIR/openf1): the
// recorded records of `laps`, `stints` and `weather` as `?session_key=` returns them, `/v1/sessions?year=` and
// `/v1/meetings?year=` built from index.json and the laps' times, and OpenF1's 404 `{"detail":"No results
// found."}` for an endpoint with nothing recorded. Faults: answers queued in `failNext` (429 with
// Retry-After, 5xx), `down` (every connection refused), and every request's time kept in `seen`. Tests only.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

interface IndexEntry {
  season: number;
  meeting_key: number;
  session_key: number;
  meeting_name: string;
  session_name: string;
}

export interface SeenRequest {
  path: string;
  at: number;
  status: number;
  userAgent: string | undefined;
}

export class OpenF1ArchiveServer {
  readonly seen: SeenRequest[] = [];
  failNext: { status: number; retryAfter?: number }[] = [];
  private server: Server | undefined;
  private port = 0;
  private readonly index: IndexEntry[];

  constructor(
    private readonly openf1Dir: string,
    /** Only these seasons' races are served (keeps a test's run short). */
    private readonly only?: (e: IndexEntry) => boolean,
  ) {
    const all = JSON.parse(readFileSync(join(openf1Dir, 'openf1', 'index.json'), 'utf8')) as IndexEntry[];
    this.index = only ? all.filter(only) : all;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  private file(e: IndexEntry, ep: string): string {
    return join(this.openf1Dir, 'openf1', String(e.season), String(e.session_key), `${ep}.json`);
  }

  private records(e: IndexEntry, ep: string): Record<string, unknown>[] {
    const f = this.file(e, ep);
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>[]) : [];
  }

  /** A session record in OpenF1's shape; start and end from the first and last recorded lap. */
  private session(e: IndexEntry): Record<string, unknown> {
    const laps = this.records(e, 'laps');
    const starts = laps.map((l) => Date.parse(String(l.date_start))).filter(Number.isFinite);
    const start = starts.length ? Math.min(...starts) : Date.UTC(e.season, 0, 1);
    const end = starts.length ? Math.max(...starts) + 120_000 : start + 2 * 3600_000;
    const iso = (t: number) => new Date(t).toISOString().replace('.000Z', '+00:00');
    return {
      meeting_key: e.meeting_key,
      session_key: e.session_key,
      location: e.meeting_name.replace(/ Grand Prix$/, ''),
      date_start: iso(start),
      date_end: iso(end),
      session_type: 'Race',
      session_name: e.session_name,
      country_name: e.meeting_name.replace(/ Grand Prix$/, ''),
      year: e.season,
    };
  }

  private answer(path: string, query: URLSearchParams): { status: number; body: unknown } {
    const ep = path.replace(/^\/v1\//, '');
    const year = Number(query.get('year'));
    const key = Number(query.get('session_key'));
    let rows: unknown[];
    if (ep === 'sessions') rows = this.index.filter((e) => e.season === year).map((e) => this.session(e));
    else if (ep === 'meetings')
      rows = this.index
        .filter((e) => e.season === year)
        .map((e) => ({ meeting_key: e.meeting_key, meeting_name: e.meeting_name, year: e.season }));
    else {
      const e = this.index.find((x) => x.session_key === key);
      rows = e ? this.records(e, ep) : [];
    }
    if (rows.length === 0) return { status: 404, body: { detail: 'No results found.' } };
    return { status: 200, body: rows };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const fail = this.failNext.shift();
      const seen: SeenRequest = {
        path: url.pathname + url.search,
        at: Date.now(),
        status: fail?.status ?? 0,
        userAgent: req.headers['user-agent'],
      };
      this.seen.push(seen);
      if (fail) {
        res
          .writeHead(fail.status, {
            'content-type': 'application/json',
            ...(fail.retryAfter !== undefined ? { 'retry-after': String(fail.retryAfter) } : {}),
          })
          .end(JSON.stringify({ detail: fail.status === 429 ? 'Rate limit exceeded' : 'Server error' }));
        return;
      }
      const { status, body } = this.answer(url.pathname, url.searchParams);
      seen.status = status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Stops listening (an upstream that is down); `start()` again serves on the same port. */
  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }
}
