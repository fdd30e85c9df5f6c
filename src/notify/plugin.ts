// Notifications as one Fastify plugin: registers the routes of the service the server's context owns
// (src/server/context.ts creates and closes it), and with the scheduler on (PUSH_SCHEDULER; default on except
// under NODE_ENV=test) ticks it and listens to the live hub's ingests once the server is ready.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import type { Identities } from '../agent/identity.ts';
import type { LiveService } from '../live/service.ts';
import type { Logger } from '../logger.ts';
import { registerNotifyRoutes } from './routes.ts';
import type { NotifyService } from './service.ts';

export interface NotifyPluginDeps {
  config: Config;
  logger: Logger;
  db: () => Db;
  /** The service (created and closed by its owner, the server's context). */
  notify: NotifyService;
  identities: Identities;
  live: () => LiveService;
}

export async function registerNotifications(app: FastifyInstance, deps: NotifyPluginDeps): Promise<void> {
  const { config, notify } = deps;
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
}
