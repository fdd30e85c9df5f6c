// The HTTP surface under hostile input, one test per defect found by the issue-13 probe: framework errors in
// the one error shape, foreign Host names refused, security headers, request ids, strict numbers, the Ergast
// URL not taken from the Host header, and bad WebSocket frames logged at warn without a stack.
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { buildApp, type App } from './app.ts';
import { createContext, type AppContext } from './context.ts';

const lines: { level: number; event?: string; err?: { stack?: string }; msg?: string }[] = [];
const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
let app: App;
let ctx: AppContext;
let port: number;

beforeAll(async () => {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'info', PUBLIC_URL: 'https://f1.example.org' });
  ctx = createContext(config, logger);
  app = await buildApp(config, logger, ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

/** A raw HTTP exchange over TCP: what node's parser answers before fastify sees anything. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    socket.write(request);
    setTimeout(() => socket.end(), 2000);
  });
}

const body = (res: string) =>
  JSON.parse(res.slice(res.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };

describe('one error shape for framework errors', () => {
  it('bad percent-encoding → 400 {error:{code,message}}', async () => {
    const res = await app.inject({ url: '/api/races/%zz/1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('an 18 KB URL → 431 in the same shape', async () => {
    const res = await raw(`GET /api/races/2024/${'x'.repeat(18_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(res).toMatch(/^HTTP\/1\.1 431 /);
    expect(body(res).error.code).toBe('headers_too_large');
  });

  it('an unparseable request → 400 in the same shape', async () => {
    const res = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(res).toMatch(/^HTTP\/1\.1 400 /);
    expect(body(res).error.code).toBe('bad_request');
  });

  it('415 is unsupported_media_type; 403 forbidden; 404 not_found; 405 from MCP', async () => {
    const xml = await app.inject({
      method: 'POST',
      url: '/api/ask',
      headers: { 'content-type': 'application/xml' },
      payload: '<q/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('unsupported_media_type');
    const foreign = await app.inject({
      method: 'POST',
      url: '/mcp',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(foreign.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/nothing' })).json().error.code).toBe('not_found');
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses a foreign Host with 421 before any route runs, on /api and /mcp', async () => {
    for (const url of ['/api/health', '/api/chats', '/mcp', '/']) {
      const res = await app.inject({ url, headers: { host: 'evil.example' } });
      expect(res.statusCode, url).toBe(421);
      expect(res.json().error.code).toBe('misdirected_request');
    }
  });

  it('answers the loopback names and the configured public name', async () => {
    for (const host of ['localhost:8000', '127.0.0.1', '[::1]:8000', 'f1.example.org']) {
      expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
    }
  });
});

describe('headers', () => {
  it('sends nosniff, frame protection, a Referrer-Policy and a CSP', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('keeps a short safe X-Request-Id, replaces a long or unsafe one', async () => {
    const ok = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-42.a:b' } });
    expect(ok.headers['x-request-id']).toBe('trace-42.a:b');
    for (const bad of ['x'.repeat(8192), 'a b', '<script>', 'x'.repeat(65)]) {
      const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('Ergast MRData.url comes from PUBLIC_URL, not the Host header', async () => {
    const res = await app.inject({
      url: '/ergast/f1/2021/22/results.json',
      headers: { host: 'localhost:1' },
    });
    expect(res.headers['cache-control']).toMatch(/public/);
    expect(res.json().MRData.url).toBe('https://f1.example.org/ergast/f1/2021/22/results.json');
  });
});

describe('strict numbers in parameters', () => {
  it.each([
    '/api/scenario/2025?round=%20',
    '/api/scenario/2025?round=0x10',
    '/api/scenario/2025?round=1e1',
    '/api/schedule/0x7e8',
    '/api/schedule/%202024',
    '/api/strategy/2024/8?lap=0x1e',
    '/api/drivers?limit=1e2',
    '/api/live/2025/0x14',
  ])('%s → 400', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });
});

describe('bad WebSocket frames', () => {
  function upgrade(path: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', reject);
      let head = '';
      const onData = (d: Buffer) => {
        head += d.toString('latin1');
        if (head.includes('\r\n\r\n')) {
          socket.off('data', onData);
          if (/^HTTP\/1\.1 101/.test(head)) resolve(socket);
          else reject(new Error(head.split('\r\n')[0]));
        }
      };
      socket.on('data', onData);
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
  }
  const frame = (first: number, payload: Buffer, masked = true) => {
    const mask = randomBytes(4);
    const data = masked ? Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!)) : payload;
    return Buffer.concat([
      Buffer.from([first, (masked ? 0x80 : 0) | payload.length]),
      masked ? mask : Buffer.alloc(0),
      data,
    ]);
  };

  it('are logged at warn without a stack, and never as errors', async () => {
    const before = lines.length;
    const bad = [
      frame(0x83, Buffer.from('x')), // reserved opcode
      frame(0x81, Buffer.from([0xff, 0xfe, 0xfd])), // invalid UTF-8
      frame(0x81, Buffer.from('hi'), false), // unmasked client frame
      frame(0xc1, Buffer.from('hi')), // RSV1 without compression
    ];
    for (const f of bad) {
      const socket = await upgrade('/api/live/2025/20?session=Q');
      await new Promise<void>((resolve) => {
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
        socket.write(f);
        setTimeout(() => socket.destroy(), 3000);
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    const logged = lines.slice(before);
    const frames = logged.filter((l) => l.event === 'live.ws.bad_frame');
    expect(frames.length).toBe(bad.length);
    expect(frames.every((l) => l.level === 40 && l.err === undefined)).toBe(true);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
  }, 60_000);
});
