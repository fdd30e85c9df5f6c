// The MCP server through real MCP clients from the SDK: over stdio (the `race-engineer mcp` binary),
// over streamable HTTP (/mcp on a listening server) and in memory (progress notifications).
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { openDatabase } from '../data/db.ts';
import { listTools } from '../agent/tools/registry.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { createMcpServer } from './server.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const registryNames = listTools(config)
  .map((t) => t.name)
  .sort();

const text = (r: CallToolResult) =>
  r.content
    .filter((c) => c.type === 'text')
    .map((c) => (c as { text: string }).text)
    .join('\n');

async function exercise(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(registryNames);
  const results = tools.find((t) => t.name === 'get_race_results')!;
  expect(results.description).toMatch(/classification/);
  expect(results.inputSchema).toMatchObject({
    type: 'object',
    properties: { grand_prix: { type: 'string' } },
  });
  expect(results.inputSchema.required).toEqual(['grand_prix']);

  const abuDhabi = (await client.callTool({
    name: 'get_race_results',
    arguments: { year: 2021, grand_prix: 'Abu Dhabi' },
  })) as CallToolResult;
  expect(abuDhabi.isError).toBeFalsy();
  expect(text(abuDhabi)).toMatch(/Verstappen/);
  expect(text(abuDhabi)).toMatch(/Sources: f1db/);
  expect(abuDhabi.structuredContent).toMatchObject({ data: { race: { year: 2021 } } });

  const champion = (await client.callTool({
    name: 'get_driver_standings',
    arguments: { year: 2008 },
  })) as CallToolResult;
  expect(text(champion)).toMatch(/Hamilton/);

  const bad = (await client.callTool({
    name: 'get_race_results',
    arguments: { year: 2021 },
  })) as CallToolResult;
  expect(bad.isError).toBe(true);
  expect(text(bad)).toMatch(/Invalid arguments for get_race_results/);

  const unknown = (await client.callTool({ name: 'no_such_tool', arguments: {} })) as CallToolResult;
  expect(unknown.isError).toBe(true);
  expect(text(unknown)).toMatch(/Unknown tool/);
}

describe('MCP over stdio (race-engineer mcp)', () => {
  it('lists every registry tool, calls them with real data, serves resources and prompts', async () => {
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    const env = Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [resolve('bin/race-engineer.js'), 'mcp'],
        env: { ...env, LOG_LEVEL: 'silent' },
        stderr: 'pipe',
      }),
    );
    try {
      expect(client.getServerVersion()?.name).toBe('race-engineer');
      await exercise(client);

      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri)).toContain('f1://calendar/current');
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('f1://results/{year}/{grand_prix}');
      const calendar = await client.readResource({ uri: 'f1://calendar/2023' });
      expect((calendar.contents[0] as { text: string }).text).toMatch(/Zandvoort|Dutch/);
      const classification = await client.readResource({ uri: 'f1://results/2023/austria' });
      expect((classification.contents[0] as { text: string }).text).toMatch(/Verstappen/);
      await expect(client.readResource({ uri: 'f1://nothing/here' })).rejects.toThrow(/Unknown resource/);

      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name).sort()).toEqual(['race_debrief', 'season_briefing']);
      const debrief = await client.getPrompt({
        name: 'race_debrief',
        arguments: { year: '2023', grand_prix: 'Austria' },
      });
      expect(debrief.messages).toHaveLength(2);
      expect(JSON.stringify(debrief.messages[1])).toMatch(/Verstappen/);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('MCP over streamable HTTP (/mcp)', () => {
  let app: App;
  let ctx: AppContext;
  let url: URL;
  beforeAll(async () => {
    ctx = createContext(config, silentLogger);
    app = await buildApp(config, silentLogger, ctx);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    url = new URL('/mcp', address);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('lists and calls the tools', async () => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(url));
    try {
      await exercise(client);
    } finally {
      await client.close();
    }
  });

  it('refuses requests from foreign web origins (DNS rebinding)', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        origin: 'http://evil.example',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(403);
  });

  it('refuses GET (stateless server, no standalone stream)', async () => {
    const res = await fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(405);
  });
});

describe('progress of long tools', () => {
  it('notifies progress while a tool runs and when it is done', async () => {
    let db: ReturnType<typeof openDatabase> | undefined;
    const server = createMcpServer({
      config,
      logger: silentLogger,
      db: () => (db ??= openDatabase(config.DATABASE_PATH)),
      progressIntervalMs: 5,
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'progress-test', version: '1.0.0' });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    const notes: { progress: number; total?: number; message?: string }[] = [];
    const result = await client.callTool(
      { name: 'query_f1_database', arguments: { sql: 'SELECT COUNT(*) AS n FROM race_result' } },
      CallToolResultSchema,
      { onprogress: (p) => notes.push(p), resetTimeoutOnProgress: true },
    );
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    // The SQL tool runs in a child process: starting it alone takes far longer than the 5 ms interval.
    expect(notes.some((n) => /query_f1_database: running for/.test(n.message ?? ''))).toBe(true);
    expect(text(result as CallToolResult)).toMatch(/\| n \|/);
    expect(notes.at(-1)).toMatchObject({ message: 'query_f1_database: done' });
    expect(notes.at(-1)!.total).toBe(notes.at(-1)!.progress);
    await client.close();
    await server.close();
    db?.close();
  });
});
