// Notifications as one Fastify plugin: builds the service, registers its routes, and with the scheduler on
// (PUSH_SCHEDULER; default on except under NODE_ENV=test) ticks it and listens to the live hub's ingests once
// the server is ready. Closed with the server.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import type { Identities } from '../agent/identity.ts';
import type { LiveService } from '../live/service.ts';
import type { Logger } from '../logger.ts';
import type { SqlDatabase } from '../store/sql.ts';
import { registerNotifyRoutes } from './routes.ts';
import { NotifyService } from './service.ts';

export interface NotifyPluginDeps {
  config: Config;
  logger: Logger;
  db: () => Db;
  postgres: SqlDatabase | undefined;
  identities: Identities;
  live: () => LiveService;
  /** A service built by the caller (tests: clock, sender); closed with the server all the same. */
  service?: NotifyService;
}

export async function registerNotifications(app: FastifyInstance, deps: NotifyPluginDeps): Promise<void> {
  const { config } = deps;
  const notify =
    deps.service ??
    new NotifyService({
      config,
      logger: deps.logger,
      db: deps.db,
      ...(deps.postgres ? { postgres: deps.postgres } : {}),
    });
  await registerNotifyRoutes(app, { config, notify, identities: deps.identities, db: deps.db });
  if (config.PUSH_SCHEDULER ?? config.NODE_ENV !== 'test') {
    app.addHook('onReady', async () => {
      notify.scheduler.start(config.PUSH_TICK_INTERVAL * 1000);
      try {
        notify.watch(deps.live().hub);
      } catch (err) {
        // Reminders still go out; race alerts need live timing.
        deps.logger.warn(
          { event: 'push.alerts.unavailable', err },
          'race alerts off: live timing unavailable',
        );
      }
    });
  }
  app.addHook('onClose', async () => notify.close());
}
