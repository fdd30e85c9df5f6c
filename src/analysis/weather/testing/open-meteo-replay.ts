// A local HTTP server on 127.0.0.1 that replays recorded Open-Meteo responses (wire format), for tests of
// the real client. It answers /v1/forecast with the given body and status and records each request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayServer {
  url: string;
  requests: URL[];
  /** Change what the next requests get. */
  respond(status: number, body: string, delayMs?: number): void;
  close(): Promise<void>;
}

export async function startOpenMeteoReplay(status: number, body: string): Promise<ReplayServer> {
  let current = { status, body, delayMs: 0 };
  const requests: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const send = () => {
      if (url.pathname !== '/v1/forecast') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: true, reason: 'Not Found' }));
        return;
      }
      res.writeHead(current.status, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
      });
      res.end(current.body);
    };
    if (current.delayMs) setTimeout(send, current.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(s, b, delayMs = 0) {
      current = { status: s, body: b, delayMs };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
