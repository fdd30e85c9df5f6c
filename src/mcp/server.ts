// The MCP server: every tool of the agent's registry (listed afresh on each request, so tools added
// later appear without changes here), resources (season calendars, race classifications) and prompts
// (race debrief, season briefing). Built on the SDK's low-level Server so the registry's own JSON Schemas
// are published as they are, and calls go through the registry's runner (validation, timeout, logging).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
  type ServerNotification,
} from '@modelcontextprotocol/sdk/types.js';
import { listTools, runTool, toolJsonSchema } from '../agent/tools/registry.ts';
import { toolContext, type McpDeps } from './context.ts';

export type { McpDeps } from './context.ts';
import { PROMPTS, renderPrompt } from './prompts.ts';
import { RESOURCE_TEMPLATES, listResources, readResource } from './resources.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * A request schema that accepts any params, for handlers that check their params themselves: the SDK parses
 * a request with the handler's schema before calling it and turns a failure into -32603 (internal error);
 * malformed params (`arguments: null`) are the caller's mistake, -32602 (invalid params).
 */
const anyParams = <M extends string>(method: M) =>
  z.object({ method: z.literal(method), params: z.unknown().optional() }).passthrough();

function validParams<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  request: unknown,
): T {
  const r = schema.safeParse(request);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.filter((p) => p !== 'params').join('.');
  throw new McpError(
    ErrorCode.InvalidParams,
    `Invalid params${where ? ` "${where}"` : ''}: ${issue?.message ?? 'bad value'}`,
  );
}

/** Text of a tool result for a model: the Markdown answer, then where the facts come from. */
function resultText(markdown: string, sources: string[]): string {
  return sources.length ? `${markdown}\n\nSources: ${sources.join('; ')}` : markdown;
}

export function createMcpServer(deps: McpDeps): Server {
  const server = new Server(
    { name: 'race-engineer', version: VERSION },
    {
      capabilities: { tools: {}, resources: {}, prompts: {} },
      instructions:
        'Formula 1 data and analysis from an embedded database (f1db): schedules, results, qualifying, standings, driver profiles, comparisons, pit strategy, championship scenarios and read-only SQL. Prefer these tools over memory for any F1 fact.',
    },
  );
  const log = deps.logger;

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: listTools(deps.config).map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: { type: 'object' as const, ...toolJsonSchema(t) },
    })),
  }));

  server.setRequestHandler(anyParams('tools/call'), async (raw, extra): Promise<CallToolResult> => {
    const request = validParams(CallToolRequestSchema, raw);
    const { name, arguments: args } = request.params;
    const progressToken = extra._meta?.progressToken;
    const started = Date.now();
    let ticks = 0;
    // Long tools: a progress notification every interval while the call runs, so clients show activity
    // and can keep their request timeout alive, and a final one when it is done. Tools that compute
    // synchronously hold the event loop, so they get only the final notification.
    const timer =
      progressToken === undefined
        ? undefined
        : setInterval(() => {
            ticks++;
            const seconds = Math.round((Date.now() - started) / 100) / 10;
            const note: ServerNotification = {
              method: 'notifications/progress',
              params: { progressToken, progress: ticks, message: `${name}: running for ${seconds} s` },
            };
            extra.sendNotification(note).catch(() => undefined);
          }, deps.progressIntervalMs ?? 1000);
    try {
      const outcome = await runTool(name, args ?? {}, toolContext(deps, extra.signal));
      if (!outcome.ok || !outcome.result) {
        log.info({ event: 'mcp.tool.error', tool: name, err: outcome.error }, 'MCP tool error');
        return { isError: true, content: [{ type: 'text', text: outcome.error ?? 'Tool failed' }] };
      }
      const { data, markdown, sources } = outcome.result;
      if (progressToken !== undefined)
        await extra
          .sendNotification({
            method: 'notifications/progress',
            params: { progressToken, progress: ticks + 1, total: ticks + 1, message: `${name}: done` },
          })
          .catch(() => undefined);
      return {
        content: [{ type: 'text', text: resultText(markdown, sources) }],
        structuredContent: { data: data as unknown, sources },
      };
    } finally {
      if (timer) clearInterval(timer);
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: await listResources(deps),
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: RESOURCE_TEMPLATES,
  }));
  server.setRequestHandler(anyParams('resources/read'), async (raw, extra) => {
    const request = validParams(ReadResourceRequestSchema, raw);
    return { contents: [await readResource(deps, request.params.uri, extra.signal)] };
  });

  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: PROMPTS }));
  server.setRequestHandler(anyParams('prompts/get'), async (raw, extra) => {
    const request = validParams(GetPromptRequestSchema, raw);
    const prompt = PROMPTS.find((p) => p.name === request.params.name);
    if (!prompt) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt "${request.params.name}"`);
    return renderPrompt(deps, prompt.name, request.params.arguments ?? {}, extra.signal);
  });

  return server;
}
