// The `race-engineer` command line. Each domain adds its sub-commands through a register function.
// Errors end as one line on stderr and a non-zero exit code, never a stack trace.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { isAppError } from './errors.ts';
import { registerServeCommand } from './server/cli.ts';
import { registerDataCommands } from './data/cli.ts';
import { registerProvisionalCommands } from './server/provisional-check-cli.ts';
import { registerAgentCommands } from './agent/cli.ts';
import { registerAnalysisCommands } from './analysis/cli.ts';
import { registerRulebookCommands } from './rulebook/cli.ts';
import { registerMcpCommands } from './mcp/cli.ts';
import { registerErgastCommands } from './ergast/cli.ts';
import { registerLiveCommands } from './live/cli.ts';
import { registerNotifyCommands } from './notify/cli.ts';
import { setRecordedLapsDirs } from './data/laps/recorded.ts';

export interface CliContext {
  config(): Config;
  logger(): Logger;
}

function makeContext(): CliContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  return {
    config: () => {
      if (!config) {
        config = loadConfig();
        // Races the lap-table CSVs lack are built from synced or recorded timing sessions.
        setRecordedLapsDirs([config.TIMING_DIR, config.LIVETIMING_DIR]);
      }
      return config;
    },
    // Logs go to stderr: stdout carries only the command's output (tables, --json).
    logger: () => (logger ??= createLogger(config ?? loadConfig(), { fd: 2 })),
  };
}

export function exitWithError(err: unknown): never {
  if (err instanceof ConfigError || isAppError(err)) {
    console.error(`race-engineer: ${err.message}`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`race-engineer: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  const ctx = makeContext();
  const program = new Command('race-engineer')
    .description('Formula 1 AI race engineer: data API, rulebook search, agent, live timing')
    .exitOverride()
    .showHelpAfterError();
  registerServeCommand(program, ctx);
  registerDataCommands(program, ctx);
  registerProvisionalCommands(
    program.commands.find((c) => c.name() === 'data')!,
    ctx,
  );
  registerAgentCommands(program, ctx);
  registerAnalysisCommands(program, ctx);
  registerRulebookCommands(program, ctx);
  registerMcpCommands(program, ctx);
  registerErgastCommands(program, ctx);
  registerLiveCommands(program, ctx);
  registerNotifyCommands(program, ctx);
  await program.parseAsync(process.argv);
}

main().catch(exitWithError);
