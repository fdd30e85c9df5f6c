// A local stand-in for the F1 live-timing service that speaks the real wire protocol (SignalR Core negotiate +
// WebSocket JSON hub protocol, 0x1e record separator) and replays a recording as if the session were live.
// Used by tests and the benchmark; never by production code.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { mergeFeed } from '../feed-merge.ts';
import type { FeedFrame } from '../recordings/jsonstream.ts';

const RS = '\u001e';

export interface FeedServerOptions {
  frames: FeedFrame[];
  startMs?: number;
  speed?: number;
  baseUtc?: number;
}

export interface FeedServer {
  url: string;
  connections: number;
  subscriptions: string[][];
  /** Drops every open socket (an upstream outage); `refuseMs` keeps refusing negotiate for a while. */
  drop(refuseMs?: number): void;
  close(): Promise<void>;
}

export async function startFeedServer(opts: FeedServerOptions): Promise<FeedServer> {
  const frames = opts.frames;
  const speed = opts.speed ?? 1;
  const t0 = Date.now();
  const baseUtc = opts.baseUtc ?? Date.parse('2025-10-25T20:46:24Z');
  const position = () => (opts.startMs ?? 0) + (Date.now() - t0) * speed;
  const tokens = new Set<string>();
  const sockets = new Set<WebSocket>();
  let refuseUntil = 0;
  const state: FeedServer = {
    url: '',
    connections: 0,
    subscriptions: [],
    drop(refuseMs = 0) {
      refuseUntil = Date.now() + refuseMs;
      for (const s of sockets) s.terminate();
    },
    close: async () => {
      for (const s of sockets) s.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/signalrcore/negotiate')) {
      if (Date.now() < refuseUntil) {
        res.writeHead(503).end();
        return;
      }
      const token = randomUUID();
      tokens.add(token);
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'AWSALBCORS=test-node; Path=/; SameSite=None',
      });
      res.end(
        JSON.stringify({
          negotiateVersion: 1,
          connectionId: randomUUID(),
          connectionToken: token,
          availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const id = url.searchParams.get('id');
    if (
      url.pathname !== '/signalrcore' ||
      !id ||
      !tokens.has(id) ||
      !String(req.headers.cookie).includes('AWSALBCORS')
    ) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    tokens.delete(id);
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    sockets.add(ws);
    state.connections++;
    let buffer = '';
    let handshaken = false;
    let timer: NodeJS.Timeout | undefined;
    ws.on('close', () => {
      clearInterval(timer);
      sockets.delete(ws);
    });
    ws.on('message', (data) => {
      buffer += data.toString();
      let i: number;
      while ((i = buffer.indexOf(RS)) >= 0) {
        const msg = JSON.parse(buffer.slice(0, i)) as Record<string, unknown>;
        buffer = buffer.slice(i + 1);
        if (!handshaken) {
          handshaken = msg.protocol === 'json';
          ws.send((handshaken ? '{}' : JSON.stringify({ error: 'unsupported protocol' })) + RS);
          continue;
        }
        if (msg.type === 1 && msg.target === 'Subscribe') {
          const topics = new Set((msg.arguments as string[][])[0]);
          state.subscriptions.push([...topics]);
          let next = 0;
          const now = position();
          const result: Record<string, unknown> = {};
          while (next < frames.length && frames[next]!.timeMs <= now) {
            const f = frames[next++]!;
            if (topics.has(f.topic)) result[f.topic] = mergeFeed(result[f.topic], structuredClone(f.data));
          }
          ws.send(JSON.stringify({ type: 3, invocationId: msg.invocationId, result }) + RS);
          timer = setInterval(() => {
            const upTo = position();
            let batch = '';
            while (next < frames.length && frames[next]!.timeMs <= upTo) {
              const f = frames[next++]!;
              if (!topics.has(f.topic)) continue;
              const ts = new Date(baseUtc + f.timeMs).toISOString();
              batch += JSON.stringify({ type: 1, target: 'feed', arguments: [f.topic, f.data, ts] }) + RS;
            }
            if (batch) ws.send(batch);
          }, 20);
        }
      }
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  state.url = `http://127.0.0.1:${port}/signalrcore`;
  return state;
}
