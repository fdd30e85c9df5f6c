// MCP over HTTP under hostile input: malformed params are -32602, DNS rebinding is refused whatever Host and
// Origin say, chats are resources of their owner only, and the SQL tool's caps hold for MCP callers.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { closeSqlPools } from '../agent/tools/sql-pool.ts';

const TOKEN_A = 'mcp-token-a-0123456789';
const TOKEN_B = 'mcp-token-b-0123456789';
let app: App;
let ctx: AppContext;
let base: string;

beforeAll(async () => {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    API_TOKENS: `${TOKEN_A},${TOKEN_B}`,
    CHATS_DB_PATH: ':memory:',
    LLM_PROVIDER: 'offline',
  });
  ctx = createContext(config, silentLogger);
  app = await buildApp(config, silentLogger, ctx);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await ctx.close();
  closeSqlPools();
});

interface RpcAnswer {
  status: number;
  bytes: number;
  body: { result?: Record<string, unknown>; error?: { code: number; message: string } };
}

async function rpc(
  method: string,
  params: unknown,
  headers: Record<string, string> = {},
): Promise<RpcAnswer> {
  const res = await fetch(`${base}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const text = await res.text();
  const data = text.includes('data: ')
    ? text
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => JSON.parse(l.slice(6)) as RpcAnswer['body'])
        .find((m) => 'result' in m || 'error' in m)
    : text
      ? (JSON.parse(text) as RpcAnswer['body'])
      : {};
  return { status: res.status, bytes: text.length, body: data ?? {} };
}

describe('MCP invalid params', () => {
  it.each([
    ['tools/call', { name: 'get_race_results', arguments: null }],
    ['tools/call', { name: 42 }],
    ['resources/read', { uri: 5 }],
    ['prompts/get', {}],
  ])('%s %j → -32602', async (method, params) => {
    const r = await rpc(method, params);
    expect(r.body.error?.code, JSON.stringify(r.body)).toBe(-32602);
  });
});

describe('MCP and DNS rebinding', () => {
  it('a rebound name is refused by its Host (421), whatever Origin says', async () => {
    // fetch cannot set Host: a plain request can, as a rebound browser page effectively does.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${base}/mcp`,
        {
          method: 'POST',
          headers: {
            host: 'evil.example',
            origin: 'http://evil.example',
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    });
    expect(status).toBe(421);
    expect((JSON.parse(body) as { error: { code: string } }).error.code).toBe('misdirected_request');
  });

  it('a foreign Origin with our Host is refused (403); our own origin is served', async () => {
    expect((await rpc('tools/list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const own = await rpc('tools/list', {}, { origin: base });
    expect(own.status).toBe(200);
    expect(own.body.result?.tools).toBeDefined();
  });
});

describe('chats as MCP resources', () => {
  it('an API token sees its own chats and nobody else’s', async () => {
    const chat = await app.inject({
      method: 'POST',
      url: '/api/chat',
      headers: { authorization: `Bearer ${TOKEN_A}` },
      payload: { messages: [{ role: 'user', content: 'who won the 2021 Abu Dhabi GP?' }] },
    });
    const chatId = /"chatId":"([^"]+)"/.exec(chat.body)![1]!;
    const a = { authorization: `Bearer ${TOKEN_A}` };
    const b = { authorization: `Bearer ${TOKEN_B}` };
    const listed = (await rpc('resources/list', {}, a)).body.result!.resources as { uri: string }[];
    expect(listed.map((r) => r.uri)).toContain(`f1://chats/${chatId}`);
    const own = await rpc('resources/read', { uri: `f1://chats/${chatId}` }, a);
    expect(JSON.stringify(own.body.result)).toMatch(/Abu Dhabi/);
    const other = await rpc('resources/read', { uri: `f1://chats/${chatId}` }, b);
    expect(other.body.error?.code).toBe(-32002);
    expect(
      ((await rpc('resources/list', {}, b)).body.result!.resources as { uri: string }[]).map((r) => r.uri),
    ).not.toContain(`f1://chats/${chatId}`);
    const anonymous = await rpc('resources/read', { uri: `f1://chats/${chatId}` });
    expect(anonymous.body.error?.code).toBe(-32002);
    expect((await rpc('resources/list', {}, { authorization: 'Bearer wrong-token' })).status).toBe(401);
  });
});

describe('the SQL tool through MCP', () => {
  it('caps a huge result in bytes, says so, and answers', async () => {
    const r = await rpc('tools/call', {
      name: 'query_f1_database',
      arguments: { sql: 'SELECT hex(randomblob(5000000)) AS blob FROM race LIMIT 20' },
    });
    expect(r.status).toBe(200);
    const result = r.body.result as { isError?: boolean; content: { text: string }[] };
    expect(result.isError).toBeFalsy();
    expect(result.content[0]!.text).toMatch(/Result cut at 256 KB/);
    // 400 MB before; now within the byte cap (twice: the data and the Markdown), plus framing.
    expect(r.bytes).toBeLessThan(3 * 256 * 1024);
  }, 60_000);
});
