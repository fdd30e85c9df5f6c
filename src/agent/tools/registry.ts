// The one tool registry: every tool module of this folder, listed once below (a test checks that no
// `*.tool.ts` file is left out). Consumers: the LLM loop, the offline engine, the MCP server
// (`listTools`, then `tool.execute`).
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError, isAppError, type ErrorCode } from '../../errors.ts';
import type { AgentTool, ToolContext, ToolResult } from './types.ts';
import analysisTools from './analysis.tool.ts';
import driverTools from './drivers.tool.ts';
import lineupTools from './lineup.tool.ts';
import qualifyingTools from './qualifying.tool.ts';
import resultTools from './results.tool.ts';
import rulebookTool from './rulebook.tool.ts';
import scheduleTool from './schedule.tool.ts';
import sqlTool from './sql.tool.ts';
import standingsTools from './standings.tool.ts';
import statsTools from './stats.tool.ts';
import webSearchTool from './web-search.tool.ts';

export type { AgentTool, ToolContext, ToolResult } from './types.ts';

/** Every tool, in a stable order. */
export const ALL_TOOLS: readonly AgentTool[] = checked([
  ...analysisTools,
  ...driverTools,
  ...lineupTools,
  ...qualifyingTools,
  ...resultTools,
  rulebookTool,
  scheduleTool,
  sqlTool,
  ...standingsTools,
  ...statsTools,
  webSearchTool,
] as AgentTool[]);

function checked(tools: AgentTool[]): AgentTool[] {
  const names = new Set<string>();
  for (const t of tools) {
    if (names.has(t.name)) throw new Error(`duplicate tool name ${t.name}`);
    names.add(t.name);
  }
  return tools;
}

/** The tools usable with this configuration (e.g. web search only when a search key is set). */
export function listTools(config: Config): AgentTool[] {
  return ALL_TOOLS.filter((t) => t.enabled?.(config) ?? true);
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
  /** Why it failed: not_found is "not in the data"; timeout, unavailable, bad_request… are not. */
  code?: ErrorCode;
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
      code: 'bad_request',
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
      code: 'bad_request',
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
    const code: ErrorCode = isAppError(err) ? err.code : 'internal';
    return { name, args: parsed.data, ok: false, ms: elapsed, error: message, code };
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onParentAbort);
  }
}
