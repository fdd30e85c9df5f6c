// A local stand-in for the F1 live-timing static archive (livetiming.formula1.com/static/), built from a
// folder of recordings (`<collection>/<session>/{session_info.json,raw/<Topic>.jsonStream}`, as in
// F1_DATA_DIR/livetiming): `/static/<year>/Index.json` lists the meetings and their sessions with their
// archive Path (each recording's session_info.json carries it), `/static/<Path>Index.json` the session's
// feeds, `/static/<Path><Topic>.jsonStream` the recorded topic byte for byte (with ETag and Range, 206).
// JSON answers start with a byte order mark like the real ones. Faults for tests and benchmarks: statuses for
// the next requests (429 with Retry-After), a topic body cut after N bytes, the whole host down.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { header, serveRange } from './range.ts';

interface RecordedSession {
  info: Record<string, unknown> & { Path: string; Meeting: Record<string, unknown> & { Key: number } };
  rawDir: string;
  topics: string[];
}

export interface SeenArchiveRequest {
  url: string;
  range: string | null;
  userAgent: string | null;
}

export class TimingArchiveServer {
  private server: Server | undefined;
  private readonly sessions: RecordedSession[] = [];
  readonly seen: SeenArchiveRequest[] = [];
  failNext: number[] = [];
  /** Cut the next topic body after this many bytes (closing the connection). */
  cutNextBodyAt: number | null = null;
  down = false;
  base = '';

  constructor(recordingsDir: string) {
    for (const c of readdirSync(recordingsDir, { withFileTypes: true })) {
      if (!c.isDirectory()) continue;
      for (const d of readdirSync(join(recordingsDir, c.name), { withFileTypes: true })) {
        if (!d.isDirectory()) continue;
        const dir = join(recordingsDir, c.name, d.name);
        try {
          const info = JSON.parse(
            readFileSync(join(dir, 'session_info.json'), 'utf8'),
          ) as RecordedSession['info'];
          if (!info.Path || !info.Meeting) continue;
          const topics = readdirSync(join(dir, 'raw'))
            .filter((f) => f.endsWith('.jsonStream'))
            .map((f) => f.replace(/\.jsonStream$/, ''));
          this.sessions.push({ info, rawDir: join(dir, 'raw'), topics });
        } catch {
          // not a recording
        }
      }
    }
  }

  /** The season index as the archive publishes it: meetings with their sessions. */
  seasonIndex(year: number): unknown {
    const meetings = new Map<number, Record<string, unknown> & { Sessions: unknown[] }>();
    for (const s of this.sessions) {
      if (!s.info.Path.startsWith(`${year}/`)) continue;
      const { Meeting, ArchiveStatus: _a, SessionStatus: _s, ...session } = s.info;
      let m = meetings.get(Meeting.Key);
      if (!m) meetings.set(Meeting.Key, (m = { ...Meeting, Sessions: [] }));
      m.Sessions.push(session);
    }
    return { Year: year, Meetings: [...meetings.values()] };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      if (this.down) {
        req.socket.destroy();
        return;
      }
      this.seen.push({
        url: req.url ?? '',
        range: header(req, 'range'),
        userAgent: header(req, 'user-agent'),
      });
      const fail = this.failNext.shift();
      if (fail) {
        res.writeHead(fail, fail === 429 ? { 'retry-after': '0' } : {});
        return res.end(fail === 429 ? 'Too Many Requests' : 'Server Error');
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', this.base).pathname);
      const season = /^\/static\/(\d{4})\/Index\.json$/.exec(path);
      if (season) return bomJson(res, this.seasonIndex(Number(season[1])));
      for (const s of this.sessions) {
        const prefix = `/static/${s.info.Path}`;
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        if (rest === 'Index.json') {
          const feeds = Object.fromEntries(
            s.topics.map((t) => [t, { KeyFramePath: `${t}.json`, StreamPath: `${t}.jsonStream` }]),
          );
          return bomJson(res, { Feeds: feeds });
        }
        const topic = /^(.+)\.jsonStream$/.exec(rest)?.[1];
        if (topic && s.topics.includes(topic))
          return this.serveFile(req, res, readFileSync(join(s.rawDir, `${topic}.jsonStream`)));
      }
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>');
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return `${this.base}/static/`;
  }

  private serveFile(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    if (serveRange(req, res, body, 'application/octet-stream', this.cutNextBodyAt)) this.cutNextBodyAt = null;
  }

  requestsTo(pattern: RegExp): SeenArchiveRequest[] {
    return this.seen.filter((s) => pattern.test(s.url));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

function bomJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(`\uFEFF${JSON.stringify(body)}`);
}
