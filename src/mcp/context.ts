// What the MCP server needs from its host (the CLI for stdio, the HTTP app for /mcp).
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../data/db.ts';
import type { ToolContext } from '../agent/tools/registry.ts';
import type { ChatStore } from '../agent/chats.ts';
import type { ProvisionalLookup } from '../data/provisional/service.ts';

export interface McpDeps {
  config: Config;
  logger: Logger;
  db(): Db;
  now?(): Date;
  /** Milliseconds between progress notifications while a tool runs (default 1000). */
  progressIntervalMs?: number;
  /** Who is calling (HTTP with an API token or identity cookie), for the chat resources; none over stdio. */
  owner?: string;
  chats?: ChatStore;
  /** Provisional results from live timing (the same tools as the agent's fall back on them). */
  provisional?: ProvisionalLookup;
}

export function toolContext(deps: McpDeps, signal?: AbortSignal): ToolContext {
  return {
    config: deps.config,
    logger: deps.logger,
    db: () => deps.db(),
    now: deps.now ?? (() => new Date()),
    signal,
    ...(deps.provisional ? { provisional: deps.provisional } : {}),
  };
}
