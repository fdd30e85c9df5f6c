// A local stand-in for the OpenF1 REST API that serves a recorded session as if it were running now: records
// appear as the virtual clock passes them. Speaks the real query syntax (`field>value`, `field<=value`…),
// returns 429 past 30 requests / 10 s like the real service. Tests and benchmarks only.
import { createServer, type Server } from 'node:http';
import { recordTime, type OpenF1Endpoint } from '../openf1-translate.ts';

type Rec = Record<string, unknown>;

export interface OpenF1ServerOptions {
  sessionKey: number;
  year: number;
  meetingName: string;
  records: Record<string, Rec[]>;
  startMs?: number;
  speed?: number;
  rateLimit?: number;
}

export interface OpenF1Server {
  url: string;
  requests: number;
  rejected: number;
  /** Answer 503 to everything for `ms` (an outage). */
  outage(ms: number): void;
  close(): Promise<void>;
}

const FILTER = /^([a-z_0-9]+)(>=|<=|>|<|=)(.*)$/;

function matches(r: Rec, field: string, op: string, value: string): boolean {
  const v = r[field];
  if (v === undefined || v === null) return false;
  const a = typeof v === 'number' ? v : String(v);
  const b = typeof v === 'number' ? Number(value) : value;
  switch (op) {
    case '=':
      return a === b || String(a) === value;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    default:
      return a <= b;
  }
}

export async function startOpenF1Server(opts: OpenF1ServerOptions): Promise<OpenF1Server> {
  const laps = opts.records.laps ?? [];
  const first = Math.min(...laps.map((r) => Date.parse(String(r.date_start))).filter(Number.isFinite));
  const t0 = Date.now();
  const now = () => first - 60_000 + (opts.startMs ?? 0) + (Date.now() - t0) * (opts.speed ?? 1);
  const limit = opts.rateLimit ?? 30;
  let window: number[] = [];
  let outageUntil = 0;
  const sessionRecord: Rec = {
    session_key: opts.sessionKey,
    session_name: 'Race',
    session_type: 'Race',
    year: opts.year,
    location: opts.meetingName,
    date_start: new Date(first - 60_000).toISOString(),
  };

  const visible = (ep: string): Rec[] => {
    const at = now();
    if (ep === 'sessions') return [sessionRecord];
    if (ep === 'laps') {
      // A running lap is published with its start and no duration yet.
      return laps
        .filter((r) => Date.parse(String(r.date_start)) <= at)
        .map((r) => ((recordTime('laps', r) ?? Infinity) <= at ? r : { ...r, lap_duration: null }));
    }
    if (ep === 'stints') {
      const lastLap = new Map<string, number>();
      for (const r of laps) {
        if ((recordTime('laps', r) ?? Infinity) <= at) {
          lastLap.set(
            String(r.driver_number),
            Math.max(lastLap.get(String(r.driver_number)) ?? 0, Number(r.lap_number)),
          );
        }
      }
      return (opts.records.stints ?? [])
        .filter((r) => Number(r.lap_start) <= (lastLap.get(String(r.driver_number)) ?? 0) + 1)
        .map((r) => ({
          ...r,
          lap_end: Math.min(Number(r.lap_end), (lastLap.get(String(r.driver_number)) ?? 0) + 1),
        }));
    }
    return (opts.records[ep] ?? []).filter((r) => (recordTime(ep as OpenF1Endpoint, r) ?? Infinity) <= at);
  };

  const state: OpenF1Server = {
    url: '',
    requests: 0,
    rejected: 0,
    outage(ms) {
      outageUntil = Date.now() + ms;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const t = Date.now();
    window = window.filter((x) => t - x < 10_000);
    if (t < outageUntil) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"detail":"Service unavailable"}');
      return;
    }
    if (window.length >= limit) {
      state.rejected++;
      res.writeHead(429, { 'content-type': 'application/json' }).end('{"detail":"Rate limit exceeded"}');
      return;
    }
    window.push(t);
    const [path, query = ''] = (req.url ?? '/').split('?');
    const ep = path!.replace(/^\/v1\//, '');
    let rows = visible(ep);
    for (const part of query.split('&').filter(Boolean)) {
      const m = FILTER.exec(decodeURIComponent(part));
      if (!m) continue;
      const [, field, op, value] = m;
      if (field === 'session_key' && value === 'latest') continue;
      rows = rows.filter((r) => matches(r, field!, op!, value!));
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  return state;
}
