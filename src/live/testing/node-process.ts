// One server node for multi-process tests and the benchmark: the real app on a random port; prints
// `{"port":N}` on stdout once listening. Configuration from the environment, as in production.
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../../server/context.ts';

const config = loadConfig({ ...process.env, PORT: '0' });
const logger = createLogger(config);
const ctx = createContext(config, logger);
const app = await buildApp(config, logger, ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(JSON.stringify({ port: (app.server.address() as { port: number }).port }) + '\n');
const stop = async () => {
  await app.close();
  await ctx.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
