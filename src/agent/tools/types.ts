// The contract every agent tool implements. The same definitions serve the LLM loop (as function
// schemas), the offline engine (called directly) and the MCP server (listed through the registry).
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../data/db.ts';
import type { ProvisionalLookup } from '../../data/provisional/service.ts';

/** What a tool may use while it runs. */
export interface ToolContext {
  config: Config;
  logger: Logger;
  /** The F1 database (read-only). */
  db(): Db;
  /** The clock, injectable so "next race" and "this season" are testable. */
  now(): Date;
  /** Aborted when the call times out or the client goes away. */
  signal?: AbortSignal;
  /** Provisional classifications from live timing for sessions the F1 database does not have yet. */
  provisional?: ProvisionalLookup;
  /** The asker's IANA time zone, when the client sends it: calendar times are also given in it. */
  timeZone?: string;
}

/** A tool's answer: structured data for programs, short Markdown for people and models. */
export interface ToolResult<T = unknown> {
  data: T;
  markdown: string;
  /** Where the facts come from, e.g. "f1db — 2024 Bahrain GP classification". */
  sources: string[];
}

export interface AgentTool<S extends z.ZodType = z.ZodType, T = unknown> {
  name: string;
  /** Written for a model to route by: what it answers, when to use it, when not to. */
  description: string;
  inputSchema: S;
  /** Tools that need optional configuration (a search key) say whether they are usable. */
  enabled?(config: Config): boolean;
  execute(args: z.infer<S>, ctx: ToolContext): Promise<ToolResult<T>> | ToolResult<T>;
}

/** Identity helper that keeps the argument type of `execute` tied to the schema. */
export function defineTool<S extends z.ZodType, T>(tool: AgentTool<S, T>): AgentTool<S, T> {
  return tool;
}
