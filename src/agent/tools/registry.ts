// The one tool registry. Every `*.tool.ts` file in this folder is a tool module (default export: one
// tool or an array of tools), discovered at load time — adding a tool is adding one file.
// Consumers: the LLM loop, the offline engine, the MCP server (`listTools`, then `tool.execute`).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError, isAppError } from '../../errors.ts';
import type { AgentTool, ToolContext, ToolResult } from './types.ts';

export type { AgentTool, ToolContext, ToolResult } from './types.ts';

const TOOL_DIR = fileURLToPath(new URL('.', import.meta.url));

function isTool(value: unknown): value is AgentTool {
  const t = value as AgentTool | undefined;
  return (
    !!t &&
    typeof t.name === 'string' &&
    typeof t.description === 'string' &&
    typeof t.execute === 'function' &&
    t.inputSchema instanceof z.ZodType
  );
}

async function discover(): Promise<AgentTool[]> {
  const files = readdirSync(TOOL_DIR)
    .filter((f) => /\.tool\.(ts|js)$/.test(f))
    .sort();
  const tools: AgentTool[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(TOOL_DIR, file)).href)) as { default?: unknown };
    const exported = Array.isArray(mod.default) ? mod.default : [mod.default];
    for (const t of exported) {
      if (!isTool(t)) throw new Error(`${file}: default export is not an agent tool`);
      if (tools.some((o) => o.name === t.name)) throw new Error(`duplicate tool name ${t.name}`);
      tools.push(t);
    }
  }
  return tools;
}

const ALL_TOOLS: readonly AgentTool[] = await discover();

/** The tools usable with this configuration (e.g. web search only when a search key is set). */
export function listTools(config: Config): AgentTool[] {
  return ALL_TOOLS.filter((t) => t.enabled?.(config) ?? true);
}

export function findTool(config: Config, name: string): AgentTool | undefined {
  return listTools(config).find((t) => t.name === name);
}

/** JSON Schema of a tool's input, as LLM function-calling APIs and MCP expect it. */
export function toolJsonSchema(tool: AgentTool): Record<string, unknown> {
  const schema = z.toJSONSchema(tool.inputSchema, { target: 'draft-7', io: 'input' }) as Record<
    string,
    unknown
  >;
  delete schema.$schema;
  return schema;
}

/** The record of one call, as the API reports it and the logs carry it. */
export interface ToolCallOutcome {
  name: string;
  args: unknown;
  ok: boolean;
  ms: number;
  result?: ToolResult;
  error?: string;
}

/**
 * Runs one tool call the way every engine must: validated arguments, a timeout (TOOL_TIMEOUT), timings
 * in the log, and any failure turned into an error outcome the model reads — never a throw.
 */
export async function runTool(
  name: string,
  rawArgs: unknown,
  ctx: ToolContext,
  tools: readonly AgentTool[] = listTools(ctx.config),
): Promise<ToolCallOutcome> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  const tool = tools.find((t) => t.name === name);
  if (!tool) {
    const known = tools.map((t) => t.name).join(', ');
    return {
      name,
      args: rawArgs,
      ok: false,
      ms: ms(),
      error: `Unknown tool "${name}". Available tools: ${known}.`,
    };
  }
  const parsed = tool.inputSchema.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
    return {
      name,
      args: rawArgs,
      ok: false,
      ms: ms(),
      error: `Invalid arguments for ${name}${where}: ${issue?.message ?? 'bad value'}`,
    };
  }
  const timeoutMs = ctx.config.TOOL_TIMEOUT * 1000;
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(ctx.signal?.reason);
  ctx.signal?.addEventListener('abort', onParentAbort, { once: true });
  const log = ctx.logger;
  log.info({ event: 'tool.executing', tool: name, args: parsed.data }, `tool ${name}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new AppError('timeout', `Tool "${name}" timed out after ${ctx.config.TOOL_TIMEOUT} s`);
        controller.abort(err);
        reject(err);
      }, timeoutMs);
    });
    const result = await Promise.race([
      Promise.resolve().then(() => tool.execute(parsed.data, { ...ctx, signal: controller.signal })),
      timeout,
    ]);
    const elapsed = ms();
    log.info({ event: 'tool.done', tool: name, ok: true, ms: elapsed }, `tool ${name} done`);
    return { name, args: parsed.data, ok: true, ms: elapsed, result };
  } catch (err) {
    const elapsed = ms();
    const message = isAppError(err) || err instanceof Error ? err.message : String(err);
    // "Not in the data" is an ordinary answer; anything else is worth a warning.
    const level = isAppError(err) && err.code === 'not_found' ? 'info' : 'warn';
    log[level](
      { event: 'tool.done', tool: name, ok: false, ms: elapsed, error: message },
      `tool ${name} failed`,
    );
    return { name, args: parsed.data, ok: false, ms: elapsed, error: message };
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onParentAbort);
  }
}
